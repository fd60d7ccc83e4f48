package main

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/crm"
)

// ariLink is one ARI PBX: an ari.Client whose call events and channel
// lists go through the same queue and call flow as an AMI link's frames.
type ariLink struct {
	*pbxLink
	conf   ari.Config
	client atomic.Pointer[ari.Client] // set once run has started
	up     atomic.Bool                // connected and resynchronised
}

func newARILink(p *crm.PBX, cfg pbxRunConfig, log *slog.Logger) (*ariLink, error) {
	core, err := newCallPath(p, cfg, log)
	if err != nil {
		return nil, err
	}
	dc := cfg.Running.dialSettings()
	a := &ariLink{pbxLink: core, conf: ari.Config{
		URL: p.Address, Username: p.Username, Password: p.Secret,
		Application: p.ARIApp, Mode: ari.Mode(p.ARIMode), Gateway: p.Name,
		AgentEndpoint: dc.AgentChannel, DialContext: dc.Context,
		Greeting: dc.ARIGreeting, DefaultTarget: dc.ARITarget,
		Backoff: ari.Backoff{Base: cfg.Backoff.Base, Cap: cfg.Backoff.Cap},
		Logger:  log,
	}}
	if _, err := ari.New(a.conf); err != nil { // check the settings now
		return nil, err
	}
	return a, nil
}

// run connects the client and applies what it delivers until ctx ends.
// The client calls back on its Run goroutine, a resync before the events
// that follow it, so queueing in call order keeps that order.
func (a *ariLink) run(ctx context.Context) {
	a.reloadAgents(ctx)
	conf := a.conf
	conf.OnEvent = func(ev crm.CallEvent) {
		a.enqueue(ctx, pbxItem{events: []crm.CallEvent{ev}, at: time.Now()})
	}
	conf.OnResync = func(now time.Time, live []crm.LiveChannel) {
		if live == nil {
			live = []crm.LiveChannel{}
		}
		a.enqueue(ctx, pbxItem{resync: true, at: now, live: live})
	}
	conf.OnState = func(sc ari.StateChange) { a.onARIState(ctx, sc) }
	c, err := ari.New(conf)
	if err != nil {
		a.log.Error("pbx not started", "err", err)
		return
	}
	a.client.Store(c)
	a.log.Info("pbx starting", "address", a.pbx.Address, "kind", string(a.pbx.Kind), "mode", a.pbx.ARIMode)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := c.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			a.log.Error("pbx client stopped", "err", err)
		}
		a.up.Store(false)
	})
	a.loop(ctx)
	wg.Wait()
	a.log.Info("pbx stopped")
}

// onARIState logs a connection change and records it for the UI, as
// onState does for AMI.
func (a *ariLink) onARIState(ctx context.Context, sc ari.StateChange) {
	a.up.Store(sc.State == ari.StateConnected)
	switch sc.State {
	case ari.StateConnected:
		a.log.Info("pbx connected", "version", sc.Version)
	case ari.StateLoginFailed:
		a.log.Error("pbx login failed", "err", sc.Err, "retry_in", sc.RetryIn)
	case ari.StateDisconnected:
		a.log.Warn("pbx disconnected", "err", sc.Err, "attempt", sc.Attempt, "retry_in", sc.RetryIn)
	}
	recordState(ctx, a.cfg.Status, a.pbx.Name, sc.State, sc.Attempt, sc.Err, a.log)
}

// Connected reports whether the websocket is up and resynchronised.
func (a *ariLink) Connected() bool { return a.up.Load() && a.client.Load() != nil }

// Originate places a click-to-call with POST /channels. Errors are the
// AMI path's: unavailable, naming the PBX.
func (a *ariLink) Originate(ctx context.Context, u *crm.User, dial string) error {
	c := a.client.Load()
	if c == nil || !a.up.Load() {
		return crm.Errorf(crm.EUnavailable, "PBX %s is not connected", a.pbx.Name)
	}
	sendCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	_, err := c.Originate(sendCtx, ari.OriginateRequest{
		Extension: u.Extension, Number: dial, CallerName: u.FullName(),
		Variables: map[string]string{"TIGERLINE_USER": strconv.FormatInt(u.ID, 10)},
	})
	switch {
	case err == nil:
	case crm.ErrorCode(err) == crm.EInvalid:
		return crm.Errorf(crm.EUnavailable, "PBX %s refused the call: %s", a.pbx.Name, crm.ErrorMessage(err))
	default:
		return crm.Errorf(crm.EUnavailable, "PBX %s: %s", a.pbx.Name, crm.ErrorMessage(err))
	}
	a.log.Info("click-to-call", "user", u.UserName, "extension", u.Extension, "number", dial)
	return nil
}
