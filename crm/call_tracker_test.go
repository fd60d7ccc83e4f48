package crm_test

import (
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

var t0 = time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)

func at(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }

func testConfig() crm.TrackerConfig {
	return crm.TrackerConfig{
		Gateway:          "gw",
		Agents:           crm.SetOf("101", "102"),
		InboundContexts:  crm.SetOf("from-pstn"),
		OutboundContexts: crm.SetOf("pstn-out"),
	}
}

// sipInbound is a plain SIP call: trunk channel rings agent 101.
func sipInbound(answer bool, dialStatus string) []crm.CallEvent {
	evs := []crm.CallEvent{
		{Time: at(0), Kind: crm.KindNewChannel, Channel: "SIP/trunk-00000001", UniqueID: "100.1", Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
		{Time: at(0.1), Kind: crm.KindNewChannel, Channel: "SIP/101-00000002", UniqueID: "100.2", Context: "agents"},
		{Time: at(0.1), Kind: crm.KindDialBegin, Channel: "SIP/trunk-00000001", UniqueID: "100.1", PeerChannel: "SIP/101-00000002", PeerUniqueID: "100.2"},
	}
	if answer {
		evs = append(evs,
			crm.CallEvent{Time: at(2), Kind: crm.KindBridged, Channel: "SIP/trunk-00000001", UniqueID: "100.1", PeerChannel: "SIP/101-00000002", PeerUniqueID: "100.2"},
			crm.CallEvent{Time: at(2), Kind: crm.KindUnbridged, Channel: "SIP/trunk-00000001", UniqueID: "100.1", PeerChannel: "SIP/101-00000002", PeerUniqueID: "100.2"},
			crm.CallEvent{Time: at(2), Kind: crm.KindBridged, Channel: "SIP/trunk-00000001", UniqueID: "100.1", PeerChannel: "SIP/101-00000002", PeerUniqueID: "100.2"},
			crm.CallEvent{Time: at(32), Kind: crm.KindUnbridged, Channel: "SIP/trunk-00000001", UniqueID: "100.1", PeerChannel: "SIP/101-00000002", PeerUniqueID: "100.2"},
		)
	} else {
		evs = append(evs, crm.CallEvent{Time: at(10), Kind: crm.KindDialEnd, Channel: "SIP/trunk-00000001", UniqueID: "100.1", DialStatus: dialStatus})
	}
	end := at(32)
	if !answer {
		end = at(10)
	}
	return append(evs,
		crm.CallEvent{Time: end, Kind: crm.KindHangup, UniqueID: "100.2", Channel: "SIP/101-00000002"},
		crm.CallEvent{Time: end, Kind: crm.KindHangup, UniqueID: "100.1", Channel: "SIP/trunk-00000001"},
	)
}

func TestCallTracker(t *testing.T) {
	tests := []struct {
		name     string
		evs      []crm.CallEvent
		status   crm.CallStatus
		dir      crm.CallDirection
		agent    string
		billable int
		total    int
	}{
		{"answered with link quirk", sipInbound(true, ""), crm.CallStatusCompleted, crm.DirectionInbound, "101", 30, 32},
		{"no answer", sipInbound(false, "NOANSWER"), crm.CallStatusNoAnswer, crm.DirectionInbound, "101", 0, 10},
		{"busy", sipInbound(false, "BUSY"), crm.CallStatusBusy, crm.DirectionInbound, "101", 0, 10},
		{"unavailable", sipInbound(false, "CHANUNAVAIL"), crm.CallStatusFailed, crm.DirectionInbound, "101", 0, 10},
		{"queue abandoned", []crm.CallEvent{
			{Time: at(0), Kind: crm.KindNewChannel, Channel: "SIP/trunk-1", UniqueID: "1.1", Context: "from-pstn", CallerNum: "+1312"},
			{Time: at(1), Kind: crm.KindQueueJoined, Channel: "SIP/trunk-1", UniqueID: "1.1", Queue: "support", Position: 1},
			{Time: at(9), Kind: crm.KindQueueAbandoned, Channel: "SIP/trunk-1", UniqueID: "1.1", Queue: "support", WaitSeconds: 8},
			{Time: at(9), Kind: crm.KindHangup, Channel: "SIP/trunk-1", UniqueID: "1.1"},
		}, crm.CallStatusAbandoned, crm.DirectionInbound, "", 0, 9},
		{"internal", []crm.CallEvent{
			{Time: at(0), Kind: crm.KindNewChannel, Channel: "PJSIP/101-00000001", UniqueID: "2.1", LinkedID: "2.1", Context: "from-internal"},
			{Time: at(0), Kind: crm.KindNewChannel, Channel: "PJSIP/102-00000002", UniqueID: "2.2", LinkedID: "2.1", Context: "from-internal"},
			{Time: at(0), Kind: crm.KindDialBegin, Channel: "PJSIP/101-00000001", UniqueID: "2.1", PeerChannel: "PJSIP/102-00000002", PeerUniqueID: "2.2"},
			{Time: at(3), Kind: crm.KindBridged, Channel: "PJSIP/101-00000001", UniqueID: "2.1", BridgeID: "b"},
			{Time: at(3), Kind: crm.KindBridged, Channel: "PJSIP/102-00000002", UniqueID: "2.2", BridgeID: "b"},
			{Time: at(8), Kind: crm.KindHangup, Channel: "PJSIP/102-00000002", UniqueID: "2.2"},
			{Time: at(8), Kind: crm.KindHangup, Channel: "PJSIP/101-00000001", UniqueID: "2.1"},
		}, crm.CallStatusCompleted, crm.DirectionInternal, "102", 5, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := crm.NewCallTracker(testConfig())
			var recs []crm.CallRecord
			for _, ev := range tc.evs {
				for _, u := range tr.Feed(ev) {
					if u.Kind == crm.CallEnded {
						recs = append(recs, u.Call)
					}
				}
			}
			if len(recs) != 1 {
				t.Fatalf("got %d records, want 1", len(recs))
			}
			r := recs[0]
			if r.Status != tc.status || r.Direction != tc.dir || r.AgentExtension != tc.agent {
				t.Errorf("got %s/%s/%q, want %s/%s/%q", r.Status, r.Direction, r.AgentExtension, tc.status, tc.dir, tc.agent)
			}
			if r.BillableSeconds != tc.billable || r.TotalSeconds != tc.total {
				t.Errorf("got %d/%d s, want %d/%d s", r.TotalSeconds, r.BillableSeconds, tc.total, tc.billable)
			}
			if len(tr.Snapshot()) != 0 {
				t.Errorf("got %d calls in progress after the end, want 0", len(tr.Snapshot()))
			}
		})
	}
}

func TestCallTrackerResyncEndsMissingCall(t *testing.T) {
	tr := crm.NewCallTracker(testConfig())
	for _, ev := range sipInbound(true, "")[:4] {
		tr.Feed(ev)
	}
	if got := len(tr.Snapshot()); got != 1 {
		t.Fatalf("got %d calls in progress, want 1", got)
	}
	ups := tr.Resync(at(40), nil)
	if len(ups) != 1 || ups[0].Kind != crm.CallEnded || ups[0].Call.Status != crm.CallStatusCompleted {
		t.Fatalf("got %+v, want one completed call.ended", ups)
	}
	if again := tr.Resync(at(41), nil); len(again) != 0 {
		t.Errorf("second resync: got %+v, want nothing", again)
	}
	if late := tr.Feed(crm.CallEvent{Time: at(42), Kind: crm.KindHangup, UniqueID: "100.1"}); len(late) != 0 {
		t.Errorf("late hangup: got %+v, want nothing", late)
	}
}

func TestExtension(t *testing.T) {
	cfg := testConfig()
	tests := map[string]string{
		"SIP/101-0000000a": "101", "PJSIP/101-00000001": "101", "IAX2/101-1234": "101", "DAHDI/1-1": "1",
		"Local/101@agents-00000001;1": "101", "Local/101@agents-1f5c,1": "101", "Local/202@agents": "202",
		"SIP/101": "101", "Foo/bar": "",
	}
	for in, want := range tests {
		if got := cfg.Extension(in); got != want {
			t.Errorf("Extension(%q): got %q, want %q", in, got, want)
		}
	}
}
