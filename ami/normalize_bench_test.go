package ami_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// BenchmarkNormalizeAndTrack parses, normalizes and tracks the largest
// recordings from their bytes, reporting AMI events per second.
func BenchmarkNormalizeAndTrack(b *testing.B) {
	names := []string{
		"asterisk-22/ami-22-inbound-blind-transfer",
		"asterisk-22/ami-22-inbound-redirect-transfer",
		"asterisk-22/ami-22-monitor-inbound-queue",
		"asterisk-1.6/ami-16-inbound-queue",
		"asterisk-1.4/ami-14-inbound-queue",
	}
	var traces [][]byte
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(pbxtrace.Dir(b), n+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		traces = append(traces, data)
	}
	cfg := pbxtrace.TrackerConfig()
	frames := 0
	b.ResetTimer()
	for b.Loop() {
		for _, data := range traces {
			frames += replayBytes(b, data, cfg)
		}
	}
	b.ReportMetric(float64(frames)/b.Elapsed().Seconds(), "events/s")
}

func replayBytes(b *testing.B, data []byte, cfg crm.TrackerConfig) int {
	r := ami.NewReader(bytes.NewReader(data), ami.Limits{})
	banner, err := r.ReadBanner()
	if err != nil {
		b.Fatal(err)
	}
	n := ami.Normalizer{Gateway: cfg.Gateway, Dialect: ami.DetectDialect(banner, ami.DialectAuto)}
	tr := crm.NewCallTracker(cfg)
	frames := 0
	for {
		m, err := r.ReadMessage()
		if err != nil {
			return frames
		}
		frames++
		for _, ev := range n.Normalize(m, pbxtrace.Epoch) {
			tr.Feed(ev)
		}
	}
}
