package pbxtrace

import (
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// Gateway names the recordings' PBX in every event and record.
const Gateway = "pbx-test"

// TrackerConfig is the dialplan of the recordings.
func TrackerConfig() crm.TrackerConfig {
	return crm.TrackerConfig{
		Gateway:          Gateway,
		Agents:           crm.SetOf("101", "102", "201", "202"),
		InboundContexts:  crm.SetOf("from-pstn"),
		OutboundContexts: crm.SetOf("pstn-out"),
		DIDs:             crm.SetOf("+18005550100", "+18005550200", "+18005550300"),
	}
}

// Track feeds events to a fresh tracker and returns every update.
func Track(evs []crm.CallEvent) []crm.CallUpdate {
	tr := crm.NewCallTracker(TrackerConfig())
	var ups []crm.CallUpdate
	for _, ev := range evs {
		ups = append(ups, tr.Feed(ev)...)
	}
	return ups
}

// Ended returns the final records among updates.
func Ended(ups []crm.CallUpdate) []crm.CallRecord {
	var recs []crm.CallRecord
	for _, u := range ups {
		if u.Kind == crm.CallEnded {
			recs = append(recs, u.Call)
		}
	}
	return recs
}

// RingingSets returns the Ringing of each ringing and answered update, in
// order, as comma-joined extensions.
func RingingSets(ups []crm.CallUpdate) []string {
	var sets []string
	for _, u := range ups {
		if u.Kind != crm.CallEnded {
			sets = append(sets, strings.Join(u.Ringing, ","))
		}
	}
	return sets
}
