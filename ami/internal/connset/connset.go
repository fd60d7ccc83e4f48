// Package connset accepts the connections of the two AMI server doubles,
// amitest (replays recordings) and amisim (simulates calls), and tracks
// each as a session until it ends. Both need the same things of it: cut
// every connection at once, as a restarting Asterisk does, and shut down
// without leaving a goroutine behind.
package connset

import (
	"net"
	"sync"
)

// Set serves the connections a listener accepts, one session S each.
type Set[S comparable] struct {
	ln    net.Listener
	open  func(net.Conn) S
	serve func(S)
	wg    sync.WaitGroup // the accept loop and every session

	mu     sync.Mutex
	closed bool
	conns  map[S]net.Conn
}

// Listen listens on addr; Start begins accepting. The two are apart so
// that a server can keep the Set before any session runs and reaches it.
func Listen[S comparable](addr string) (*Set[S], error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Set[S]{ln: ln, conns: make(map[S]net.Conn)}, nil
}

// Start accepts connections until Close: for each it makes a session with
// open and runs serve on its own goroutine, tracking the session until
// serve returns. Call it once.
func (s *Set[S]) Start(open func(net.Conn) S, serve func(S)) {
	s.open, s.serve = open, serve
	s.wg.Go(s.acceptLoop)
}

// Addr returns the host:port the set listens on.
func (s *Set[S]) Addr() string { return s.ln.Addr().String() }

// Each calls f for every live session under the set's lock, so that no
// session starts or ends meanwhile; f must not block.
func (s *Set[S]) Each(f func(S)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		f(c)
	}
}

// Cut closes every open connection now; the set goes on accepting.
func (s *Set[S]) Cut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, conn := range s.conns {
		conn.Close()
	}
}

// Close stops accepting, closes every connection and waits for every
// session to end. It returns the listener's close error.
func (s *Set[S]) Close() error {
	err := s.ln.Close()
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.Cut()
	s.wg.Wait()
	return err
}

func (s *Set[S]) acceptLoop() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		c := s.open(conn)
		s.mu.Lock()
		// A connection accepted as Close ran would escape its Cut.
		if s.closed {
			s.mu.Unlock()
			conn.Close()
			return
		}
		s.conns[c] = conn
		s.mu.Unlock()
		s.wg.Go(func() {
			s.serve(c)
			s.mu.Lock()
			delete(s.conns, c)
			s.mu.Unlock()
		})
	}
}
