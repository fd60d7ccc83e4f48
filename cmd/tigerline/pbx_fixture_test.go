package main

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
)

// callParties is the fresh database the PBX end-to-end tests call into:
// agent Amy Chan on extension 101, and the contact Alice Wong on
// +1 (415) 555-0142, the number the simulators and recorded traces call
// from.
type callParties struct {
	db     *mysql.DB
	phones *phone.Normalizer
	users  *mysql.UserService
	agent  *crm.User
	alice  *crm.Record
}

func newCallParties(t *testing.T) callParties {
	t.Helper()
	ctx := context.Background()
	p := callParties{}
	p.db, _ = mysqltest.NewDB(t)
	var err error
	if p.phones, err = phone.New("US"); err != nil {
		t.Fatal(err)
	}
	p.users = mysql.NewUserService(p.db)
	if p.agent, err = p.users.CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", FirstName: "Amy", LastName: "Chan",
		Extension: "101"}); err != nil {
		t.Fatal(err)
	}
	admin, err := p.users.FindUserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	records := mysql.NewRecordService(p.db, p.phones, mysqltest.Logger())
	if p.alice, err = records.CreateRecord(ctx, admin, "Contacts", map[string]string{"firstname": "Alice", "lastname": "Wong",
		"phone": "+1 (415) 555-0142"}); err != nil {
		t.Fatal(err)
	}
	return p
}

// addSimPBX starts an AMI simulator for the test and registers it in db
// as the PBX name, logging in with the simulator's own user and secret,
// on its DID with the usual contexts (from-pstn in, pstn-out out).
func addSimPBX(t *testing.T, db *mysql.DB, name string, cfg amisim.Config) *amisim.Server {
	t.Helper()
	ctx := context.Background()
	sim, err := amisim.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	if _, err := mysql.NewPBXService(db).Add(ctx, &crm.PBX{Name: name, Address: sim.Addr(), Username: cfg.Username, Secret: cfg.Secret,
		InboundContexts: []string{"from-pstn"}, OutboundContexts: []string{"pstn-out"}, DIDs: []string{amisim.DefaultDID}}); err != nil {
		t.Fatal(err)
	}
	return sim
}

// runTestPBXs runs serve's connections to the PBXs registered in db,
// publishing on bus, until the test ends, and returns once all of them
// are connected.
func runTestPBXs(t *testing.T, db *mysql.DB, users crm.UserService, phones *phone.Normalizer, bus realtime.Bus, dial dialConfig) *pbxSet {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait() })
	running, err := runningPBXs(ctx, &wg, db, users, phones, bus, dial, mysqltest.Logger())
	if err != nil {
		t.Fatal(err)
	}
	waitPBXsConnected(t, db, "PBXs connected", 5*time.Second)
	return running
}

// waitPBXsConnected waits until every PBX registered in db (at least
// one) says it is connected.
func waitPBXsConnected(t *testing.T, db *mysql.DB, what string, within time.Duration) {
	t.Helper()
	pbxs := mysql.NewPBXService(db)
	waitUntil(t, what, within, func() bool {
		list, err := pbxs.List(context.Background())
		return err == nil && len(list) > 0 && !slices.ContainsFunc(list, func(p *crm.PBX) bool { return p.Status.State != crm.PBXStateConnected })
	})
}
