package crm

import (
	"context"
	"slices"
)

// putLive queues a call in progress for every node's pops and dashboards,
// after its event went out; the live writer applies it on its own
// goroutine, so neither the pop nor the next event waits for it. The call
// record does not depend on it.
func (f *CallFlow) putLive(ctx context.Context, u CallUpdate, caller *CallerMatch) {
	if f.live == nil {
		return
	}
	f.live.put(ctx, liveCallOf(u, caller))
}

// liveCallOf is the live row of a call update: the record, the agents on
// the phone for it as LiveCall.Extensions lists them, and the caller.
func liveCallOf(u CallUpdate, caller *CallerMatch) LiveCall {
	exts := u.Ringing
	if a := talkingAgent(u.Call); a != "" && !slices.Contains(u.Ringing, a) {
		exts = append([]string{a}, u.Ringing...)
	}
	return LiveCall{Call: u.Call, Extensions: exts, Caller: caller}
}

// endLive queues an ended call's removal from the live list. apply calls
// it once SaveCall returned, and the writer applies ops in queue order, so
// the row goes only after the final save was tried: a reload in between
// still finds the call live or stored.
func (f *CallFlow) endLive(ctx context.Context, rec CallRecord) {
	if f.live == nil {
		return
	}
	f.live.end(ctx, rec.Gateway, rec.SourceUniqueID)
}

// replaceLive queues the tracker's calls as the PBX's live calls after a
// resync: calls that ended while the connection was down, or while this
// node was not running, leave the list. The snapshot is taken now, so the
// ops queued after it still apply on top.
func (f *CallFlow) replaceLive(ctx context.Context) {
	if f.live == nil {
		return
	}
	snap := f.tracker.inProgress()
	calls := make([]LiveCall, len(snap))
	for i, u := range snap {
		var caller *CallerMatch // the lookup cached for the call, if any
		if e := f.callers[u.Call.SourceUniqueID]; e != nil {
			caller = e.match
		}
		calls[i] = liveCallOf(u, caller)
	}
	f.live.replaceAll(ctx, f.cfg.Tracker.Gateway, calls)
}

// FlushLive waits until the live-call writes queued so far are applied
// (failed ones are logged and dropped), or ctx ends: for readers of the
// LiveCallStore right after Handle or Resync, such as tests. With no
// LiveCallStore it returns at once.
func (f *CallFlow) FlushLive(ctx context.Context) error {
	if f.live == nil {
		return nil
	}
	return f.live.flush(ctx)
}
