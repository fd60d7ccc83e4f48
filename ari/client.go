package ari

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"
	"golang.org/x/net/websocket"

	"github.com/tigerline/tigerline/crm"
)

// Client keeps one ARI connection alive: it reads the events websocket,
// translates every frame and hands the call events to Config.OnEvent,
// and after every (re)connect hands the PBX's channel list to
// Config.OnResync, since events during an outage are lost.
//
// The websocket is read with the transport and decoder the ARI
// library's native client uses (golang.org/x/net/websocket,
// ari.DecodeEvent), but not through that client: its Connect blocks
// until the first connection with no way to cancel, it reconnects
// silently (no place to resynchronise), and its bus drops events once a
// subscriber lags 100 behind. Here the reader waits instead of dropping.
type Client struct {
	cfg  Config
	rest *rest
	ctrl *controller // control mode only

	mu        sync.Mutex
	lastEvent time.Time // PBX timestamp of the newest event
	lastRecv  time.Time // local time it arrived
}

// New checks cfg and returns a Client; Run connects it.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	c := &Client{
		cfg:  cfg,
		rest: &rest{base: cfg.URL, user: cfg.Username, pass: cfg.Password, hc: cfg.HTTPClient, timeout: cfg.RequestTimeout},
	}
	if cfg.Mode == ModeControl {
		c.ctrl = newController(cfg, c.rest)
	}
	return c, nil
}

// Run connects, reads events until the connection ends, and reconnects
// with backoff, until ctx is cancelled; then it returns ctx.Err().
func (c *Client) Run(ctx context.Context) error {
	if c.ctrl != nil {
		c.ctrl.start(ctx)
		defer c.ctrl.wait()
	}
	return c.cfg.Backoff.Reconnect(ctx, c.session, func(lc crm.LinkChange) {
		if lc.State != StateConnecting {
			c.cfg.Logger.Warn("ari connection lost", "state", lc.State.String(), "err", lc.Err, "retry_in", lc.RetryIn)
		}
		c.report(StateChange{State: lc.State, Attempt: lc.Attempt, Err: lc.Err, RetryIn: lc.RetryIn})
	})
}

// frame is one websocket message and when it arrived.
type frame struct {
	data []byte
	at   time.Time
}

// session runs one connection to its end and says how it ended.
func (c *Client) session(ctx context.Context) (State, error) {
	info, err := c.rest.info(ctx)
	if errors.Is(err, errAuth) {
		return StateLoginFailed, err
	}
	if err != nil {
		return StateDisconnected, err
	}
	ws, err := c.dial(ctx)
	if err != nil {
		return StateDisconnected, err
	}
	ctx, cancel := context.WithCancel(ctx)
	frames := make(chan frame, c.cfg.EventBuffer)
	readErr := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		readErr <- c.read(ctx, ws, frames)
	}()
	defer func() {
		cancel()
		ws.Close()
		wg.Wait()
	}()
	// The list is taken after the websocket is up, so nothing falls
	// between the two; events read meanwhile wait in frames and are
	// applied after it, which the tracker tolerates.
	if err := c.resync(ctx); err != nil {
		return StateDisconnected, fmt.Errorf("ari: resync: %w", err)
	}
	c.cfg.Logger.Info("ari connected", "version", info.SystemInfo.Version, "mode", string(c.cfg.Mode), "app", c.cfg.Application)
	c.report(StateChange{State: StateConnected, Version: info.SystemInfo.Version})
	return c.pump(ctx, frames, readErr)
}

// pump hands frames to OnEvent until the reader stops or a ping fails.
func (c *Client) pump(ctx context.Context, frames <-chan frame, readErr <-chan error) (State, error) {
	var tick <-chan time.Time
	if c.cfg.PingInterval > 0 {
		t := time.NewTicker(c.cfg.PingInterval)
		defer t.Stop()
		tick = t.C
	}
	for {
		select {
		case f := <-frames:
			c.handle(f)
		case err := <-readErr:
			// Apply what was read before the connection ended.
			for {
				select {
				case f := <-frames:
					c.handle(f)
					continue
				default:
				}
				break
			}
			return StateDisconnected, err
		case <-tick:
			if _, err := c.rest.info(ctx); err != nil {
				return StateDisconnected, fmt.Errorf("ari: ping: %w", err)
			}
		case <-ctx.Done():
			return StateDisconnected, ctx.Err()
		}
	}
}

// dial opens the events websocket with HTTP Basic auth, as the ARI
// library's native client does.
func (c *Client) dial(ctx context.Context) (*websocket.Conn, error) {
	q := url.Values{"app": {c.cfg.Application}}
	if c.cfg.SubscribeAll {
		q.Set("subscribeAll", "true")
	}
	wcfg, err := websocket.NewConfig(c.cfg.WebsocketURL+"?"+q.Encode(), "http://localhost/")
	if err != nil {
		return nil, fmt.Errorf("ari: websocket config: %w", err)
	}
	auth := base64.StdEncoding.EncodeToString([]byte(c.cfg.Username + ":" + c.cfg.Password))
	wcfg.Header.Set("Authorization", "Basic "+auth)
	dctx, cancel := context.WithTimeout(ctx, c.cfg.RequestTimeout)
	defer cancel()
	ws, err := wcfg.DialContext(dctx)
	if err != nil {
		return nil, fmt.Errorf("ari: websocket %s: %w", c.cfg.WebsocketURL, err)
	}
	return ws, nil
}

// read receives frames until the connection fails or ctx ends. A full
// queue makes it wait: events are never dropped.
func (c *Client) read(ctx context.Context, ws *websocket.Conn, out chan<- frame) error {
	for {
		var data []byte
		if err := websocket.Message.Receive(ws, &data); err != nil {
			return fmt.Errorf("ari: websocket read: %w", err)
		}
		select {
		case out <- frame{data: data, at: time.Now()}:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// handle translates one frame and hands its call events on. In control
// mode the controller sees every frame first, those Translate ignores
// (PlaybackFinished) included.
func (c *Client) handle(f frame) {
	skip := ignorable(f.data)
	if skip && c.ctrl == nil {
		return
	}
	ev, err := Decode(f.data)
	if err != nil {
		c.cfg.Logger.Debug("ari frame skipped", "err", err)
		return
	}
	if c.ctrl != nil {
		c.emit(c.ctrl.observe(ev), f.at)
	}
	// In monitor mode ChannelDestroyed ends channels; a channel leaving
	// Stasis for the dialplan lives on.
	if _, ok := ev.(*ariv5.StasisEnd); skip || (ok && c.cfg.SubscribeAll) {
		return
	}
	c.emit(Translate(ev), f.at)
}

// emit hands call events to OnEvent, noting the PBX's clock.
func (c *Client) emit(evs []crm.CallEvent, at time.Time) {
	for _, ce := range evs {
		if !ce.Time.IsZero() {
			c.mu.Lock()
			c.lastEvent, c.lastRecv = ce.Time, at
			c.mu.Unlock()
		}
		ce.Gateway = c.cfg.Gateway
		if c.cfg.OnEvent != nil {
			c.cfg.OnEvent(ce)
		}
	}
}

// resync lists the PBX's channels and bridges and hands them to OnResync.
func (c *Client) resync(ctx context.Context) error {
	chans, bridges, date, err := c.rest.live(ctx)
	if err != nil {
		return err
	}
	if !c.cfg.SubscribeAll {
		app, err := c.rest.subscriptions(ctx, c.cfg.Application)
		if err != nil {
			return err
		}
		chans, bridges = Subscribed(chans, bridges, app)
	}
	if c.ctrl != nil {
		c.ctrl.resync(chans)
	}
	now := c.pbxNow(date)
	live := LiveChannels(chans, bridges, now)
	c.cfg.Logger.Info("ari resync", "channels", len(live), "bridges", len(bridges))
	if c.cfg.OnResync != nil {
		c.cfg.OnResync(now, live)
	}
	return nil
}

// pbxNow estimates the PBX's clock: the newest event's timestamp plus
// the time since it arrived, or the Date of the list's answer (whole
// seconds) when that is later, or the local clock when neither is known.
// Call times come from the PBX's clock, so the resync must too.
func (c *Client) pbxNow(date time.Time) time.Time {
	c.mu.Lock()
	last, recv := c.lastEvent, c.lastRecv
	c.mu.Unlock()
	var est time.Time
	if !last.IsZero() {
		est = last.Add(time.Since(recv))
	}
	if date.After(est) {
		est = date.UTC()
	}
	if est.IsZero() {
		est = time.Now().UTC()
	}
	return est
}

func (c *Client) report(sc StateChange) {
	if c.cfg.OnState != nil {
		c.cfg.OnState(sc)
	}
}
