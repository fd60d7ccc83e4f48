// Package simcall schedules the calls the PBX simulators (ami/amisim and
// ari/aritest) place on their own: one every so often, from a random
// caller to a random agent, most of them answered. Both simulators draw
// from it, so one schedule and seed give the same calls over AMI and ARI.
package simcall

import "time"

// Caller is a customer the call loop dials from.
type Caller struct {
	Number string
	Name   string // caller-id name; the number when empty
}

// Schedule says how often calls come, between whom, and how they go.
type Schedule struct {
	Every   time.Duration // one call every; default 20s
	Callers []Caller      // required
	Agents  []string      // extensions; required
	// Answered is the share of calls an agent answers; default 0.75.
	Answered float64
	// CallerHangsUp is the share of answered calls the customer ends. At
	// zero the agent ends every call and no draw is made for it, so a
	// simulator that never plays a customer hang-up (AMI) keeps the same
	// calls for a seed.
	CallerHangsUp float64
	// RingMin/RingMax bound how long an answered call rings (default 1s
	// to 6s); NoAnswer is the Dial timeout of the others (default 15s).
	RingMin, RingMax time.Duration
	NoAnswer         time.Duration
	// TalkMin/TalkMax bound the conversation; default 8s to 45s.
	TalkMin, TalkMax time.Duration
}

// WithDefaults fills the unset durations and shares (all but
// CallerHangsUp, whose zero means something).
func (s Schedule) WithDefaults() Schedule {
	if s.Every <= 0 {
		s.Every = 20 * time.Second
	}
	if s.Answered <= 0 {
		s.Answered = 0.75
	}
	if s.RingMin <= 0 {
		s.RingMin = time.Second
	}
	if s.RingMax < s.RingMin {
		s.RingMax = max(6*time.Second, s.RingMin)
	}
	if s.NoAnswer <= 0 {
		s.NoAnswer = 15 * time.Second
	}
	if s.TalkMin <= 0 {
		s.TalkMin = 8 * time.Second
	}
	if s.TalkMax < s.TalkMin {
		s.TalkMax = max(45*time.Second, s.TalkMin)
	}
	return s
}

// Ready reports whether the schedule has someone to call from and to.
func (s Schedule) Ready() bool {
	return len(s.Callers) > 0 && len(s.Agents) > 0
}
