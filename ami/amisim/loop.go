package amisim

import (
	"context"

	"github.com/tigerline/tigerline/internal/simcall"
)

// LoopConfig drives RunLoop. The AMI simulator plays no customer
// hang-ups: Schedule.CallerHangsUp is not used.
type LoopConfig struct {
	simcall.Schedule
	// OnCall is told of each call as it is placed, e.g. to log it.
	OnCall func(Call)
}

// RunLoop places a call every cfg.Every (the first after one second) from
// a random caller to a random agent, until ctx ends. It returns ctx.Err().
func (s *Server) RunLoop(ctx context.Context, cfg LoopConfig) error {
	if !cfg.Ready() {
		// Nothing to place: wait like a loop with calls would.
		<-ctx.Done()
		return ctx.Err()
	}
	sched := cfg.Schedule
	sched.CallerHangsUp = 0
	return simcall.Run(ctx, s.ctx, s.cfg.Seed, sched, func(p simcall.Plan) error {
		c := Call{
			CallerNum: p.Caller.Number, CallerName: p.Caller.Name,
			Agent: p.Agent, Answered: p.Answered, Ring: p.Ring, Talk: p.Talk,
		}
		if cfg.OnCall != nil {
			cfg.OnCall(c)
		}
		s.Place(c)
		return nil
	})
}
