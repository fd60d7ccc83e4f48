package main

import (
	"context"
	"errors"
	"log/slog"
	"regexp"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
)

// pbxStatusSetter records a PBX connection's state (crm.PBXService has it).
type pbxStatusSetter interface {
	SetStatus(ctx context.Context, name string, st crm.PBXStatus) error
}

// agentLister lists users, for the agents' extensions (crm.UserService).
type agentLister interface {
	FindUsers(ctx context.Context) ([]*crm.User, error)
}

// pbxRunConfig is what the PBX runner needs; cmd wires it.
type pbxRunConfig struct {
	Status  pbxStatusSetter
	Users   agentLister
	Calls   crm.CallStore
	Lookup  crm.CallerLookup
	Support crm.SupportDesk // nil: support calls open no tickets
	// Live records the calls in progress for every node; nil: none.
	Live      crm.LiveCallStore
	Publisher crm.Publisher
	Log       *slog.Logger
	// Running collects the started connections for click-to-call; nil
	// keeps none.
	Running *pbxSet

	// PingInterval and DeadAfter make a dead connection (no bytes, no
	// pong) noticed within DeadAfter; defaults 500ms and 1.5s.
	PingInterval time.Duration
	DeadAfter    time.Duration
	Backoff      ami.Backoff // default 500ms doubling to 30s
	// RetryEvery is how often failed call saves are retried; default 250ms.
	RetryEvery time.Duration
	// OnHandled, when set, is called after each frame or resync is
	// applied, with the number of frames applied so far, on the PBX's
	// goroutine: for tests.
	OnHandled func(pbx string, frames int64, resync bool)
}

func (c pbxRunConfig) withDefaults() pbxRunConfig {
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.Publisher == nil {
		c.Publisher = crm.NopPublisher{}
	}
	if c.PingInterval <= 0 {
		c.PingInterval = 500 * time.Millisecond
	}
	if c.DeadAfter <= 0 {
		c.DeadAfter = 1500 * time.Millisecond
	}
	if c.RetryEvery <= 0 {
		c.RetryEvery = 250 * time.Millisecond
	}
	return c
}

// Defaults for a PBX that names no contexts: the dialplan names most
// FreePBX-style and hand-written dialplans use.
var (
	defaultInbound  = []string{"from-pstn", "from-trunk", "from-external"}
	defaultOutbound = []string{"pstn-out", "outbound", "from-internal-outbound"}
)

// runPBXs connects to every enabled PBX in pbxs at once, AMI and ARI, each
// with its own connection and call flow, until ctx ends.
func runPBXs(ctx context.Context, pbxs []*crm.PBX, cfg pbxRunConfig) {
	cfg = cfg.withDefaults()
	var wg sync.WaitGroup
	for _, p := range pbxs {
		log := cfg.Log.With("component", "pbx", "pbx", p.Name)
		switch {
		case !p.Enabled:
			log.Info("pbx disabled: not connecting")
			continue
		case p.Kind == crm.PBXKindARI:
			a, err := newARILink(p, cfg, log)
			if err != nil {
				log.Error("pbx not started", "err", err)
				continue
			}
			cfg.Running.add(p.Name, a)
			wg.Go(func() { a.run(ctx) })
			continue
		case p.Kind != crm.PBXKindAMI:
			log.Warn("pbx of unknown kind skipped", "kind", p.Kind)
			continue
		}
		r, err := newPBXLink(p, cfg, log)
		if err != nil {
			log.Error("pbx not started", "err", err)
			continue
		}
		cfg.Running.add(p.Name, r)
		wg.Go(func() { r.run(ctx) })
	}
	wg.Wait()
}

// pbxLink is one PBX's connection and call path: a supervisor feeding a
// queue, and one goroutine draining it into the CallFlow.
type pbxLink struct {
	pbx     *crm.PBX
	cfg     pbxRunConfig
	log     *slog.Logger
	forced  ami.Dialect
	dialect atomic.Int32 // of the current connection
	agents  map[string]bool
	flow    *crm.CallFlow
	norm    ami.Normalizer
	items   chan pbxItem
	handled int64
	// sup is the live supervisor, for actions such as click-to-call.
	sup atomic.Pointer[ami.Supervisor]

	// While a connection lists its channels, frames are held back and
	// queued after the resync, so no frame that followed the list is
	// applied before it (which would end a channel the list predates).
	gate    sync.Mutex
	holding bool
	held    []pbxItem
}

// pbxItem is a received AMI frame, call events already translated (ARI),
// or a channel list to resync from.
type pbxItem struct {
	msg    *ami.Message
	events []crm.CallEvent
	at     time.Time
	resync bool
	live   []crm.LiveChannel
}

func newPBXLink(p *crm.PBX, cfg pbxRunConfig, log *slog.Logger) (*pbxLink, error) {
	forced, err := ami.ParseDialect(p.Version)
	if err != nil {
		return nil, err
	}
	l, err := newCallPath(p, cfg, log)
	if err != nil {
		return nil, err
	}
	l.forced, l.norm = forced, ami.Normalizer{Gateway: p.Name, Dialect: forced}
	l.dialect.Store(int32(forced))
	return l, nil
}

// newCallPath returns a link's queue and call flow without a connection:
// the AMI link adds its supervisor, the ARI link feeds it translated
// events.
func newCallPath(p *crm.PBX, cfg pbxRunConfig, log *slog.Logger) (*pbxLink, error) {
	tc, err := trackerConfig(p)
	if err != nil {
		return nil, err
	}
	l := &pbxLink{pbx: p, cfg: cfg, log: log, agents: tc.Agents, items: make(chan pbxItem, 4096)}
	l.flow = crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: cfg.Calls, Lookup: cfg.Lookup,
		Publisher: cfg.Publisher, Log: cfg.Log, Support: cfg.Support, Live: cfg.Live})
	return l, nil
}

// trackerConfig describes the PBX's dialplan; Agents is filled (and kept
// current) from the users' extensions by the link's goroutine.
func trackerConfig(p *crm.PBX) (crm.TrackerConfig, error) {
	in, out := p.InboundContexts, p.OutboundContexts
	if len(in) == 0 {
		in = defaultInbound
	}
	if len(out) == 0 {
		out = defaultOutbound
	}
	tc := crm.TrackerConfig{Gateway: p.Name, Agents: map[string]bool{},
		InboundContexts: crm.SetOf(in...), OutboundContexts: crm.SetOf(out...), DIDs: crm.SetOf(p.DIDs...)}
	for _, pat := range p.TrunkChannels {
		re, err := regexp.Compile(pat)
		if err != nil {
			return tc, crm.Errorf(crm.EInvalid, "PBX %s: bad trunk pattern %q: %v", p.Name, pat, err)
		}
		tc.TrunkChannels = append(tc.TrunkChannels, re)
	}
	return tc, nil
}

func (l *pbxLink) run(ctx context.Context) {
	l.reloadAgents(ctx)
	sup := ami.NewSupervisor(ami.SupervisorConfig{
		Client: ami.Config{
			Addr: l.pbx.Address, Username: l.pbx.Username, Secret: l.pbx.Secret,
			PingInterval: l.cfg.PingInterval, DeadAfter: l.cfg.DeadAfter,
			DialTimeout: 5 * time.Second, OnEvent: func(m *ami.Message) { l.received(ctx, m) },
			Logger: l.log,
		},
		Backoff:   l.cfg.Backoff,
		OnConnect: func(ctx context.Context, c *ami.Client) error { return l.onConnect(ctx, c) },
		OnState:   func(sc ami.StateChange) { l.onState(ctx, sc) },
	})
	l.sup.Store(sup)
	l.log.Info("pbx starting", "address", l.pbx.Address, "version", l.pbx.Version)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := sup.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			l.log.Error("pbx supervisor stopped", "err", err)
		}
	})
	l.loop(ctx)
	wg.Wait()
	l.log.Info("pbx stopped")
}

// supervisor returns the PBX's supervisor once run has started, or nil.
func (l *pbxLink) supervisor() *ami.Supervisor { return l.sup.Load() }

// received queues a frame, or holds it while a channel list is pending.
func (l *pbxLink) received(ctx context.Context, m *ami.Message) {
	it := pbxItem{msg: m, at: time.Now()}
	l.gate.Lock()
	defer l.gate.Unlock()
	if l.holding {
		l.held = append(l.held, it)
		return
	}
	l.enqueue(ctx, it)
}

// release queues the resync (when there is one), then the held frames.
func (l *pbxLink) release(ctx context.Context, resync *pbxItem) {
	l.gate.Lock()
	defer l.gate.Unlock()
	if resync != nil {
		l.enqueue(ctx, *resync)
	}
	for _, it := range l.held {
		l.enqueue(ctx, it)
	}
	l.held, l.holding = nil, false
}

// enqueue hands an item to the link's goroutine, waiting while the queue
// is full (the AMI reader then waits too) but never past shutdown.
func (l *pbxLink) enqueue(ctx context.Context, it pbxItem) {
	select {
	case l.items <- it:
	case <-ctx.Done():
	}
}

// loop applies frames and resyncs in arrival order, and retries failed
// saves, until ctx ends; then it gives pending saves a last chance and
// waits for the flow's queued live-call writes (Drain).
func (l *pbxLink) loop(ctx context.Context) {
	retry := time.NewTicker(l.cfg.RetryEvery)
	defer retry.Stop()
	agents := time.NewTicker(5 * time.Minute)
	defer agents.Stop()
	for {
		select {
		case <-ctx.Done():
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
			l.flow.Drain(dctx)
			cancel()
			return
		case it := <-l.items:
			l.apply(ctx, it)
		case <-retry.C:
			l.flow.RetryDue(ctx)
		case <-agents.C:
			l.reloadAgents(ctx)
		}
	}
}

func (l *pbxLink) apply(ctx context.Context, it pbxItem) {
	if it.resync {
		l.reloadAgents(ctx)
		l.flow.Resync(ctx, it.at, it.live)
	} else {
		evs := it.events
		if it.msg != nil {
			if d := ami.Dialect(l.dialect.Load()); d != ami.DialectAuto && l.norm.Dialect != d && l.norm.Dialect != ami.Dialect18 {
				l.norm.Dialect = d
			}
			evs = l.norm.Normalize(it.msg, it.at)
		}
		for _, ev := range evs {
			l.flow.Handle(ctx, ev)
		}
		l.handled++
	}
	if l.cfg.OnHandled != nil {
		l.cfg.OnHandled(l.pbx.Name, l.handled, it.resync)
	}
}

// reloadAgents refreshes the agents' extensions in place: the tracker
// holds the same map and reads it only on this goroutine.
func (l *pbxLink) reloadAgents(ctx context.Context) {
	if l.cfg.Users == nil {
		return
	}
	uctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	users, err := l.cfg.Users.FindUsers(uctx)
	if err != nil {
		l.log.Warn("load agent extensions", "err", err)
		return
	}
	clear(l.agents)
	for _, u := range users {
		if u.Extension != "" {
			l.agents[u.Extension] = true
		}
	}
}
