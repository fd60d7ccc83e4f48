package loadtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/gorilla/websocket"
	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/realtime"
)

// LatencyConfig configures Latency.
type LatencyConfig struct {
	// Redis, when set, runs two nodes on two RedisBus instances: events
	// are published on the first and received on the second. Nil runs
	// one node on a memory bus.
	Redis  *redis.Options
	Events int // events to time, one after another; default 1000
}

// LatencyResult is the time from Publish to the websocket client having
// read the message, over Events events.
type LatencyResult struct {
	Nodes, Events      int
	P50, P90, P99, Max time.Duration
	Mean               time.Duration
	BusName            string
}

// String formats the result on one line.
func (r *LatencyResult) String() string {
	return fmt.Sprintf("latency %s, %d node(s), %d events: p50 %v  p90 %v  p99 %v  max %v  mean %v",
		r.BusName, r.Nodes, r.Events, r.P50, r.P90, r.P99, r.Max, r.Mean)
}

// Latency publishes events one at a time, each after the previous one
// arrived, to one websocket client, and reports the distribution of
// publish-to-receive times.
func Latency(ctx context.Context, cfg LatencyConfig) (*LatencyResult, error) {
	if cfg.Events <= 0 {
		cfg.Events = 1000
	}
	nodes, err := startNodes(ctx, cfg.Redis)
	if err != nil {
		return nil, err
	}
	defer closeAll(nodes)
	pub, recv := nodes[0], nodes[len(nodes)-1]

	conn, _, err := websocket.DefaultDialer.DialContext(ctx, "ws://"+recv.addr+"/ws", http.Header{userHeader: {"101"}})
	if err != nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	defer conn.Close()
	if _, err := readSeq(conn, realtime.TypeHello); err != nil {
		return nil, err
	}
	ds := make([]time.Duration, 0, cfg.Events)
	for i := range cfg.Events {
		e, err := seqEvent(crm.EventCallRinging, i, "", []int64{101}, false)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		if err := pub.bus.Publish(ctx, e); err != nil {
			return nil, err
		}
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		seq, err := readSeq(conn, crm.EventCallRinging)
		if err != nil {
			return nil, fmt.Errorf("event %d: %w", i, err)
		}
		if seq != i {
			return nil, fmt.Errorf("event %d: got seq %d", i, seq)
		}
		ds = append(ds, time.Since(start))
	}
	r := summarize(ds)
	r.Nodes, r.Events = len(nodes), cfg.Events
	r.BusName = "memory bus"
	if cfg.Redis != nil {
		r.BusName = "redis bus"
	}
	return r, nil
}

// readSeq reads messages until one of type typ and returns its seq.
func readSeq(conn *websocket.Conn, typ string) (int, error) {
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			return 0, err
		}
		var m struct {
			Type    string     `json:"type"`
			Payload seqPayload `json:"payload"`
		}
		if err := json.Unmarshal(data, &m); err != nil {
			return 0, fmt.Errorf("bad message %q: %w", data, err)
		}
		if m.Type == typ {
			return m.Payload.Seq, nil
		}
	}
}

func summarize(ds []time.Duration) *LatencyResult {
	slices.Sort(ds)
	q := func(p float64) time.Duration { return ds[min(len(ds)-1, int(p*float64(len(ds))))] }
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return &LatencyResult{P50: q(0.50), P90: q(0.90), P99: q(0.99), Max: ds[len(ds)-1],
		Mean: sum / time.Duration(len(ds))}
}
