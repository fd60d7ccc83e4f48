package ari_test

import (
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// replayCases are the ARI recordings, named "ari-22-monitor-resync".
// Source is the oldest channel the client saw: ARI has no Linkedid, so in
// monitor mode it is the originated ;1 half (the AMI Linkedid) and in
// control mode the first channel that entered Stasis.
var replayCases = []pbxtrace.Case{
	{Name: "ari-22-monitor-inbound-answered", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802774.140", Total: 5, Billable: 3, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "ari-22-monitor-inbound-missed", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusNoAnswer, Agent: "101", Customer: "+12125550199", Source: "1795802786.144", Total: 15, Billable: 0, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "ari-22-monitor-inbound-queue", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "202", Agents: []string{"202"}, Customer: "+13125550123", Queue: "support", Source: "1795802808.148", Total: 7, Billable: 3, RingsFirst: []string{"201", "202"}, Ringing: []string{"201", "201,202", "202", ""}},
	{Name: "ari-22-monitor-click-to-call", Calls: 1, Dir: crm.DirectionOutbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802822.154", Total: 9, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "ari-22-monitor-resync", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802838.158", Total: 10, Billable: 8, RingsFirst: []string{"101"}},
	// Control mode: the caller enters Stasis, the app bridges an
	// ARI-originated agent. The caller's ;1 half never shows.
	{Name: "ari-22-stasis-bridge-agent", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801167.29", Total: 5, Billable: 3},
	// Answered by the app only, no agent: inbound, never reached an agent.
	{Name: "ari-22-stasis-inbound-answer-hangup", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusAbandoned, Customer: "+14155550142", Source: "1795801134.25", Total: 2, Billable: 0},
	// An ARI originate to agent 101 that nobody else joins.
	{Name: "ari-22-originate-agent", Calls: 1, Dir: crm.DirectionInternal, Status: crm.CallStatusCompleted, Agent: "101", Source: "crm-orig-101-0001", Total: 5, Billable: 0},
}

// TestReplayCoversEveryTrace keeps the table in step with the recordings.
func TestReplayCoversEveryTrace(t *testing.T) {
	have := make(map[string]bool)
	for _, tc := range replayCases {
		have[tc.Name] = true
	}
	for _, name := range ariTraces(t) {
		if !have[name] {
			t.Errorf("trace %s has no replay case", name)
		}
	}
}

func TestReplayTraces(t *testing.T) {
	pbxtrace.TestReplay(t, replayCases, translateTrace)
}

// TestReplayDuplicates feeds every event twice: the records must not change.
func TestReplayDuplicates(t *testing.T) {
	pbxtrace.TestDuplicates(t, replayCases, translateTrace)
}
