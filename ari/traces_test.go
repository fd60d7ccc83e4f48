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
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// ariTraces lists every ari-22-*.events.jsonl recording by scenario name
// ("ari-22-monitor-resync").
func ariTraces(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(pbxtrace.Dir(tb), "asterisk-22", "ari-22-*.events.jsonl"))
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
	b, err := os.ReadFile(filepath.Join(pbxtrace.Dir(tb), "asterisk-22", name+".events.jsonl"))
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
			got[j].Gateway = pbxtrace.Gateway
		}
		evs = append(evs, got...)
	}
	return evs
}
