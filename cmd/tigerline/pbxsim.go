package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// demoCallers are the demo data's well-known customers (so pops find
// Alice Wong, Brian Miller and Carmen Lopez) and two unknown numbers.
var demoCallers = []amisim.Caller{
	{Number: "+14155550142", Name: "ALICE WONG"},
	{Number: "+12125550199", Name: "MILLER FREIGHT"},
	{Number: "+13125550123", Name: "LAKESIDE MED"},
	{Number: "+16175550111", Name: "WIRELESS CALLER"},
	{Number: "+14085550177", Name: ""},
}

var demoAgents = []string{"101", "102", "103", "104", "105"}

// simOptions are the flags of pbx-sim.
type simOptions struct {
	listen  string
	dialect string
	user    string
	secret  string
	every   time.Duration
	callers []string
	agents  []string
}

func newPBXSimCmd(cfg *Config) *cobra.Command {
	o := &simOptions{}
	cmd := &cobra.Command{
		Use:   "pbx-sim",
		Short: "Run a simulated Asterisk that speaks AMI and places calls in a loop",
		Long: `pbx-sim serves a simulated Asterisk manager interface (AMI) until Ctrl-C. It
speaks the dialect of Asterisk 1.4, 1.6 or 12+ (ami2), logs clients in (plain or
MD5), answers Ping, Status and CoreShowChannels, runs click-to-call Originates,
and places a call every --rate from a random caller to a random agent: most are
answered, some are missed. Point Tigerline at it with:

  tigerline pbx add --name sim --ami 127.0.0.1:5038 --user tigerline --secret tigerline \
    --inbound-context from-pstn --outbound-context pstn-out --did +18005550100`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return runPBXSim(cmd.Context(), o, log)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:5038", "address to serve AMI on")
	f.StringVar(&o.dialect, "dialect", "ami2", "Asterisk version to imitate: 1.4, 1.6 or ami2 (Asterisk 12+)")
	f.StringVar(&o.user, "user", "tigerline", "AMI user name clients log in with")
	f.StringVar(&o.secret, "secret", "tigerline", "AMI secret clients log in with")
	f.DurationVar(&o.every, "rate", 20*time.Second, "place one call every this long")
	f.StringSliceVar(&o.callers, "callers", callerNumbers(demoCallers), "caller numbers to call from")
	f.StringSliceVar(&o.agents, "agents", demoAgents, "agent extensions to ring")
	return cmd
}

func callerNumbers(cs []amisim.Caller) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Number
	}
	return out
}

// callersFor names the numbers given, using the demo's names where known.
func callersFor(numbers []string) []amisim.Caller {
	names := make(map[string]string, len(demoCallers))
	for _, c := range demoCallers {
		names[c.Number] = c.Name
	}
	out := make([]amisim.Caller, 0, len(numbers))
	for _, n := range numbers {
		out = append(out, amisim.Caller{Number: n, Name: names[n]})
	}
	return out
}

func runPBXSim(ctx context.Context, o *simOptions, log *slog.Logger) error {
	d, err := ami.ParseDialect(o.dialect)
	if err != nil || d == ami.DialectAuto || d == ami.Dialect18 {
		return crm.Errorf(crm.EInvalid, "bad --dialect %q: want 1.4, 1.6 or ami2", o.dialect)
	}
	if o.every <= 0 {
		return crm.Errorf(crm.EInvalid, "bad --rate %v: want a positive duration such as 20s", o.every)
	}
	sim, err := amisim.Start(ctx, amisim.Config{Addr: o.listen, Dialect: d, Username: o.user, Secret: o.secret, Log: log})
	if err != nil {
		return err
	}
	defer sim.Close()
	log.Info("pbx simulator listening", "addr", sim.Addr(), "dialect", d.String(), "banner", amisim.Banner(d),
		"user", o.user, "every", o.every, "agents", o.agents)
	err = sim.RunLoop(ctx, amisim.LoopConfig{Every: o.every, Callers: callersFor(o.callers), Agents: o.agents,
		OnCall: func(c amisim.Call) { logSimCall(log, c) }})
	if errors.Is(err, context.Canceled) {
		log.Info("pbx simulator stopped", "calls", sim.Calls())
		return nil
	}
	return err
}

func logSimCall(log *slog.Logger, c amisim.Call) {
	outcome := "answered"
	if !c.Answered {
		outcome = "missed"
	}
	log.Info("simulated call", "from", c.CallerNum, "agent", c.Agent, "outcome", outcome,
		"ring", c.Ring.Round(time.Second), "talk", c.Talk.Round(time.Second))
}

// demoSimName is the PBX the demo registers for its simulator.
const demoSimName = "demo-sim"

// startDemoSim runs a simulator on a free loopback port for the demo and
// registers it as the PBX demo-sim (moving it when the port changed). The
// simulator and its call loop run on wg until ctx ends.
func startDemoSim(ctx context.Context, wg *sync.WaitGroup, dsn string, log *slog.Logger) error {
	simLog := log.With("component", "pbx-sim")
	sim, err := amisim.Start(ctx, amisim.Config{Dialect: ami.DialectAMI2, Username: "tigerline", Secret: "tigerline", Log: simLog})
	if err != nil {
		return err
	}
	if err := registerDemoSim(ctx, dsn, sim.Addr()); err != nil {
		sim.Close()
		return err
	}
	simLog.Info("demo pbx simulator running", "addr", sim.Addr(), "pbx", demoSimName, "every", 20*time.Second)
	wg.Go(func() {
		defer sim.Close()
		_ = sim.RunLoop(ctx, amisim.LoopConfig{Every: 20 * time.Second, Callers: demoCallers, Agents: demoAgents,
			OnCall: func(c amisim.Call) { logSimCall(simLog, c) }})
	})
	return nil
}

func registerDemoSim(ctx context.Context, dsn, addr string) error {
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	pbxs := mysql.NewPBXService(db)
	list, err := pbxs.List(ctx)
	if err != nil {
		return err
	}
	for _, p := range list {
		if p.Name != demoSimName {
			continue
		}
		if p.Address == addr && p.Enabled {
			return nil
		}
		if err := pbxs.Remove(ctx, demoSimName); err != nil {
			return fmt.Errorf("move PBX %s to %s: %w", demoSimName, addr, err)
		}
	}
	_, err = pbxs.Add(ctx, &crm.PBX{Name: demoSimName, Kind: crm.PBXKindAMI, Address: addr,
		Username: "tigerline", Secret: "tigerline", Version: crm.PBXVersionAuto,
		InboundContexts: []string{"from-pstn"}, OutboundContexts: []string{"pstn-out"},
		DIDs: []string{amisim.DefaultDID}})
	return err
}
