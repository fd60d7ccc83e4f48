package ari_test

import (
	"testing"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// benchFrames is every recorded ARI frame, all traces in turn.
func benchFrames(b *testing.B) [][]byte {
	var all [][]byte
	for _, name := range ariTraces(b) {
		all = append(all, loadFrames(b, name)...)
	}
	return all
}

// BenchmarkDecodeTranslate measures websocket frames decoded (by the ARI
// library) and translated per second.
func BenchmarkDecodeTranslate(b *testing.B) {
	frames := benchFrames(b)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := ari.TranslateFrame(frames[n%len(frames)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkDecodeTranslateTrack adds the call tracker: every trace's
// frames in turn through a fresh tracker per trace, as a PBX would feed it.
func BenchmarkDecodeTranslateTrack(b *testing.B) {
	var traces [][][]byte
	for _, name := range ariTraces(b) {
		traces = append(traces, loadFrames(b, name))
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, frames := range traces {
			tr := crm.NewCallTracker(pbxtrace.TrackerConfig())
			for _, f := range frames {
				evs, err := ari.TranslateFrame(f)
				if err != nil {
					b.Fatal(err)
				}
				for _, ev := range evs {
					tr.Feed(ev)
				}
			}
			n += len(frames)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}
