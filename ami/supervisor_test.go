package ami_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amitest"
)

// runSupervisor runs a supervisor against addr until the test ends and
// returns its state reports and a count of OnConnect calls.
func runSupervisor(t *testing.T, addr, secret string) (<-chan ami.StateChange, *atomic.Int64) {
	t.Helper()
	states := make(chan ami.StateChange, 256)
	var connects atomic.Int64
	sup := ami.NewSupervisor(ami.SupervisorConfig{
		Client: ami.Config{
			Addr: addr, Username: testUser, Secret: secret,
			PingInterval: 200 * time.Millisecond, DeadAfter: 800 * time.Millisecond,
			DialTimeout: time.Second,
		},
		Backoff: ami.Backoff{Base: 50 * time.Millisecond, Cap: 400 * time.Millisecond},
		OnConnect: func(ctx context.Context, c *ami.Client) error {
			connects.Add(1)
			_, err := c.Send(ctx, ami.NewAction("Ping"))
			return err
		},
		OnState: func(sc ami.StateChange) {
			select {
			case states <- sc:
			default:
			}
		},
	})
	ctx, cancel := context.WithCancel(t.Context())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := sup.Run(ctx); !errors.Is(err, context.Canceled) {
			t.Errorf("Run: got %v, want context.Canceled", err)
		}
	})
	t.Cleanup(func() { cancel(); wg.Wait() })
	return states, &connects
}

// waitState waits for a report in state want and returns it.
func waitState(t *testing.T, states <-chan ami.StateChange, want ami.State, within time.Duration) ami.StateChange {
	t.Helper()
	timeout := time.After(within)
	for {
		select {
		case sc := <-states:
			if sc.State == want {
				return sc
			}
		case <-timeout:
			t.Fatalf("state: got none within %v, want %v", within, want)
		}
	}
}

func waitFor(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: got false after %v, want true", what, within)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestSupervisorDeadConnection(t *testing.T) {
	s := startServer(t, amitest.Config{})
	states, connects := runSupervisor(t, s.Addr(), testSecret)
	waitState(t, states, ami.StateConnected, 5*time.Second)

	s.SetSilent(true)
	sc := waitState(t, states, ami.StateDisconnected, 2*time.Second)
	if !errors.Is(sc.Err, ami.ErrDeadConnection) {
		t.Errorf("disconnect reason: got %v, want ErrDeadConnection", sc.Err)
	}
	waitFor(t, "reconnect attempted", 5*time.Second, func() bool { return s.Accepted() >= 2 })

	s.SetSilent(false)
	waitState(t, states, ami.StateConnected, 5*time.Second)
	if got := connects.Load(); got < 2 {
		t.Errorf("OnConnect calls: got %d, want at least 2", got)
	}
}

func TestSupervisorReconnectAfterCut(t *testing.T) {
	// Paced replay: the cut at frame 5 lands about 0.5 s after login, once
	// the session is up, as a crash in mid-call would.
	name := "asterisk-22/ami-22-inbound-answered"
	s := startServer(t, amitest.Config{
		Trace: readTrace(t, name, ".txt"), Timing: readTrace(t, name, ".timing.tsv"),
		Speed: 1, CutAfterFrames: 5,
	})
	states, connects := runSupervisor(t, s.Addr(), testSecret)
	waitState(t, states, ami.StateConnected, 5*time.Second)
	sc := waitState(t, states, ami.StateDisconnected, 5*time.Second)
	if sc.Err == nil || errors.Is(sc.Err, ami.ErrDeadConnection) {
		t.Errorf("disconnect reason: got %v, want a read error", sc.Err)
	}
	waitState(t, states, ami.StateConnected, 5*time.Second)
	if got := connects.Load(); got < 2 {
		t.Errorf("OnConnect calls: got %d, want at least 2", got)
	}
}

func TestSupervisorReconnectAfterServerCut(t *testing.T) {
	s := startServer(t, amitest.Config{Banner: "Asterisk Call Manager/1.0"})
	states, connects := runSupervisor(t, s.Addr(), testSecret)
	waitState(t, states, ami.StateConnected, 5*time.Second)
	s.CutConnections()
	waitState(t, states, ami.StateDisconnected, 5*time.Second)
	sc := waitState(t, states, ami.StateConnected, 5*time.Second)
	if got := sc.Banner.Version; got != "1.0" {
		t.Errorf("banner after reconnect: got %q, want 1.0", got)
	}
	if got := connects.Load(); got != 2 {
		t.Errorf("OnConnect calls: got %d, want 2", got)
	}
}

func TestSupervisorLoginFailedRetries(t *testing.T) {
	s := startServer(t, amitest.Config{})
	states, connects := runSupervisor(t, s.Addr(), "wrong")
	sc := waitState(t, states, ami.StateLoginFailed, 5*time.Second)
	if !errors.Is(sc.Err, ami.ErrAuthFailed) {
		t.Errorf("login failure reason: got %v, want ErrAuthFailed", sc.Err)
	}
	sc = waitState(t, states, ami.StateLoginFailed, 5*time.Second)
	if sc.Attempt < 1 {
		t.Errorf("second failure attempt: got %d, want at least 1", sc.Attempt)
	}
	if got := connects.Load(); got != 0 {
		t.Errorf("OnConnect calls: got %d, want 0", got)
	}
}

func TestBackoffDelay(t *testing.T) {
	b := ami.Backoff{Base: 100 * time.Millisecond, Cap: time.Second}
	tests := []struct {
		attempt  int
		min, max time.Duration
	}{
		{0, 50 * time.Millisecond, 100 * time.Millisecond},
		{2, 200 * time.Millisecond, 400 * time.Millisecond},
		{10, 500 * time.Millisecond, time.Second},
		{100, 500 * time.Millisecond, time.Second},
	}
	for _, tt := range tests {
		for range 50 {
			if d := b.Delay(tt.attempt); d < tt.min || d > tt.max {
				t.Fatalf("Delay(%d): got %v, want within [%v, %v]", tt.attempt, d, tt.min, tt.max)
			}
		}
	}
}
