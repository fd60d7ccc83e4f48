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
	"github.com/tigerline/tigerline/internal/simcall"
)

// demoCallers are the demo data's well-known customers (so pops find
// Alice Wong, Brian Miller and Carmen Lopez) and two unknown numbers.
var demoCallers = []simcall.Caller{
	{Number: "+14155550142", Name: "ALICE WONG"},
	{Number: "+12125550199", Name: "MILLER FREIGHT"},
	{Number: "+13125550123", Name: "LAKESIDE MED"},
	{Number: "+16175550111", Name: "WIRELESS CALLER"},
	{Number: "+14085550177", Name: ""},
}

var demoAgents = []string{"101", "102", "103", "104", "105"}

// demoSchedule is the demo simulators' call loop, over AMI or ARI.
var demoSchedule = simcall.Schedule{Every: 20 * time.Second, Callers: demoCallers, Agents: demoAgents}

// simOptions are the flags of pbx-sim.
type simOptions struct {
	listen  string
	dialect string
	user    string
	secret  string
	every   time.Duration
	callers []string
	agents  []string
	// ARI instead of AMI (pbxsim_ari.go).
	ari  bool
	app  string
	mode string
}

func newPBXSimCmd(cfg *Config) *cobra.Command {
	o := &simOptions{}
	cmd := &cobra.Command{
		Use:   "pbx-sim",
		Short: "Run a simulated Asterisk that speaks AMI (or ARI) and places calls in a loop",
		Long: `pbx-sim serves a simulated Asterisk manager interface (AMI) until Ctrl-C. It
speaks the dialect of Asterisk 1.4, 1.6 or 12+ (ami2), logs clients in (plain or
MD5), answers Ping, Status and CoreShowChannels, runs click-to-call Originates,
and places a call every --rate from a random caller to a random agent: most are
answered, some are missed. Point Tigerline at it with:

  tigerline pbx add --name sim --ami 127.0.0.1:5038 --user tigerline --secret tigerline \
    --inbound-context from-pstn --outbound-context pstn-out --did +18005550100

With --ari it serves the Asterisk 12+ REST interface and events websocket
instead (default address 127.0.0.1:8088, application --app), with the same
callers and agents. --mode monitor rings the agent from the dialplan, for a
Tigerline that watches every channel:

  tigerline pbx-sim --ari
  tigerline pbx add --name sim --ari http://127.0.0.1:8088 --user tigerline --secret tigerline \
    --app tigerline --ari-mode observe --inbound-context from-pstn --did +18005550100

--mode control hands each call to the application instead, as
Stasis(tigerline,inbound,<agent>) on +18005550300, for a Tigerline that answers,
bridges and dials the agent itself (add the PBX with --ari-mode stasis --did
+18005550300); a call nobody takes is abandoned after a minute.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if o.ari {
				if cmd.Flags().Changed("dialect") {
					return crm.Errorf(crm.EInvalid, "--dialect is for AMI; ARI is Asterisk 12+")
				}
				if !cmd.Flags().Changed("listen") {
					o.listen = defaultARISimAddr
				}
				return runARISim(cmd.Context(), o, log)
			}
			if cmd.Flags().Changed("mode") || cmd.Flags().Changed("app") {
				return crm.Errorf(crm.EInvalid, "--mode and --app are for ARI: add --ari")
			}
			return runPBXSim(cmd.Context(), o, log)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.listen, "listen", "127.0.0.1:5038", "address to serve AMI on (ARI: 127.0.0.1:8088)")
	f.StringVar(&o.dialect, "dialect", "ami2", "Asterisk version to imitate: 1.4, 1.6 or ami2 (Asterisk 12+)")
	f.StringVar(&o.user, "user", "tigerline", "AMI or ARI user name clients log in with")
	f.StringVar(&o.secret, "secret", "tigerline", "AMI or ARI secret clients log in with")
	f.BoolVar(&o.ari, "ari", false, "serve ARI (REST and events websocket, Asterisk 12+) instead of AMI")
	f.StringVar(&o.app, "app", "tigerline", "ARI: the Stasis application clients connect as")
	f.StringVar(&o.mode, "mode", "monitor", "ARI: monitor (the dialplan rings the agent) or control (calls go to the Stasis application)")
	f.DurationVar(&o.every, "rate", 20*time.Second, "place one call every this long")
	f.StringSliceVar(&o.callers, "callers", callerNumbers(demoCallers), "caller numbers to call from")
	f.StringSliceVar(&o.agents, "agents", demoAgents, "agent extensions to ring")
	return cmd
}

func callerNumbers(cs []simcall.Caller) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Number
	}
	return out
}

// callersFor names the numbers given, using the demo's names where known.
func callersFor(numbers []string) []simcall.Caller {
	names := make(map[string]string, len(demoCallers))
	for _, c := range demoCallers {
		names[c.Number] = c.Name
	}
	out := make([]simcall.Caller, 0, len(numbers))
	for _, n := range numbers {
		out = append(out, simcall.Caller{Number: n, Name: names[n]})
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
	err = sim.RunLoop(ctx, amisim.LoopConfig{Schedule: simcall.Schedule{Every: o.every, Callers: callersFor(o.callers), Agents: o.agents},
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
// registers it as the PBX demo-sim (moving it when the port changed),
// over ARI (monitor mode) when overARI is set. The simulator and its call
// loop run on wg until ctx ends.
func startDemoSim(ctx context.Context, wg *sync.WaitGroup, dsn string, overARI bool, log *slog.Logger) error {
	simLog := log.With("component", "pbx-sim")
	if overARI {
		return startDemoARISim(ctx, wg, dsn, simLog)
	}
	sim, err := amisim.Start(ctx, amisim.Config{Dialect: ami.DialectAMI2, Username: "tigerline", Secret: "tigerline", Log: simLog})
	if err != nil {
		return err
	}
	pbx := &crm.PBX{Kind: crm.PBXKindAMI, Address: sim.Addr(), Version: crm.PBXVersionAuto, DIDs: []string{amisim.DefaultDID}}
	loop := func(ctx context.Context) error {
		return sim.RunLoop(ctx, amisim.LoopConfig{Schedule: demoSchedule, OnCall: func(c amisim.Call) { logSimCall(simLog, c) }})
	}
	return runDemoSim(ctx, wg, dsn, pbx, func() { sim.Close() }, loop, simLog.With("addr", sim.Addr()))
}

// runDemoSim registers a started simulator as the PBX demo-sim and runs
// its call loop on wg until ctx ends. The simulator is closed when the
// loop ends, or at once when it cannot be registered.
func runDemoSim(ctx context.Context, wg *sync.WaitGroup, dsn string, pbx *crm.PBX, closeSim func(),
	loop func(context.Context) error, log *slog.Logger) error {
	if err := registerDemoSim(ctx, dsn, pbx); err != nil {
		closeSim()
		return err
	}
	log.Info("demo pbx simulator running", "pbx", demoSimName, "every", demoSchedule.Every)
	wg.Go(func() {
		defer closeSim()
		_ = loop(ctx)
	})
	return nil
}

// registerDemoSim adds sim (kind, address and what differs between AMI
// and ARI) as the PBX demo-sim, replacing one at another address.
func registerDemoSim(ctx context.Context, dsn string, sim *crm.PBX) error {
	addr := sim.Address
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
	sim.Name, sim.Username, sim.Secret = demoSimName, "tigerline", "tigerline"
	sim.InboundContexts, sim.OutboundContexts = []string{"from-pstn"}, []string{"pstn-out"}
	_, err = pbxs.Add(ctx, sim)
	return err
}
