package realtime

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Bus carries events between the nodes of a cluster. Publish is a
// crm.Publisher: it delivers to this node's subscribers at once and never
// blocks on, or fails because of, the network.
type Bus interface {
	crm.Publisher
	// Subscribe calls fn with every event published on any node, one at
	// a time from the calling goroutine, until ctx ends or the bus is
	// closed; it returns ctx.Err() or ErrClosed. fn must not block. When
	// events may have been lost (a broker reconnect, a full queue), fn
	// receives a sync.required event addressed to everyone.
	//
	// ready, when not nil, is called once, from any goroutine, when the
	// subscription is in place: every event published afterwards reaches
	// fn (or, if lost, a sync.required does). A hub says hello to browsers
	// only after it, since hello promises that nothing is missed from then.
	Subscribe(ctx context.Context, fn func(crm.Event), ready func()) error
	// Close stops every subscription and the bus's goroutines.
	Close() error
	// Stats returns the bus's counters.
	Stats() BusStats
}

// ErrClosed is returned by a closed bus.
var ErrClosed = errors.New("realtime: bus closed")

// TypeSyncRequired tells browsers that events may have been lost and
// that they must reload what they show.
const TypeSyncRequired = "sync.required"

// Reasons carried in a sync.required payload.
const (
	SyncReconnected = "reconnected" // the node's broker subscription came back
	SyncOverflow    = "overflow"    // a queue overflowed and dropped events
	SyncPublisher   = "publisher"   // a node could not publish for a while
)

// SyncPayload is the payload of sync.required.
type SyncPayload struct {
	Reason string `json:"reason"`
}

// syncEvent builds the sync.required event for reason.
func syncEvent(reason string) crm.Event {
	e, _ := crm.NewEvent(TypeSyncRequired, 1, time.Now(), SyncPayload{Reason: reason}, crm.Audience{All: true})
	return e
}

// defaultQueue is how many events wait for a slow subscriber before the
// bus drops them and owes it a sync.required.
const defaultQueue = 4096

// subscription is one Subscribe call: a bounded queue that publishers
// never wait on.
type subscription struct {
	queue chan crm.Event
	lost  atomic.Bool // events were dropped; a sync.required is owed
}

// offer queues e without waiting and reports whether it fit.
func (s *subscription) offer(e crm.Event) bool {
	select {
	case s.queue <- e:
		return true
	default:
		s.lost.Store(true)
		return false
	}
}

// run feeds queued events to fn until ctx ends or closed is closed.
func (s *subscription) run(ctx context.Context, closed <-chan struct{}, fn func(crm.Event)) error {
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-closed:
			return ErrClosed
		case e := <-s.queue:
			fn(e)
			if len(s.queue) == 0 && s.lost.Swap(false) {
				fn(syncEvent(SyncOverflow))
			}
		}
	}
}

// fanout is the set of a bus's local subscriptions.
type fanout struct {
	mu   sync.Mutex
	subs map[*subscription]struct{}
}

func (f *fanout) add() *subscription {
	s := &subscription{queue: make(chan crm.Event, defaultQueue)}
	f.mu.Lock()
	if f.subs == nil {
		f.subs = make(map[*subscription]struct{})
	}
	f.subs[s] = struct{}{}
	f.mu.Unlock()
	return s
}

func (f *fanout) remove(s *subscription) {
	f.mu.Lock()
	delete(f.subs, s)
	f.mu.Unlock()
}

// deliver offers e to every subscription and returns how many dropped it.
func (f *fanout) deliver(e crm.Event) (dropped int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs {
		if !s.offer(e) {
			dropped++
		}
	}
	return dropped
}

func checkEvent(e crm.Event) error {
	if e.Type == "" {
		return crm.Errorf(crm.EInvalid, "event without a type")
	}
	return nil
}
