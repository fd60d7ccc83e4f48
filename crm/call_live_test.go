package crm_test

import (
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// TestLiveRowFollowsRinging: the live row a page reload reads lists every
// agent ringing, drops one whose ring stopped, and once the call is
// answered names the agent talking.
func TestLiveRowFollowsRinging(t *testing.T) {
	live := &memLive{}
	f := newLiveFlow(&memCalls{}, live)
	q := &queueCall{}
	row := func(step string, evs []crm.CallEvent, want ...string) {
		t.Helper()
		handleAll(t.Context(), f, evs)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		c := live.rows[queueTrunkUID]
		if !slices.Equal(c.Extensions, want) {
			t.Errorf("%s: got extensions %v, want %v", step, c.Extensions, want)
		}
	}
	row("three rung", slices.Concat(q.join(0), q.ring(1, "201"), q.ring(1, "202"), q.ring(1, "203")), "201", "202", "203")
	row("201 gave up", q.hangup(16, "201", "NOANSWER"), "202", "203")
	row("203 answers", slices.Concat(q.answer(18, "203"), q.hangup(18, "202", "CANCEL"), q.connect(18, "203")), "203")
	if got := live.rows[queueTrunkUID].Ringing(); len(got) != 0 || got == nil {
		t.Errorf("answered row: got ringing %#v, want an empty list", got)
	}
}

// TestLiveCallRinging: Ringing is the row's extensions less the agent
// talking; until an agent talks, the record's agent is the first rung and
// may ring still.
func TestLiveCallRinging(t *testing.T) {
	ringing := crm.CallRecord{Status: crm.CallStatusRinging, AgentExtension: "201"}
	talking := crm.CallRecord{Status: crm.CallStatusInProgress, AgentExtension: "101", Agents: []string{"101"}}
	noAgent := crm.CallRecord{Status: crm.CallStatusInProgress, AgentExtension: "201"}
	tests := []struct {
		name string
		c    crm.LiveCall
		want []string
	}{
		{"ringing", crm.LiveCall{Call: ringing, Extensions: []string{"201", "202"}}, []string{"201", "202"}},
		{"nobody rings", crm.LiveCall{Call: ringing}, []string{}},
		{"answered", crm.LiveCall{Call: talking, Extensions: []string{"101"}}, []string{}},
		{"transfer ringing", crm.LiveCall{Call: talking, Extensions: []string{"101", "102"}}, []string{"102"}},
		{"answered by no agent", crm.LiveCall{Call: noAgent, Extensions: []string{"201"}}, []string{"201"}},
	}
	for _, tc := range tests {
		if got := tc.c.Ringing(); got == nil || !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, got, tc.want)
		}
	}
}
