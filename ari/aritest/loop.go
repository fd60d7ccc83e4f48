package aritest

import (
	"context"
	"errors"
	"math/rand/v2"
	"time"
)

// Caller is a customer the call loop dials from.
type Caller struct {
	Number string
	Name   string // caller-id name; the number when empty
}

// LoopConfig drives RunLoop; the defaults are the AMI simulator's.
type LoopConfig struct {
	Every   time.Duration // one call every; default 20s
	Callers []Caller      // required
	Agents  []string      // extensions; required
	// Stasis hands every call to the application (control mode)
	// instead of ringing the agent from the dialplan (monitor mode).
	Stasis bool
	// Answered is the share of calls an agent answers (default 0.75);
	// CallerHangsUp the share of answered calls the customer ends
	// (default 0.3).
	Answered, CallerHangsUp float64
	// RingMin/RingMax bound how long an answered call rings (default 1s
	// to 6s); NoAnswer is the Dial timeout of the others (default 15s).
	RingMin, RingMax time.Duration
	NoAnswer         time.Duration
	// TalkMin/TalkMax bound the conversation; default 8s to 45s.
	TalkMin, TalkMax time.Duration
	// OnCall is told of each call as it is placed, e.g. to log it.
	OnCall func(Call)
}

func (c LoopConfig) withDefaults() LoopConfig {
	if c.Every <= 0 {
		c.Every = 20 * time.Second
	}
	if c.Answered <= 0 {
		c.Answered = 0.75
	}
	if c.CallerHangsUp <= 0 {
		c.CallerHangsUp = 0.3
	}
	if c.RingMin <= 0 {
		c.RingMin = time.Second
	}
	if c.RingMax < c.RingMin {
		c.RingMax = max(6*time.Second, c.RingMin)
	}
	if c.NoAnswer <= 0 {
		c.NoAnswer = 15 * time.Second
	}
	if c.TalkMin <= 0 {
		c.TalkMin = 8 * time.Second
	}
	if c.TalkMax < c.TalkMin {
		c.TalkMax = max(45*time.Second, c.TalkMin)
	}
	return c
}

// RunLoop places a call every cfg.Every (the first after one second)
// from a random caller to a random agent, until ctx ends or the server
// closes. It returns ctx.Err(), or an error for a config without
// callers or agents.
func (s *Server) RunLoop(ctx context.Context, cfg LoopConfig) error {
	cfg = cfg.withDefaults()
	if len(cfg.Callers) == 0 || len(cfg.Agents) == 0 {
		return errors.New("aritest: the call loop needs callers and agents")
	}
	rnd := rand.New(rand.NewPCG(s.cfg.Seed, 7))
	t := time.NewTimer(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.ctx.Done():
			return s.ctx.Err()
		case <-t.C:
		}
		c := randomCall(rnd, cfg)
		if _, err := s.Place(c); err != nil {
			return err
		}
		if cfg.OnCall != nil {
			cfg.OnCall(c)
		}
		t.Reset(cfg.Every)
	}
}

func randomCall(rnd *rand.Rand, cfg LoopConfig) Call {
	who := cfg.Callers[rnd.IntN(len(cfg.Callers))]
	c := Call{
		CallerNum: who.Number, CallerName: who.Name,
		Extension: cfg.Agents[rnd.IntN(len(cfg.Agents))],
		Stasis:    cfg.Stasis,
		Answered:  rnd.Float64() < cfg.Answered,
		Ring:      cfg.NoAnswer,
		NoAnswer:  cfg.NoAnswer,
	}
	if c.Answered {
		c.Ring = between(rnd, cfg.RingMin, cfg.RingMax)
		c.Talk = between(rnd, cfg.TalkMin, cfg.TalkMax)
		c.CallerHangsUp = rnd.Float64() < cfg.CallerHangsUp
	}
	return c
}

func between(rnd *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(rnd.Int64N(int64(hi-lo)))
}
