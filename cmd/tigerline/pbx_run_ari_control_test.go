package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/realtime"
)

// TestARIGeneratedCallsEndToEnd runs two ARI PBXs on fake servers that
// generate calls: one in stasis (control) mode, where Tigerline answers
// a call the dialplan sends to the application, greets the caller,
// bridges it with the extension the Stasis arguments name and hangs up
// the rest after the agent, and one in observe (monitor) mode, which
// watches an ordinary dialplan call the customer ends. Each gives
// exactly one vtiger_pbxmanager row, linked to the caller's contact and
// the agent, and the monitor PBX is never sent a state-changing request.
func TestARIGeneratedCallsEndToEnd(t *testing.T) {
	ctx := context.Background()
	parties := newCallParties(t)
	db, phones, users, agent, alice := parties.db, parties.phones, parties.users, parties.agent, parties.alice

	ctl := aritest.NewServer(nil, aritest.Config{PlaybackTime: 500 * time.Millisecond})
	t.Cleanup(ctl.Close)
	mon := aritest.NewServer(nil, aritest.Config{})
	t.Cleanup(mon.Close)
	pbxs := mysql.NewPBXService(db)
	for _, p := range []*crm.PBX{
		{Name: "ari-ctl", Address: ctl.HTTP.URL, ARIMode: crm.ARIModeStasis},
		{Name: "ari-mon", Address: mon.HTTP.URL, ARIMode: crm.ARIModeObserve},
	} {
		p.Kind, p.Username, p.Secret, p.ARIApp = crm.PBXKindARI, "crm", "crmsecret", "crm"
		p.InboundContexts, p.DIDs = []string{"from-pstn"}, []string{aritest.DefaultDID, aritest.StasisDID}
		if _, err := pbxs.Add(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	bus := realtime.NewMemoryBus()
	t.Cleanup(func() { bus.Close() })
	runTestPBXs(t, db, users, phones, bus, dialConfig{AgentChannel: "SIP/{ext}", Context: "from-internal", ARIGreeting: "sound:hello-world"})

	trunk, err := ctl.Place(aritest.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Stasis: true, Extension: "101",
		Answered: true, Ring: time.Second, Talk: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mon.Place(aritest.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Extension: "101",
		Answered: true, Ring: time.Second, Talk: 2 * time.Second, CallerHangsUp: true}); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, "both calls stored", 15*time.Second, func() bool {
		return len(storedCalls(t, db, "ari-ctl")) >= 1 && len(storedCalls(t, db, "ari-mon")) >= 1
	})
	waitUntil(t, "both PBXs idle", 5*time.Second, func() bool { return ctl.LiveChannels() == 0 && mon.LiveChannels() == 0 })
	time.Sleep(300 * time.Millisecond) // a duplicate would show by now
	for _, tc := range []struct {
		gateway   string
		total     int
		sourceIDs string
	}{
		{"ari-ctl", 3, trunk}, // greeting 0.5 s, ringing 1 s, talk 2 s
		{"ari-mon", 3, ""},
	} {
		calls := storedCalls(t, db, tc.gateway)
		if len(calls) != 1 {
			t.Fatalf("%s rows: got %d, want exactly 1: %+v", tc.gateway, len(calls), calls)
		}
		c := calls[0]
		if c.Direction != "inbound" || c.CallStatus != "completed" {
			t.Errorf("%s call: got %q %q, want inbound completed", tc.gateway, c.Direction, c.CallStatus)
		}
		if !c.Customer.Valid || c.Customer.Int64 != alice.ID || c.CustomerNumber.String != "+14155550142" {
			t.Errorf("%s customer: got %v %v, want contact %d (+14155550142)", tc.gateway, c.Customer, c.CustomerNumber, alice.ID)
		}
		if c.User.String != itoa64(agent.ID) {
			t.Errorf("%s user: got %v, want the agent %d", tc.gateway, c.User, agent.ID)
		}
		if d := c.TotalDuration - tc.total; d < -1 || d > 1 {
			t.Errorf("%s total duration: got %d, want %d ±1", tc.gateway, c.TotalDuration, tc.total)
		}
		if d := c.BillDuration - 2; d < -1 || d > 1 {
			t.Errorf("%s billed duration: got %d, want 2 ±1", tc.gateway, c.BillDuration)
		}
		if tc.sourceIDs != "" && c.SourceUUID != tc.sourceIDs {
			t.Errorf("%s source: got %q, want the caller's channel %s", tc.gateway, c.SourceUUID, tc.sourceIDs)
		}
	}
	if !slices.ContainsFunc(ctl.Requests(), func(r aritest.Request) bool { return r.Method == "POST" && r.Path == "/ari/channels/"+trunk+"/answer" }) {
		t.Errorf("control PBX: the call was not answered: %+v", ctl.Requests())
	}
	for _, r := range mon.Requests() {
		if r.Method != "GET" {
			t.Errorf("monitor PBX got %s %s", r.Method, r.Path)
		}
	}
}
