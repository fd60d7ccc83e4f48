package ami

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// State is a connection state; the same four for AMI and ARI (crm.LinkState).
type State = crm.LinkState

// Connection states, in the order a healthy session passes through them.
const (
	StateConnecting   = crm.LinkConnecting
	StateConnected    = crm.LinkConnected
	StateLoginFailed  = crm.LinkLoginFailed
	StateDisconnected = crm.LinkDisconnected
)

// StateChange is one report from a Supervisor.
type StateChange struct {
	State   State
	Attempt int           // failed attempts since the last stable session
	Err     error         // why, for LoginFailed and Disconnected
	Banner  Banner        // for Connected
	RetryIn time.Duration // delay before the next attempt
}

// Backoff spaces reconnect attempts; it is the one policy of crm, shared
// with the other PBX adapter.
type Backoff = crm.Backoff

// SupervisorConfig configures a Supervisor.
type SupervisorConfig struct {
	Client  Config
	Backoff Backoff
	// OnConnect runs after every successful login, before Connected is
	// reported: the place to resynchronise with Status or CoreShowChannels,
	// since events during the outage are lost. An error drops the
	// connection and counts as a failed attempt.
	OnConnect func(ctx context.Context, c *Client) error
	// OnState receives every state change, on the Run goroutine.
	OnState func(StateChange)
}

// Supervisor keeps one AMI connection alive until its context ends.
type Supervisor struct {
	cfg SupervisorConfig
	mu  sync.Mutex
	cur *Client
}

// NewSupervisor returns a Supervisor; call Run to start it.
func NewSupervisor(cfg SupervisorConfig) *Supervisor {
	cfg.Backoff = cfg.Backoff.WithDefaults()
	return &Supervisor{cfg: cfg}
}

// Client returns the live client, or nil while disconnected.
func (s *Supervisor) Client() *Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cur
}

// Send sends a on the live connection, or fails with ErrNotConnected.
func (s *Supervisor) Send(ctx context.Context, a *Message) (*Message, error) {
	c := s.Client()
	if c == nil {
		return nil, fmt.Errorf("ami: action %s: %w", a.Action(), ErrNotConnected)
	}
	return c.Send(ctx, a)
}

// Run connects, waits for the connection to end and reconnects, until ctx
// is cancelled; then it closes the connection and returns ctx.Err().
func (s *Supervisor) Run(ctx context.Context) error {
	return s.cfg.Backoff.Reconnect(ctx, s.session, func(lc crm.LinkChange) {
		s.report(StateChange{State: lc.State, Attempt: lc.Attempt, Err: lc.Err, RetryIn: lc.RetryIn})
	})
}

// session runs one connection to its end and says how it ended.
func (s *Supervisor) session(ctx context.Context) (State, error) {
	c, err := Dial(ctx, s.cfg.Client)
	if errors.Is(err, ErrAuthFailed) {
		return StateLoginFailed, err
	}
	if err != nil {
		return StateDisconnected, err
	}
	defer c.Close()
	if s.cfg.OnConnect != nil {
		if err := s.cfg.OnConnect(ctx, c); err != nil {
			return StateDisconnected, fmt.Errorf("ami: on connect: %w", err)
		}
	}
	s.setClient(c)
	defer s.setClient(nil)
	s.report(StateChange{State: StateConnected, Banner: c.Banner()})
	select {
	case <-c.Done():
		return StateDisconnected, c.Err()
	case <-ctx.Done():
		return StateDisconnected, ctx.Err()
	}
}

func (s *Supervisor) setClient(c *Client) {
	s.mu.Lock()
	s.cur = c
	s.mu.Unlock()
}

func (s *Supervisor) report(sc StateChange) {
	if s.cfg.OnState != nil {
		s.cfg.OnState(sc)
	}
}
