package loadtest

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"runtime"
	"strconv"
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
	// ClientCommand, when set, runs the clients in a second process: it
	// returns the command that runs ClientMain with the EnvClient*
	// settings for addr. nil keeps the clients in this process, which
	// then needs two open files per client.
	ClientCommand func(addr string, clients, updates, dialers int) *exec.Cmd
}

// FanoutResult is what N connections cost a node and how long one
// dashboard update takes to reach all of them.
type FanoutResult struct {
	Clients   int
	FileLimit uint64
	Connect   time.Duration // to open every connection (dial, upgrade, hello)
	// Per connection, after a GC, in this process: the node alone when
	// the clients run in a child process (ClientCommand), else the node
	// and the raw clients, each a socket and a 4 KiB reader (one read
	// takes a whole dashboard update, as a browser's would).
	HeapPerConn       float64 // live heap bytes
	StackPerConn      float64 // goroutine stack bytes
	GoroutinesPerConn float64
	Updates           []time.Duration // publish to the last client having read it, per update
	P50, P90, Max     time.Duration
	// Written is, per update, publish to the node having written the
	// last frame to its socket: the node's share of Updates, without the
	// clients' reading (which runs on the same cores here).
	Written                []time.Duration
	WrittenP50, WrittenMax time.Duration
}

// String formats the result.
func (r *FanoutResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "fanout: %d clients (file limit %d), connected in %v\n", r.Clients, r.FileLimit, r.Connect.Round(time.Millisecond))
	fmt.Fprintf(&b, "  memory per connection: heap %.1f KiB + stacks %.1f KiB = %.1f KiB, %.2f goroutines\n",
		r.HeapPerConn/1024, r.StackPerConn/1024, (r.HeapPerConn+r.StackPerConn)/1024, r.GoroutinesPerConn)
	fmt.Fprintf(&b, "  one dashboard update written to all %d sockets by the node: p50 %v  max %v\n",
		r.Clients, r.WrittenP50.Round(time.Microsecond), r.WrittenMax.Round(time.Microsecond))
	fmt.Fprintf(&b, "  one dashboard update read by all %d clients: p50 %v  p90 %v  max %v over %d updates",
		r.Clients, r.P50.Round(time.Microsecond), r.P90.Round(time.Microsecond), r.Max.Round(time.Microsecond), len(r.Updates))
	return b.String()
}

// Fanout connects cfg.Clients websocket clients to one node, measures
// the memory they add, then times dashboard updates sent to everyone.
// It raises the open-file limit as far as it may; both ends of every
// connection live in this process, so it needs two descriptors per
// client.
func Fanout(ctx context.Context, cfg FanoutConfig) (*FanoutResult, error) {
	cfg.defaults()
	need := uint64(2*cfg.Clients + 64) // both ends of each connection
	if cfg.ClientCommand != nil {
		need = uint64(cfg.Clients + 64)
	}
	limit, err := RaiseFileLimit(need + 192)
	if err != nil || limit < need {
		return nil, fmt.Errorf("open-file limit %d is too low for %d clients (needs %d): %v", limit, cfg.Clients, need, err)
	}
	nodes, err := startNodes(ctx, cfg.Redis)
	if err != nil {
		return nil, err
	}
	defer closeAll(nodes)
	pub, recv := nodes[0], nodes[len(nodes)-1]

	before := memNow()
	start := time.Now()
	var waitRead func(k int) error
	if cfg.ClientCommand != nil {
		child, _, err := startChild(cfg.ClientCommand(recv.addr, cfg.Clients, cfg.Updates, cfg.Dialers))
		if err != nil {
			return nil, err
		}
		defer child.stop()
		waitRead = child.waitRead
	} else {
		clients, err := connect(ctx, recv.addr, cfg.Clients, cfg.Dialers)
		defer func() {
			for _, c := range clients {
				c.close()
			}
		}()
		if err != nil {
			return nil, err
		}
		waitRead = readAll(ctx, clients, cfg.Updates)
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

	r.Updates, r.Written, err = timeUpdates(ctx, pub, recv, cfg, waitRead)
	if err != nil {
		return nil, err
	}
	s := summarize(append([]time.Duration(nil), r.Updates...))
	r.P50, r.P90, r.Max = s.P50, s.P90, s.Max
	w := summarize(append([]time.Duration(nil), r.Written...))
	r.WrittenP50, r.WrittenMax = w.P50, w.Max
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

// readAll starts a reader per in-process client and returns a wait for
// update k to have reached every client.
func readAll(ctx context.Context, clients []*rawClient, updates int) func(k int) error {
	got := make([]atomic.Int64, updates)
	all := make([]chan struct{}, updates)
	for i := range all {
		all[i] = make(chan struct{})
	}
	failed := make(chan error, 1)
	for _, c := range clients {
		go func() {
			var buf []byte
			for k := 0; k < updates; {
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
				if !ok || seq >= updates {
					continue
				}
				k = seq + 1
				if got[seq].Add(1) == int64(len(clients)) {
					close(all[seq])
				}
			}
		}()
	}
	return func(k int) error {
		select {
		case <-all[k]:
			return nil
		case err := <-failed:
			return fmt.Errorf("update %d: a client failed: %w", k, err)
		case <-time.After(time.Minute):
			return fmt.Errorf("update %d reached %d of %d clients in a minute", k, got[k].Load(), len(clients))
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// waitRead waits for the client process to report update k read by all.
func (c *childClients) waitRead(k int) error {
	line, err := c.next()
	if err != nil {
		return err
	}
	if line != "read "+strconv.Itoa(k) {
		return fmt.Errorf("client process: got %q, want read %d", line, k)
	}
	return nil
}

// timeUpdates times each update from Publish until recv has written it
// to every socket, and until waitRead says every client has read it.
func timeUpdates(ctx context.Context, pub, recv *node, cfg FanoutConfig, waitRead func(k int) error) (read, written []time.Duration, err error) {
	pad := strings.Repeat("x", cfg.PayloadBytes)
	read = make([]time.Duration, 0, cfg.Updates)
	written = make([]time.Duration, 0, cfg.Updates)
	for k := range cfg.Updates {
		e, err := seqEvent(crm.EventDashboardSnapshot, k, pad, nil, true)
		if err != nil {
			return nil, nil, err
		}
		wrote := make(chan time.Duration, 1)
		want := recv.hub.Stats().Written + int64(cfg.Clients)
		start := time.Now()
		if err := pub.bus.Publish(ctx, e); err != nil {
			return nil, nil, err
		}
		go func() {
			for recv.hub.Stats().Written < want && time.Since(start) < time.Minute {
				time.Sleep(100 * time.Microsecond)
			}
			wrote <- time.Since(start)
		}()
		if err := waitRead(k); err != nil {
			return nil, nil, err
		}
		read = append(read, time.Since(start))
		written = append(written, <-wrote)
		time.Sleep(20 * time.Millisecond) // let the readers settle between updates
	}
	return read, written, nil
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
