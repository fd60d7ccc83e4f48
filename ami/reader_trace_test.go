package ami_test

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/ami"
)

// parseAll reads a whole trace and returns the banner, the frames and the
// byte offset where each frame started.
func parseAll(tb testing.TB, data []byte) (ami.Banner, []*ami.Message, []int64) {
	tb.Helper()
	r := ami.NewReader(bytes.NewReader(data), ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		tb.Fatalf("read banner: %v", err)
	}
	var msgs []*ami.Message
	var offs []int64
	for {
		off := r.Offset()
		m, err := r.ReadMessage()
		if errors.Is(err, io.EOF) {
			return b, msgs, offs
		}
		if err != nil {
			tb.Fatalf("frame %d: %v", len(msgs), err)
		}
		msgs = append(msgs, m)
		offs = append(offs, off)
	}
}

// timingOffsets returns the message start offsets listed in a .timing.tsv.
func timingOffsets(tb testing.TB, tsv []byte) []int64 {
	tb.Helper()
	var offs []int64
	for i, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n") {
		if i == 0 {
			continue
		}
		off, err := strconv.ParseInt(strings.Split(line, "\t")[0], 10, 64)
		if err != nil {
			tb.Fatalf("timing line %d: %v", i+1, err)
		}
		offs = append(offs, off)
	}
	return offs
}

func TestReaderParsesEveryTrace(t *testing.T) {
	wantVersion := map[string]string{"asterisk-1.4": "1.0", "asterisk-1.6": "1.1", "asterisk-22": "11.0.0"}
	for _, path := range traceFiles(t) {
		name := filepath.Base(filepath.Dir(path)) + "/" + strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			data := readTrace(t, name, ".txt")
			b, msgs, offs := parseAll(t, data)
			if want := wantVersion[filepath.Dir(name)]; b.Version != want {
				t.Errorf("banner version: got %q, want %q", b.Version, want)
			}
			if b.Product != "Asterisk Call Manager" {
				t.Errorf("banner product: got %q, want %q", b.Product, "Asterisk Call Manager")
			}
			// The recorder's timing file lists where every message starts;
			// our frame boundaries must agree with it exactly.
			want := timingOffsets(t, readTrace(t, name, ".timing.tsv"))[1:]
			if len(offs) != len(want) {
				t.Fatalf("frames: got %d, want %d", len(offs), len(want))
			}
			for i := range offs {
				if offs[i] != want[i] {
					t.Fatalf("frame %d offset: got %d, want %d", i, offs[i], want[i])
				}
			}
			if got := msgs[0].ActionID(); got != "login-1" {
				t.Errorf("first frame ActionID: got %q, want login-1", got)
			}
			for i, m := range msgs {
				if !m.IsEvent() && !m.IsResponse() {
					t.Errorf("frame %d is neither event nor response: %v", i, m.Headers)
				}
			}
		})
	}
}

// countEvents counts events named ev that carry actionID.
func countEvents(msgs []*ami.Message, ev, actionID string) int {
	n := 0
	for _, m := range msgs {
		if m.Event() == ev && m.ActionID() == actionID {
			n++
		}
	}
	return n
}

func find(msgs []*ami.Message, pred func(*ami.Message) bool) *ami.Message {
	for _, m := range msgs {
		if pred(m) {
			return m
		}
	}
	return nil
}

func TestReaderStatusPollValues(t *testing.T) {
	t.Run("22", func(t *testing.T) {
		_, msgs, _ := parseAll(t, readTrace(t, "asterisk-22/ami-22-inbound-status-poll", ".txt"))
		if got := countEvents(msgs, "Status", "status-1"); got != 4 {
			t.Errorf("Status events: got %d, want 4", got)
		}
		c := find(msgs, func(m *ami.Message) bool { return m.Event() == "StatusComplete" })
		if c == nil {
			t.Fatal("StatusComplete: got none, want one")
		}
		if got := c.Get("listitems"); got != "4" {
			t.Errorf("StatusComplete ListItems: got %q, want 4", got)
		}
		if got := c.Get("EventList"); got != "Complete" {
			t.Errorf("StatusComplete EventList: got %q, want Complete", got)
		}
		if got := countEvents(msgs, "CoreShowChannel", "channels-1"); got != 4 {
			t.Errorf("CoreShowChannel events: got %d, want 4", got)
		}
	})
	t.Run("1.6", func(t *testing.T) {
		_, msgs, _ := parseAll(t, readTrace(t, "asterisk-1.6/ami-16-inbound-status-poll", ".txt"))
		if got := countEvents(msgs, "Status", "status-1"); got != 4 {
			t.Errorf("Status events: got %d, want 4", got)
		}
		c := find(msgs, func(m *ami.Message) bool { return m.Event() == "StatusComplete" })
		if c == nil || c.Get("Items") != "4" {
			t.Errorf("StatusComplete Items: got %v, want 4", c)
		}
	})
	t.Run("1.4", func(t *testing.T) {
		_, msgs, _ := parseAll(t, readTrace(t, "asterisk-1.4/ami-14-inbound-status-poll", ".txt"))
		if got := countEvents(msgs, "Status", "status-1"); got != 4 {
			t.Errorf("Status events: got %d, want 4", got)
		}
		c := find(msgs, func(m *ami.Message) bool { return m.Event() == "StatusComplete" })
		if c == nil {
			t.Fatal("StatusComplete: got none, want one")
		}
		if _, ok := c.Lookup("EventList"); ok {
			t.Errorf("1.4 StatusComplete EventList: got present, want absent")
		}
		e := find(msgs, func(m *ami.Message) bool { return m.ActionID() == "channels-1" })
		if e == nil || e.Response() != "Error" || e.Get("Message") != "Invalid/unknown command" {
			t.Errorf("CoreShowChannels reply: got %v, want Response: Error / Invalid/unknown command", e)
		}
	})
}

func TestReaderKeepsColonsAndRepeats(t *testing.T) {
	_, msgs, _ := parseAll(t, readTrace(t, "asterisk-22/ami-22-inbound-queue", ".txt"))
	d := find(msgs, func(m *ami.Message) bool { return strings.HasPrefix(m.Get("Device"), "Queue:") })
	if d == nil {
		t.Fatal("DeviceStateChange for Queue:support: got none, want one")
	}
	if got := d.Get("Device"); got != "Queue:support" && got != "Queue:support_avail" {
		t.Errorf("Device: got %q, want Queue:support or Queue:support_avail", got)
	}
	cdr := find(msgs, func(m *ami.Message) bool { return m.Event() == "Cdr" })
	if cdr == nil || !strings.Contains(cdr.Get("StartTime"), ":") {
		t.Errorf("Cdr StartTime: got %v, want a time with ':'", cdr)
	}
}
