package ami_test

import (
	"reflect"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// replayCase is the outcome the pbx-traces README gives for one recording.
// Durations are checked ±1 s against the README's Cdr seconds: total runs
// from the first channel to the last hangup, billable is talk time with
// an agent (the agent phone's Cdr where the trunk leg's Cdr also counts
// queue wait, as in the queue scenarios).
type replayCase struct {
	name       string
	calls      int
	dir        crm.CallDirection
	status     crm.CallStatus
	agent      string
	agents     []string
	customer   string
	queue      string
	source     string
	total      int
	billable   int
	ringsFirst []string // extensions the first ringing updates pop, in order
}

var replayCases = []replayCase{
	{name: "asterisk-1.4/ami-14-inbound-answered", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801405.0", total: 5, billable: 3, ringsFirst: []string{"101"}},
	{name: "asterisk-1.4/ami-14-inbound-missed", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusNoAnswer, agent: "101", customer: "+12125550199", source: "1795801416.4", total: 15, billable: 0, ringsFirst: []string{"101"}},
	{name: "asterisk-1.4/ami-14-inbound-queue", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "202", agents: []string{"202"}, customer: "+13125550123", queue: "support", source: "1795801436.8", total: 6, billable: 3, ringsFirst: []string{"201", "202"}},
	{name: "asterisk-1.4/ami-14-inbound-status-poll", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801548.24", total: 7, billable: 5, ringsFirst: []string{"101"}},
	{name: "asterisk-1.4/ami-14-outbound-click-to-call", calls: 1, dir: crm.DirectionOutbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801448.14", total: 9, billable: 4, ringsFirst: []string{"101"}},
	{name: "asterisk-1.4/ami-14-login-failure", calls: 0},
	{name: "asterisk-1.6/ami-16-inbound-answered", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801214.0", total: 6, billable: 4, ringsFirst: []string{"101"}},
	{name: "asterisk-1.6/ami-16-inbound-missed", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusNoAnswer, agent: "101", customer: "+12125550199", source: "1795801225.4", total: 15, billable: 0, ringsFirst: []string{"101"}},
	{name: "asterisk-1.6/ami-16-inbound-queue", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "202", agents: []string{"202"}, customer: "+13125550123", queue: "support", source: "1795801371.0", total: 7, billable: 4, ringsFirst: []string{"201", "202"}},
	{name: "asterisk-1.6/ami-16-inbound-status-poll", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801533.12", total: 7, billable: 5, ringsFirst: []string{"101"}},
	{name: "asterisk-1.6/ami-16-outbound-click-to-call", calls: 1, dir: crm.DirectionOutbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801312.10", total: 9, billable: 4, ringsFirst: []string{"101"}},
	{name: "asterisk-1.6/ami-16-login-failure", calls: 0},
	{name: "asterisk-22/ami-22-inbound-answered", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801038.0", total: 5, billable: 3, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-inbound-missed", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusNoAnswer, agent: "101", customer: "+12125550199", source: "1795801050.4", total: 15, billable: 0, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-inbound-queue", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "202", agents: []string{"202"}, customer: "+13125550123", queue: "support", source: "1795801070.8", total: 7, billable: 3, ringsFirst: []string{"201", "202"}},
	{name: "asterisk-22/ami-22-outbound-click-to-call", calls: 1, dir: crm.DirectionOutbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801083.14", total: 9, billable: 4, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-inbound-blind-transfer", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "102", agents: []string{"101", "102"}, customer: "+14155550142", source: "1795801098.18", total: 14, billable: 10, ringsFirst: []string{"101", "102"}},
	{name: "asterisk-22/ami-22-inbound-redirect-transfer", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "102", agents: []string{"101", "102"}, customer: "+14155550142", source: "1795801583.40", total: 14, billable: 10, ringsFirst: []string{"101", "102"}},
	{name: "asterisk-22/ami-22-inbound-status-poll", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801518.32", total: 7, billable: 5, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-login-failure", calls: 0},
	{name: "asterisk-22/ami-22-monitor-inbound-answered", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802774.140", total: 5, billable: 3, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-monitor-inbound-missed", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusNoAnswer, agent: "101", customer: "+12125550199", source: "1795802786.144", total: 15, billable: 0, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-monitor-inbound-queue", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "202", agents: []string{"202"}, customer: "+13125550123", queue: "support", source: "1795802808.148", total: 7, billable: 3, ringsFirst: []string{"201", "202"}},
	{name: "asterisk-22/ami-22-monitor-click-to-call", calls: 1, dir: crm.DirectionOutbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802822.154", total: 9, billable: 4, ringsFirst: []string{"101"}},
	{name: "asterisk-22/ami-22-monitor-resync", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802838.158", total: 10, billable: 8, ringsFirst: []string{"101"}},
	// ARI-driven calls: the caller enters Stasis, the app bridges an
	// ARI-originated agent whose Linkedid becomes the caller's.
	{name: "asterisk-22/ami-22-stasis-bridge-agent", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801167.28", total: 5, billable: 3},
	// Answered by the ARI app only, no agent: inbound, never reached an agent.
	{name: "asterisk-22/ami-22-stasis-inbound-answer-hangup", calls: 1, dir: crm.DirectionInbound, status: crm.CallStatusAbandoned, customer: "+14155550142", source: "1795801134.24", total: 2, billable: 0},
	// An ARI originate to agent 101 that nobody else joins.
	{name: "asterisk-22/ami-22-ari-originate-agent", calls: 1, dir: crm.DirectionInternal, status: crm.CallStatusCompleted, agent: "101", source: "crm-orig-101-0001", total: 5, billable: 0},
}

func TestReplayTraces(t *testing.T) {
	for _, tc := range replayCases {
		t.Run(tc.name, func(t *testing.T) {
			ups := track(normalizeTrace(t, tc.name))
			recs := ended(ups)
			if len(recs) != tc.calls {
				t.Fatalf("got %d call records, want %d: %+v", len(recs), tc.calls, recs)
			}
			if tc.calls == 0 {
				return
			}
			checkRecord(t, recs[0], tc)
			var rings []string
			for _, u := range ups {
				if u.Kind == crm.CallRinging {
					rings = append(rings, u.Extensions...)
				}
			}
			if tc.ringsFirst != nil && !reflect.DeepEqual(rings, tc.ringsFirst) {
				t.Errorf("ringing pops for %v, want %v", rings, tc.ringsFirst)
			}
		})
	}
}

func checkRecord(t *testing.T, r crm.CallRecord, tc replayCase) {
	t.Helper()
	if r.Direction != tc.dir {
		t.Errorf("direction: got %s, want %s", r.Direction, tc.dir)
	}
	if r.Status != tc.status {
		t.Errorf("status: got %s, want %s", r.Status, tc.status)
	}
	if r.AgentExtension != tc.agent {
		t.Errorf("agent: got %q, want %q", r.AgentExtension, tc.agent)
	}
	if !reflect.DeepEqual(r.Agents, tc.agents) {
		t.Errorf("agents: got %v, want %v", r.Agents, tc.agents)
	}
	if r.CustomerNumber != tc.customer {
		t.Errorf("customer: got %q, want %q", r.CustomerNumber, tc.customer)
	}
	if r.Queue != tc.queue {
		t.Errorf("queue: got %q, want %q", r.Queue, tc.queue)
	}
	if r.SourceUniqueID != tc.source {
		t.Errorf("source uniqueid: got %q, want %q", r.SourceUniqueID, tc.source)
	}
	if r.Gateway != "pbx-test" {
		t.Errorf("gateway: got %q, want pbx-test", r.Gateway)
	}
	if d := r.TotalSeconds - tc.total; d < -1 || d > 1 {
		t.Errorf("total seconds: got %d, want %d ±1", r.TotalSeconds, tc.total)
	}
	if d := r.BillableSeconds - tc.billable; d < -1 || d > 1 {
		t.Errorf("billable seconds: got %d, want %d ±1", r.BillableSeconds, tc.billable)
	}
	if len(tc.agents) > 0 && r.AnswerTime.IsZero() {
		t.Errorf("answer time: got zero, want set")
	}
	if !r.EndTime.After(r.StartTime) {
		t.Errorf("end %v not after start %v", r.EndTime, r.StartTime)
	}
}

// TestReplayDuplicates feeds every event twice: the records must not change.
func TestReplayDuplicates(t *testing.T) {
	for _, tc := range replayCases {
		t.Run(tc.name, func(t *testing.T) {
			evs := normalizeTrace(t, tc.name)
			doubled := make([]crm.CallEvent, 0, 2*len(evs))
			for _, ev := range evs {
				doubled = append(doubled, ev, ev)
			}
			got, want := ended(track(doubled)), ended(track(evs))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with duplicates got %+v, want %+v", got, want)
			}
		})
	}
}
