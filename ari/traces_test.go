package ari_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/crm"
)

// tracesPath is where the recorded PBX traces live, relative to this
// package: ../shared/pbx-traces beside the repository root.
var tracesPath = filepath.Join("..", "..", "shared", "pbx-traces")

// tracesDir locates the recorded traces, which live beside the repo
// rather than in it.
func tracesDir(tb testing.TB) string {
	tb.Helper()
	if _, err := os.Stat(tracesPath); err != nil {
		tb.Skipf("pbx traces not found at %s (expected ../shared/pbx-traces beside the repo): %v", tracesPath, err)
	}
	return tracesPath
}

// ariTraces lists every ari-22-*.events.jsonl recording by scenario name
// ("ari-22-monitor-resync").
func ariTraces(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(tracesDir(tb), "asterisk-22", "ari-22-*.events.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skip("no ari-22-*.events.jsonl traces under ../shared/pbx-traces/asterisk-22")
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f[:len(f)-len(".events.jsonl")]))
	}
	sort.Strings(names)
	return names
}

// loadFrames reads a trace's websocket frames, one per line.
func loadFrames(tb testing.TB, name string) [][]byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(tracesDir(tb), "asterisk-22", name+".events.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	var frames [][]byte
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			frames = append(frames, append([]byte(nil), line...))
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return frames
}

// translateTrace decodes and translates every frame of a trace.
func translateTrace(tb testing.TB, name string) []crm.CallEvent {
	tb.Helper()
	var evs []crm.CallEvent
	for i, f := range loadFrames(tb, name) {
		got, err := ari.TranslateFrame(f)
		if err != nil {
			tb.Fatalf("%s frame %d: %v", name, i+1, err)
		}
		for j := range got {
			got[j].Gateway = "pbx-test"
		}
		evs = append(evs, got...)
	}
	return evs
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
