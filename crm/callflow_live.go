package crm

import "context"

// putLive records a call in progress for every node's pops and
// dashboards, after its event went out: the pop never waits for it. A
// failure is logged, never returned; the call record does not depend on
// it.
func (f *CallFlow) putLive(ctx context.Context, u CallUpdate) {
	if f.cfg.Live == nil {
		return
	}
	c := LiveCall{Call: u.Call, Extensions: u.Extensions}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	defer cancel()
	if err := f.cfg.Live.PutLiveCall(sctx, c); err != nil {
		f.log.Warn("live call not recorded", "uniqueid", u.Call.SourceUniqueID, "err", err)
	}
}

// endLive takes an ended call off the live list, after its final save
// was tried (so a reload in between still finds it live or stored).
func (f *CallFlow) endLive(ctx context.Context, rec CallRecord) {
	if f.cfg.Live == nil {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	defer cancel()
	if err := f.cfg.Live.EndLiveCall(sctx, rec.Gateway, rec.SourceUniqueID); err != nil {
		f.log.Warn("live call not ended", "uniqueid", rec.SourceUniqueID, "err", err)
	}
}

// replaceLive sets the PBX's live calls to the tracker's after a resync:
// calls that ended while the connection was down, or while this node was
// not running, leave the list.
func (f *CallFlow) replaceLive(ctx context.Context) {
	if f.cfg.Live == nil {
		return
	}
	snap := f.tracker.Snapshot()
	calls := make([]LiveCall, len(snap))
	for i, rec := range snap {
		calls[i] = LiveCall{Call: rec}
	}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	defer cancel()
	if err := f.cfg.Live.ReplaceLiveCalls(sctx, f.cfg.Tracker.Gateway, calls); err != nil {
		f.log.Warn("live calls not resynced", "err", err)
	}
}
