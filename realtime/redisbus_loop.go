package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

// publishLoop hands queued envelopes to Redis, one at a time so each
// node's events keep their order. While Redis fails it drops envelopes
// without trying until the backoff expires, so a queue of events never
// waits on dial timeouts; once Redis is back it tells the other nodes
// sync.required for what they missed.
func (b *RedisBus) publishLoop() {
	defer b.wg.Done()
	var (
		failing bool
		delay   = b.minBackoff
		retry   = time.NewTimer(time.Hour)
		nextTry time.Time
	)
	retry.Stop()
	attempt := func(data []byte, isSync bool) {
		ctx, cancel := context.WithTimeout(b.ctx, publishTimeout)
		err := b.client.Publish(ctx, b.channel, data).Err()
		cancel()
		if err != nil {
			b.pubFailed.Add(1)
			b.pubLost.Store(true)
			if !failing {
				b.log.Warn("redis publish failing: events stay on this node", "err", err)
			}
			failing, nextTry = true, time.Now().Add(delay)
			retry.Reset(delay)
			delay = min(delay*2, b.maxBackoff)
			return
		}
		b.published.Add(1)
		if failing {
			b.log.Info("redis publish recovered", "failed", b.pubFailed.Load())
		}
		failing, delay = false, b.minBackoff
		if b.pubLost.Swap(false) && !isSync {
			b.publishSync()
		}
	}
	for {
		select {
		case <-b.ctx.Done():
			return
		case data := <-b.out:
			if failing && time.Now().Before(nextTry) {
				b.pubFailed.Add(1)
				continue
			}
			attempt(data, false)
		case <-retry.C:
			if b.pubLost.Load() {
				attempt(b.syncEnvelope(), true)
			}
		}
	}
}

// publishSync tells the other nodes that this node's events were lost.
func (b *RedisBus) publishSync() {
	ctx, cancel := context.WithTimeout(b.ctx, publishTimeout)
	defer cancel()
	if err := b.client.Publish(ctx, b.channel, b.syncEnvelope()).Err(); err != nil {
		b.pubLost.Store(true)
	}
}

func (b *RedisBus) syncEnvelope() []byte {
	e := syncEvent(SyncPublisher)
	data, _ := json.Marshal(envelope{Type: e.Type, V: e.Version, Time: e.Time, Node: b.node,
		Payload: e.Payload, Audience: e.Audience})
	return data
}

// receive keeps one Redis subscription up for s until ctx ends,
// resubscribing with backoff, and marks r when Redis first confirms it.
// After any loss, or a first confirmation that came after r's wait ran
// out, it owes s a sync.required, delivered once the subscription is up.
func (b *RedisBus) receive(ctx context.Context, s *subscription, r *readiness) {
	delay, lost := b.minBackoff, false
	for ctx.Err() == nil {
		err := b.listen(ctx, s, func() {
			b.subscribed.Add(1)
			// Late: Subscribe went ready without Redis, so browsers were
			// told all is well while other nodes' events could not arrive.
			late := !r.mark(true)
			if lost {
				b.reconnects.Add(1)
				b.log.Info("redis subscription restored", "channel", b.channel)
			} else {
				b.log.Info("redis subscribed", "channel", b.channel)
			}
			if lost || late {
				s.offer(syncEvent(SyncReconnected))
			}
			delay = b.minBackoff
		})
		if ctx.Err() != nil {
			return
		}
		if !lost {
			b.log.Warn("redis subscription lost: retrying", "channel", b.channel, "err", err)
		} else {
			b.log.Debug("redis subscribe failed", "err", err, "retry_in", delay)
		}
		lost = true
		jitter := time.Duration(rand.Int64N(int64(delay)/5 + 1))
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay + jitter):
		}
		delay = min(delay*2, b.maxBackoff)
	}
}

// listen runs one subscription until it fails or ctx ends. subscribed
// runs once Redis confirms the subscription.
func (b *RedisBus) listen(ctx context.Context, s *subscription, subscribed func()) error {
	ps := b.client.Subscribe(ctx, b.channel)
	stop := context.AfterFunc(ctx, func() { _ = ps.Close() })
	defer func() {
		stop()
		_ = ps.Close()
	}()
	msg, err := ps.ReceiveTimeout(ctx, 5*time.Second)
	if err != nil {
		return err
	}
	if _, ok := msg.(*redis.Subscription); !ok {
		return fmt.Errorf("subscribe %s: unexpected reply %T", b.channel, msg)
	}
	subscribed()
	defer b.subscribed.Add(-1)
	pinged := false
	for {
		msg, err := ps.ReceiveTimeout(ctx, b.health)
		var ne net.Error
		switch {
		case err != nil && errors.As(err, &ne) && ne.Timeout() && !pinged:
			// Idle: a ping proves the connection is still there.
			if err := ps.Ping(ctx); err != nil {
				return err
			}
			pinged = true
			continue
		case err != nil:
			return err
		}
		pinged = false
		switch m := msg.(type) {
		case *redis.Message:
			b.handle(s, m.Payload)
		case *redis.Subscription:
			// go-redis resubscribed on a new connection by itself:
			// events may have been lost meanwhile.
			b.reconnects.Add(1)
			s.offer(syncEvent(SyncReconnected))
		}
	}
}

// handle delivers one envelope from Redis, unless this node sent it.
func (b *RedisBus) handle(s *subscription, data string) {
	var env envelope
	if err := json.Unmarshal([]byte(data), &env); err != nil || env.Type == "" {
		b.log.Warn("redis event ignored: not an envelope", "err", err, "bytes", len(data))
		return
	}
	if env.Node == b.node {
		return
	}
	b.received.Add(1)
	e := crm.Event{Type: env.Type, Version: env.V, Time: env.Time, Payload: env.Payload, Audience: env.Audience}
	if !s.offer(e) {
		b.dropped.Add(1)
	}
}
