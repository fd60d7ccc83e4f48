package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

// FanoutConfig configures Fanout.
type FanoutConfig struct {
	Clients      int            // websocket clients on the receiving node; default 10000
	Updates      int            // dashboard updates to time; default 10
	PayloadBytes int            // size of one dashboard.snapshot payload; default 2048
	Dialers      int            // concurrent dials; default 128
	Redis        *redis.Options // as in LatencyConfig; nil is one node on a memory bus
}

// FanoutResult is what N connections cost a node and how long one
// dashboard update takes to reach all of them.
type FanoutResult struct {
	Clients   int
	FileLimit uint64
	Connect   time.Duration // to open every connection (dial, upgrade, hello)
	// Per connection, after a GC, server and idle raw clients together:
	// the client side is a socket and a 512-byte reader.
	HeapPerConn       float64 // live heap bytes
	StackPerConn      float64 // goroutine stack bytes
	GoroutinesPerConn float64
	Updates           []time.Duration // publish to the last client having read it, per update
	P50, Max          time.Duration
}

// String formats the result.
func (r *FanoutResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fanout: %d clients (file limit %d), connected in %v\n", r.Clients, r.FileLimit, r.Connect.Round(time.Millisecond))
	fmt.Fprintf(&b, "  memory per connection: heap %.1f KiB + stacks %.1f KiB = %.1f KiB, %.2f goroutines\n",
		r.HeapPerConn/1024, r.StackPerConn/1024, (r.HeapPerConn+r.StackPerConn)/1024, r.GoroutinesPerConn)
	fmt.Fprintf(&b, "  one dashboard update to all %d clients: p50 %v  max %v over %d updates",
		r.Clients, r.P50.Round(time.Microsecond), r.Max.Round(time.Microsecond), len(r.Updates))
	return b.String()
}

// Fanout connects cfg.Clients websocket clients to one node, measures
// the memory they add, then times dashboard updates sent to everyone.
// It raises the open-file limit as far as it may; both ends of every
// connection live in this process, so it needs two descriptors per
// client.
func Fanout(ctx context.Context, cfg FanoutConfig) (*FanoutResult, error) {
	cfg.defaults()
	limit, err := RaiseFileLimit(uint64(2*cfg.Clients + 256))
	if err != nil || limit < uint64(2*cfg.Clients+64) {
		return nil, fmt.Errorf("open-file limit %d is too low for %d clients (needs %d): %v",
			limit, cfg.Clients, 2*cfg.Clients+64, err)
	}
	nodes, err := startNodes(ctx, cfg.Redis)
	if err != nil {
		return nil, err
	}
	defer closeAll(nodes)
	pub, recv := nodes[0], nodes[len(nodes)-1]

	before := memNow()
	start := time.Now()
	clients, err := connect(ctx, recv.addr, cfg.Clients, cfg.Dialers)
	defer func() {
		for _, c := range clients {
			c.close()
		}
	}()
	if err != nil {
		return nil, err
	}
	for recv.hub.Stats().Clients < cfg.Clients {
		time.Sleep(time.Millisecond)
	}
	r := &FanoutResult{Clients: cfg.Clients, FileLimit: limit, Connect: time.Since(start)}
	after := memNow()
	n := float64(cfg.Clients)
	r.HeapPerConn = float64(after.heap-before.heap) / n
	r.StackPerConn = float64(after.stack-before.stack) / n
	r.GoroutinesPerConn = float64(after.goroutines-before.goroutines) / n

	r.Updates, err = timeUpdates(ctx, pub, clients, cfg)
	if err != nil {
		return nil, err
	}
	s := summarize(append([]time.Duration(nil), r.Updates...))
	r.P50, r.Max = s.P50, s.Max
	return r, nil
}

func (c *FanoutConfig) defaults() {
	if c.Clients <= 0 {
		c.Clients = 10000
	}
	if c.Updates <= 0 {
		c.Updates = 10
	}
	if c.PayloadBytes <= 0 {
		c.PayloadBytes = 2048
	}
	if c.Dialers <= 0 {
		c.Dialers = 128
	}
}

type mem struct{ heap, stack, goroutines int64 }

func memNow() mem {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return mem{heap: int64(ms.HeapAlloc), stack: int64(ms.StackInuse), goroutines: int64(runtime.NumGoroutine())}
}

// connect opens n raw clients with a few dialers in parallel.
func connect(ctx context.Context, addr string, n, dialers int) ([]*rawClient, error) {
	clients := make([]*rawClient, n)
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for range dialers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				c, err := dialRaw(addr, 1000+i)
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("client %d: %w", i, err) })
					return
				}
				clients[i] = c
			}
		})
	}
	wg.Wait()
	out := clients[:0]
	for _, c := range clients {
		if c != nil {
			out = append(out, c)
		}
	}
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return out, firstErr
}

// timeUpdates starts a reader per client and times each update from
// Publish until the last client has read it.
func timeUpdates(ctx context.Context, pub *node, clients []*rawClient, cfg FanoutConfig) ([]time.Duration, error) {
	got := make([]atomic.Int64, cfg.Updates)
	all := make([]chan struct{}, cfg.Updates)
	for i := range all {
		all[i] = make(chan struct{})
	}
	failed := make(chan error, 1)
	for _, c := range clients {
		go func() {
			var buf []byte
			for k := 0; k < cfg.Updates; {
				data, err := c.next(buf)
				if err != nil {
					select {
					case failed <- err:
					default:
					}
					return
				}
				buf = data
				seq, ok := snapshotSeq(data)
				if !ok || seq >= cfg.Updates {
					continue
				}
				k = seq + 1
				if got[seq].Add(1) == int64(len(clients)) {
					close(all[seq])
				}
			}
		}()
	}
	pad := strings.Repeat("x", cfg.PayloadBytes)
	ds := make([]time.Duration, 0, cfg.Updates)
	for k := range cfg.Updates {
		e, err := seqEvent(crm.EventDashboardSnapshot, k, pad, nil, true)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		if err := pub.bus.Publish(ctx, e); err != nil {
			return nil, err
		}
		select {
		case <-all[k]:
			ds = append(ds, time.Since(start))
		case err := <-failed:
			return nil, fmt.Errorf("update %d: a client failed: %w", k, err)
		case <-time.After(time.Minute):
			return nil, fmt.Errorf("update %d reached %d of %d clients in a minute", k, got[k].Load(), len(clients))
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		time.Sleep(20 * time.Millisecond) // let the readers settle between updates
	}
	return ds, nil
}

// snapshotSeq finds the seq of a dashboard.snapshot message without a
// JSON decoder, so the clients' parsing does not dominate the timing.
// The hub writes the envelope's fields in a fixed order.
func snapshotSeq(data []byte) (int, bool) {
	if !bytes.HasPrefix(data, []byte(`{"type":"`+crm.EventDashboardSnapshot+`"`)) {
		return 0, false
	}
	i := bytes.Index(data, []byte(`"payload":{"seq":`))
	if i < 0 {
		return 0, false
	}
	seq := 0
	for _, c := range data[i+len(`"payload":{"seq":`):] {
		if c < '0' || c > '9' {
			return seq, true
		}
		seq = seq*10 + int(c-'0')
	}
	return 0, false
}
