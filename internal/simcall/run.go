package simcall

import (
	"context"
	"math/rand/v2"
	"time"
)

// Plan is one call the schedule drew.
type Plan struct {
	Caller   Caller
	Agent    string
	Answered bool
	// Ring is how long the agent's phone rings: the schedule's NoAnswer
	// for a call nobody answers.
	Ring          time.Duration
	Talk          time.Duration // zero when not answered
	CallerHangsUp bool
}

// Run hands place a call every s.Every (the first after one second),
// drawn from seed, until ctx or the simulator's own sim ends, and returns
// that context's error, or place's first error. s must be Ready.
func Run(ctx, sim context.Context, seed uint64, s Schedule, place func(Plan) error) error {
	s = s.WithDefaults()
	rnd := rand.New(rand.NewPCG(seed, 7))
	t := time.NewTimer(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-sim.Done():
			return sim.Err()
		case <-t.C:
		}
		if err := place(draw(rnd, s)); err != nil {
			return err
		}
		t.Reset(s.Every)
	}
}

// draw picks one call. The order of the draws is fixed: changing it
// changes the calls every seed gives.
func draw(rnd *rand.Rand, s Schedule) Plan {
	p := Plan{
		Caller:   s.Callers[rnd.IntN(len(s.Callers))],
		Agent:    s.Agents[rnd.IntN(len(s.Agents))],
		Answered: rnd.Float64() < s.Answered,
		Ring:     s.NoAnswer,
	}
	if p.Answered {
		p.Ring = between(rnd, s.RingMin, s.RingMax)
		p.Talk = between(rnd, s.TalkMin, s.TalkMax)
		if s.CallerHangsUp > 0 {
			p.CallerHangsUp = rnd.Float64() < s.CallerHangsUp
		}
	}
	return p
}

func between(rnd *rand.Rand, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(rnd.Int64N(int64(hi-lo)))
}
