package web

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// TestLiveState: an agent rings while a live call's ringing set lists
// them, every agent a queue rings at once; an agent whose ring stopped is
// available again although the record still names them as the first
// rung. Calls known only from the store keep the agent they name ringing.
func TestLiveState(t *testing.T) {
	start := time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)
	call := func(status crm.CallStatus, agent string, ringing []string) popCall {
		c := popCall{CallRecord: crm.CallRecord{Gateway: "pbx1", SourceUniqueID: "1.1", Direction: crm.DirectionInbound,
			Status: status, StartTime: start, AgentExtension: agent, Queue: "support"}, Ringing: ringing}
		if status == crm.CallStatusInProgress {
			c.AnswerTime, c.Agents = start.Add(5*time.Second), []string{agent}
		}
		return c
	}
	ringall := call(crm.CallStatusRinging, "201", []string{"201", "202", "203"})
	timedOut := call(crm.CallStatusRinging, "201", []string{"202"})
	stored := call(crm.CallStatusRinging, "201", nil)
	outbound := call(crm.CallStatusRinging, "201", []string{})
	outbound.Direction = crm.DirectionOutbound
	transfer := call(crm.CallStatusInProgress, "201", []string{"202"})
	tests := []struct {
		name  string
		live  popCall
		ext   string
		state string
	}{
		{"ringall, first rung", ringall, "201", agentRinging},
		{"ringall, second rung", ringall, "202", agentRinging},
		{"ringall, last rung", ringall, "203", agentRinging},
		{"ringall, not a member", ringall, "204", agentAvailable},
		{"ring timed out", timedOut, "201", agentAvailable},
		{"rung next", timedOut, "202", agentRinging},
		{"stored only", stored, "201", agentRinging},
		{"outbound ringing out", outbound, "201", agentRinging},
		{"talking", transfer, "201", agentOnCall},
		{"transfer target", transfer, "202", agentRinging},
	}
	for _, tc := range tests {
		a := agentStatus{Extension: tc.ext, State: agentAvailable}
		set := liveState(&a, []popCall{tc.live})
		if a.State != tc.state || set != (tc.state != agentAvailable) {
			t.Errorf("%s: got %s (set %v), want %s", tc.name, a.State, set, tc.state)
		}
	}
}

// TestDashboardReloadRingingAgents: the dashboard read after a reload
// shows every agent a live call rings, from its live row, and carries
// the ringing sets the page applies later events to.
func TestDashboardReloadRingingAgents(t *testing.T) {
	ringall := inbound("ringall", "+85291234567", "101", 6*time.Second)
	waiting := inbound("waiting", "+85229998888", "104", 20*time.Second) // 104's ring timed out
	f := newCallFixture(t, func(_ *Config, d *Deps) {
		d.LiveCalls = func(context.Context) ([]crm.LiveCall, error) {
			return []crm.LiveCall{
				{Call: ringall, Extensions: []string{"101", "102", "103"}},
				{Call: waiting},
			}, nil
		}
	})
	f.agent(t, "agent103", "103")
	f.agent(t, "agent104", "104")

	var got dashboardBody
	f.client(t, "admin", "admin").getJSON("/api/dashboard", &got)
	states := map[string]string{}
	for _, a := range got.Agents {
		states[a.Extension] = a.State
	}
	want := map[string]string{"101": agentRinging, "102": agentRinging, "103": agentRinging, "104": agentAvailable}
	for ext, st := range want {
		if states[ext] != st {
			t.Errorf("agent %s: got %q, want %q (all: %v)", ext, states[ext], st, states)
		}
	}
	ringing := map[string][]string{}
	for _, c := range got.Calls {
		ringing[c.SourceUniqueID] = c.Ringing
	}
	if r := ringing["ringall"]; !slices.Equal(r, []string{"101", "102", "103"}) {
		t.Errorf("ringall call: got ringing %v, want [101 102 103]", r)
	}
	if r, ok := ringing["waiting"]; !ok || r == nil || len(r) != 0 {
		t.Errorf("waiting call: got ringing %#v, want an empty list (nobody rings)", r)
	}

	// An agent the queue rings, though not the first one rung, gets the
	// pop back on a reload; the agent whose ring timed out does not.
	for ext, want := range map[string]bool{"103": true, "104": false} {
		var pops liveCallsBody
		f.client(t, "agent"+ext, "secret-password").getJSON("/api/calls/live", &pops)
		got := slices.ContainsFunc(pops.Live, func(c popCall) bool { return c.SourceUniqueID == "ringall" })
		if got != want {
			t.Errorf("agent %s's pops after a reload: ringall call shown %v, want %v", ext, got, want)
		}
	}
}
