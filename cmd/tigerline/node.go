package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
	"github.com/tigerline/tigerline/web"
)

// node is one Tigerline server on a database and an event bus: the
// services, the web server, the websocket hub and, when asked, the PBX
// connections. serve runs one; tests run two to act as two servers.
type node struct {
	db       *mysql.DB
	bus      realtime.Bus
	phones   *phone.Normalizer
	users    *mysql.UserService
	sessions *mysql.SessionService
	hub      *realtime.Hub
	srv      *web.Server
	dial     dialConfig
	log      *slog.Logger
	// running places click-to-calls; start sets it before HTTP serves.
	running *pbxSet
}

// newNode wires the services and the web server of a node.
func newNode(ctx context.Context, db *mysql.DB, bus realtime.Bus, phones *phone.Normalizer, wcfg web.Config, dial dialConfig, log *slog.Logger) (*node, error) {
	enabled, err := mysql.EnabledModules(ctx, db)
	if err != nil {
		return nil, err
	}
	n := &node{
		db: db, bus: bus, phones: phones, dial: dial, log: log,
		users: mysql.NewUserService(db), sessions: mysql.NewSessionService(db, mysql.SessionConfig{}),
	}
	records := mysql.NewRecordService(db, phones, log)
	live := mysql.NewLiveCallService(db)
	n.hub, err = realtime.NewHub(realtime.HubConfig{
		Bus:          bus,
		Authenticate: func(r *http.Request) (*crm.User, error) { return n.srv.SessionUser(r) },
		Log:          log,
	})
	if err != nil {
		return nil, err
	}
	n.srv, err = web.New(wcfg, web.Deps{
		Users: n.users, Sessions: n.sessions, Logger: log,
		Health:        n.health,
		ModuleEnabled: func(name string) bool { return enabled[name] },
		Records:       records, Languages: n.users, Relations: records, Comments: records,
		Webservice: mysql.NewWebserviceStore(db), WSTokens: mysql.NewWSTokenService(db),
		Access: mysql.NewAccessService(db), Realtime: n.hub.Handler(),
		Calls: mysql.NewCallService(db, log), Lookup: mysql.NewLookupService(db, phones),
		SupervisorCheck: realtime.DefaultIsSupervisor, PBX: mysql.NewPBXService(db),
		Support:   mysql.NewSupportService(db, records, bus, log),
		Inventory: mysql.NewInventoryService(records),
		Originate: n.originate,
		LiveCalls: func(ctx context.Context) ([]crm.LiveCall, error) {
			return live.LiveCalls(ctx, time.Now().Add(-liveCallWindow))
		},
		SignedIn:  n.sessions.SignedInUsers,
		Publisher: bus,
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// liveCallWindow bounds how long a call in progress may go without an
// update and still show as live: a call whose end was never seen (its
// node stopped for good) must not haunt pops and dashboards.
const liveCallWindow = 12 * time.Hour

// originate is click-to-call on a node; one without PBX connections has
// none to offer.
func (n *node) originate(ctx context.Context, u *crm.User, number string) error {
	if n.running == nil {
		return crm.Errorf(crm.EUnavailable, "this server runs no PBX connection")
	}
	return n.running.Originate(ctx, u, number)
}

// start runs the node's background work on wg until ctx ends: the session
// sweep, the websocket hub and, with pbx, the PBX connections. Call it
// before serving HTTP: click-to-call reads what it sets.
func (n *node) start(ctx context.Context, wg *sync.WaitGroup, pbx bool) error {
	wg.Go(func() { sweepSessions(ctx, n.sessions, n.log) })
	wg.Go(func() {
		if err := n.hub.Run(ctx); err != nil && ctx.Err() == nil {
			n.log.Error("realtime hub stopped", "err", err)
		}
	})
	if !pbx {
		return nil
	}
	running, err := runningPBXs(ctx, wg, n.db, n.users, n.phones, n.bus, n.dial, n.log)
	if err != nil {
		return err
	}
	n.running = running
	return nil
}

// health says whether the node can serve: its database answers and its
// websocket hub is subscribed to the bus. A node whose hub is down would
// serve pages without pops, so a load balancer should send browsers to
// another node.
func (n *node) health(ctx context.Context) error {
	if err := n.db.PingContext(ctx); err != nil {
		return err
	}
	if !n.hub.Stats().Running {
		return errors.New("realtime hub not running")
	}
	return nil
}
