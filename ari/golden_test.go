package ari_test

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
)

// amiEvents normalises an AMI recording of Asterisk 22 as the AMI path
// does. The recordings have no Timestamp header, so an event's time is
// when its frame was read (the timing file) from an arbitrary epoch: only
// spans between times compare with ARI, not the times themselves.
func amiEvents(tb testing.TB, name string) []crm.CallEvent {
	tb.Helper()
	base := filepath.Join(tracesDir(tb), "asterisk-22", name)
	f, err := os.Open(base + ".txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	times := amiTiming(tb, base+".timing.tsv")
	r := ami.NewReader(f, ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		tb.Fatalf("read banner of %s: %v", name, err)
	}
	epoch := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	n := ami.Normalizer{Gateway: "pbx-test", Dialect: ami.DetectDialect(b, ami.DialectAuto)}
	var evs []crm.CallEvent
	for i := 1; ; i++ {
		m, err := r.ReadMessage()
		if err != nil {
			break
		}
		at := epoch
		if i < len(times) {
			at = epoch.Add(times[i])
		}
		evs = append(evs, n.Normalize(m, at)...)
	}
	return evs
}

func amiTiming(tb testing.TB, path string) []time.Duration {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []time.Duration
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		_, secs, _ := strings.Cut(sc.Text(), "\t")
		s, err := strconv.ParseFloat(secs, 64)
		if err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, time.Duration(s*float64(time.Second)))
	}
	return out
}

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
			amiRecs := ended(track(amiEvents(t, "ami-22-"+sc)))
			ariRecs := ended(track(translateTrace(t, "ari-22-"+sc)))
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
