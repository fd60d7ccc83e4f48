package crm

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff spaces reconnect attempts to a PBX, over AMI or ARI alike: Base
// doubled per failed attempt, capped at Cap, with half of each delay
// randomised so that many CRM processes do not reconnect to a restarted
// Asterisk in lock step.
type Backoff struct {
	Base time.Duration // default 500ms
	Cap  time.Duration // default 30s
}

// Delay returns the wait before retry number attempt (0-based).
func (b Backoff) Delay(attempt int) time.Duration {
	b = b.WithDefaults()
	d := b.Cap
	if attempt < 30 {
		d = min(b.Cap, b.Base<<attempt)
	}
	half := d / 2
	return half + rand.N(half+1)
}

// WithDefaults fills a zero Base or Cap and keeps Cap at least Base.
func (b Backoff) WithDefaults() Backoff {
	if b.Base <= 0 {
		b.Base = 500 * time.Millisecond
	}
	if b.Cap <= 0 {
		b.Cap = 30 * time.Second
	}
	b.Cap = max(b.Cap, b.Base)
	return b
}

// LinkChange is a state change a reconnect loop reports.
type LinkChange struct {
	State   LinkState
	Attempt int           // failed attempts since the last healthy session
	Err     error         // how the session ended
	RetryIn time.Duration // wait before the next attempt
}

// Reconnect runs session again and again, waiting Delay between sessions,
// until ctx ends; then it returns ctx.Err(). It reports LinkConnecting
// before each session and, after one, the state session returned with
// its error and the wait ahead. LinkConnected is session's to report,
// since only it knows what it connected to.
//
// A session that ended Disconnected after lasting at least Cap was
// healthy, so the next wait starts again from Base; one that drops right
// after login (a flapping PBX) keeps backing off.
func (b Backoff) Reconnect(ctx context.Context, session func(context.Context) (LinkState, error), report func(LinkChange)) error {
	b = b.WithDefaults()
	attempt := 0
	for {
		report(LinkChange{State: LinkConnecting, Attempt: attempt})
		began := time.Now()
		state, err := session(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if state == LinkDisconnected && time.Since(began) >= b.Cap {
			attempt = 0
		}
		delay := b.Delay(attempt)
		report(LinkChange{State: state, Attempt: attempt, Err: err, RetryIn: delay})
		attempt++
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}
