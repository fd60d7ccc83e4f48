package amisim_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// tracesDir is ../shared/pbx-traces beside the repository.
var tracesDir = pbxtrace.Path()

// traceEpoch anchors trace seconds; the recording machine read 2026-11-27.
var traceEpoch = time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)

func trackerConfig() crm.TrackerConfig {
	return crm.TrackerConfig{
		Gateway: "sim", Agents: crm.SetOf("101", "102", "201", "202"),
		InboundContexts: crm.SetOf("from-pstn"), OutboundContexts: crm.SetOf("pstn-out"),
		DIDs: crm.SetOf(amisim.DefaultDID),
	}
}

type timed struct {
	msg *ami.Message
	at  time.Time
}

// readTrace returns a recording's frames after login, with their times.
func readTrace(t *testing.T, name string) (ami.Dialect, []timed) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(tracesDir, name+".txt"))
	if err != nil {
		t.Skipf("pbx traces not found at %s (they ship beside the repository, not in a user's clone): %v", tracesDir, err)
	}
	timing, err := os.ReadFile(filepath.Join(tracesDir, name+".timing.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	at := map[int64]time.Duration{}
	for i, line := range strings.Split(strings.TrimSpace(string(timing)), "\n") {
		off, s, _ := strings.Cut(line, "\t")
		o, err1 := strconv.ParseInt(off, 10, 64)
		f, err2 := strconv.ParseFloat(s, 64)
		if i > 0 && err1 == nil && err2 == nil {
			at[o] = time.Duration(f * float64(time.Second))
		}
	}
	r := ami.NewReader(strings.NewReader(string(raw)), ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		t.Fatal(err)
	}
	var out []timed
	for {
		off := r.Offset()
		m, err := r.ReadMessage()
		if err != nil {
			break
		}
		out = append(out, timed{m, traceEpoch.Add(at[off])})
	}
	return ami.DetectDialect(b, ami.DialectAuto), out
}

// noise are the events the generator leaves out.
var noise = map[string]bool{"VarSet": true, "Newexten": true, "DeviceStateChange": true, "FullyBooted": true, "SuccessfulAuth": true}

func eventNames(frames []timed) []string {
	var names []string
	for _, f := range frames {
		if ev := f.msg.Event(); ev != "" && !noise[ev] {
			names = append(names, ev)
		}
	}
	return names
}

func track(d ami.Dialect, frames []timed) []crm.CallUpdate {
	n := ami.Normalizer{Gateway: "sim", Dialect: d}
	tr := crm.NewCallTracker(trackerConfig())
	var ups []crm.CallUpdate
	for _, f := range frames {
		for _, ev := range n.Normalize(f.msg, f.at) {
			ups = append(ups, tr.Feed(ev)...)
		}
	}
	return ups
}

func generated(d ami.Dialect, c amisim.Call) []timed {
	g := amisim.NewGenerator(d, 1)
	var out []timed
	for _, f := range g.Frames(c, traceEpoch) {
		// Parse the wire bytes, as a client would.
		r := ami.NewReader(strings.NewReader("Asterisk Call Manager/1.0\r\n"+string(f.Bytes())), ami.Limits{})
		if _, err := r.ReadBanner(); err != nil {
			panic(err)
		}
		m, err := r.ReadMessage()
		if err != nil {
			panic(err)
		}
		out = append(out, timed{m, traceEpoch.Add(f.At)})
	}
	return out
}

var answered = amisim.Call{CallerNum: "+14155550142", CallerName: "+1 (415) 555-0142", Agent: "101",
	Ring: 2 * time.Second, Talk: 3500 * time.Millisecond, Answered: true}
var missed = amisim.Call{CallerNum: "+12125550199", CallerName: "+1 (212) 555-0199", Agent: "101",
	Ring: 15 * time.Second}

// TestGeneratedMatchesTraces checks, per dialect, that the frames generated
// for the recordings' scenarios carry the same events in the same order,
// and normalize and track to the same call record, as the recordings.
func TestGeneratedMatchesTraces(t *testing.T) {
	cases := []struct {
		trace   string
		dialect ami.Dialect
		call    amisim.Call
	}{
		{"asterisk-22/ami-22-inbound-answered", ami.DialectAMI2, answered},
		{"asterisk-22/ami-22-inbound-missed", ami.DialectAMI2, missed},
		{"asterisk-1.6/ami-16-inbound-answered", ami.Dialect16, answered},
		{"asterisk-1.6/ami-16-inbound-missed", ami.Dialect16, missed},
		{"asterisk-1.4/ami-14-inbound-answered", ami.Dialect14, withTalk(answered, 3*time.Second)},
		{"asterisk-1.4/ami-14-inbound-missed", ami.Dialect14, missed},
	}
	for _, tc := range cases {
		t.Run(tc.trace, func(t *testing.T) {
			d, rec := readTrace(t, tc.trace)
			if d != tc.dialect {
				t.Fatalf("trace dialect: got %v, want %v", d, tc.dialect)
			}
			c := tc.call
			c.ActionID = "orig-1"
			gen := generated(tc.dialect, c)
			if got, want := eventNames(gen), eventNames(rec); !reflect.DeepEqual(got, want) {
				t.Fatalf("event sequence:\n got %v\nwant %v", got, want)
			}
			sameHeaders(t, events(gen), events(rec))
			got, want := pbxtrace.Ended(track(d, gen)), pbxtrace.Ended(track(d, rec))
			if len(got) != 1 || len(want) != 1 {
				t.Fatalf("records: got %d generated, %d recorded; want 1 each", len(got), len(want))
			}
			sameCall(t, got[0], want[0])
		})
	}
}

func events(frames []timed) []*ami.Message {
	var out []*ami.Message
	for _, f := range frames {
		if ev := f.msg.Event(); ev != "" && !noise[ev] {
			out = append(out, f.msg)
		}
	}
	return out
}

// sameHeaders compares the header names, in order, of each event.
func sameHeaders(t *testing.T, gen, rec []*ami.Message) {
	t.Helper()
	for i := range gen {
		var g, r []string
		for _, h := range gen[i].Headers {
			g = append(g, h.Key)
		}
		for _, h := range rec[i].Headers {
			r = append(r, h.Key)
		}
		if !reflect.DeepEqual(g, r) {
			t.Errorf("event %d %s headers:\n got %v\nwant %v", i, gen[i].Event(), g, r)
		}
	}
}

func withTalk(c amisim.Call, d time.Duration) amisim.Call {
	c.Talk = d
	return c
}

func sameCall(t *testing.T, got, want crm.CallRecord) {
	t.Helper()
	if got.Direction != want.Direction || got.Status != want.Status || got.AgentExtension != want.AgentExtension ||
		got.CustomerNumber != want.CustomerNumber || got.CustomerName != want.CustomerName || got.DID != want.DID ||
		!reflect.DeepEqual(got.Agents, want.Agents) {
		t.Errorf("record:\n got %+v\nwant %+v", got, want)
	}
	if d := got.TotalSeconds - want.TotalSeconds; d < -1 || d > 1 {
		t.Errorf("total seconds: got %d, want %d ±1", got.TotalSeconds, want.TotalSeconds)
	}
	if d := got.BillableSeconds - want.BillableSeconds; d < -1 || d > 1 {
		t.Errorf("billable seconds: got %d, want %d ±1", got.BillableSeconds, want.BillableSeconds)
	}
	if got.AnswerTime.IsZero() != want.AnswerTime.IsZero() {
		t.Errorf("answer time: got %v, want %v", got.AnswerTime, want.AnswerTime)
	}
	if !strings.Contains(got.SourceUniqueID, ".") {
		t.Errorf("source uniqueid %q: want Asterisk's <seconds>.<sequence>", got.SourceUniqueID)
	}
}

// TestGeneratedOutbound tracks a generated click-to-call in every dialect.
func TestGeneratedOutbound(t *testing.T) {
	for _, d := range []ami.Dialect{ami.Dialect14, ami.Dialect16, ami.DialectAMI2} {
		for _, ok := range []bool{true, false} {
			c := amisim.Call{CallerNum: "+14155550142", Agent: "101", Ring: 2 * time.Second, Talk: 4 * time.Second, Answered: ok, Outbound: true}
			recs := pbxtrace.Ended(track(d, generated(d, c)))
			if len(recs) != 1 {
				t.Fatalf("%v answered=%v: got %d records, want 1: %+v", d, ok, len(recs), recs)
			}
			r := recs[0]
			want := crm.CallStatusCompleted
			if !ok {
				want = crm.CallStatusNoAnswer
			}
			if r.Direction != crm.DirectionOutbound || r.Status != want || r.AgentExtension != "101" || r.CustomerNumber != "+14155550142" {
				t.Errorf("%v answered=%v: got %+v, want outbound %s by 101 to +14155550142", d, ok, r, want)
			}
			if ok && (r.BillableSeconds < 3 || r.BillableSeconds > 5) {
				t.Errorf("%v: billable %d, want 4 ±1", d, r.BillableSeconds)
			}
		}
	}
}
