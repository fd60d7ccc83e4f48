package crm

import (
	"slices"
	"strings"
	"time"
)

// Snapshot returns the calls in progress, oldest first, with status
// ringing or in-progress and no end time.
func (t *CallTracker) Snapshot() []CallRecord {
	states := t.inProgress()
	recs := make([]CallRecord, len(states))
	for i, u := range states {
		recs[i] = u.Call
	}
	return recs
}

// inProgress returns the calls in progress as Snapshot orders them, each
// with the agents ringing for it (Kind and Time unset).
func (t *CallTracker) inProgress() []CallUpdate {
	states := make([]CallUpdate, 0, len(t.calls))
	for c := range t.calls {
		if c.live > 0 {
			states = append(states, CallUpdate{Call: t.record(c, time.Time{}), Ringing: c.ringing()})
		}
	}
	slices.SortFunc(states, func(a, b CallUpdate) int {
		if c := a.Call.StartTime.Compare(b.Call.StartTime); c != 0 {
			return c
		}
		return strings.Compare(a.Call.SourceUniqueID, b.Call.SourceUniqueID)
	})
	return states
}

// Resync reconciles the tracker with the PBX's full channel list taken at
// now, after a reconnect or a takeover: channels the tracker holds that
// are no longer listed hang up (ending their calls once), listed channels
// it does not know are adopted and grouped like live ones, and bridges are
// set as listed. Calls that began and ended while disconnected cannot be
// seen this way. Adopted calls count as answered from now if bridged.
func (t *CallTracker) Resync(now time.Time, live []LiveChannel) []CallUpdate {
	var out []CallUpdate
	listed := make(map[string]bool, len(live))
	for _, lc := range live {
		listed[lc.UniqueID] = true
	}
	var gone []*tchan
	for _, ch := range t.chans {
		if !ch.dead && !listed[ch.uid] {
			gone = append(gone, ch)
		}
	}
	slices.SortFunc(gone, func(a, b *tchan) int { return uidCompare(a.uid, b.uid) })
	for _, ch := range gone {
		if !ch.dead {
			t.kill(ch, now, &out)
		}
	}
	for _, lc := range live {
		known := t.lookup(lc.UniqueID, lc.Channel) != nil
		ch := t.subject(CallEvent{
			Kind: KindNewChannel, Time: now.Add(-time.Duration(lc.Seconds) * time.Second),
			Channel: lc.Channel, UniqueID: lc.UniqueID, LinkedID: lc.LinkedID, State: lc.State,
			CallerNum: lc.CallerNum, CallerName: lc.CallerName, Context: lc.Context, Exten: lc.Exten,
		})
		if ch != nil && !known {
			ch.adopted = true
		}
	}
	bridged := make(map[*tchan]bool)
	for _, lc := range live {
		t.resyncBridge(lc, bridged)
	}
	for _, lc := range live {
		ch := t.lookup(lc.UniqueID, lc.Channel)
		if ch == nil || ch.dead {
			continue
		}
		if !bridged[ch] {
			t.leave(ch)
		}
		t.updateTalk(ch.call, now, &out)
		t.syncRinging(ch.call, now, &out)
	}
	return out
}

// resyncBridge puts a listed channel, and its listed peer, in the bridge
// the list says.
func (t *CallTracker) resyncBridge(lc LiveChannel, bridged map[*tchan]bool) {
	ch := t.lookup(lc.UniqueID, lc.Channel)
	if ch == nil || ch.dead {
		return
	}
	if lc.BridgeID != "" {
		t.enter(t.bridge(lc.BridgeID), ch)
		t.joinBridged(ch.bridge)
		bridged[ch] = true
		return
	}
	peer := t.lookup(lc.BridgedUniqueID, lc.BridgedChannel)
	if peer == nil || peer.dead {
		return
	}
	bridged[ch], bridged[peer] = true, true
	if peer.bridge != nil && peer.bridge == ch.bridge {
		return
	}
	b := t.bridge(pairID(ch.uid, peer.uid))
	t.enter(b, peer)
	t.enter(b, ch)
	t.joinBridged(b)
}

// orphan reports a fragment rather than a call: only agent channels,
// never rung, answered or dialled out, and not linked by the PBX. It
// happens when the event that tied an agent leg to its caller was lost
// (a reconnect; 1.4/1.6 channel lists do not say which caller a ringing
// agent leg belongs to, nor which caller an unbridged one talked to); the
// call it belongs to is recorded on its own.
func (c *tcall) orphan() bool {
	if !c.answerAt.IsZero() || len(c.rung) > 0 || c.outRung || c.busy || c.failed || c.noAnswered {
		return false
	}
	for _, ch := range c.chans {
		if ch.role != roleAgent || ch.linkedID != "" || (ch.up && !ch.adopted) {
			return false
		}
	}
	return true
}

func uidCompare(a, b string) int {
	switch {
	case uidLess(a, b):
		return -1
	case uidLess(b, a):
		return 1
	}
	return 0
}
