package ami_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// liveModel is the PBX's channel list as a Status action would report it
// after the events seen so far: what a reconnecting client receives.
type liveModel struct {
	chans map[string]*crm.LiveChannel
	order []string
}

func modelAfter(evs []crm.CallEvent) []crm.LiveChannel {
	m := liveModel{chans: make(map[string]*crm.LiveChannel)}
	for _, ev := range evs {
		m.apply(ev)
	}
	var out []crm.LiveChannel
	for _, uid := range m.order {
		if lc := m.chans[uid]; lc != nil {
			out = append(out, *lc)
		}
	}
	return out
}

func (m *liveModel) get(uid, name string) *crm.LiveChannel {
	if uid != "" {
		return m.chans[uid]
	}
	for _, lc := range m.chans {
		if lc.Channel == name {
			return lc
		}
	}
	return nil
}

func (m *liveModel) apply(ev crm.CallEvent) {
	lc := m.get(ev.UniqueID, ev.Channel)
	switch ev.Kind {
	case crm.KindNewChannel:
		if lc == nil && ev.UniqueID != "" {
			lc = &crm.LiveChannel{Channel: ev.Channel, UniqueID: ev.UniqueID, Context: ev.Context, Exten: ev.Exten, State: ev.State}
			m.chans[ev.UniqueID] = lc
			m.order = append(m.order, ev.UniqueID)
		}
	case crm.KindHangup:
		if lc != nil {
			delete(m.chans, lc.UniqueID)
		}
		return
	case crm.KindBridged, crm.KindUnbridged:
		m.bridge(ev, lc)
	}
	if lc == nil {
		return
	}
	if ev.LinkedID != "" {
		lc.LinkedID = ev.LinkedID
	}
	if ev.CallerNum != "" && ev.Kind != crm.KindBridged && ev.Kind != crm.KindUnbridged {
		lc.CallerNum = ev.CallerNum
	}
	if ev.Kind == crm.KindAnswered {
		lc.State = "Up"
	}
}

func (m *liveModel) bridge(ev crm.CallEvent, lc *crm.LiveChannel) {
	if lc == nil {
		return
	}
	on := ev.Kind == crm.KindBridged
	if ev.BridgeID != "" {
		lc.BridgeID = ""
		if on {
			lc.BridgeID = ev.BridgeID
		}
		return
	}
	peer := m.get(ev.PeerUniqueID, ev.PeerChannel)
	if peer == nil {
		return
	}
	lc.BridgedUniqueID, peer.BridgedUniqueID = "", ""
	if on {
		lc.BridgedUniqueID, peer.BridgedUniqueID = peer.UniqueID, lc.UniqueID
	}
}

// TestReplayResync cuts each recording at every event, loses the next few
// events (a reconnect), resynchronises from the channel list the PBX would
// report, then plays the rest: every call must still end exactly once,
// under the same source uniqueid.
func TestReplayResync(t *testing.T) {
	for _, tc := range replayCases {
		// The agent of this ARI call joins the caller's Linkedid only on
		// BridgeEnter; losing that event and the hangups after it leaves
		// nothing that could tie the agent leg to the caller.
		if tc.Calls == 0 || tc.Name == "asterisk-22/ami-22-stasis-bridge-agent" {
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			evs := pbxtrace.NormalizeAMI(t, tc.Name)
			for k := 0; k < len(evs); k++ {
				for _, gap := range []int{0, 3, 10} {
					j := min(k+gap, len(evs))
					recs := replayWithResync(evs, k, j)
					checkResynced(t, recs, tc, k, gap)
				}
			}
		})
	}
}

// TestReplayTakeover hands the PBX to a fresh tracker at every event: the
// old one's records plus the new one's after a resync cover each call once.
func TestReplayTakeover(t *testing.T) {
	for _, tc := range replayCases {
		if tc.Calls == 0 {
			continue
		}
		t.Run(tc.Name, func(t *testing.T) {
			evs := pbxtrace.NormalizeAMI(t, tc.Name)
			for k := 0; k < teardown(tc.Name, evs); k++ {
				recs := pbxtrace.Ended(pbxtrace.Track(evs[:k]))
				fresh := crm.NewCallTracker(pbxtrace.TrackerConfig())
				at := evs[max(k-1, 0)].Time
				ups := fresh.Resync(at, modelAfter(evs[:k]))
				for _, ev := range evs[k:] {
					ups = append(ups, fresh.Feed(ev)...)
				}
				recs = append(recs, pbxtrace.Ended(ups)...)
				checkResynced(t, recs, tc, k, 0)
			}
		})
	}
}

// teardown returns where a 1.4/1.6 call starts ending: after its last
// Unlink the channel list no longer ties the agent leg to the other party,
// so a fresh tracker cannot know they were one call. On 12+ the Linkedid
// does, so every cut is checked.
func teardown(name string, evs []crm.CallEvent) int {
	if strings.Contains(name, "asterisk-22") {
		return len(evs)
	}
	last := len(evs)
	for i, ev := range evs {
		if ev.Kind == crm.KindUnbridged {
			last = i
		}
	}
	return last
}

func replayWithResync(evs []crm.CallEvent, k, j int) []crm.CallRecord {
	tr := crm.NewCallTracker(pbxtrace.TrackerConfig())
	var ups []crm.CallUpdate
	for _, ev := range evs[:k] {
		ups = append(ups, tr.Feed(ev)...)
	}
	at := time.Time{}
	if j > 0 {
		at = evs[j-1].Time
	}
	ups = append(ups, tr.Resync(at, modelAfter(evs[:j]))...)
	for _, ev := range evs[j:] {
		ups = append(ups, tr.Feed(ev)...)
	}
	return pbxtrace.Ended(ups)
}

func checkResynced(t *testing.T, recs []crm.CallRecord, tc pbxtrace.Case, k, gap int) {
	t.Helper()
	if len(recs) != tc.Calls {
		t.Errorf("cut at %d, gap %d: got %d records, want %d: %+v", k, gap, len(recs), tc.Calls, recs)
		return
	}
	ids := make([]string, 0, len(recs))
	for _, r := range recs {
		ids = append(ids, r.SourceUniqueID)
	}
	if !slices.Contains(ids, tc.Source) {
		t.Errorf("cut at %d, gap %d: got source uniqueids %v, want %s", k, gap, ids, tc.Source)
	}
}
