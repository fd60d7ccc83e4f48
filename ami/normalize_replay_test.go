package ami_test

import (
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// replayCases are the AMI recordings of every Asterisk version, named
// "asterisk-22/ami-22-inbound-queue"; the login failures end no call.
var replayCases = []pbxtrace.Case{
	{Name: "asterisk-1.4/ami-14-inbound-answered", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801405.0", Total: 5, Billable: 3, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.4/ami-14-inbound-missed", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusNoAnswer, Agent: "101", Customer: "+12125550199", Source: "1795801416.4", Total: 15, Billable: 0, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-1.4/ami-14-inbound-queue", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "202", Agents: []string{"202"}, Customer: "+13125550123", Queue: "support", Source: "1795801436.8", Total: 6, Billable: 3, RingsFirst: []string{"201", "202"}, Ringing: []string{"201", "201,202", "202", ""}},
	{Name: "asterisk-1.4/ami-14-inbound-status-poll", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801548.24", Total: 7, Billable: 5, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.4/ami-14-outbound-click-to-call", Calls: 1, Dir: crm.DirectionOutbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801448.14", Total: 9, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.4/ami-14-login-failure", Calls: 0},
	{Name: "asterisk-1.6/ami-16-inbound-answered", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801214.0", Total: 6, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.6/ami-16-inbound-missed", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusNoAnswer, Agent: "101", Customer: "+12125550199", Source: "1795801225.4", Total: 15, Billable: 0, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-1.6/ami-16-inbound-queue", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "202", Agents: []string{"202"}, Customer: "+13125550123", Queue: "support", Source: "1795801371.0", Total: 7, Billable: 4, RingsFirst: []string{"201", "202"}, Ringing: []string{"201", "201,202", "202", ""}},
	{Name: "asterisk-1.6/ami-16-inbound-status-poll", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801533.12", Total: 7, Billable: 5, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.6/ami-16-outbound-click-to-call", Calls: 1, Dir: crm.DirectionOutbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801312.10", Total: 9, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "asterisk-1.6/ami-16-login-failure", Calls: 0},
	{Name: "asterisk-22/ami-22-inbound-answered", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801038.0", Total: 5, Billable: 3, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-22/ami-22-inbound-missed", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusNoAnswer, Agent: "101", Customer: "+12125550199", Source: "1795801050.4", Total: 15, Billable: 0, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-22/ami-22-inbound-queue", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "202", Agents: []string{"202"}, Customer: "+13125550123", Queue: "support", Source: "1795801070.8", Total: 7, Billable: 3, RingsFirst: []string{"201", "202"}, Ringing: []string{"201", "201,202", "202", ""}},
	{Name: "asterisk-22/ami-22-outbound-click-to-call", Calls: 1, Dir: crm.DirectionOutbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801083.14", Total: 9, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "asterisk-22/ami-22-inbound-blind-transfer", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "102", Agents: []string{"101", "102"}, Customer: "+14155550142", Source: "1795801098.18", Total: 14, Billable: 10, RingsFirst: []string{"101", "102"}, Ringing: []string{"101", "", "102", ""}},
	{Name: "asterisk-22/ami-22-inbound-redirect-transfer", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "102", Agents: []string{"101", "102"}, Customer: "+14155550142", Source: "1795801583.40", Total: 14, Billable: 10, RingsFirst: []string{"101", "102"}, Ringing: []string{"101", "", "102", ""}},
	{Name: "asterisk-22/ami-22-inbound-status-poll", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801518.32", Total: 7, Billable: 5, RingsFirst: []string{"101"}},
	{Name: "asterisk-22/ami-22-login-failure", Calls: 0},
	{Name: "asterisk-22/ami-22-monitor-inbound-answered", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802774.140", Total: 5, Billable: 3, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-22/ami-22-monitor-inbound-missed", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusNoAnswer, Agent: "101", Customer: "+12125550199", Source: "1795802786.144", Total: 15, Billable: 0, RingsFirst: []string{"101"}, Ringing: []string{"101", ""}},
	{Name: "asterisk-22/ami-22-monitor-inbound-queue", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "202", Agents: []string{"202"}, Customer: "+13125550123", Queue: "support", Source: "1795802808.148", Total: 7, Billable: 3, RingsFirst: []string{"201", "202"}, Ringing: []string{"201", "201,202", "202", ""}},
	{Name: "asterisk-22/ami-22-monitor-click-to-call", Calls: 1, Dir: crm.DirectionOutbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802822.154", Total: 9, Billable: 4, RingsFirst: []string{"101"}},
	{Name: "asterisk-22/ami-22-monitor-resync", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795802838.158", Total: 10, Billable: 8, RingsFirst: []string{"101"}},
	// ARI-driven calls: the caller enters Stasis, the app bridges an
	// ARI-originated agent whose Linkedid becomes the caller's.
	{Name: "asterisk-22/ami-22-stasis-bridge-agent", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusCompleted, Agent: "101", Agents: []string{"101"}, Customer: "+14155550142", Source: "1795801167.28", Total: 5, Billable: 3},
	// Answered by the ARI app only, no agent: inbound, never reached an agent.
	{Name: "asterisk-22/ami-22-stasis-inbound-answer-hangup", Calls: 1, Dir: crm.DirectionInbound, Status: crm.CallStatusAbandoned, Customer: "+14155550142", Source: "1795801134.24", Total: 2, Billable: 0},
	// An ARI originate to agent 101 that nobody else joins.
	{Name: "asterisk-22/ami-22-ari-originate-agent", Calls: 1, Dir: crm.DirectionInternal, Status: crm.CallStatusCompleted, Agent: "101", Source: "crm-orig-101-0001", Total: 5, Billable: 0},
}

func TestReplayTraces(t *testing.T) {
	pbxtrace.TestReplay(t, replayCases, pbxtrace.NormalizeAMI)
}

// TestReplayDuplicates feeds every event twice: the records must not change.
func TestReplayDuplicates(t *testing.T) {
	pbxtrace.TestDuplicates(t, replayCases, pbxtrace.NormalizeAMI)
}
