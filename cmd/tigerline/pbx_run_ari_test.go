package main

import (
	"context"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/internal/pbxtrace"
	"github.com/tigerline/tigerline/realtime"
)

// TestARIPBXEndToEnd replays a recorded ARI monitor-mode call (an
// inbound call from +14155550142 answered by agent 101) from a fake ARI
// server registered as an ARI PBX: serve's PBX wiring stores exactly one
// vtiger_pbxmanager row, linked to the caller's contact and the agent,
// and click-to-call is placed over the same connection.
func TestARIPBXEndToEnd(t *testing.T) {
	tr, err := aritest.LoadTrace(filepath.Join(pbxtrace.Dir(t), "asterisk-22"), "ari-22-monitor-inbound-answered")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	parties := newCallParties(t)
	db, phones, users, agent, alice := parties.db, parties.phones, parties.users, parties.agent, parties.alice

	srv := aritest.NewServer(tr, aritest.Config{HoldUntilList: true})
	t.Cleanup(srv.Close)
	const gw = "ari22"
	pbxs := mysql.NewPBXService(db)
	if _, err := pbxs.Add(ctx, &crm.PBX{Name: gw, Kind: crm.PBXKindARI, Address: srv.HTTP.URL, Username: "crm", Secret: "crmsecret",
		ARIApp: "crm", ARIMode: crm.ARIModeObserve, InboundContexts: []string{"from-pstn"}, OutboundContexts: []string{"pstn-out"},
		DIDs: []string{"+18005550100"}}); err != nil {
		t.Fatal(err)
	}
	bus := realtime.NewMemoryBus()
	t.Cleanup(func() { bus.Close() })

	running := runTestPBXs(t, db, users, phones, bus, defaultDial)
	if d, _ := running.connected(); d == nil {
		t.Error("click-to-call sees no connected PBX while the ARI PBX is connected")
	}
	select {
	case <-srv.Finished():
	case <-time.After(10 * time.Second):
		t.Fatal("trace not replayed within 10s")
	}
	waitUntil(t, "call stored", 10*time.Second, func() bool { return len(storedCalls(t, db, gw)) >= 1 })
	time.Sleep(300 * time.Millisecond) // a duplicate would show by now
	calls := storedCalls(t, db, gw)
	if len(calls) != 1 {
		t.Fatalf("rows: got %d, want exactly 1: %+v", len(calls), calls)
	}
	c := calls[0]
	if c.Direction != "inbound" || c.CallStatus != "completed" {
		t.Errorf("call: got direction %q callstatus %q, want inbound completed", c.Direction, c.CallStatus)
	}
	if !c.Customer.Valid || c.Customer.Int64 != alice.ID || c.CustomerNumber.String != "+14155550142" {
		t.Errorf("customer: got %v %v, want contact %d (+14155550142)", c.Customer, c.CustomerNumber, alice.ID)
	}
	if c.User.String != itoa64(agent.ID) {
		t.Errorf("user: got %v, want the agent %d", c.User, agent.ID)
	}

	// Click-to-call goes through the same ARI connection.
	if err := running.Originate(ctx, agent, "(415) 555-0142"); err != nil {
		t.Fatalf("click-to-call: %v", err)
	}
	i := slices.IndexFunc(srv.Requests(), func(r aritest.Request) bool { return r.Method == "POST" && r.Path == "/ari/channels" })
	if i < 0 {
		t.Fatalf("no POST /ari/channels among %+v", srv.Requests())
	}
	q, err := url.ParseQuery(srv.Requests()[i].Query)
	if err != nil {
		t.Fatal(err)
	}
	if q.Get("endpoint") != "SIP/101" || q.Get("extension") != "+14155550142" || q.Get("context") != "from-internal" {
		t.Errorf("originate: got %v, want SIP/101 dialling +14155550142 in from-internal", q)
	}
	// The link may not have noticed the websocket close yet: either it
	// is down or the REST call itself fails.
	srv.Close()
	if err := running.Originate(ctx, agent, "+14155550142"); crm.ErrorCode(err) != crm.EUnavailable {
		t.Errorf("PBX down: got %v, want unavailable", err)
	}
}
