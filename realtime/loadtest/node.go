package loadtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/realtime"
)

// userHeader names the load test's stand-in for a session cookie: the
// user id, whose extension is the same number.
const userHeader = "X-Loadtest-User"

func authenticate(r *http.Request) (*crm.User, error) {
	id, err := strconv.ParseInt(r.Header.Get(userHeader), 10, 64)
	if err != nil {
		return nil, crm.Errorf(crm.EUnauthorized, "no load test user")
	}
	return &crm.User{ID: id, UserName: "load" + strconv.FormatInt(id, 10), Extension: strconv.FormatInt(id, 10)}, nil
}

// node is one server node: a bus, a running hub and an HTTP server on a
// loopback port.
type node struct {
	bus    realtime.Bus
	hub    *realtime.Hub
	addr   string
	srv    *http.Server
	cancel context.CancelFunc
	done   chan struct{}
}

// startNode runs a hub on bus. Pings are rare so that idle raw clients,
// which answer pings only while they read, stay connected.
func startNode(bus realtime.Bus) (*node, error) {
	h, err := realtime.NewHub(realtime.HubConfig{
		Bus: bus, Authenticate: authenticate,
		PingInterval: time.Hour, PongWait: 2 * time.Hour, SendQueue: 64,
	})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := &node{bus: bus, hub: h, addr: ln.Addr().String(), cancel: cancel, done: make(chan struct{}),
		srv: &http.Server{Handler: h.Handler(), ReadHeaderTimeout: 10 * time.Second}}
	go func() {
		defer close(n.done)
		_ = h.Run(ctx)
	}()
	go func() { _ = n.srv.Serve(ln) }()
	for !h.Stats().Running { // the handler answers 503 until then
		select {
		case <-n.done:
			n.close()
			return nil, errors.New("hub stopped before it ran")
		case <-time.After(time.Millisecond):
		}
	}
	return n, nil
}

func (n *node) close() {
	n.cancel()
	<-n.done
	_ = n.srv.Close()
	_ = n.bus.Close()
}

// startNodes starts one node on a memory bus, or two on Redis (sharing a
// fresh channel prefix) once both are subscribed. The first node is
// where events are published, the last where clients connect.
func startNodes(ctx context.Context, opts *redis.Options) ([]*node, error) {
	if opts == nil {
		n, err := startNode(realtime.NewMemoryBus())
		if err != nil {
			return nil, err
		}
		return []*node{n}, nil
	}
	if err := pingRedis(ctx, opts); err != nil {
		return nil, err
	}
	prefix := fmt.Sprintf("tlbench:%d:", time.Now().UnixNano())
	var nodes []*node
	for range 2 {
		b := realtime.NewRedisBus(opts, prefix, nil)
		n, err := startNode(b)
		if err != nil {
			closeAll(nodes)
			return nil, err
		}
		nodes = append(nodes, n)
		for !b.Stats().Subscribed {
			if ctx.Err() != nil {
				closeAll(nodes)
				return nil, errors.New("redis subscription not up")
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	return nodes, nil
}

func closeAll(nodes []*node) {
	for _, n := range nodes {
		n.close()
	}
}

func pingRedis(ctx context.Context, opts *redis.Options) error {
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("redis at %s unreachable: %w (start it with `make services`)", opts.Addr, err)
	}
	return nil
}

// seqEvent is event number seq of a run, for users.
func seqEvent(typ string, seq int, pad string, users []int64, all bool) (crm.Event, error) {
	return crm.NewEvent(typ, 1, time.Now(), seqPayload{Seq: seq, Pad: pad}, crm.Audience{Users: users, All: all})
}

type seqPayload struct {
	Seq int    `json:"seq"`
	Pad string `json:"pad,omitempty"`
}
