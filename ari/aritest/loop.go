package aritest

import (
	"context"
	"errors"

	"github.com/tigerline/tigerline/internal/simcall"
)

// LoopConfig drives RunLoop: the schedule (its defaults are the AMI
// simulator's, but for CallerHangsUp, 0.3 here) and what ARI adds.
type LoopConfig struct {
	simcall.Schedule
	// Stasis hands every call to the application (control mode)
	// instead of ringing the agent from the dialplan (monitor mode).
	Stasis bool
	// OnCall is told of each call once it is placed, e.g. to log it.
	OnCall func(Call)
}

// RunLoop places a call every cfg.Every (the first after one second)
// from a random caller to a random agent, until ctx ends or the server
// closes. It returns ctx.Err(), or an error for a config without
// callers or agents.
func (s *Server) RunLoop(ctx context.Context, cfg LoopConfig) error {
	if !cfg.Ready() {
		return errors.New("aritest: the call loop needs callers and agents")
	}
	sched := cfg.WithDefaults()
	if sched.CallerHangsUp <= 0 {
		sched.CallerHangsUp = 0.3
	}
	return simcall.Run(ctx, s.ctx, s.cfg.Seed, sched, func(p simcall.Plan) error {
		c := Call{
			CallerNum: p.Caller.Number, CallerName: p.Caller.Name,
			Extension: p.Agent, Stasis: cfg.Stasis,
			Answered: p.Answered, CallerHangsUp: p.CallerHangsUp,
			Ring: p.Ring, Talk: p.Talk, NoAnswer: sched.NoAnswer,
		}
		if _, err := s.Place(c); err != nil {
			return err
		}
		if cfg.OnCall != nil {
			cfg.OnCall(c)
		}
		return nil
	})
}
