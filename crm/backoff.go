package crm

import (
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
