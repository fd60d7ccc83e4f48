package realtime

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

func TestRedisBusCrossesNodes(t *testing.T) {
	opts := redisOptions(t)
	pfx := prefix(t)
	a, busA := redisNode(t, opts, pfx)
	b, busB := redisNode(t, opts, pfx)
	onA := a.dial(t, "agent101", false)
	onB := b.dial(t, "agent101", false)
	supB := b.dial(t, "supervisor", false)

	pop := event(t, crm.EventCallRinging, map[string]string{"uniqueid": "1.1"},
		crm.Audience{Extensions: []string{"101"}})
	publish(t, busA, pop)
	for _, c := range []*wsClient{onA, onB} {
		m := c.expect(crm.EventCallRinging)
		if string(m.Payload) != `{"uniqueid":"1.1"}` || !m.Time.Equal(pop.Time) {
			t.Fatalf("pop across nodes: got %s at %v, want %s at %v", m.Payload, m.Time, pop.Payload, pop.Time)
		}
	}
	// A node delivers its own events once: locally, not again from Redis.
	publish(t, busB, event(t, crm.EventQueueUpdated, nil, crm.Audience{Supervisors: true}))
	publish(t, busA, marker(t))
	supB.expect(crm.EventQueueUpdated)
	supB.expect("test.marker")
	onB.expect("test.marker")
	onA.expect("test.marker")
	waitFor(t, "counters", func() bool {
		return busA.Stats().Published == 2 && busB.Stats().Published == 1 && busB.Stats().Received == 2
	})
	if got := busB.Stats(); got.Published != 1 || got.Received != 2 || got.PublishFailed != 0 {
		t.Fatalf("node B stats: got %+v, want 1 published, 2 received, 0 failed", got)
	}
}

func TestRedisBusResubscribesAfterKill(t *testing.T) {
	opts := redisOptions(t)
	pfx := prefix(t)
	_, busA := redisNode(t, opts, pfx)
	b, busB := redisNode(t, opts, pfx)
	onB := b.dial(t, "agent102", false)

	publish(t, busA, marker(t))
	onB.expect("test.marker")

	killSubscription(t, opts, busB) // what a Redis restart does to node B
	m := onB.expect(TypeSyncRequired)
	var p SyncPayload
	if err := json.Unmarshal(m.Payload, &p); err != nil || p.Reason != SyncReconnected {
		t.Fatalf("sync.required payload: got %s, want reason %q", m.Payload, SyncReconnected)
	}
	if got := busB.Stats().Reconnects; got != 1 {
		t.Fatalf("reconnects: got %d, want 1", got)
	}
	publish(t, busA, event(t, crm.EventCallRinging, nil, crm.Audience{Extensions: []string{"102"}}))
	onB.expect(crm.EventCallRinging)
}

func TestRedisBusDownStaysLocal(t *testing.T) {
	// Nothing listens on port 1: Redis is down for this node.
	bus := NewRedisBus(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1}, prefix(t), nil)
	bus.readyWait = 50 * time.Millisecond // the hub then runs without Redis
	n := newNode(t, bus, nil)
	c := n.dial(t, "agent101", false)
	for range 3 {
		publish(t, bus, event(t, crm.EventCallRinging, nil, crm.Audience{Extensions: []string{"101"}}))
		c.expect(crm.EventCallRinging)
	}
	waitFor(t, "publish failure counted", func() bool { return bus.Stats().PublishFailed > 0 })
	if got := bus.Stats(); got.Subscribed || got.Published != 0 {
		t.Fatalf("stats without redis: got %+v, want not subscribed, 0 published", got)
	}
	if err := bus.Publish(context.Background(), crm.Event{Type: "x", Payload: json.RawMessage("{bad")}); crm.ErrorCode(err) != crm.EInvalid {
		t.Fatalf("publish with a bad payload: got %v, want invalid", err)
	}
}

func TestRedisPublisherRecoveryTellsOtherNodes(t *testing.T) {
	opts := redisOptions(t)
	pfx := prefix(t)
	b, _ := redisNode(t, opts, pfx)
	onB := b.dial(t, "agent101", false)

	// Node A's publisher loses events, then Redis answers again.
	busA := NewRedisBus(opts, pfx, nil)
	defer busA.Close()
	busA.pubLost.Store(true)
	publish(t, busA, marker(t))
	onB.expect("test.marker")
	m := onB.expect(TypeSyncRequired)
	var p SyncPayload
	if err := json.Unmarshal(m.Payload, &p); err != nil || p.Reason != SyncPublisher {
		t.Fatalf("sync.required payload: got %s, want reason %q", m.Payload, SyncPublisher)
	}
}
