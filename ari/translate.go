package ari

import (
	"bytes"
	"strconv"
	"strings"
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"

	"github.com/tigerline/tigerline/crm"
)

// Decode reads one websocket text frame into the ARI library's typed
// event. Types the library does not know are an error.
func Decode(frame []byte) (ariv5.Event, error) {
	return ariv5.DecodeEvent(frame)
}

// TranslateFrame decodes and translates one websocket frame. Frames of
// types Translate ignores (about half of a monitor-mode stream:
// DeviceStateChanged, most ChannelVarset) are skipped before the full
// decode, which dominates the cost.
func TranslateFrame(frame []byte) ([]crm.CallEvent, error) {
	if ignorable(frame) {
		return nil, nil
	}
	ev, err := Decode(frame)
	if err != nil {
		return nil, err
	}
	return Translate(ev), nil
}

// Translate turns one ARI event into the call events it carries, nil for
// events that say nothing about calls (DeviceStateChanged, BridgeCreated,
// playbacks, most ChannelVarset). It is pure: Time is the event's
// timestamp and Gateway is left empty.
//
// ARI channel objects carry no Linkedid, so LinkedID stays empty and the
// tracker links legs through Dial (caller → peer), bridge membership and
// Local pair names. ChannelHangupRequest is not a hangup: the channel is
// gone on ChannelDestroyed, or, for a channel the application sees only
// while in Stasis, on StasisEnd (see stasisEnd).
func Translate(ev ariv5.Event) []crm.CallEvent {
	switch e := ev.(type) {
	case *ariv5.ChannelCreated:
		return one(snap(crm.KindNewChannel, e.Timestamp, &e.Channel))
	case *ariv5.StasisStart:
		return stasisStart(e)
	case *ariv5.StasisEnd:
		return stasisEnd(e)
	case *ariv5.ChannelStateChange:
		return stateChange(e)
	case *ariv5.ChannelDialplan:
		return dialplan(e)
	case *ariv5.ChannelCallerID:
		return one(snap(crm.KindCallerID, e.Timestamp, &e.Channel))
	case *ariv5.ChannelConnectedLine:
		return one(snap(crm.KindCallerID, e.Timestamp, &e.Channel))
	case *ariv5.ChannelVarset:
		return varset(e)
	case *ariv5.Dial:
		return dial(e)
	case *ariv5.ChannelEnteredBridge:
		return bridgeEvent(crm.KindBridged, e.Timestamp, &e.Channel, &e.Bridge)
	case *ariv5.ChannelLeftBridge:
		return bridgeEvent(crm.KindUnbridged, e.Timestamp, &e.Channel, &e.Bridge)
	case *ariv5.BridgeBlindTransfer:
		return blindTransfer(e)
	case *ariv5.BridgeAttendedTransfer:
		return attendedTransfer(e)
	case *ariv5.ChannelHold:
		return one(snap(crm.KindHeld, e.Timestamp, &e.Channel))
	case *ariv5.ChannelUnhold:
		return one(snap(crm.KindUnheld, e.Timestamp, &e.Channel))
	case *ariv5.ChannelDestroyed:
		ce := snap(crm.KindHangup, e.Timestamp, &e.Channel)
		ce.Cause, ce.CauseText = e.Cause, e.CauseTxt
		return one(ce)
	}
	return nil
}

// snap reads a channel snapshot; a zero ChannelData (a Dial without
// caller) gives an event with no channel.
func snap(kind crm.CallEventKind, ts ariv5.DateTime, c *ariv5.ChannelData) crm.CallEvent {
	ev := crm.CallEvent{
		Kind:     kind,
		Time:     eventTime(ts),
		Channel:  c.Name,
		UniqueID: c.ID,
		State:    c.State,
	}
	if c.Caller != nil {
		ev.CallerNum, ev.CallerName = num(c.Caller.Number), num(c.Caller.Name)
	}
	if c.Connected != nil {
		ev.ConnectedNum, ev.ConnectedName = num(c.Connected.Number), num(c.Connected.Name)
	}
	if c.Dialplan != nil {
		ev.Context, ev.Exten = c.Dialplan.Context, c.Dialplan.Exten
	}
	return ev
}

// ignorable reports, from the raw frame, that Translate would return
// nil for it. It errs on the side of decoding.
func ignorable(frame []byte) bool {
	typ := rawType(frame)
	switch typ {
	case "DeviceStateChanged", "BridgeCreated", "BridgeDestroyed", "ChannelHangupRequest",
		"PlaybackStarted", "PlaybackFinished", "ChannelTalkingStarted", "ChannelTalkingFinished",
		"ChannelDtmfReceived", "EndpointStateChange", "ChannelUserevent":
		return true
	case "ChannelVarset":
		return !bytes.Contains(frame, []byte(`"variable":"QUEUE`))
	}
	return false
}

// rawType finds the event's "type" value without decoding the frame;
// "" when it cannot tell.
func rawType(frame []byte) string {
	const key = `"type":"`
	i := bytes.Index(frame, []byte(key))
	if i < 0 {
		return ""
	}
	rest := frame[i+len(key):]
	j := bytes.IndexByte(rest, '"')
	if j < 0 {
		return ""
	}
	return string(rest[:j])
}

func eventTime(ts ariv5.DateTime) time.Time {
	t := time.Time(ts)
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// stasisStart reports a channel entering the application: new to a
// control-mode client, which sees no ChannelCreated for it. A channel
// that replaces another in Stasis (a transfer, a masquerade) joins the
// replaced channel's call.
func stasisStart(e *ariv5.StasisStart) []crm.CallEvent {
	evs := one(snap(crm.KindNewChannel, e.Timestamp, &e.Channel))
	if e.ReplaceChannel.ID != "" {
		m := snap(crm.KindMasqueraded, e.Timestamp, &e.Channel)
		m.PeerChannel, m.PeerUniqueID = e.ReplaceChannel.Name, e.ReplaceChannel.ID
		evs = append(evs, m)
	}
	return evs
}

// stasisEnd reports the channel gone. Without subscribeAll it is the
// last event the application receives for the channel (no
// ChannelDestroyed follows), so it must end the channel in the tracker.
// A monitor-mode client, which does get ChannelDestroyed, drops it
// before translating: a channel leaving Stasis for the dialplan lives on.
func stasisEnd(e *ariv5.StasisEnd) []crm.CallEvent {
	ev := snap(crm.KindHangup, e.Timestamp, &e.Channel)
	ev.Reason = "stasis_end"
	return one(ev)
}

// stateChange reports ringing and answer, as AMI's Newstate does; Ring,
// Down and Busy add nothing the Dial and hangup events do not say.
func stateChange(e *ariv5.ChannelStateChange) []crm.CallEvent {
	switch strings.ToLower(e.Channel.State) {
	case "ringing":
		return one(snap(crm.KindRinging, e.Timestamp, &e.Channel))
	case "up":
		return one(snap(crm.KindAnswered, e.Timestamp, &e.Channel))
	}
	return nil
}

// dialplan reports a channel entering an extension (priority 1 only;
// later priorities of the same extension add nothing) and a caller
// entering a queue: ARI has no queue events, only the Queue application
// starting.
func dialplan(e *ariv5.ChannelDialplan) []crm.CallEvent {
	var evs []crm.CallEvent
	if e.Channel.Dialplan != nil && e.Channel.Dialplan.Priority == 1 && e.Channel.Dialplan.Context != "" {
		evs = append(evs, snap(crm.KindDialplan, e.Timestamp, &e.Channel))
	}
	if strings.EqualFold(e.DialplanApp, "Queue") {
		ev := snap(crm.KindQueueJoined, e.Timestamp, &e.Channel)
		ev.Queue, _, _ = strings.Cut(e.DialplanAppData, ",")
		ev.Queue = strings.TrimSpace(ev.Queue)
		evs = append(evs, ev)
	}
	return evs
}

// varset reads the few channel variables that say something ARI has no
// event for: the queue position on joining, the wait on leaving, and why
// the Queue application gave up.
func varset(e *ariv5.ChannelVarset) []crm.CallEvent {
	if e.Channel.ID == "" || e.Value == "" {
		return nil
	}
	switch e.Variable {
	case "QUEUEPOSITION":
		ev := snap(crm.KindQueueJoined, e.Timestamp, &e.Channel)
		ev.Position = atoi(e.Value)
		return one(ev)
	case "QUEUEWAIT":
		ev := snap(crm.KindQueueLeft, e.Timestamp, &e.Channel)
		ev.WaitSeconds = atoi(e.Value)
		return one(ev)
	case "QUEUESTATUS":
		ev := snap(crm.KindQueueLeft, e.Timestamp, &e.Channel)
		ev.Reason = e.Value
		return one(ev)
	}
	return nil
}

// dial reads the Dial event, which says begin (empty dialstatus),
// ringing and the outcome in one shape. The caller is Channel, the
// dialled channel Peer*; an originate has no caller.
func dial(e *ariv5.Dial) []crm.CallEvent {
	if e.Peer.ID == "" {
		return nil
	}
	ev := snap(crm.KindDialBegin, e.Timestamp, &e.Caller)
	ev.PeerChannel, ev.PeerUniqueID = e.Peer.Name, e.Peer.ID
	ev.DialString = e.Dialstring
	ev.DialStatus = e.Dialstatus
	switch strings.ToUpper(e.Dialstatus) {
	case "":
		return one(ev)
	case "RINGING", "PROGRESS", "PROCEEDING":
		if !strings.EqualFold(e.Dialstatus, "RINGING") {
			return nil
		}
		// The peer rings, rung by the caller.
		r := snap(crm.KindRinging, e.Timestamp, &e.Peer)
		r.PeerChannel, r.PeerUniqueID = e.Caller.Name, e.Caller.ID
		r.DialStatus = e.Dialstatus
		return one(r)
	}
	ev.Kind = crm.KindDialEnd
	return one(ev)
}

func bridgeEvent(kind crm.CallEventKind, ts ariv5.DateTime, c *ariv5.ChannelData, b *ariv5.BridgeData) []crm.CallEvent {
	ev := snap(kind, ts, c)
	ev.BridgeID = b.ID
	return one(ev)
}

// blindTransfer: the transferer (channel) sends the transferee to
// exten@context.
func blindTransfer(e *ariv5.BridgeBlindTransfer) []crm.CallEvent {
	if !success(e.Result) || e.Transferee.ID == "" {
		return nil
	}
	ev := snap(crm.KindTransferred, e.Timestamp, &e.Transferee)
	ev.PeerChannel, ev.PeerUniqueID = e.Channel.Name, e.Channel.ID
	ev.TransferType = crm.TransferBlind
	ev.TransferTarget = e.Exten
	ev.Context = e.Context
	ev.BridgeID = e.Bridge.ID
	return one(ev)
}

// attendedTransfer: the transferer's two calls become one. Channel is
// the first leg, Peer* the second (consultation) leg, as on AMI.
func attendedTransfer(e *ariv5.BridgeAttendedTransfer) []crm.CallEvent {
	if !success(e.Result) || e.TransfererFirstLeg.ID == "" {
		return nil
	}
	ev := snap(crm.KindTransferred, e.Timestamp, &e.TransfererFirstLeg)
	ev.PeerChannel, ev.PeerUniqueID = e.TransfererSecondLeg.Name, e.TransfererSecondLeg.ID
	ev.TransferType = crm.TransferAttended
	ev.TransferTarget = firstNonEmpty(e.TransferTarget.Name, e.DestinationApplication, e.DestinationBridge)
	ev.BridgeID = e.TransfererFirstLegBridge.ID
	return one(ev)
}

func success(result string) bool { return result == "" || strings.EqualFold(result, "Success") }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// num drops Asterisk's placeholders for an absent caller id.
func num(s string) string {
	switch s {
	case "<unknown>", "<Unknown>", "<null>", "(null)", "unknown":
		return ""
	}
	return s
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func one(ev crm.CallEvent) []crm.CallEvent { return []crm.CallEvent{ev} }
