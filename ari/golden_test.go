package ari_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// TestGoldenAMIvsARI replays the calls recorded over both protocols at
// once and requires the same call record from each path. Fields that
// legitimately differ:
//   - StartTime, AnswerTime, EndTime: the AMI recordings carry no
//     timestamps (receive times from an arbitrary epoch), ARI frames carry
//     the PBX's; compared as spans from the start, ±1 s.
//   - nothing else: SourceUniqueID matches because in monitor mode ARI
//     sees the originated ;1 half, whose uniqueid is the AMI Linkedid.
func TestGoldenAMIvsARI(t *testing.T) {
	for _, sc := range []string{"monitor-inbound-answered", "monitor-inbound-missed", "monitor-inbound-queue", "monitor-click-to-call", "monitor-resync"} {
		t.Run(sc, func(t *testing.T) {
			amiRecs := pbxtrace.Ended(pbxtrace.Track(pbxtrace.NormalizeAMI(t, "asterisk-22/ami-22-"+sc)))
			ariRecs := pbxtrace.Ended(pbxtrace.Track(translateTrace(t, "ari-22-"+sc)))
			if len(amiRecs) != 1 || len(ariRecs) != 1 {
				t.Fatalf("got %d AMI and %d ARI records, want 1 each", len(amiRecs), len(ariRecs))
			}
			a, r := amiRecs[0], ariRecs[0]
			spans := func(c crm.CallRecord) (answer, end time.Duration) {
				if !c.AnswerTime.IsZero() {
					answer = c.AnswerTime.Sub(c.StartTime)
				}
				return answer, c.EndTime.Sub(c.StartTime)
			}
			aa, ae := spans(a)
			ra, re := spans(r)
			if d := aa - ra; d < -time.Second || d > time.Second {
				t.Errorf("answer after start: AMI %v, ARI %v (±1s)", aa, ra)
			}
			if d := ae - re; d < -time.Second || d > time.Second {
				t.Errorf("end after start: AMI %v, ARI %v (±1s)", ae, re)
			}
			if d := a.TotalSeconds - r.TotalSeconds; d < -1 || d > 1 {
				t.Errorf("total seconds: AMI %d, ARI %d (±1)", a.TotalSeconds, r.TotalSeconds)
			}
			if d := a.BillableSeconds - r.BillableSeconds; d < -1 || d > 1 {
				t.Errorf("billable seconds: AMI %d, ARI %d (±1)", a.BillableSeconds, r.BillableSeconds)
			}
			// Everything else must be identical.
			for _, c := range []*crm.CallRecord{&a, &r} {
				c.StartTime, c.AnswerTime, c.EndTime = time.Time{}, time.Time{}, time.Time{}
				c.TotalSeconds, c.BillableSeconds = 0, 0
			}
			if !reflect.DeepEqual(a, r) {
				t.Errorf("records differ:\nAMI %+v\nARI %+v", a, r)
			}
		})
	}
}
