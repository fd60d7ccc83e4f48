package crm_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// memCalls is an in-memory CallStore that fails its first failures saves.
type memCalls struct {
	mu       sync.Mutex
	failures int
	saves    int
	rows     map[string]crm.CallRecord
	links    map[string]crm.CallLink
}

func (m *memCalls) SaveCall(_ context.Context, rec crm.CallRecord, link crm.CallLink) (int64, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saves++
	if m.failures > 0 {
		m.failures--
		return 0, false, errors.New("database is down")
	}
	if m.rows == nil {
		m.rows, m.links = make(map[string]crm.CallRecord), make(map[string]crm.CallLink)
	}
	_, had := m.rows[rec.SourceUniqueID]
	m.rows[rec.SourceUniqueID], m.links[rec.SourceUniqueID] = rec, link
	return int64(len(m.rows)), !had, nil
}

func (m *memCalls) FindCalls(context.Context, crm.CallFilter) ([]*crm.StoredCall, error) {
	return nil, nil
}

func (m *memCalls) CallsToday(context.Context, time.Time) (*crm.CallStats, error) {
	return &crm.CallStats{}, nil
}

// oneCaller knows one number; it counts lookups.
type oneCaller struct {
	lookups int
	fail    bool
}

func (o *oneCaller) LookupCaller(_ context.Context, number string) (crm.CallerMatch, error) {
	o.lookups++
	if o.fail {
		return crm.CallerMatch{}, errors.New("lookup down")
	}
	m := crm.CallerMatch{Number: number, Unknown: true}
	if number == "+14155550142" {
		m = crm.CallerMatch{Number: number, Records: []crm.CallerRecord{{Module: "Contacts", ID: 42, Name: "Alice Wong"}}}
	}
	return m, nil
}

// events records what was published, and can fail.
type events struct {
	got  []crm.Event
	fail bool
}

func (e *events) Publish(_ context.Context, ev crm.Event) error {
	if e.fail {
		return errors.New("redis down")
	}
	e.got = append(e.got, ev)
	return nil
}

func (e *events) types() []string {
	var out []string
	for _, ev := range e.got {
		out = append(out, ev.Type)
	}
	return out
}

func newFlow(store crm.CallStore, lk crm.CallerLookup, pub crm.Publisher) *crm.CallFlow {
	return crm.NewCallFlow(crm.CallFlowConfig{
		Tracker: testConfig(), Store: store, Lookup: lk, Publisher: pub,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), RetryDelay: time.Nanosecond,
	})
}

func TestCallFlowAnswered(t *testing.T) {
	store, lk, pub := &memCalls{}, &oneCaller{}, &events{}
	f := newFlow(store, lk, pub)
	for _, ev := range sipInbound(true, "") {
		f.Handle(t.Context(), ev)
	}
	want := []string{crm.EventCallRinging, crm.EventCallAnswered, crm.EventCallEnded}
	if got := pub.types(); !slices.Equal(got, want) {
		t.Fatalf("events: got %v, want %v", got, want)
	}
	if lk.lookups != 1 {
		t.Errorf("lookups: got %d, want 1 per call", lk.lookups)
	}
	ring := pub.got[0]
	if !slices.Contains(ring.Audience.Extensions, "101") || !ring.Audience.Supervisors {
		t.Errorf("ringing audience: got %+v, want extension 101 and supervisors", ring.Audience)
	}
	if link := store.links["100.1"]; link.CustomerID != 42 || link.CustomerModule != "Contacts" {
		t.Errorf("saved link: got %+v, want contact 42", link)
	}
	if rec := store.rows["100.1"]; rec.Status != crm.CallStatusCompleted || rec.AgentExtension != "101" {
		t.Errorf("saved record: got %+v", rec)
	}
}

func TestCallFlowSaveRetried(t *testing.T) {
	store, pub := &memCalls{failures: 2}, &events{}
	f := newFlow(store, &oneCaller{}, pub)
	for _, ev := range sipInbound(false, "NOANSWER") {
		f.Handle(t.Context(), ev)
	}
	if f.Pending() != 1 || len(store.rows) != 0 {
		t.Fatalf("after a failed save: got %d pending, %d rows; want 1, 0", f.Pending(), len(store.rows))
	}
	if got := pub.types(); slices.Contains(got, crm.EventCallEnded) {
		t.Fatalf("call.ended published before the save committed: %v", got)
	}
	for i := 0; i < 5 && f.Pending() > 0; i++ {
		time.Sleep(time.Millisecond)
		f.RetryDue(t.Context())
	}
	if f.Pending() != 0 || len(store.rows) != 1 || store.saves != 3 {
		t.Fatalf("after retries: got %d pending, %d rows, %d saves; want 0, 1, 3", f.Pending(), len(store.rows), store.saves)
	}
	if got := pub.types(); got[len(got)-1] != crm.EventCallEnded {
		t.Errorf("last event: got %v, want call.ended once saved", got)
	}
}

func TestCallFlowGivesUpLoudly(t *testing.T) {
	store := &memCalls{failures: 100}
	var logged sync.Map
	log := slog.New(recordHandler{&logged})
	f := crm.NewCallFlow(crm.CallFlowConfig{Tracker: testConfig(), Store: store, Log: log, SaveAttempts: 3, RetryDelay: time.Nanosecond})
	for _, ev := range sipInbound(true, "") {
		f.Handle(t.Context(), ev)
	}
	for i := 0; i < 10 && f.Pending() > 0; i++ {
		time.Sleep(time.Millisecond)
		f.RetryDue(t.Context())
	}
	if store.saves != 3 || f.Pending() != 0 {
		t.Errorf("saves: got %d (pending %d), want 3 then given up", store.saves, f.Pending())
	}
	if _, ok := logged.Load("call record not saved: giving up"); !ok {
		t.Errorf("a call given up must be logged at error level with its record")
	}
}

func TestCallFlowPublisherAndLookupDown(t *testing.T) {
	store := &memCalls{}
	f := newFlow(store, &oneCaller{fail: true}, &events{fail: true})
	for _, ev := range sipInbound(true, "") {
		f.Handle(t.Context(), ev)
	}
	if len(store.rows) != 1 {
		t.Fatalf("rows: got %d, want 1 whatever the bus and lookup do", len(store.rows))
	}
	if link := store.links["100.1"]; link.CustomerID != 0 {
		t.Errorf("link: got %+v, want none after a failed lookup", link)
	}
}

// recordHandler notes the messages of error records.
type recordHandler struct{ m *sync.Map }

func (h recordHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h recordHandler) Handle(_ context.Context, r slog.Record) error {
	if r.Level >= slog.LevelError {
		h.m.Store(r.Message, true)
	}
	return nil
}
func (h recordHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h recordHandler) WithGroup(string) slog.Handler      { return h }
