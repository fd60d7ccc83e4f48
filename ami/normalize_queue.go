package ami

import (
	"github.com/tigerline/tigerline/crm"
)

var queueKinds = map[string]crm.CallEventKind{
	"join":               crm.KindQueueJoined,
	"queuecallerjoin":    crm.KindQueueJoined,
	"leave":              crm.KindQueueLeft,
	"queuecallerleave":   crm.KindQueueLeft,
	"queuecallerabandon": crm.KindQueueAbandoned,
	"agentcalled":        crm.KindAgentCalled,
	"agentconnect":       crm.KindAgentConnected,
	"agentcomplete":      crm.KindAgentCompleted,
	"agentringnoanswer":  crm.KindAgentRingNoAnswer,
}

// queueCaller reads a caller joining, leaving or abandoning a queue:
// Join/Leave on 1.4/1.6, QueueCaller* on 12+.
func queueCaller(_ Dialect, m *Message) []crm.CallEvent {
	ev := snapshot(m, queueKinds[lower(m.Event())], snapPlain)
	ev.Queue = m.Get("Queue")
	ev.Position = atoi(first(m, "Position", "OriginalPosition"))
	ev.WaitSeconds = atoi(m.Get("HoldTime"))
	return one(ev)
}

// agentEvent reads the queue's member events. The caller is Channel and
// the member's channel Peer*, whatever the version's shape:
//   - 12+: the caller's snapshot plus Dest* for the member, Interface;
//   - 1.6: AgentCalled has ChannelCalling and DestinationChannel (a name);
//     AgentConnect/AgentComplete have the caller's Uniqueid, the member's
//     Channel and, confusingly, its uniqueid as BridgedChannel;
//   - 1.4: as 1.6, but AgentCalled names only the member interface.
func agentEvent(_ Dialect, m *Message) []crm.CallEvent {
	kind := queueKinds[lower(m.Event())]
	var ev crm.CallEvent
	if _, ok := m.Lookup("DestChannel"); ok {
		ev = snapshot(m, kind, snapPlain)
		peerOf(&ev, snapshot(m, kind, snapDest))
	} else {
		ev = crm.CallEvent{Kind: kind, UniqueID: m.Get("Uniqueid"), CallerNum: num(first(m, "CallerIDNum", "CallerID")), CallerName: num(m.Get("CallerIDName"))}
		switch kind {
		case crm.KindAgentCalled:
			ev.Channel = m.Get("ChannelCalling")
			ev.PeerChannel = m.Get("DestinationChannel")
		case crm.KindAgentRingNoAnswer:
			ev.Channel = m.Get("Channel")
		default:
			ev.PeerChannel = m.Get("Channel")
			ev.PeerUniqueID = m.Get("BridgedChannel")
		}
	}
	ev.Queue = m.Get("Queue")
	ev.Agent = first(m, "Interface", "Member", "AgentCalled")
	ev.AgentName = first(m, "MemberName", "AgentName")
	ev.HoldSeconds = atoi(m.Get("HoldTime"))
	ev.RingSeconds = atoi(m.Get("RingTime"))
	ev.TalkSeconds = atoi(m.Get("TalkTime"))
	ev.Reason = m.Get("Reason")
	return one(ev)
}

// queueMemberStatus reads a member's device state in a queue; it is agent
// state for dashboards, not part of any call.
func queueMemberStatus(_ Dialect, m *Message) []crm.CallEvent {
	return one(crm.CallEvent{
		Kind:      crm.KindQueueMemberStatus,
		Queue:     m.Get("Queue"),
		Agent:     first(m, "Interface", "Location"),
		AgentName: m.Get("MemberName"),
		Reason:    m.Get("Status"),
	})
}
