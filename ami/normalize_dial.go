package ami

import (
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// dialOld reads 1.4's single Dial event (Source, Destination,
// SrcUniqueID, DestUniqueID; no end) and 1.6/1.8's Dial with SubEvent
// Begin (Channel, UniqueID, Destination, DestUniqueID, Dialstring) or End
// (Channel, UniqueID, DialStatus, no destination).
func dialOld(_ Dialect, m *Message) []crm.CallEvent {
	ev := crm.CallEvent{
		Kind:         crm.KindDialBegin,
		Channel:      first(m, "Channel", "Source"),
		UniqueID:     first(m, "UniqueID", "SrcUniqueID"),
		LinkedID:     m.Get("Linkedid"),
		PeerChannel:  m.Get("Destination"),
		PeerUniqueID: m.Get("DestUniqueID"),
		CallerNum:    num(first(m, "CallerIDNum", "CallerID")),
		CallerName:   num(m.Get("CallerIDName")),
		DialString:   m.Get("Dialstring"),
	}
	if strings.EqualFold(m.Get("SubEvent"), "End") {
		ev.Kind = crm.KindDialEnd
		ev.DialStatus = m.Get("DialStatus")
	}
	return one(ev)
}

// dialNew reads 12+'s DialBegin, DialState and DialEnd. An Originate
// shows as a dial with no calling channel.
func dialNew(_ Dialect, m *Message) []crm.CallEvent {
	ev := snapshot(m, crm.KindDialBegin, snapPlain)
	dest := snapshot(m, crm.KindDialBegin, snapDest)
	peerOf(&ev, dest)
	ev.DialString = m.Get("DialString")
	ev.DialStatus = m.Get("DialStatus")
	switch lower(m.Event()) {
	case "dialend":
		ev.Kind = crm.KindDialEnd
	case "dialstate":
		if !strings.EqualFold(ev.DialStatus, "RINGING") {
			return nil
		}
		// The destination rings, rung by the calling channel.
		dest.Kind = crm.KindRinging
		dest.PeerChannel, dest.PeerUniqueID = ev.Channel, ev.UniqueID
		dest.DialStatus = ev.DialStatus
		return one(dest)
	}
	return one(ev)
}

// linkOld reads 1.4's Link/Unlink and 1.6's Bridge (Bridgestate Link or
// Unlink) and Unlink: two channels start or stop talking.
func linkOld(_ Dialect, m *Message) []crm.CallEvent {
	kind := crm.KindBridged
	switch lower(m.Event()) {
	case "unlink":
		kind = crm.KindUnbridged
	case "bridge":
		if strings.EqualFold(m.Get("Bridgestate"), "Unlink") {
			kind = crm.KindUnbridged
		}
	}
	return one(crm.CallEvent{
		Kind:         kind,
		Channel:      m.Get("Channel1"),
		UniqueID:     m.Get("Uniqueid1"),
		PeerChannel:  m.Get("Channel2"),
		PeerUniqueID: m.Get("Uniqueid2"),
		CallerNum:    num(m.Get("CallerID1")),
		ConnectedNum: num(m.Get("CallerID2")),
	})
}

// bridgeNew reads 12+'s BridgeEnter and BridgeLeave: one channel enters
// or leaves the bridge BridgeUniqueid.
func bridgeNew(_ Dialect, m *Message) []crm.CallEvent {
	kind := crm.KindBridged
	if lower(m.Event()) == "bridgeleave" {
		kind = crm.KindUnbridged
	}
	ev := snapshot(m, kind, snapPlain)
	ev.BridgeID = m.Get("BridgeUniqueid")
	return one(ev)
}

// transferOld reads the SIP Transfer event of 1.4/1.6: Channel (the
// transferer) sends the call to TransferExten, or to TargetChannel when
// attended.
func transferOld(_ Dialect, m *Message) []crm.CallEvent {
	return one(crm.CallEvent{
		Kind:           crm.KindTransferred,
		Channel:        m.Get("TargetChannel"),
		UniqueID:       m.Get("TargetUniqueid"),
		PeerChannel:    m.Get("Channel"),
		PeerUniqueID:   m.Get("Uniqueid"),
		TransferType:   strings.ToLower(m.Get("TransferType")),
		TransferTarget: first(m, "TransferExten", "TargetChannel"),
		Context:        m.Get("TransferContext"),
	})
}

// blindTransfer reads 12+'s BlindTransfer: the transferer sends the
// transferee to Extension@Context.
func blindTransfer(_ Dialect, m *Message) []crm.CallEvent {
	if r := m.Get("Result"); r != "" && !strings.EqualFold(r, "Success") {
		return nil
	}
	ev := snapshot(m, crm.KindTransferred, snapTransferee)
	peerOf(&ev, snapshot(m, crm.KindTransferred, snapTransferer))
	ev.TransferType = crm.TransferBlind
	ev.TransferTarget = m.Get("Extension")
	ev.Context = m.Get("Context")
	ev.BridgeID = m.Get("BridgeUniqueid")
	return one(ev)
}

// attendedTransfer reads 12+'s AttendedTransfer: the two calls of the
// transferer become one. Channel is the original transferer's leg, Peer*
// the second (consultation) leg, TransferTarget the party reached.
func attendedTransfer(_ Dialect, m *Message) []crm.CallEvent {
	if r := m.Get("Result"); r != "" && !strings.EqualFold(r, "Success") {
		return nil
	}
	ev := snapshot(m, crm.KindTransferred, snapOrigXfer)
	peerOf(&ev, snapshot(m, crm.KindTransferred, snapSecondXfer))
	ev.TransferType = crm.TransferAttended
	ev.TransferTarget = first(m, "TransferTargetChannel", "DestApp", "DestBridgeUniqueid")
	ev.BridgeID = m.Get("OrigBridgeUniqueid")
	return one(ev)
}
