package pbxtrace

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

// Epoch anchors a recording's seconds-since-connect: the AMI recordings
// carry no Timestamp header, and the recording machine's clock read
// 2026-11-27.
var Epoch = time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)

// NormalizeAMI turns an AMI recording ("asterisk-22/ami-22-inbound-queue")
// into call events as the AMI path does, each stamped with the time its
// frame was received per the recording's timing file.
func NormalizeAMI(tb testing.TB, name string) []crm.CallEvent {
	tb.Helper()
	base := filepath.Join(Dir(tb), name)
	f, err := os.Open(base + ".txt")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	times := timing(tb, base+".timing.tsv")
	r := ami.NewReader(f, ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		tb.Fatalf("read banner of %s: %v", name, err)
	}
	n := ami.Normalizer{Gateway: Gateway, Dialect: ami.DetectDialect(b, ami.DialectAuto)}
	var evs []crm.CallEvent
	// times[0] is the banner's; frame i is the i-th message after it.
	for i := 1; ; i++ {
		m, err := r.ReadMessage()
		if err != nil {
			break
		}
		at := Epoch
		if i < len(times) {
			at = Epoch.Add(times[i])
		}
		evs = append(evs, n.Normalize(m, at)...)
	}
	return evs
}

// timing reads a .timing.tsv file: a header, then one "offset<TAB>seconds"
// line per frame.
func timing(tb testing.TB, path string) []time.Duration {
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
