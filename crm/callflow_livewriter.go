package crm

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"time"
)

// liveWriter applies a CallFlow's writes to its LiveCallStore on a
// goroutine of its own, in the order they were queued, so the PBX's event
// loop never waits for the database: a queue ringing ten agents costs the
// loop ten hand-overs, not ten upserts.
//
// The store is a cache of the calls in progress, read by page reloads,
// so only the latest state of each call matters. While a call's op waits,
// a newer put replaces it in place and an end replaces a put; a replace
// (after a resync) supersedes every waiting op and carries the snapshot
// taken when it was queued. What is queued is therefore at most one op
// per call plus one replace, and ops of different calls, and a replace
// and the ops after it, are applied in queue order.
//
// A failed write is logged and dropped, never retried: the call's next op
// rewrites its row, and the next resync's replace rewrites the gateway's
// list, so retries would only hold newer writes behind a database that
// is down.
//
// The goroutine runs only while ops are queued: the first op starts it
// and it ends once the queue is empty, so an idle or abandoned CallFlow
// holds none. flush waits for it; drain also bounds it by a deadline.
type liveWriter struct {
	store   LiveCallStore
	log     *slog.Logger
	timeout time.Duration // per write

	mu      sync.Mutex
	queue   []*liveOp
	pending map[liveKey]*liveOp // each call's queued put or end
	running bool
	// done is closed when the current (or last) run of the goroutine
	// ends; nil before the first op.
	done chan struct{}
	// cancel ends the current run's context: drain calls it when its
	// deadline passes, and the run then drops what is left.
	cancel context.CancelFunc
}

// liveKey names a call as the store keys it.
type liveKey struct{ gateway, uniqueID string }

type liveOpKind int

const (
	livePut liveOpKind = iota
	liveEnd
	liveReplace
)

// liveOp is one queued write: a call's state (put), its end, or the
// gateway's calls in progress (replace).
type liveOp struct {
	kind    liveOpKind
	key     liveKey    // put and end; replace: the gateway only
	call    LiveCall   // put
	replace []LiveCall // replace
}

func newLiveWriter(store LiveCallStore, log *slog.Logger, timeout time.Duration) *liveWriter {
	return &liveWriter{store: store, log: log, timeout: timeout, pending: make(map[liveKey]*liveOp)}
}

// put queues a call's state. The call's slices are copied: the writer
// reads them on its own goroutine while the caller keeps the update. The
// caller match is shared: the flow never changes a match once made.
func (w *liveWriter) put(ctx context.Context, c LiveCall) {
	c.Extensions = slices.Clone(c.Extensions)
	c.Call.Agents = slices.Clone(c.Call.Agents)
	w.enqueue(ctx, &liveOp{kind: livePut, key: liveKey{c.Call.Gateway, c.Call.SourceUniqueID}, call: c})
}

// end queues a call's end.
func (w *liveWriter) end(ctx context.Context, gateway, uniqueID string) {
	w.enqueue(ctx, &liveOp{kind: liveEnd, key: liveKey{gateway, uniqueID}})
}

// replaceAll queues a gateway's calls in progress; calls must not be
// changed afterwards.
func (w *liveWriter) replaceAll(ctx context.Context, gateway string, calls []LiveCall) {
	w.enqueue(ctx, &liveOp{kind: liveReplace, key: liveKey{gateway: gateway}, replace: calls})
}

func (w *liveWriter) enqueue(ctx context.Context, op *liveOp) {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch {
	case op.kind == liveReplace:
		clear(w.pending)
		clear(w.queue)
		w.queue = append(w.queue[:0], op)
	case w.pending[op.key] != nil:
		// The newer op takes the waiting one's place, except after an
		// end: the store keeps an ended call ended and would ignore a
		// later put anyway.
		if p := w.pending[op.key]; p.kind != liveEnd {
			*p = *op
		}
		return
	default:
		w.pending[op.key] = op
		w.queue = append(w.queue, op)
	}
	if !w.running {
		w.start(ctx)
	}
}

// start runs the goroutine until the queue is empty; w.mu is held. Its
// context keeps ctx's values but not its cancellation: at shutdown the
// event loop's context is cancelled before drain applies what is left.
func (w *liveWriter) start(ctx context.Context) {
	rctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	w.running, w.done, w.cancel = true, done, cancel
	go func() {
		defer close(done)
		defer cancel()
		for op := w.next(rctx); op != nil; op = w.next(rctx) {
			w.apply(rctx, op)
		}
	}()
}

// next takes the oldest queued op, or ends the run with nil when the
// queue is empty or ctx was cancelled (a drain past its deadline), in
// which case what is left is logged and dropped.
func (w *liveWriter) next(ctx context.Context) *liveOp {
	w.mu.Lock()
	defer w.mu.Unlock()
	if ctx.Err() != nil && len(w.queue) > 0 {
		w.log.Warn("live calls not written: out of time", "ops", len(w.queue))
		clear(w.pending)
		clear(w.queue)
		w.queue = w.queue[:0]
	}
	if len(w.queue) == 0 {
		w.running = false
		return nil
	}
	op := w.queue[0]
	w.queue[0] = nil
	w.queue = w.queue[1:]
	if op.kind != liveReplace {
		// From here a newer op of the call is queued anew, after this one.
		delete(w.pending, op.key)
	}
	return op
}

// apply writes one op; a failure is logged, never returned or retried.
func (w *liveWriter) apply(ctx context.Context, op *liveOp) {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	switch op.kind {
	case livePut:
		if err := w.store.PutLiveCall(ctx, op.call); err != nil {
			w.log.Warn("live call not recorded", "uniqueid", op.key.uniqueID, "err", err)
		}
	case liveEnd:
		if err := w.store.EndLiveCall(ctx, op.key.gateway, op.key.uniqueID); err != nil {
			w.log.Warn("live call not ended", "uniqueid", op.key.uniqueID, "err", err)
		}
	case liveReplace:
		if err := w.store.ReplaceLiveCalls(ctx, op.key.gateway, op.replace); err != nil {
			w.log.Warn("live calls not resynced", "err", err)
		}
	}
}

// flush waits until every op queued so far is applied (or dropped as
// failed), or ctx ends.
func (w *liveWriter) flush(ctx context.Context) error {
	w.mu.Lock()
	done := w.done
	w.mu.Unlock()
	if done == nil {
		return nil
	}
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// drain applies what is queued and returns once the goroutine has ended.
// When ctx ends first, the write in progress is cancelled and the rest
// dropped (logged); the next resync's replace mends the rows.
func (w *liveWriter) drain(ctx context.Context) {
	w.mu.Lock()
	done, cancel := w.done, w.cancel
	w.mu.Unlock()
	if done == nil {
		return
	}
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	<-done
}
