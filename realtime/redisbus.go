package realtime

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

// envelope is an event as it crosses Redis. Node names the publisher, so
// a node skips its own echo: it delivered the event locally already.
type envelope struct {
	Type     string          `json:"type"`
	V        int             `json:"v"`
	Time     time.Time       `json:"time"`
	Node     string          `json:"node"`
	Payload  json.RawMessage `json:"payload,omitempty"`
	Audience crm.Audience    `json:"audience"`
}

// BusStats counts what a bus did since it started, for metrics and tests.
type BusStats struct {
	Published     int64 // events handed to Redis
	PublishFailed int64 // events other nodes never got: Redis failed or was down
	Received      int64 // events received from other nodes
	Dropped       int64 // deliveries refused by a full subscriber queue
	Reconnects    int64 // subscriptions restored after a loss
	Subscribed    bool  // a Redis subscription is up now
}

// RedisBus is the Bus of a cluster: one Redis pub/sub channel, prefix +
// "events", that every node publishes to and subscribes to.
//
// Publish delivers to this node's subscribers directly, then queues the
// event for Redis; a node ignores its own echo by node id. So a node's
// browsers get its events even while Redis is down, and call records
// never depend on Redis. Events published while Redis is down, or while
// a subscription reconnects, are lost to the other nodes: each node
// resubscribes with backoff and then tells its browsers sync.required,
// and a publisher that recovers sends sync.required to every other node.
type RedisBus struct {
	client  *redis.Client
	channel string
	node    string
	log     *slog.Logger

	local   fanout
	out     chan []byte // envelopes waiting for PUBLISH
	pubLost atomic.Bool // envelopes were lost; other nodes are owed a sync

	ctx    context.Context // ends at Close
	cancel context.CancelFunc
	closed chan struct{}
	once   sync.Once
	mu     sync.Mutex // orders Subscribe's wg.Add before Close's wg.Wait
	wg     sync.WaitGroup

	minBackoff, maxBackoff time.Duration
	health                 time.Duration // ping an idle subscription this often
	readyWait              time.Duration // a Subscribe is ready without Redis after this

	published, pubFailed, received, dropped, reconnects atomic.Int64
	subscribed                                          atomic.Int32
}

// publishTimeout bounds one PUBLISH; Publish itself never waits for it.
const publishTimeout = 2 * time.Second

// NewRedisBus returns a bus on the Redis server of opts. It does not
// connect yet: Redis may come up later. log may be nil.
func NewRedisBus(opts *redis.Options, channelPrefix string, log *slog.Logger) *RedisBus {
	o := *opts
	node := newNodeID()
	if o.ClientName == "" {
		o.ClientName = "tigerline-" + node
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b := &RedisBus{
		client:     redis.NewClient(&o),
		channel:    channelPrefix + "events",
		node:       node,
		log:        log.With("component", "realtime_bus", "node", node),
		out:        make(chan []byte, defaultQueue),
		ctx:        ctx,
		cancel:     cancel,
		closed:     make(chan struct{}),
		minBackoff: 100 * time.Millisecond,
		maxBackoff: 5 * time.Second,
		health:     15 * time.Second,
		readyWait:  2 * time.Second,
	}
	b.wg.Add(1)
	go b.publishLoop()
	return b
}

func newNodeID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Node is this bus's node id, as carried in every envelope it publishes.
func (b *RedisBus) Node() string { return b.node }

// Channel is the Redis channel the bus uses.
func (b *RedisBus) Channel() string { return b.channel }

// Publish delivers e to this node's subscribers and queues it for the
// other nodes. It never waits for Redis: when Redis is down or the queue
// is full the event stays on this node, and the failure is logged and
// counted. Errors: invalid (no type, or a payload that is not JSON).
func (b *RedisBus) Publish(_ context.Context, e crm.Event) error {
	if err := checkEvent(e); err != nil {
		return err
	}
	data, err := json.Marshal(envelope{Type: e.Type, V: e.Version, Time: e.Time, Node: b.node,
		Payload: e.Payload, Audience: e.Audience})
	if err != nil {
		return crm.Errorf(crm.EInvalid, "event %s: %v", e.Type, err)
	}
	select {
	case <-b.closed:
		return ErrClosed
	default:
	}
	b.dropped.Add(int64(b.local.deliver(e)))
	select {
	case b.out <- data:
	default:
		b.pubFailed.Add(1)
		b.pubLost.Store(true)
	}
	return nil
}

// Subscribe implements Bus: it delivers this node's own events and, from
// its own Redis subscription, the other nodes'. It is ready once Redis
// confirms the subscription, or after readyWait without Redis: the node
// then serves its own events, and when the subscription comes up fn
// receives sync.required, as other nodes' events were missed meanwhile.
func (b *RedisBus) Subscribe(ctx context.Context, fn func(crm.Event), ready func()) error {
	s := b.local.add()
	defer b.local.remove(s)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(b.ctx, cancel)
	defer stop()
	b.mu.Lock()
	if b.ctx.Err() != nil {
		b.mu.Unlock()
		return ErrClosed
	}
	b.wg.Add(1)
	b.mu.Unlock()
	r := newReadiness(ready)
	late := time.AfterFunc(b.readyWait, func() { r.mark(false) })
	defer late.Stop()
	go func() {
		defer b.wg.Done()
		b.receive(ctx, s, r)
	}()
	err := s.run(ctx, b.closed, fn)
	if b.ctx.Err() != nil {
		return ErrClosed
	}
	return err
}

// Close stops the bus's subscriptions and goroutines and closes its
// Redis connections.
func (b *RedisBus) Close() error {
	var err error
	b.once.Do(func() {
		b.mu.Lock()
		b.cancel()
		b.mu.Unlock()
		close(b.closed)
		b.wg.Wait()
		err = b.client.Close()
	})
	return err
}

// Stats returns the bus's counters.
func (b *RedisBus) Stats() BusStats {
	return BusStats{
		Published: b.published.Load(), PublishFailed: b.pubFailed.Load(),
		Received: b.received.Load(), Dropped: b.dropped.Load(),
		Reconnects: b.reconnects.Load(), Subscribed: b.subscribed.Load() > 0,
	}
}

// Stats returns the bus's counters; a memory bus only drops.
func (b *MemoryBus) Stats() BusStats {
	return BusStats{Dropped: b.dropped.Load(), Subscribed: true}
}
