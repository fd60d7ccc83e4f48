package main

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"sync"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/simcall"
)

// defaultARISimAddr is Asterisk's HTTP port, where ARI lives.
const defaultARISimAddr = "127.0.0.1:8088"

var (
	simNumber    = regexp.MustCompile(`^\+?[0-9]{2,20}$`)
	simExtension = regexp.MustCompile(`^[0-9]{1,10}$`)
)

// runARISim serves pbx-sim --ari: the fake ARI server of ari/aritest,
// placing the demo's calls on a schedule, until ctx ends.
func runARISim(ctx context.Context, o *simOptions, log *slog.Logger) error {
	loop, mode, err := ariSimLoop(o, log)
	if err != nil {
		return err
	}
	srv, err := aritest.Listen(nil, aritest.Config{Addr: o.listen, Username: o.user, Password: o.secret, Application: o.app})
	if err != nil {
		return err
	}
	defer srv.Close()
	log.Info("pbx simulator listening", "ari", srv.URL(), "app", o.app, "mode", string(mode),
		"user", o.user, "every", o.every, "agents", o.agents)
	err = srv.RunLoop(ctx, loop)
	if errors.Is(err, context.Canceled) {
		log.Info("pbx simulator stopped", "calls", srv.Calls())
		return nil
	}
	return err
}

// ariSimLoop checks pbx-sim's flags for ARI and turns them into the
// call loop's settings.
func ariSimLoop(o *simOptions, log *slog.Logger) (aritest.LoopConfig, ari.Mode, error) {
	mode, err := ari.ParseMode(o.mode)
	if err != nil {
		return aritest.LoopConfig{}, "", err
	}
	if o.every <= 0 {
		return aritest.LoopConfig{}, "", crm.Errorf(crm.EInvalid, "bad --rate %v: want a positive duration such as 20s", o.every)
	}
	if o.app == "" {
		return aritest.LoopConfig{}, "", crm.Errorf(crm.EInvalid, "--app is empty: name the Stasis application")
	}
	if len(o.callers) == 0 || len(o.agents) == 0 {
		return aritest.LoopConfig{}, "", crm.Errorf(crm.EInvalid, "give at least one caller and one agent")
	}
	callers, err := ariCallers(o.callers)
	if err != nil {
		return aritest.LoopConfig{}, "", err
	}
	for _, a := range o.agents {
		if !simExtension.MatchString(a) {
			return aritest.LoopConfig{}, "", crm.Errorf(crm.EInvalid, "bad agent extension %q: want digits", a)
		}
	}
	return aritest.LoopConfig{Schedule: simcall.Schedule{Every: o.every, Callers: callers, Agents: o.agents},
		Stasis: mode == ari.ModeControl, OnCall: func(c aritest.Call) { logARISimCall(log, c) }}, mode, nil
}

// ariCallers names the numbers given as the AMI simulator does (the
// demo's customers by name), so pops find the same contacts, and checks
// each is a number the simulated ARI channels can carry.
func ariCallers(numbers []string) ([]simcall.Caller, error) {
	out := callersFor(numbers)
	for _, c := range out {
		if !simNumber.MatchString(c.Number) {
			return nil, crm.Errorf(crm.EInvalid, "bad caller %q: want digits with an optional +", c.Number)
		}
	}
	return out, nil
}

func logARISimCall(log *slog.Logger, c aritest.Call) {
	outcome := "answered"
	if !c.Answered {
		outcome = "missed"
	}
	log.Info("simulated call", "from", c.CallerNum, "agent", c.Extension, "outcome", outcome, "stasis", c.Stasis,
		"ring", c.Ring.Round(time.Second), "talk", c.Talk.Round(time.Second))
}

// startDemoARISim is startDemoSim over ARI: a monitor-mode PBX, the
// dialplan ringing the demo's agents.
func startDemoARISim(ctx context.Context, wg *sync.WaitGroup, dsn string, log *slog.Logger) error {
	srv, err := aritest.Listen(nil, aritest.Config{Username: "tigerline", Password: "tigerline", Application: "tigerline"})
	if err != nil {
		return err
	}
	pbx := &crm.PBX{Kind: crm.PBXKindARI, Address: srv.HTTP.URL, ARIApp: "tigerline", ARIMode: crm.ARIModeObserve,
		DIDs: []string{aritest.DefaultDID}}
	loop := func(ctx context.Context) error {
		return srv.RunLoop(ctx, aritest.LoopConfig{Schedule: demoSchedule, OnCall: func(c aritest.Call) { logARISimCall(log, c) }})
	}
	return runDemoSim(ctx, wg, dsn, pbx, srv.Close, loop, log.With("ari", srv.URL()))
}
