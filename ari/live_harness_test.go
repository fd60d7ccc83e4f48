package ari_test

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// live runs a Client against a fake ARI server that generates calls,
// feeding a tracker from its callbacks as cmd does.
type live struct {
	srv  *aritest.Server
	recs chan crm.CallRecord

	mu        sync.Mutex
	ups       []crm.CallUpdate
	connected int
}

func startLive(t *testing.T, scfg aritest.Config, mutate func(*ari.Config)) *live {
	t.Helper()
	h := &live{srv: aritest.NewServer(nil, scfg), recs: make(chan crm.CallRecord, 16)}
	t.Cleanup(h.srv.Close)
	tracker := crm.NewCallTracker(pbxtrace.TrackerConfig())
	emit := func(ups []crm.CallUpdate) {
		h.mu.Lock()
		h.ups = append(h.ups, ups...)
		h.mu.Unlock()
		for _, u := range ups {
			if u.Kind == crm.CallEnded {
				h.recs <- u.Call
			}
		}
	}
	cfg := ari.Config{
		URL: h.srv.URL(), Username: "crm", Password: "crmsecret", Application: "crm",
		Gateway: "pbx-test", AgentEndpoint: "SIP/{ext}",
		Logger:   slog.New(slog.DiscardHandler),
		Backoff:  ari.Backoff{Base: 5 * time.Millisecond, Cap: 50 * time.Millisecond},
		OnEvent:  func(ev crm.CallEvent) { emit(tracker.Feed(ev)) },
		OnResync: func(now time.Time, lc []crm.LiveChannel) { emit(tracker.Resync(now, lc)) },
		OnState: func(sc ari.StateChange) {
			if sc.State == ari.StateConnected {
				h.mu.Lock()
				h.connected++
				h.mu.Unlock()
			}
		},
	}
	if mutate != nil {
		mutate(&cfg)
	}
	cli, err := ari.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		cli.Run(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	h.waitConnected(t, 1)
	return h
}

// waitConnected waits until the client reported n connections.
func (h *live) waitConnected(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		h.mu.Lock()
		c := h.connected
		h.mu.Unlock()
		if c >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("client connected %d times within 5s, want %d", c, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// place places c and returns the trunk leg's id.
func (h *live) place(t *testing.T, c aritest.Call) string {
	t.Helper()
	id, err := h.srv.Place(c)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// record waits for the call's record, then for the PBX to have no
// channel left, and makes sure no second record follows.
func (h *live) record(t *testing.T) crm.CallRecord {
	t.Helper()
	var r crm.CallRecord
	select {
	case r = <-h.recs:
	case <-time.After(15 * time.Second):
		t.Fatal("no call record within 15s")
	}
	deadline := time.Now().Add(5 * time.Second)
	for h.srv.LiveChannels() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d channels still up 5s after the record", h.srv.LiveChannels())
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case x := <-h.recs:
		t.Fatalf("second call record %+v after %+v", x, r)
	case <-time.After(200 * time.Millisecond):
	}
	return r
}

// rung returns the extensions of the ringing and of the answered
// updates so far.
func (h *live) rung() (ringing, answered []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, u := range h.ups {
		switch u.Kind {
		case crm.CallRinging:
			ringing = append(ringing, u.Extensions...)
		case crm.CallAnswered:
			answered = append(answered, u.Extensions...)
		}
	}
	return ringing, answered
}

// waitUpdate waits for an update of kind.
func (h *live) waitUpdate(t *testing.T, kind crm.CallUpdateKind) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.mu.Lock()
		ok := slices.ContainsFunc(h.ups, func(u crm.CallUpdate) bool { return u.Kind == kind })
		h.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s update within 10s", kind)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// requests lists the REST calls as "METHOD path", the state-changing
// ones only unless all.
func (h *live) requests(all bool) []string {
	var out []string
	for _, r := range h.srv.Requests() {
		if all || r.Method != "GET" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}

// within checks a duration in whole seconds against want ±1.
func within(t *testing.T, what string, got, want int) {
	t.Helper()
	if d := got - want; d < -1 || d > 1 {
		t.Errorf("%s: got %d s, want %d ±1", what, got, want)
	}
}
