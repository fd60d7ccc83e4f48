package crm

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"
)

// CallFlowConfig wires one PBX's calls to the CRM.
type CallFlowConfig struct {
	Tracker   TrackerConfig
	Store     CallStore
	Lookup    CallerLookup // nil: no screen-pop lookup, calls are saved unlinked
	Publisher Publisher    // nil: NopPublisher
	Log       *slog.Logger // nil: slog.Default()
	// Support opens and updates support calls' tickets; nil: none.
	Support SupportDesk
	// Live keeps the calls in progress where every node can read them
	// (pops and dashboards after a reload); nil: only this process knows.
	// Its writes are applied on a goroutine of the CallFlow's own, each
	// bounded by SaveTimeout (see FlushLive and Drain).
	Live LiveCallStore

	// LookupTimeout bounds one caller lookup, so a slow database delays a
	// pop by at most this much; default 2s.
	LookupTimeout time.Duration
	// PublishTimeout bounds one Publish call; default 1s. Publishers
	// never wait for the network, so this only guards against a broken one.
	PublishTimeout time.Duration
	// SaveTimeout bounds one SaveCall attempt; default 5s.
	SaveTimeout time.Duration
	// SaveAttempts is how many times an ended call's save is tried before
	// the record is logged as lost; default 8.
	SaveAttempts int
	// RetryDelay is the wait before the first retry of a failed save,
	// doubled per attempt up to a minute; default 500ms.
	RetryDelay time.Duration
}

func (c CallFlowConfig) withDefaults() CallFlowConfig {
	if c.Publisher == nil {
		c.Publisher = NopPublisher{}
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.LookupTimeout <= 0 {
		c.LookupTimeout = 2 * time.Second
	}
	if c.PublishTimeout <= 0 {
		c.PublishTimeout = time.Second
	}
	if c.SaveTimeout <= 0 {
		c.SaveTimeout = 5 * time.Second
	}
	if c.SaveAttempts <= 0 {
		c.SaveAttempts = 8
	}
	if c.RetryDelay <= 0 {
		c.RetryDelay = 500 * time.Millisecond
	}
	return c
}

// CallFlow is the call path of one PBX: it feeds telephony events to the
// PBX's CallTracker and acts on each call-level update. A ringing call is
// looked up once and popped to the rung extensions and the supervisors;
// an answered call is announced; an ended call is saved and announced
// only once the save committed. A failed save is retried with backoff and
// logged with the whole record if it is finally given up, never dropped
// silently; a failing lookup or publisher never stops a call being saved.
//
// The calls in progress go to the LiveCallStore, when there is one, on a
// goroutine that runs only while writes are queued; Drain ends it.
//
// CallFlow is not safe for concurrent use: one goroutine per PBX calls
// Handle, Resync, RetryDue, FlushLive and Drain.
type CallFlow struct {
	cfg     CallFlowConfig
	log     *slog.Logger
	tracker *CallTracker
	callers map[string]*callerEntry // by SourceUniqueID, calls in progress
	// previews are the support previews of calls in progress, by
	// SourceUniqueID; nil for a call on no support line.
	previews map[string]*SupportPreview
	retries  []*pendingSave // failed saves, oldest first
	live     *liveWriter    // nil without cfg.Live
	now      func() time.Time
}

// callerEntry caches a call's lookup: the number looked up and its match.
type callerEntry struct {
	number string
	match  *CallerMatch // nil when the lookup failed
}

// pendingSave is an ended call whose save failed.
type pendingSave struct {
	update   CallUpdate
	caller   *CallerMatch
	attempts int
	next     time.Time
	lastErr  error
}

// NewCallFlow returns the call path of the PBX cfg.Tracker describes.
func NewCallFlow(cfg CallFlowConfig) *CallFlow {
	cfg = cfg.withDefaults()
	f := &CallFlow{
		cfg:      cfg,
		log:      cfg.Log.With("component", "callflow", "gateway", cfg.Tracker.Gateway),
		tracker:  NewCallTracker(cfg.Tracker),
		callers:  make(map[string]*callerEntry),
		previews: make(map[string]*SupportPreview),
		now:      time.Now,
	}
	if cfg.Live != nil {
		f.live = newLiveWriter(cfg.Live, f.log, cfg.SaveTimeout)
	}
	return f
}

// Handle applies one event and acts on the updates it causes.
func (f *CallFlow) Handle(ctx context.Context, ev CallEvent) {
	for _, u := range f.tracker.Feed(ev) {
		f.apply(ctx, u)
	}
}

// Resync reconciles the tracker with the PBX's channel list after a
// (re)connect and acts on the updates: calls that ended while the
// connection was down are saved, adopted calls pop.
func (f *CallFlow) Resync(ctx context.Context, now time.Time, live []LiveChannel) {
	for _, u := range f.tracker.Resync(now, live) {
		f.apply(ctx, u)
	}
	f.replaceLive(ctx)
}

// Snapshot returns the calls in progress, for dashboards.
func (f *CallFlow) Snapshot() []CallRecord { return f.tracker.Snapshot() }

// Pending returns how many ended calls wait for a save retry.
func (f *CallFlow) Pending() int { return len(f.retries) }

func (f *CallFlow) apply(ctx context.Context, u CallUpdate) {
	switch u.Kind {
	case CallRinging:
		caller := f.caller(ctx, u.Call)
		f.publish(ctx, u, caller, f.preview(ctx, u.Call, caller))
		f.putLive(ctx, u, caller)
	case CallAnswered:
		caller := f.caller(ctx, u.Call)
		f.publish(ctx, u, caller, f.preview(ctx, u.Call, caller))
		f.putLive(ctx, u, caller)
		f.supportAnswered(ctx, u, caller)
	case CallEnded:
		caller := f.caller(ctx, u.Call)
		delete(f.callers, u.Call.SourceUniqueID)
		delete(f.previews, u.Call.SourceUniqueID)
		f.save(ctx, &pendingSave{update: u, caller: caller})
		f.endLive(ctx, u.Call) // queued after the save was tried
	}
}

// caller returns the call's cached match, looking the customer up the
// first time the call has a number (or when the number changed). It
// returns nil when there is no number or the lookup failed.
func (f *CallFlow) caller(ctx context.Context, rec CallRecord) *CallerMatch {
	num := rec.CustomerNumber
	if num == "" || f.cfg.Lookup == nil {
		return nil
	}
	if e := f.callers[rec.SourceUniqueID]; e != nil && e.number == num && e.match != nil {
		return e.match
	}
	lctx, cancel := context.WithTimeout(ctx, f.cfg.LookupTimeout)
	defer cancel()
	m, err := f.cfg.Lookup.LookupCaller(lctx, num)
	e := &callerEntry{number: num}
	if err != nil {
		f.log.Warn("caller lookup failed", "uniqueid", rec.SourceUniqueID, "number", num, "err", err)
	} else {
		e.match = &m
	}
	f.callers[rec.SourceUniqueID] = e
	return e.match
}

// save tries to store an ended call once; on failure it queues a retry.
func (f *CallFlow) save(ctx context.Context, p *pendingSave) {
	rec := p.update.Call
	link := CallLink{}
	if p.caller != nil {
		link = p.caller.Link()
	}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	_, _, err := f.cfg.Store.SaveCall(sctx, rec, link)
	cancel()
	p.attempts++
	if err == nil {
		if p.attempts > 1 {
			f.log.Info("call saved after retry", "uniqueid", rec.SourceUniqueID, "attempts", p.attempts)
		}
		f.publish(ctx, p.update, p.caller, nil)
		f.supportEnded(ctx, rec, p.caller)
		return
	}
	p.lastErr = err
	if p.attempts >= f.cfg.SaveAttempts || ErrorCode(err) == EInvalid {
		f.lost(p)
		return
	}
	p.next = f.now().Add(f.retryDelay(p.attempts))
	f.retries = append(f.retries, p)
	f.log.Warn("call save failed, will retry", "uniqueid", rec.SourceUniqueID,
		"attempt", p.attempts, "retry_in", f.retryDelay(p.attempts), "err", err)
}

func (f *CallFlow) retryDelay(attempts int) time.Duration {
	d := f.cfg.RetryDelay
	for i := 1; i < attempts && d < time.Minute; i++ {
		d *= 2
	}
	return min(d, time.Minute)
}

// lost logs a call record that could not be saved, in full, so it can be
// recovered from the log.
func (f *CallFlow) lost(p *pendingSave) {
	b, _ := json.Marshal(p.update.Call)
	f.log.Error("call record not saved: giving up", "uniqueid", p.update.Call.SourceUniqueID,
		"attempts", p.attempts, "err", p.lastErr, "record", string(b))
}

// RetryDue retries the failed saves whose delay has passed, oldest first.
func (f *CallFlow) RetryDue(ctx context.Context) {
	if len(f.retries) == 0 {
		return
	}
	now := f.now()
	due := f.retries[:0:0]
	keep := f.retries[:0]
	for _, p := range f.retries {
		if !p.next.After(now) {
			due = append(due, p)
		} else {
			keep = append(keep, p)
		}
	}
	f.retries = keep
	for _, p := range due {
		if ctx.Err() != nil {
			f.retries = append(f.retries, p)
			continue
		}
		f.save(ctx, p)
	}
}

// NextRetry returns when the earliest queued retry is due, and false when
// none is queued.
func (f *CallFlow) NextRetry() (time.Time, bool) {
	var next time.Time
	for _, p := range f.retries {
		if next.IsZero() || p.next.Before(next) {
			next = p.next
		}
	}
	return next, !next.IsZero()
}

// Drain tries every queued save once more, at once, and logs in full the
// records that still fail, then applies the queued live-call writes and
// waits for their goroutine to end, dropping (and logging) what is left
// when ctx ends: for shutdown. ctx should outlive the caller's cancelled
// context by a few seconds.
func (f *CallFlow) Drain(ctx context.Context) {
	queued := f.retries
	f.retries = nil
	for _, p := range queued {
		p.attempts = max(p.attempts, f.cfg.SaveAttempts-1)
		f.save(ctx, p)
	}
	for _, p := range f.retries {
		f.lost(p)
	}
	f.retries = nil
	if f.live != nil {
		f.live.drain(ctx)
	}
}

// publish sends the update's event; failures are logged, never returned:
// a browser missing a pop must not cost a call record.
func (f *CallFlow) publish(ctx context.Context, u CallUpdate, caller *CallerMatch, support *SupportPreview) {
	p := CallPayload{Support: support}
	if caller != nil {
		p.Caller = caller
	}
	e, err := CallPayloadEvent(u, p)
	if err != nil {
		f.log.Error("build call event", "type", u.Kind, "uniqueid", u.Call.SourceUniqueID, "err", err)
		return
	}
	pctx, cancel := context.WithTimeout(ctx, f.cfg.PublishTimeout)
	defer cancel()
	if err := f.cfg.Publisher.Publish(pctx, e); err != nil {
		f.log.Warn("publish call event", "type", u.Kind, "uniqueid", u.Call.SourceUniqueID, "err", err)
	}
}

// preview returns the call's support preview, asking the support desk
// the first time (bounded like a lookup, as it delays the pop); nil for
// a call on no support line, or when the desk failed, which is logged
// and asked again on the call's next update.
func (f *CallFlow) preview(ctx context.Context, rec CallRecord, caller *CallerMatch) *SupportPreview {
	if f.cfg.Support == nil {
		return nil
	}
	if p, ok := f.previews[rec.SourceUniqueID]; ok {
		return p
	}
	pctx, cancel := context.WithTimeout(ctx, f.cfg.LookupTimeout)
	defer cancel()
	p, err := f.cfg.Support.SupportCallRinging(pctx, rec, caller)
	if err != nil {
		f.log.Warn("support preview failed", "uniqueid", rec.SourceUniqueID, "err", err)
		return nil
	}
	f.previews[rec.SourceUniqueID] = p
	return p
}

// supportAnswered lets the support desk open the call's ticket; a
// failure is logged, never returned.
func (f *CallFlow) supportAnswered(ctx context.Context, u CallUpdate, caller *CallerMatch) {
	if f.cfg.Support == nil {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	defer cancel()
	if err := f.cfg.Support.SupportCallAnswered(sctx, u, caller); err != nil {
		f.log.Warn("support ticket not opened", "uniqueid", u.Call.SourceUniqueID, "err", err)
	}
}

// supportEnded lets the support desk count an ended call's talk time,
// once its record committed; a failure is logged, never returned.
func (f *CallFlow) supportEnded(ctx context.Context, rec CallRecord, caller *CallerMatch) {
	if f.cfg.Support == nil {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, f.cfg.SaveTimeout)
	defer cancel()
	if err := f.cfg.Support.SupportCallEnded(sctx, rec, caller); err != nil {
		f.log.Warn("support call time not counted", "uniqueid", rec.SourceUniqueID, "err", err)
	}
}
