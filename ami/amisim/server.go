package amisim

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/internal/connset"
)

// Config configures a Server.
type Config struct {
	Addr     string      // listen address; default 127.0.0.1:0 (a free port)
	Dialect  ami.Dialect // default DialectAMI2
	Username string
	Secret   string
	DID      string // default DefaultDID
	// ClickToCallTalk is how long a click-to-call's parties talk when the
	// Originate sets no SIM_TALK variable; default 20s.
	ClickToCallTalk time.Duration
	Log             *slog.Logger // default: discard
	Seed            uint64
}

// Banner returns the greeting line of a dialect.
func Banner(d ami.Dialect) string {
	switch d {
	case ami.Dialect14:
		return "Asterisk Call Manager/1.0"
	case ami.Dialect16, ami.Dialect18:
		return "Asterisk Call Manager/1.1"
	}
	return "Asterisk Call Manager/11.0.0"
}

// Server is a running simulated Asterisk. Each call runs on a goroutine
// the server owns; its frames go to every logged-in session with events
// on, and update the channel table that Status and CoreShowChannels list.
type Server struct {
	cfg      Config
	gen      *Generator
	sessions *connset.Set[*session]
	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup // calls and the shutdown watcher

	// mu orders everything sessions see: an event is applied to the
	// channel table and queued on every session under it, and a list
	// reply is built and queued under it, so a list is always consistent
	// with the events before and after it on the same connection.
	mu    sync.Mutex
	chans *Channels

	silent atomic.Bool
	calls  atomic.Int64
	logins atomic.Int64
}

// Start listens and serves until ctx ends or Close is called.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.Dialect == ami.DialectAuto {
		cfg.Dialect = ami.DialectAMI2
	}
	if cfg.Dialect == ami.Dialect18 {
		cfg.Dialect = ami.Dialect16
	}
	if cfg.DID == "" {
		cfg.DID = DefaultDID
	}
	if cfg.ClickToCallTalk <= 0 {
		cfg.ClickToCallTalk = 20 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Seed == 0 {
		cfg.Seed = uint64(time.Now().UnixNano())
	}
	s := &Server{cfg: cfg, gen: NewGenerator(cfg.Dialect, cfg.Seed), chans: NewChannels()}
	s.ctx, s.cancel = context.WithCancel(ctx)
	sessions, err := connset.Listen[*session](cfg.Addr)
	if err != nil {
		s.cancel()
		return nil, fmt.Errorf("amisim: listen on %s: %w", cfg.Addr, err)
	}
	s.sessions = sessions
	s.sessions.Start(func(conn net.Conn) *session { return newSession(s, conn) }, (*session).serve)
	s.wg.Go(func() {
		<-s.ctx.Done()
		s.sessions.Close()
	})
	return s, nil
}

// Addr returns the host:port the server listens on.
func (s *Server) Addr() string { return s.sessions.Addr() }

// Dialect returns the dialect the server speaks.
func (s *Server) Dialect() ami.Dialect { return s.cfg.Dialect }

// Logins returns how many logins succeeded.
func (s *Server) Logins() int { return int(s.logins.Load()) }

// Calls returns how many calls were placed.
func (s *Server) Calls() int { return int(s.calls.Load()) }

// Live returns how many channels are up now.
func (s *Server) Live() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.chans.Len()
}

// SetSilent makes every connection stop sending while its socket stays
// open: a hung Asterisk or a dead network path, as the client sees it.
func (s *Server) SetSilent(silent bool) { s.silent.Store(silent) }

// CutConnections closes every open connection now; calls go on.
func (s *Server) CutConnections() { s.sessions.Cut() }

// Close stops the server, its calls and its sessions, and waits for them.
func (s *Server) Close() error {
	s.cancel()
	s.wg.Wait()
	return nil
}

// Place starts a call now and returns the frames it will send, the
// first of which names its channels.
func (s *Server) Place(c Call) []Frame {
	if c.DID == "" {
		c.DID = s.cfg.DID
	}
	start := time.Now()
	frames := s.gen.Frames(c, start)
	s.calls.Add(1)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.play(start, frames)
	}()
	return frames
}

// play sends a call's frames at their times.
func (s *Server) play(start time.Time, frames []Frame) {
	t := time.NewTimer(0)
	defer t.Stop()
	<-t.C
	for _, f := range frames {
		if d := time.Until(start.Add(f.At)); d > 0 {
			t.Reset(d)
			select {
			case <-s.ctx.Done():
				return
			case <-t.C:
			}
		}
		if s.ctx.Err() != nil {
			return
		}
		s.broadcast(f.Msg)
	}
}

func (s *Server) broadcast(m *ami.Message) {
	b := []byte(m.String())
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chans.Apply(m, time.Now())
	s.sessions.Each(func(c *session) {
		if c.events.Load() {
			c.send(b)
		}
	})
}

// lists builds a Status or CoreShowChannels reply and queues it on c
// under the server lock, in order with the events.
func (s *Server) lists(c *session, action, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	var msgs []*ami.Message
	if action == "status" {
		msgs = StatusReply(s.cfg.Dialect, id, s.chans.List(), now)
	} else {
		msgs = CoreShowChannelsReply(s.cfg.Dialect, id, s.chans.List(), now)
	}
	for _, m := range msgs {
		c.send([]byte(m.String()))
	}
}

var localExt = regexp.MustCompile(`^(?:Local|SIP|PJSIP|IAX2)/([^@/;,-]+)`)

// originate runs a click-to-call: Channel names the agent's phone, Exten
// the number to dial. It reports what is wrong with the action, or "".
func (s *Server) originate(m *ami.Message, id string) string {
	mm := localExt.FindStringSubmatch(m.Get("Channel"))
	if mm == nil {
		return "Channel must name an agent phone, e.g. Local/101@agents"
	}
	num := m.Get("Exten")
	if num == "" {
		return "Exten (the number to dial) is required"
	}
	talk := s.cfg.ClickToCallTalk
	for _, v := range m.Values("Variable") {
		for _, kv := range strings.Split(v, ",") {
			if k, val, ok := strings.Cut(kv, "="); ok && strings.TrimLeft(k, "_") == "SIM_TALK" {
				if n, err := strconv.Atoi(val); err == nil && n > 0 {
					talk = time.Duration(n) * time.Second
				}
			}
		}
	}
	c := Call{CallerNum: num, Agent: mm[1], Ring: 2 * time.Second, Talk: talk, Answered: true, Outbound: true, ActionID: id}
	s.cfg.Log.Info("simulated click-to-call", "agent", c.Agent, "number", num, "talk", talk)
	s.Place(c)
	return ""
}
