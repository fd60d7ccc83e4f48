package web

import (
	"context"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/realtime"
)

// liveHub is a realtime hub on a memory bus for the browser tests of the
// call pop and the dashboard: the test publishes events on bus and the
// browsers receive them through the server's websocket.
type liveHub struct {
	bus     *realtime.MemoryBus
	handler atomic.Pointer[http.Handler]
}

func newLiveHub() *liveHub { return &liveHub{bus: realtime.NewMemoryBus()} }

// serve is a fixture's edit that gives the server the hub as its
// realtime endpoint. The hub authenticates with the server's sessions,
// so it can only start once the server exists (start); until then the
// endpoint answers 503.
func (h *liveHub) serve(_ *Config, d *Deps) {
	d.Realtime = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hub := h.handler.Load(); hub != nil {
			(*hub).ServeHTTP(w, r)
			return
		}
		http.Error(w, "hub not running", http.StatusServiceUnavailable)
	})
}

// start runs the hub, authenticating with s's sessions, until the test
// ends.
func (h *liveHub) start(t *testing.T, s *Server) {
	t.Helper()
	hub, err := realtime.NewHub(realtime.HubConfig{Bus: h.bus, Authenticate: s.SessionUser})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := hub.Run(ctx); err != nil {
			t.Errorf("hub Run: %v", err)
		}
	}()
	t.Cleanup(func() { cancel(); <-done; _ = h.bus.Close() })
	handler := hub.Handler()
	h.handler.Store(&handler)
}

// publishCall publishes the event the call runner sends for a call
// update, and returns when. A ringing update rings exts, as the tracker
// says of a call rung on them alone.
func (h *liveHub) publishCall(t *testing.T, kind crm.CallUpdateKind, rec crm.CallRecord, exts []string, caller crm.CallerMatch) time.Time {
	t.Helper()
	u := crm.CallUpdate{Kind: kind, Time: time.Now(), Call: rec, Extensions: exts}
	if kind == crm.CallRinging {
		u.Ringing = exts
	}
	e, err := crm.CallUpdateEvent(u, caller)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now()
	if err := h.bus.Publish(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	return at
}

// signedInBrowser starts a browser signed in as name, on page, with its
// websocket subscribed and the pop's state loaded.
func signedInBrowser(t *testing.T, base, shots, name, password, page string) *browser {
	t.Helper()
	b := newBrowser(t, shots)
	b.signIn(base, name, password)
	b.run("open "+page+" as "+name,
		chromedp.Navigate(base+page),
		chromedp.WaitReady(chromedp.CSS(`#callpop[data-synced="1"]`)))
	return b
}
