// Package amitest is a loopback Asterisk Manager Interface server for tests
// and simulators. It logs clients in (plain or MD5), answers Ping, and
// replays recorded traces byte for byte: what it sends after login comes from
// a .txt recording, with only the ActionID lines rewritten to match the
// client's actions. It can cut connections and go silent to exercise
// reconnect and dead-connection handling.
package amitest

import (
	"context"
	"fmt"
	"net"
	"sync/atomic"

	"github.com/tigerline/tigerline/ami/internal/connset"
)

// Config configures a Server. Zero values give a 22-style server without
// a recording.
type Config struct {
	Username string
	Secret   string
	// Banner is used when Trace is nil; default "Asterisk Call Manager/11.0.0".
	Banner string
	// Trace is a recorded .txt stream. Its banner line sets the dialect.
	Trace []byte
	// Timing is the recording's .timing.tsv. With Speed > 0 the timeline
	// is paced by it (Speed 2 plays twice as fast); otherwise frames go out
	// as fast as the socket takes them.
	Timing []byte
	Speed  float64
	// ActionIDs maps action names to the recording's ActionIDs; default
	// DefaultActionIDs.
	ActionIDs map[string]string
	// CutAfterFrames closes each connection after it has sent that many
	// timeline frames; 0 never cuts.
	CutAfterFrames int
	// Commands holds canned CLI output for Action: Command, written in the
	// dialect's format (1.x: Response: Follows; 22: Output headers).
	Commands map[string]string
}

// Server is a running loopback AMI server.
type Server struct {
	cfg    Config
	script *script // nil without a trace
	conns  *connset.Set[*session]
	ctx    context.Context
	cancel context.CancelFunc

	silent   atomic.Bool
	accepted atomic.Int64
	logins   atomic.Int64
}

// Start listens on 127.0.0.1 on a free port and serves until Close.
func Start(cfg Config) (*Server, error) {
	if cfg.ActionIDs == nil {
		cfg.ActionIDs = DefaultActionIDs
	}
	if cfg.Banner == "" {
		cfg.Banner = "Asterisk Call Manager/11.0.0"
	}
	s := &Server{cfg: cfg}
	if cfg.Trace != nil {
		sc, err := parseScript(cfg.Trace, cfg.Timing)
		if err != nil {
			return nil, err
		}
		s.script = sc
		s.cfg.Banner = sc.banner
	}
	// A server is a root of its own goroutine tree; tests own its lifetime
	// through Close.
	s.ctx, s.cancel = context.WithCancel(context.Background())
	conns, err := connset.Listen[*session]("127.0.0.1:0")
	if err != nil {
		s.cancel()
		return nil, fmt.Errorf("amitest: listen: %w", err)
	}
	s.conns = conns
	s.conns.Start(s.open, (*session).serve)
	return s, nil
}

// Addr returns the host:port to dial.
func (s *Server) Addr() string { return s.conns.Addr() }

// Accepted returns how many connections the server has accepted.
func (s *Server) Accepted() int { return int(s.accepted.Load()) }

// Logins returns how many logins succeeded.
func (s *Server) Logins() int { return int(s.logins.Load()) }

// SetSilent makes every connection, current and future, stop writing while
// keeping its socket open: what a hung Asterisk or a dead NAT path looks
// like to the client.
func (s *Server) SetSilent(silent bool) { s.silent.Store(silent) }

// CutConnections closes every open connection now.
func (s *Server) CutConnections() { s.conns.Cut() }

// Close stops listening, closes every connection and waits for all
// goroutines.
func (s *Server) Close() error {
	s.cancel()
	return s.conns.Close()
}

func (s *Server) open(conn net.Conn) *session {
	s.accepted.Add(1)
	return newSession(s, conn)
}
