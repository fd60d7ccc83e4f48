package ami

import (
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// snapKeys are the header names of a channel snapshot under one prefix:
// 12+ repeats the snapshot as Dest*, Transferer*, LocalOne*, ...
type snapKeys struct {
	channel, uniqueid, linkedid, state, stateOld, num, name, connNum, connName, context, exten string
}

func newSnapKeys(p string) snapKeys {
	return snapKeys{
		channel: p + "Channel", uniqueid: p + "Uniqueid", linkedid: p + "Linkedid",
		state: p + "ChannelStateDesc", stateOld: p + "State",
		num: p + "CallerIDNum", name: p + "CallerIDName",
		connNum: p + "ConnectedLineNum", connName: p + "ConnectedLineName",
		context: p + "Context", exten: p + "Exten",
	}
}

var (
	snapPlain      = newSnapKeys("")
	snapDest       = newSnapKeys("Dest")
	snapLocalOne   = newSnapKeys("LocalOne")
	snapLocalTwo   = newSnapKeys("LocalTwo")
	snapTransferee = newSnapKeys("Transferee")
	snapTransferer = newSnapKeys("Transferer")
	snapOrigXfer   = newSnapKeys("OrigTransferer")
	snapSecondXfer = newSnapKeys("SecondTransferer")
)

// snapshot reads a channel snapshot. 1.4 says State and gives the caller
// number as CallerID on Newstate and Newcallerid.
func snapshot(m *Message, kind crm.CallEventKind, k snapKeys) crm.CallEvent {
	ev := crm.CallEvent{
		Kind:          kind,
		Channel:       m.Get(k.channel),
		UniqueID:      m.Get(k.uniqueid),
		LinkedID:      m.Get(k.linkedid),
		State:         m.Get(k.state),
		CallerNum:     num(m.Get(k.num)),
		CallerName:    num(m.Get(k.name)),
		ConnectedNum:  num(m.Get(k.connNum)),
		ConnectedName: num(m.Get(k.connName)),
		Context:       m.Get(k.context),
		Exten:         m.Get(k.exten),
	}
	if ev.State == "" {
		ev.State = m.Get(k.stateOld)
	}
	if ev.CallerNum == "" && k.channel == "Channel" {
		ev.CallerNum = num(m.Get("CallerID"))
	}
	return ev
}

// peerOf copies the channel of a snapshot into the Peer fields of ev.
func peerOf(ev *crm.CallEvent, p crm.CallEvent) {
	ev.PeerChannel, ev.PeerUniqueID = p.Channel, p.UniqueID
}

func newChannel(_ Dialect, m *Message) []crm.CallEvent {
	return one(snapshot(m, crm.KindNewChannel, snapPlain))
}

// newState reports ringing and answer; other states (Ring, Dialing, Busy)
// add nothing the dial and hangup events do not say.
func newState(_ Dialect, m *Message) []crm.CallEvent {
	ev := snapshot(m, crm.KindUnknown, snapPlain)
	switch strings.ToLower(ev.State) {
	case "ringing":
		ev.Kind = crm.KindRinging
	case "up":
		ev.Kind = crm.KindAnswered
	default:
		return nil
	}
	return one(ev)
}

func callerID(_ Dialect, m *Message) []crm.CallEvent {
	return one(snapshot(m, crm.KindCallerID, snapPlain))
}

// newExten reports where a channel enters the dialplan, on 1.4 and 1.6
// only: their Newchannel lacks the context. Later priorities of the same
// extension are ignored; 12+ says it all on Newchannel.
func newExten(d Dialect, m *Message) []crm.CallEvent {
	if d == DialectAMI2 || m.Get("Priority") != "1" {
		return nil
	}
	return one(crm.CallEvent{
		Kind:     crm.KindDialplan,
		Channel:  m.Get("Channel"),
		UniqueID: m.Get("Uniqueid"),
		Context:  m.Get("Context"),
		Exten:    first(m, "Extension", "Exten"),
	})
}

func hangup(_ Dialect, m *Message) []crm.CallEvent {
	ev := snapshot(m, crm.KindHangup, snapPlain)
	ev.Cause = atoi(m.Get("Cause"))
	ev.CauseText = m.Get("Cause-txt")
	return one(ev)
}

// rename: 1.4 says Oldname/Newname, later versions Channel/Newname.
func rename(_ Dialect, m *Message) []crm.CallEvent {
	return one(crm.CallEvent{
		Kind:        crm.KindRenamed,
		Channel:     m.Get("Newname"),
		UniqueID:    first(m, "Uniqueid", "NewUniqueid"),
		PeerChannel: first(m, "Oldname", "Channel"),
	})
}

func masquerade(_ Dialect, m *Message) []crm.CallEvent {
	return one(crm.CallEvent{
		Kind:        crm.KindMasqueraded,
		Channel:     m.Get("Original"),
		State:       m.Get("OriginalState"),
		PeerChannel: m.Get("Clone"),
	})
}

// hold: 1.8's SIP Hold event says "Status: Off" for unhold.
func hold(_ Dialect, m *Message) []crm.CallEvent {
	ev := snapshot(m, crm.KindHeld, snapPlain)
	if strings.EqualFold(m.Get("Status"), "Off") {
		ev.Kind = crm.KindUnheld
	}
	return one(ev)
}

func unhold(_ Dialect, m *Message) []crm.CallEvent {
	return one(snapshot(m, crm.KindUnheld, snapPlain))
}

func localBridge(_ Dialect, m *Message) []crm.CallEvent {
	return localPair(m, crm.KindLocalBridge)
}

func localOptimized(_ Dialect, m *Message) []crm.CallEvent {
	return localPair(m, crm.KindLocalOptimized)
}

func localPair(m *Message, kind crm.CallEventKind) []crm.CallEvent {
	ev := snapshot(m, kind, snapLocalOne)
	peerOf(&ev, snapshot(m, kind, snapLocalTwo))
	if ev.Context == "" {
		ev.Context, ev.Exten = m.Get("Context"), m.Get("Exten")
	}
	return one(ev)
}
