package ami_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/ami"
)

func readOne(t *testing.T, input string, lim ami.Limits) (*ami.Message, error) {
	t.Helper()
	return ami.NewReader(strings.NewReader(input), lim).ReadMessage()
}

func TestReaderBareLFAndFirstColon(t *testing.T) {
	m, err := readOne(t, "Event: X\nAppData: a:b: c\nVariable: A=1\r\nvariable: B=2\nNoColonLine\n\n", ami.Limits{})
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	if got := m.Get("appdata"); got != "a:b: c" {
		t.Errorf("AppData: got %q, want %q", got, "a:b: c")
	}
	if got := strings.Join(m.Values("Variable"), ","); got != "A=1,B=2" {
		t.Errorf("Variable values: got %q, want %q", got, "A=1,B=2")
	}
	if _, ok := m.Lookup("NoColonLine"); !ok {
		t.Errorf("NoColonLine: got absent, want kept as a key")
	}
}

func TestReaderFollowsOutput(t *testing.T) {
	// The 1.4/1.6 Command reply as manager.c writes it: CRLF headers, then the
	// CLI text with bare LF, containing ':' and a blank line.
	in := "Response: Follows\r\nPrivilege: Command\r\nActionID: cmd-1\r\n" +
		"Name/username  Host: dynamic\n\n2 sip peers\n--END COMMAND--\r\n\r\n" +
		"Event: Next\r\n\r\n"
	r := ami.NewReader(strings.NewReader(in), ami.Limits{})
	m, err := r.ReadMessage()
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	if got := m.ActionID(); got != "cmd-1" {
		t.Errorf("ActionID: got %q, want cmd-1", got)
	}
	if want := "Name/username  Host: dynamic\n\n2 sip peers"; m.Output != want {
		t.Errorf("Output: got %q, want %q", m.Output, want)
	}
	if _, ok := m.Lookup("Name/username  Host"); ok {
		t.Errorf("output line parsed as a header, want it kept in Output")
	}
	next, err := r.ReadMessage()
	if err != nil || next.Event() != "Next" {
		t.Fatalf("next frame: got %v, %v, want Event Next", next, err)
	}
}

func TestReaderFollowsMarkerGlued(t *testing.T) {
	m, err := readOne(t, "Response: Follows\r\nPrivilege: Command\r\nno newline--END COMMAND--\r\n\r\n", ami.Limits{})
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	if m.Output != "no newline" {
		t.Errorf("Output: got %q, want %q", m.Output, "no newline")
	}
}

func TestReaderLimits(t *testing.T) {
	tests := []struct {
		name  string
		input string
		lim   ami.Limits
		want  error
	}{
		{"line", "Event: " + strings.Repeat("x", 100) + "\r\n\r\n", ami.Limits{MaxLineBytes: 50}, ami.ErrLineTooLong},
		{"headers", strings.Repeat("A: b\r\n", 10) + "\r\n", ami.Limits{MaxHeaders: 5}, ami.ErrTooManyHeaders},
		{"frame", strings.Repeat("A: bbbbbbbbbb\r\n", 20) + "\r\n", ami.Limits{MaxFrameBytes: 100}, ami.ErrFrameTooLarge},
		{"follows", "Response: Follows\r\n" + strings.Repeat("\r\n", 500), ami.Limits{MaxFrameBytes: 200}, ami.ErrFrameTooLarge},
		{"cut", "Event: X\r\nA: b", ami.Limits{}, io.ErrUnexpectedEOF},
		{"cut after line", "Event: X\r\n", ami.Limits{}, io.ErrUnexpectedEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readOne(t, tt.input, tt.lim)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got error %v, want %v", err, tt.want)
			}
			var fe *ami.FrameError
			if !errors.As(err, &fe) {
				t.Errorf("got %T, want *ami.FrameError", err)
			}
		})
	}
}

func TestReaderLongLineWithinLimit(t *testing.T) {
	// Longer than the bufio buffer, shorter than the limit.
	long := strings.Repeat("v", 40<<10)
	m, err := readOne(t, "Event: X\r\nValue: "+long+"\r\n\r\n", ami.Limits{})
	if err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	if got := len(m.Get("Value")); got != len(long) {
		t.Errorf("value length: got %d, want %d", got, len(long))
	}
}

func TestReaderEOFAndStickyErrors(t *testing.T) {
	r := ami.NewReader(strings.NewReader("Event: X\r\n\r\n\r\n"), ami.Limits{})
	if _, err := r.ReadMessage(); err != nil {
		t.Fatalf("first frame: got %v, want nil", err)
	}
	for i := range 2 {
		if _, err := r.ReadMessage(); err != io.EOF {
			t.Fatalf("read %d after last frame: got %v, want io.EOF", i, err)
		}
	}
}

func TestParseBanner(t *testing.T) {
	tests := []struct{ line, version string }{
		{"Asterisk Call Manager/1.0", "1.0"},
		{"Asterisk Call Manager/1.1", "1.1"},
		{"Asterisk Call Manager/11.0.0", "11.0.0"},
		{"Asterisk Call Manager/2.10.4", "2.10.4"},
	}
	for _, tt := range tests {
		b, err := ami.ParseBanner(tt.line)
		if err != nil || b.Version != tt.version || b.Product != "Asterisk Call Manager" {
			t.Errorf("ParseBanner(%q): got %+v, %v, want version %s", tt.line, b, err, tt.version)
		}
	}
	for _, bad := range []string{"", "HTTP/", "garbage", "/1.0"} {
		if _, err := ami.ParseBanner(bad); !errors.Is(err, ami.ErrBadBanner) {
			t.Errorf("ParseBanner(%q): got %v, want ErrBadBanner", bad, err)
		}
	}
}

func TestWriterRoundTrip(t *testing.T) {
	a := ami.NewAction("Originate", "ActionID", "orig-1", "Channel", "Local/+18005550100@from-pstn",
		"CallerID", `"+1 (415) 555-0142" <+14155550142>`, "Variable", "__SIM_TALK=5")
	var buf bytes.Buffer
	if err := ami.NewWriter(&buf).WriteMessage(a); err != nil {
		t.Fatalf("got error %v, want nil", err)
	}
	want := "Action: Originate\r\nActionID: orig-1\r\nChannel: Local/+18005550100@from-pstn\r\n" +
		"CallerID: \"+1 (415) 555-0142\" <+14155550142>\r\nVariable: __SIM_TALK=5\r\n\r\n"
	if buf.String() != want {
		t.Errorf("encoded: got %q, want %q", buf.String(), want)
	}
	m, err := ami.NewReader(&buf, ami.Limits{}).ReadMessage()
	if err != nil || m.String() != want {
		t.Errorf("round trip: got %q, %v, want %q", m, err, want)
	}
}

func TestWriterRefusesInjection(t *testing.T) {
	for _, a := range []*ami.Message{
		ami.NewAction("Command", "Command", "core show channels\r\n\r\nAction: Logoff"),
		ami.NewAction("Ping", "Bad:Key", "x"),
		ami.NewAction("Ping", "", "x"),
	} {
		if err := ami.NewWriter(io.Discard).WriteMessage(a); !errors.Is(err, ami.ErrInvalidHeader) {
			t.Errorf("WriteMessage(%q): got %v, want ErrInvalidHeader", a.Headers, err)
		}
	}
}

func TestMessageSetDel(t *testing.T) {
	m := ami.NewAction("Ping", "X", "1", "x", "2", "Y", "3")
	m.Set("X", "9")
	if got := strings.Join(m.Values("x"), ","); got != "9" {
		t.Errorf("after Set: got %q, want 9", got)
	}
	m.Del("y")
	if _, ok := m.Lookup("Y"); ok {
		t.Errorf("after Del: got Y present, want absent")
	}
	m.Set("Z", "4")
	if got := m.Get("z"); got != "4" {
		t.Errorf("Set new key: got %q, want 4", got)
	}
}
