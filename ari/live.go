package ari

import (
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"

	"github.com/tigerline/tigerline/crm"
)

// LiveChannels turns the answers of GET /channels and GET /bridges,
// taken at now on the PBX's clock, into the channel list
// crm.CallTracker.Resync wants. ARI channels say neither their Linkedid
// nor their bridge, so BridgeID comes from the bridges' member lists and
// LinkedID stays empty; Context and Exten are where the channel is now in
// the dialplan, not where it started.
func LiveChannels(chans []ariv5.ChannelData, bridges []ariv5.BridgeData, now time.Time) []crm.LiveChannel {
	bridgeOf := make(map[string]string)
	for _, b := range bridges {
		for _, id := range b.ChannelIDs {
			bridgeOf[id] = b.ID
		}
	}
	out := make([]crm.LiveChannel, 0, len(chans))
	for i := range chans {
		c := &chans[i]
		if c.ID == "" {
			continue
		}
		lc := crm.LiveChannel{
			Channel:  c.Name,
			UniqueID: c.ID,
			State:    c.State,
			BridgeID: bridgeOf[c.ID],
		}
		if c.Caller != nil {
			lc.CallerNum, lc.CallerName = num(c.Caller.Number), num(c.Caller.Name)
		}
		if c.Connected != nil {
			lc.ConnectedNum = num(c.Connected.Number)
		}
		if c.Dialplan != nil {
			lc.Context, lc.Exten = c.Dialplan.Context, c.Dialplan.Exten
		}
		if ct := c.Creationtime; ct != nil && ct.Seconds > 0 && !now.IsZero() {
			if d := now.Sub(time.Unix(ct.Seconds, int64(ct.Nanos))); d > 0 {
				lc.Seconds = int(d / time.Second)
			}
		}
		out = append(out, lc)
	}
	return out
}

// Subscribed keeps the channels and bridges an application subscribes
// to (GET /applications/{app}): without subscribeAll a client hears of
// nothing else, so a channel outside the list (the far half of a Local
// pair, a call the dialplan never sent to the application) would stay
// in the call tracker forever.
func Subscribed(chans []ariv5.ChannelData, bridges []ariv5.BridgeData, app ariv5.ApplicationData) ([]ariv5.ChannelData, []ariv5.BridgeData) {
	ch := make(map[string]bool, len(app.ChannelIDs))
	for _, id := range app.ChannelIDs {
		ch[id] = true
	}
	br := make(map[string]bool, len(app.BridgeIDs))
	for _, id := range app.BridgeIDs {
		br[id] = true
	}
	var outC []ariv5.ChannelData
	for _, c := range chans {
		if ch[c.ID] {
			outC = append(outC, c)
		}
	}
	var outB []ariv5.BridgeData
	for _, b := range bridges {
		if br[b.ID] {
			outB = append(outB, b)
		}
	}
	return outC, outB
}
