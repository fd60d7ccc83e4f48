package ami_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
)

// traceEpoch anchors a trace's seconds-since-connect; the recording
// machine's clock read 2026-11-27.
var traceEpoch = time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)

// timedFrame is one frame of a recording with the time it was received.
type timedFrame struct {
	msg *ami.Message
	at  time.Time
}

// loadTrace reads a recording ("asterisk-22/ami-22-inbound-queue") and its
// timing file.
func loadTrace(tb testing.TB, name string) (ami.Banner, []timedFrame) {
	tb.Helper()
	dir := tracesDir(tb)
	f, err := os.Open(filepath.Join(dir, name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	times := loadTiming(tb, filepath.Join(dir, name+".timing.tsv"))
	r := ami.NewReader(f, ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		tb.Fatalf("read banner of %s: %v", name, err)
	}
	var frames []timedFrame
	for i := 1; ; i++ {
		m, err := r.ReadMessage()
		if err != nil {
			break
		}
		at := traceEpoch
		if i < len(times) {
			at = traceEpoch.Add(times[i])
		}
		frames = append(frames, timedFrame{msg: m, at: at})
	}
	return b, frames
}

func loadTiming(tb testing.TB, path string) []time.Duration {
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

// traceConfig is the dialplan of the recordings.
func traceConfig() crm.TrackerConfig {
	return crm.TrackerConfig{
		Gateway:          "pbx-test",
		Agents:           crm.SetOf("101", "102", "201", "202"),
		InboundContexts:  crm.SetOf("from-pstn"),
		OutboundContexts: crm.SetOf("pstn-out"),
		DIDs:             crm.SetOf("+18005550100", "+18005550200", "+18005550300"),
	}
}

// normalizeTrace turns a recording into call events.
func normalizeTrace(tb testing.TB, name string) []crm.CallEvent {
	tb.Helper()
	b, frames := loadTrace(tb, name)
	n := ami.Normalizer{Gateway: "pbx-test", Dialect: ami.DetectDialect(b, ami.DialectAuto)}
	var evs []crm.CallEvent
	for _, f := range frames {
		evs = append(evs, n.Normalize(f.msg, f.at)...)
	}
	return evs
}

// track feeds events to a fresh tracker and returns every update.
func track(evs []crm.CallEvent) []crm.CallUpdate {
	tr := crm.NewCallTracker(traceConfig())
	var ups []crm.CallUpdate
	for _, ev := range evs {
		ups = append(ups, tr.Feed(ev)...)
	}
	return ups
}

// ended returns the final records among updates.
func ended(ups []crm.CallUpdate) []crm.CallRecord {
	var recs []crm.CallRecord
	for _, u := range ups {
		if u.Kind == crm.CallEnded {
			recs = append(recs, u.Call)
		}
	}
	return recs
}
