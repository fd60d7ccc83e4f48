package ami_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amitest"
)

const (
	testUser   = "crm"
	testSecret = "crmsecret"
)

// startServer starts a loopback server that the test closes on cleanup.
func startServer(t *testing.T, cfg amitest.Config) *amitest.Server {
	t.Helper()
	if cfg.Username == "" {
		cfg.Username, cfg.Secret = testUser, testSecret
	}
	s, err := amitest.Start(cfg)
	if err != nil {
		t.Fatalf("start amitest server: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// eventLog collects OnEvent frames for assertions.
type eventLog struct {
	mu   sync.Mutex
	msgs []*ami.Message
}

func (l *eventLog) add(m *ami.Message) {
	l.mu.Lock()
	l.msgs = append(l.msgs, m)
	l.mu.Unlock()
}

func (l *eventLog) snapshot() []*ami.Message {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*ami.Message(nil), l.msgs...)
}

func dial(t *testing.T, cfg ami.Config) *ami.Client {
	t.Helper()
	c, err := ami.Dial(t.Context(), cfg)
	if err != nil {
		t.Fatalf("dial: got %v, want nil", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestLogin(t *testing.T) {
	for _, md5 := range []bool{false, true} {
		s := startServer(t, amitest.Config{Banner: "Asterisk Call Manager/1.1"})
		c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret, UseMD5: md5})
		if got := c.Banner().Version; got != "1.1" {
			t.Errorf("md5=%v banner version: got %q, want 1.1", md5, got)
		}
		if got := s.Logins(); got != 1 {
			t.Errorf("md5=%v server logins: got %d, want 1", md5, got)
		}
		if _, err := c.Send(t.Context(), ami.NewAction("Ping")); err != nil {
			t.Errorf("md5=%v ping: got %v, want nil", md5, err)
		}
	}
}

func TestLoginFailure(t *testing.T) {
	for _, md5 := range []bool{false, true} {
		s := startServer(t, amitest.Config{})
		_, err := ami.Dial(t.Context(), ami.Config{Addr: s.Addr(), Username: testUser, Secret: "wrong", UseMD5: md5})
		if !errors.Is(err, ami.ErrAuthFailed) {
			t.Errorf("md5=%v: got %v, want ErrAuthFailed", md5, err)
		}
	}
}

func TestSendAfterClose(t *testing.T) {
	s := startServer(t, amitest.Config{})
	c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret})
	c.Close()
	if _, err := c.Send(t.Context(), ami.NewAction("Ping")); !errors.Is(err, ami.ErrClosed) {
		t.Errorf("send after close: got %v, want ErrClosed", err)
	}
}

func TestSendContextCancel(t *testing.T) {
	s := startServer(t, amitest.Config{})
	c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret})
	s.SetSilent(true)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	if _, err := c.Send(ctx, ami.NewAction("Ping")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("send to silent server: got %v, want DeadlineExceeded", err)
	}
}

func TestCommand(t *testing.T) {
	out := "Name/username   Host: dynamic\n\n1 sip peers [Monitored: 0 online]"
	for _, banner := range []string{"Asterisk Call Manager/1.0", "Asterisk Call Manager/1.1", "Asterisk Call Manager/11.0.0"} {
		s := startServer(t, amitest.Config{Banner: banner, Commands: map[string]string{"sip show peers": out + "\n"}})
		c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret})
		got, err := c.Command(t.Context(), "sip show peers")
		if err != nil || got != out {
			t.Errorf("%s: got %q, %v, want %q", banner, got, err, out)
		}
	}
}

func TestSendListStatusTraces(t *testing.T) {
	tests := []struct {
		trace        string
		wantChannels int // -1: CoreShowChannels unknown
	}{
		{"asterisk-22/ami-22-inbound-status-poll", 4},
		{"asterisk-1.6/ami-16-inbound-status-poll", 4},
		{"asterisk-1.4/ami-14-inbound-status-poll", -1},
	}
	for _, tt := range tests {
		t.Run(tt.trace, func(t *testing.T) {
			data := readTrace(t, tt.trace, ".txt")
			_, frames, _ := parseAll(t, data)
			s := startServer(t, amitest.Config{Trace: data})
			var log eventLog
			c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret, OnEvent: log.add})

			// Both lists run while the server streams the recorded events,
			// so replies and events interleave on the socket.
			var wg sync.WaitGroup
			var status, channels *ami.List
			var statusErr, channelsErr error
			wg.Go(func() { status, statusErr = c.SendList(t.Context(), ami.NewAction("Status")) })
			wg.Go(func() { channels, channelsErr = c.SendList(t.Context(), ami.NewAction("CoreShowChannels")) })
			wg.Wait()

			if statusErr != nil {
				t.Fatalf("Status: got %v, want nil", statusErr)
			}
			if got := len(status.Events); got != 4 {
				t.Errorf("Status events: got %d, want 4", got)
			}
			for _, e := range status.Events {
				if e.Event() != "Status" || e.ActionID() != status.Response.ActionID() {
					t.Errorf("Status item: got %s/%s, want Status/%s", e.Event(), e.ActionID(), status.Response.ActionID())
				}
			}
			if status.Complete == nil || status.Complete.Event() != "StatusComplete" {
				t.Errorf("Status complete: got %v, want StatusComplete", status.Complete)
			}
			checkChannels(t, tt.wantChannels, channels, channelsErr)
			checkUnclaimed(t, &log, frames)
		})
	}
}

func checkChannels(t *testing.T, want int, l *ami.List, err error) {
	t.Helper()
	if want < 0 {
		var ae *ami.ActionError
		if !errors.As(err, &ae) || ae.Message != "Invalid/unknown command" {
			t.Errorf("CoreShowChannels: got %v, want ActionError Invalid/unknown command", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("CoreShowChannels: got %v, want nil", err)
	}
	if len(l.Events) != want || l.Complete.Get("ListItems") != "4" {
		t.Errorf("CoreShowChannels: got %d events, ListItems %q, want %d and 4", len(l.Events), l.Complete.Get("ListItems"), want)
	}
}

// checkUnclaimed waits until OnEvent has seen every recorded event that is
// not part of a list reply, and checks no list item leaked to it.
func checkUnclaimed(t *testing.T, log *eventLog, frames []*ami.Message) {
	t.Helper()
	want := 0
	for _, m := range frames {
		if id := m.ActionID(); m.IsEvent() && id != "status-1" && id != "channels-1" {
			want++
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(log.snapshot()) < want && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	got := log.snapshot()
	if len(got) != want {
		t.Errorf("unclaimed events: got %d, want %d", len(got), want)
	}
	for _, m := range got {
		switch m.Event() {
		case "Status", "StatusComplete", "CoreShowChannel", "CoreShowChannelsComplete":
			t.Errorf("list event %s reached OnEvent, want it claimed by SendList", m.Event())
		}
	}
}

func TestOriginateCorrelation(t *testing.T) {
	data := readTrace(t, "asterisk-22/ami-22-inbound-answered", ".txt")
	s := startServer(t, amitest.Config{Trace: data})
	c := dial(t, ami.Config{Addr: s.Addr(), Username: testUser, Secret: testSecret, OnEvent: func(*ami.Message) {}})
	a := ami.NewAction("Originate", "ActionID", "my-orig", "Channel", "Local/+18005550100@from-pstn")
	resp, err := c.Send(t.Context(), a)
	if err != nil {
		t.Fatalf("originate: got %v, want nil", err)
	}
	if resp.ActionID() != "my-orig" || resp.Get("Message") != "Originate successfully queued" {
		t.Errorf("originate response: got %s/%q, want my-orig/Originate successfully queued", resp.ActionID(), resp.Get("Message"))
	}
}
