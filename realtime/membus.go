package realtime

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/tigerline/tigerline/crm"
)

// MemoryBus is the in-process Bus of a single node: what one node
// publishes reaches its own subscribers only.
type MemoryBus struct {
	subs      fanout
	closed    chan struct{}
	closeOnce sync.Once
	dropped   atomic.Int64
}

// NewMemoryBus returns an in-process bus.
func NewMemoryBus() *MemoryBus {
	return &MemoryBus{closed: make(chan struct{})}
}

// Publish queues e for every subscriber without waiting. A subscriber
// whose queue is full misses e and receives sync.required instead.
func (b *MemoryBus) Publish(_ context.Context, e crm.Event) error {
	if err := checkEvent(e); err != nil {
		return err
	}
	select {
	case <-b.closed:
		return ErrClosed
	default:
	}
	b.dropped.Add(int64(b.subs.deliver(e)))
	return nil
}

// Subscribe implements Bus.
func (b *MemoryBus) Subscribe(ctx context.Context, fn func(crm.Event), ready func()) error {
	s := b.subs.add()
	defer b.subs.remove(s)
	if ready != nil {
		ready()
	}
	return s.run(ctx, b.closed, fn)
}

// Close implements Bus.
func (b *MemoryBus) Close() error {
	b.closeOnce.Do(func() { close(b.closed) })
	return nil
}

// Dropped is how many deliveries a full subscriber queue refused.
func (b *MemoryBus) Dropped() int64 { return b.dropped.Load() }
