package ami_test

import (
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		d    ami.Dialect
		msg  *ami.Message
		want crm.CallEvent
	}{
		{"1.4 Dial", ami.Dialect14, msg("Event", "Dial", "Source", "A", "Destination", "B", "CallerID", "+1415", "SrcUniqueID", "1.1", "DestUniqueID", "1.2"),
			crm.CallEvent{Kind: crm.KindDialBegin, Channel: "A", UniqueID: "1.1", PeerChannel: "B", PeerUniqueID: "1.2", CallerNum: "+1415"}},
		{"1.6 Dial End", ami.Dialect16, msg("Event", "Dial", "SubEvent", "End", "Channel", "A", "UniqueID", "1.1", "DialStatus", "NOANSWER"),
			crm.CallEvent{Kind: crm.KindDialEnd, Channel: "A", UniqueID: "1.1", DialStatus: "NOANSWER"}},
		{"1.4 Link", ami.Dialect14, msg("Event", "Link", "Channel1", "A", "Channel2", "B", "Uniqueid1", "1.1", "Uniqueid2", "1.2"),
			crm.CallEvent{Kind: crm.KindBridged, Channel: "A", UniqueID: "1.1", PeerChannel: "B", PeerUniqueID: "1.2"}},
		{"1.6 Bridge Unlink", ami.Dialect16, msg("Event", "Bridge", "Bridgestate", "Unlink", "Channel1", "A", "Channel2", "B", "Uniqueid1", "1.1", "Uniqueid2", "1.2"),
			crm.CallEvent{Kind: crm.KindUnbridged, Channel: "A", UniqueID: "1.1", PeerChannel: "B", PeerUniqueID: "1.2"}},
		{"1.4 Newstate Up", ami.Dialect14, msg("Event", "Newstate", "Channel", "A", "State", "Up", "CallerID", "101", "Uniqueid", "1.1"),
			crm.CallEvent{Kind: crm.KindAnswered, Channel: "A", UniqueID: "1.1", State: "Up", CallerNum: "101"}},
		{"1.4 AgentConnect", ami.Dialect14, msg("Event", "AgentConnect", "Queue", "support", "Uniqueid", "1.9", "Channel", "Local/202@agents-0764,1", "Member", "Local/202@agents", "MemberName", "Agent 202", "Holdtime", "2", "BridgedChannel", "1.12"),
			crm.CallEvent{Kind: crm.KindAgentConnected, UniqueID: "1.9", PeerChannel: "Local/202@agents-0764,1", PeerUniqueID: "1.12", Queue: "support", Agent: "Local/202@agents", AgentName: "Agent 202", HoldSeconds: 2}},
		{"22 BridgeEnter", ami.DialectAMI2, msg("Event", "BridgeEnter", "BridgeUniqueid", "b1", "Channel", "A", "Uniqueid", "1.1", "Linkedid", "1.0", "CallerIDNum", "<unknown>"),
			crm.CallEvent{Kind: crm.KindBridged, Channel: "A", UniqueID: "1.1", LinkedID: "1.0", BridgeID: "b1"}},
		{"22 Hangup", ami.DialectAMI2, msg("Event", "Hangup", "Channel", "A", "Uniqueid", "1.1", "Cause", "16", "Cause-txt", "Normal Clearing"),
			crm.CallEvent{Kind: crm.KindHangup, Channel: "A", UniqueID: "1.1", Cause: 16, CauseText: "Normal Clearing"}},
		{"22 QueueCallerAbandon", ami.DialectAMI2, msg("Event", "QueueCallerAbandon", "Channel", "A", "Uniqueid", "1.1", "Queue", "support", "Position", "1", "HoldTime", "12"),
			crm.CallEvent{Kind: crm.KindQueueAbandoned, Channel: "A", UniqueID: "1.1", Queue: "support", Position: 1, WaitSeconds: 12}},
		{"1.4 Rename", ami.Dialect14, msg("Event", "Rename", "Oldname", "A", "Newname", "A<MASQ>", "Uniqueid", "1.1"),
			crm.CallEvent{Kind: crm.KindRenamed, Channel: "A<MASQ>", UniqueID: "1.1", PeerChannel: "A"}},
		{"timestamp", ami.DialectAMI2, msg("Event", "Hold", "Channel", "A", "Uniqueid", "1.1", "Timestamp", "1795801038.250000"),
			crm.CallEvent{Kind: crm.KindHeld, Channel: "A", UniqueID: "1.1", Time: traceTime(1795801038, 250000000)}},
	}
	for _, tc := range tests {
		got := ami.Normalize(tc.d, tc.msg)
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestNormalizeIgnores(t *testing.T) {
	for _, m := range []*ami.Message{
		msg("Event", "VarSet", "Channel", "A"),
		msg("Event", "Cdr", "UniqueID", "1.1"),
		msg("Event", "Newstate", "Channel", "A", "ChannelStateDesc", "Ring"),
		msg("Event", "Newexten", "Channel", "A", "Priority", "2"),
		msg("Response", "Success", "ActionID", "x"),
	} {
		if got := ami.Normalize(ami.Dialect16, m); got != nil {
			t.Errorf("%v: got %+v, want nil", m.Headers, got)
		}
	}
}

func traceTime(sec, nsec int64) time.Time { return time.Unix(sec, nsec).UTC() }
