package ami

import (
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// LiveChannel reads one item of a Status or CoreShowChannels list as a
// channel for crm.CallTracker.Resync. It reports false for frames that
// are not such items. The shapes differ: 1.4's Status names the bridged
// peer as Link (a channel name), 1.6's as BridgedChannel/BridgedUniqueid,
// 12+ gives a BridgeID; CoreShowChannel says Duration as hh:mm:ss.
func LiveChannel(m *Message) (crm.LiveChannel, bool) {
	ev := lower(m.Event())
	if ev != "status" && ev != "coreshowchannel" {
		return crm.LiveChannel{}, false
	}
	lc := crm.LiveChannel{
		Channel:         m.Get("Channel"),
		UniqueID:        m.Get("Uniqueid"),
		LinkedID:        m.Get("Linkedid"),
		State:           first(m, "ChannelStateDesc", "State"),
		CallerNum:       num(first(m, "CallerIDNum", "CallerID")),
		CallerName:      num(m.Get("CallerIDName")),
		ConnectedNum:    num(m.Get("ConnectedLineNum")),
		Context:         m.Get("Context"),
		Exten:           first(m, "Exten", "Extension"),
		BridgedChannel:  first(m, "BridgedChannel", "Link"),
		BridgedUniqueID: m.Get("BridgedUniqueid"),
		BridgeID:        first(m, "BridgeID", "BridgeId"),
		Seconds:         atoi(m.Get("Seconds")),
	}
	if d := m.Get("Duration"); lc.Seconds == 0 && d != "" {
		lc.Seconds = hms(d)
	}
	return lc, lc.UniqueID != ""
}

// LiveChannels reads every item of a Status or CoreShowChannels reply.
func LiveChannels(l *List) []crm.LiveChannel {
	if l == nil {
		return nil
	}
	out := make([]crm.LiveChannel, 0, len(l.Events))
	for _, m := range l.Events {
		if lc, ok := LiveChannel(m); ok {
			out = append(out, lc)
		}
	}
	return out
}

// hms reads "00:01:05" as 65 seconds.
func hms(s string) int {
	n := 0
	for _, part := range strings.Split(s, ":") {
		n = n*60 + atoi(part)
	}
	return n
}
