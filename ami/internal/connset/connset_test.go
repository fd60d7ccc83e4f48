package connset_test

import (
	"io"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami/internal/connset"
)

// session drains its connection until the peer or the set closes it.
type session struct{ conn net.Conn }

func start(t *testing.T) (*connset.Set[*session], *atomic.Int64) {
	t.Helper()
	s, err := connset.Listen[*session]("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var ended atomic.Int64
	s.Start(func(c net.Conn) *session { return &session{conn: c} }, func(c *session) {
		io.Copy(io.Discard, c.conn)
		c.conn.Close()
		ended.Add(1)
	})
	t.Cleanup(func() { s.Close() })
	return s, &ended
}

func live(s *connset.Set[*session]) int {
	n := 0
	s.Each(func(*session) { n++ })
	return n
}

func waitLive(t *testing.T, s *connset.Set[*session], want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for live(s) != want {
		if time.Now().After(deadline) {
			t.Fatalf("live sessions: got %d after 5s, want %d", live(s), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func dial(t *testing.T, s *connset.Set[*session]) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", s.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// readEOF waits for the server to close c.
func readEOF(t *testing.T, c net.Conn) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.Read(make([]byte, 1)); err != io.EOF {
		t.Errorf("read after the server closed: got %v, want EOF", err)
	}
}

// TestCutKeepsAccepting: Cut ends every session, as a PBX restart would,
// and the next client is served.
func TestCutKeepsAccepting(t *testing.T) {
	s, ended := start(t)
	a, b := dial(t, s), dial(t, s)
	waitLive(t, s, 2)
	s.Cut()
	readEOF(t, a)
	readEOF(t, b)
	waitLive(t, s, 0)
	if got := ended.Load(); got != 2 {
		t.Errorf("sessions ended: got %d, want 2", got)
	}
	dial(t, s)
	waitLive(t, s, 1)
}

// TestCloseWaitsForSessions: when Close returns every session has ended
// and no new connection is accepted.
func TestCloseWaitsForSessions(t *testing.T) {
	s, ended := start(t)
	dial(t, s)
	dial(t, s)
	waitLive(t, s, 2)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if got := ended.Load(); got != 2 {
		t.Errorf("sessions ended when Close returned: got %d, want 2", got)
	}
	if c, err := net.Dial("tcp", s.Addr()); err == nil {
		c.Close()
		t.Error("dial after Close: got a connection, want refused")
	}
}
