package realtime

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/crm"
)

// HubConfig configures a Hub. Zero durations and sizes take the defaults
// noted beside them.
type HubConfig struct {
	// Bus feeds the hub; Run subscribes to it. Required.
	Bus Bus
	// Authenticate returns the signed-in user of an upgrade request (web
	// reads the session cookie). A nil user or an unauthorized error
	// answers 401, a forbidden error 403, anything else 500. Required.
	Authenticate func(r *http.Request) (*crm.User, error)
	// AllowedOrigins are the browser origins, such as
	// "https://crm.example.com", accepted besides the request's own
	// host. A request without an Origin header (not a browser) passes.
	AllowedOrigins []string
	// CheckOrigin, when set, replaces the same-host and AllowedOrigins
	// check.
	CheckOrigin func(r *http.Request) bool
	// IsSupervisor says who receives Audience.Supervisors events.
	// Default: DefaultIsSupervisor.
	IsSupervisor func(u *crm.User) bool

	SendQueue    int           // messages waiting per connection; a full queue drops it. 64
	PingInterval time.Duration // how often the hub pings. 25s
	PongWait     time.Duration // silence after which a connection is dead; > PingInterval. 60s
	WriteWait    time.Duration // time allowed for one write. 10s
	MaxMessage   int64         // largest message a browser may send. 4096
	Log          *slog.Logger
}

// DefaultIsSupervisor counts admins and the managers of vtiger's stock
// role hierarchy (H1 Organisation to H4 Sales Manager) as supervisors:
// everyone but the lowest role, H5 Sales Man. A site with its own
// hierarchy passes an IsSupervisor that reads the role depth.
func DefaultIsSupervisor(u *crm.User) bool {
	return u.IsAdmin || slices.Contains([]string{"H1", "H2", "H3", "H4"}, u.RoleID)
}

func (c *HubConfig) defaults() error {
	if c.Bus == nil || c.Authenticate == nil {
		return errors.New("realtime: hub needs a Bus and an Authenticate func")
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&c.PingInterval, 25*time.Second)
	def(&c.PongWait, 60*time.Second)
	def(&c.WriteWait, 10*time.Second)
	if c.PongWait <= c.PingInterval {
		return errors.New("realtime: PongWait must exceed PingInterval")
	}
	if c.SendQueue <= 0 {
		c.SendQueue = 64
	}
	if c.MaxMessage <= 0 {
		c.MaxMessage = 4096
	}
	if c.IsSupervisor == nil {
		c.IsSupervisor = DefaultIsSupervisor
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	return nil
}

// HubStats counts what a hub did since it started.
type HubStats struct {
	Running   bool  // subscribed to the bus: connections are accepted
	Clients   int   // connections open now
	Accepted  int64 // connections accepted
	Dropped   int64 // connections dropped because their send queue was full
	Events    int64 // events received from the bus
	Delivered int64 // messages queued to connections
	Written   int64 // messages written to connections' sockets
}

// Hub holds one node's websocket connections and routes each bus event
// to the connections of its audience. It never waits on a connection:
// each has a bounded queue drained by its own write pump.
type Hub struct {
	cfg      HubConfig
	log      *slog.Logger
	upgrader websocket.Upgrader

	mu          sync.RWMutex
	started     bool // Run was called and has not returned
	running     bool // subscribed: connections are accepted
	clients     map[*client]struct{}
	byUser      map[int64]map[*client]struct{}
	byExt       map[string]map[*client]struct{}
	supervisors map[*client]struct{}
	pumps       sync.WaitGroup

	accepted, dropped, events, delivered, written atomic.Int64
}

// NewHub returns a hub; Run starts it.
func NewHub(cfg HubConfig) (*Hub, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	h := &Hub{
		cfg: cfg,
		log: cfg.Log.With("component", "realtime_hub"),
		upgrader: websocket.Upgrader{
			HandshakeTimeout: cfg.WriteWait,
			ReadBufferSize:   1024,
			WriteBufferPool:  &sync.Pool{},
			// The handler checks the origin before it authenticates.
			CheckOrigin: func(*http.Request) bool { return true },
		},
		clients:     make(map[*client]struct{}),
		byUser:      make(map[int64]map[*client]struct{}),
		byExt:       make(map[string]map[*client]struct{}),
		supervisors: make(map[*client]struct{}),
	}
	return h, nil
}

// Run subscribes to the bus and delivers its events until ctx ends, then
// closes every connection (going away) and returns. The handler answers
// 503 until the bus subscription is in place (so a hello never promises
// events the hub could miss) and once Run is ending.
func (h *Hub) Run(ctx context.Context) error {
	h.mu.Lock()
	if h.started {
		h.mu.Unlock()
		return errors.New("realtime: hub already running")
	}
	h.started = true
	h.mu.Unlock()

	subscribed := true // false once Subscribe returned; under h.mu
	err := h.cfg.Bus.Subscribe(ctx, h.deliver, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if subscribed { // a bus may say ready late, from another goroutine
			h.running = true
			h.log.Info("realtime hub started")
		}
	})

	h.mu.Lock()
	subscribed, h.started, h.running = false, false, false
	all := make([]*client, 0, len(h.clients))
	for c := range h.clients {
		all = append(all, c)
	}
	h.mu.Unlock()
	for _, c := range all {
		h.remove(c)
		c.close(websocket.CloseGoingAway, "server shutting down")
	}
	h.pumps.Wait()
	h.log.Info("realtime hub stopped", "clients_closed", len(all))
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// Stats returns the hub's counters.
func (h *Hub) Stats() HubStats {
	h.mu.RLock()
	n, running := len(h.clients), h.running
	h.mu.RUnlock()
	return HubStats{Running: running, Clients: n, Accepted: h.accepted.Load(), Dropped: h.dropped.Load(),
		Events: h.events.Load(), Delivered: h.delivered.Load(), Written: h.written.Load()}
}

// deliver routes one bus event. It runs on the bus's subscriber
// goroutine and never blocks: a connection whose queue is full is
// dropped instead.
func (h *Hub) deliver(e crm.Event) {
	h.events.Add(1)
	pm, err := prepare(e)
	if err != nil {
		h.log.Error("event not deliverable", "type", e.Type, "err", err)
		return
	}
	var slow []*client
	n := 0
	h.mu.RLock()
	h.each(e.Audience, func(c *client) {
		if c.enqueue(pm) {
			n++
		} else {
			slow = append(slow, c)
		}
	})
	h.mu.RUnlock()
	h.delivered.Add(int64(n))
	for _, c := range slow {
		h.drop(c)
	}
}

// each calls fn once for every connection aud reaches. h.mu is held.
func (h *Hub) each(aud crm.Audience, fn func(*client)) {
	if aud.All {
		for c := range h.clients {
			fn(c)
		}
		return
	}
	var sets []map[*client]struct{}
	for _, id := range aud.Users {
		if set := h.byUser[id]; len(set) > 0 {
			sets = append(sets, set)
		}
	}
	for _, ext := range aud.Extensions {
		if set := h.byExt[ext]; ext != "" && len(set) > 0 {
			sets = append(sets, set)
		}
	}
	if aud.Supervisors && len(h.supervisors) > 0 {
		sets = append(sets, h.supervisors)
	}
	if len(sets) == 1 { // one set holds no connection twice: no need to dedupe
		for c := range sets[0] {
			fn(c)
		}
		return
	}
	seen := make(map[*client]struct{})
	for _, set := range sets {
		for c := range set {
			if _, ok := seen[c]; !ok {
				seen[c] = struct{}{}
				fn(c)
			}
		}
	}
}

// drop closes a connection that cannot keep up.
func (h *Hub) drop(c *client) {
	if h.remove(c) {
		h.dropped.Add(1)
		h.log.Warn("realtime client dropped: send queue full", "user_id", c.user.ID, "remote_addr", c.remote)
	}
	c.close(websocket.ClosePolicyViolation, "send queue full")
}

// add registers c and starts its pumps; it reports false when the hub
// is not running. Starting them under h.mu orders every pumps.Add before
// the Wait of Run's shutdown.
func (h *Hub) add(c *client) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.running {
		return false
	}
	h.pumps.Go(c.writePump)
	h.pumps.Go(c.readPump)
	h.clients[c] = struct{}{}
	addTo(h.byUser, c.user.ID, c)
	if c.user.Extension != "" {
		addTo(h.byExt, c.user.Extension, c)
	}
	if c.supervisor {
		h.supervisors[c] = struct{}{}
	}
	h.accepted.Add(1)
	return true
}

// remove unregisters c and reports whether it was registered.
func (h *Hub) remove(c *client) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; !ok {
		return false
	}
	delete(h.clients, c)
	removeFrom(h.byUser, c.user.ID, c)
	removeFrom(h.byExt, c.user.Extension, c)
	delete(h.supervisors, c)
	return true
}

func addTo[K comparable](m map[K]map[*client]struct{}, k K, c *client) {
	set := m[k]
	if set == nil {
		set = make(map[*client]struct{})
		m[k] = set
	}
	set[c] = struct{}{}
}

func removeFrom[K comparable](m map[K]map[*client]struct{}, k K, c *client) {
	if set := m[k]; set != nil {
		delete(set, c)
		if len(set) == 0 {
			delete(m, k)
		}
	}
}
