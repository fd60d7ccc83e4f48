package main

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/web"
)

// serveOptions are the flags of serve (and demo, which serves too).
type serveOptions struct {
	insecureCookies   bool
	trustForwardedFor bool
	drain             time.Duration
	dial              dialConfig
}

func (o *serveOptions) bindFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.BoolVar(&o.insecureCookies, "insecure-cookies", envOr("TIGERLINE_INSECURE_COOKIES", "") == "true", "send cookies without Secure over plain HTTP on a trusted network [TIGERLINE_INSECURE_COOKIES]")
	f.BoolVar(&o.trustForwardedFor, "trust-forwarded-for", false, "take client addresses from X-Forwarded-For (only behind a proxy that sets it)")
	f.DurationVar(&o.drain, "drain", 10*time.Second, "how long shutdown waits for open requests")
	f.StringVar(&o.dial.AgentChannel, "agent-channel", envOr("TIGERLINE_AGENT_CHANNEL", defaultDial.AgentChannel), "click-to-call: the agent's phone channel, {ext} for the extension (SIP/{ext}, PJSIP/{ext}, Local/{ext}@agents) [TIGERLINE_AGENT_CHANNEL]")
	f.StringVar(&o.dial.Context, "dial-context", envOr("TIGERLINE_DIAL_CONTEXT", defaultDial.Context), "click-to-call: the dialplan context that dials the customer [TIGERLINE_DIAL_CONTEXT]")
	f.StringVar(&o.dial.ARIGreeting, "ari-greeting", envOr("TIGERLINE_ARI_GREETING", ""), "ARI stasis mode: sound played to each caller before the agent is dialled, e.g. sound:hello-world; empty for none [TIGERLINE_ARI_GREETING]")
	f.StringVar(&o.dial.ARITarget, "ari-default-target", envOr("TIGERLINE_ARI_DEFAULT_TARGET", ""), "ARI stasis mode: extension dialled when Stasis(app,...) names none; empty sends such calls back to the dialplan [TIGERLINE_ARI_DEFAULT_TARGET]")
}

func newServeCmd(cfg *Config) *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and APIs",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			return serve(cmd.Context(), cfg, opts, log)
		},
	}
	opts.bindFlags(cmd)
	return cmd
}

// serve runs a node until ctx ends: it checks the database schema, wires
// the services and serves HTTP, then shuts down in order.
func serve(ctx context.Context, cfg *Config, opts *serveOptions, log *slog.Logger) error {
	log.Info("starting tigerline", "version", versionString(), "db", mysql.MaskDSN(cfg.DB),
		"redis", maskURL(cfg.Redis), "http", cfg.HTTP, "country", cfg.Country)
	phones, err := phone.New(cfg.Country)
	if err != nil {
		return err
	}
	redisOpts, err := checkRedis(ctx, cfg.Redis, log)
	if err != nil {
		return err
	}
	db, err := mysql.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := mysql.RequireCurrentSchema(ctx, db); err != nil {
		return err
	}
	bus := newBus(redisOpts, log)
	defer bus.Close()
	n, err := newNode(ctx, db, bus, phones, web.Config{
		ListenAddr: cfg.HTTP, InsecureCookies: opts.insecureCookies,
		TrustForwardedFor: opts.trustForwardedFor, Version: versionString(),
	}, opts.dial, log)
	if err != nil {
		return err
	}
	ln, err := listen(cfg.HTTP)
	if err != nil {
		return err
	}

	var wg sync.WaitGroup
	bg, stop := context.WithCancel(ctx)
	if err := n.start(bg, &wg, true); err != nil {
		stop()
		wg.Wait()
		return err
	}
	err = serveHTTP(ctx, ln, n.srv.Handler(), log, opts.drain)
	stop()
	wg.Wait()
	log.Info("stopped")
	return err
}

// sweepSessions deletes expired sessions every few minutes.
func sweepSessions(ctx context.Context, sessions *mysql.SessionService, log *slog.Logger) {
	t := time.NewTicker(5 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := sessions.DeleteExpired(ctx); err != nil && ctx.Err() == nil {
				log.Warn("sweep sessions", "err", err)
			}
		}
	}
}
