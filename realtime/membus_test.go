package realtime

import (
	"context"
	"errors"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestMemoryBusSingleNode(t *testing.T) {
	bus := NewMemoryBus()
	n := newNode(t, bus, nil)
	c := n.dial(t, "agent101", false)
	for i := range 3 {
		publish(t, bus, event(t, crm.EventTicketCreated, map[string]int{"n": i}, crm.Audience{Users: []int64{11}}))
	}
	for range 3 {
		c.expect(crm.EventTicketCreated)
	}
	if err := bus.Publish(context.Background(), crm.Event{}); crm.ErrorCode(err) != crm.EInvalid {
		t.Fatalf("publish without a type: got %v, want invalid", err)
	}
}

func TestMemoryBusOverflowOwesSync(t *testing.T) {
	bus := NewMemoryBus()
	defer bus.Close()
	release := make(chan struct{})
	got := make(chan crm.Event, 2*defaultQueue)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		first := true
		done <- bus.Subscribe(ctx, func(e crm.Event) {
			if first {
				first = false
				<-release // a stuck subscriber
			}
			got <- e
		}, nil)
	}()
	waitFor(t, "subscribed", func() bool {
		bus.subs.mu.Lock()
		defer bus.subs.mu.Unlock()
		return len(bus.subs.subs) == 1
	})
	publish(t, bus, event(t, "test.first", nil, crm.Audience{All: true}))
	waitFor(t, "first event taken", func() bool { return len(bus.subs.one().queue) == 0 })
	total := defaultQueue + 10
	for range total {
		publish(t, bus, event(t, "test.flood", nil, crm.Audience{All: true}))
	}
	if d := bus.Stats().Dropped; d != 10 {
		t.Fatalf("dropped: got %d, want 10", d)
	}
	close(release)
	<-got // test.first
	for range defaultQueue {
		if e := <-got; e.Type != "test.flood" {
			t.Fatalf("event: got %s, want test.flood", e.Type)
		}
	}
	if e := <-got; e.Type != TypeSyncRequired {
		t.Fatalf("after an overflow: got %s, want %s", e.Type, TypeSyncRequired)
	}
	bus.Close()
	if err := <-done; !errors.Is(err, ErrClosed) {
		t.Fatalf("Subscribe after Close: got %v, want ErrClosed", err)
	}
	if err := bus.Publish(context.Background(), event(t, "test.late", nil, crm.Audience{All: true})); !errors.Is(err, ErrClosed) {
		t.Fatalf("Publish after Close: got %v, want ErrClosed", err)
	}
}
