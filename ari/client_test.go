package ari_test

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// harness runs a Client against a fake ARI server and feeds a tracker
// from its callbacks, on the Client's goroutine, as cmd will.
type harness struct {
	srv    *aritest.Server
	cli    *ari.Client
	recs   chan crm.CallRecord
	mu     sync.Mutex
	states []ari.State
	cancel context.CancelFunc
	done   chan error
}

func startHarness(t *testing.T, name string, scfg aritest.Config, mutate func(*ari.Config)) *harness {
	t.Helper()
	tr, err := aritest.LoadTrace(filepath.Join(pbxtrace.Dir(t), "asterisk-22"), name)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{srv: aritest.NewServer(tr, scfg), recs: make(chan crm.CallRecord, 16), done: make(chan error, 1)}
	t.Cleanup(h.srv.Close)
	tracker := crm.NewCallTracker(pbxtrace.TrackerConfig())
	emit := func(ups []crm.CallUpdate) {
		for _, u := range ups {
			if u.Kind == crm.CallEnded {
				h.recs <- u.Call
			}
		}
	}
	cfg := ari.Config{
		URL: h.srv.URL(), Username: "crm", Password: "crmsecret", Application: "crm",
		Mode: ari.ModeMonitor, Gateway: "pbx-test",
		Logger:   slog.New(slog.DiscardHandler),
		Backoff:  ari.Backoff{Base: 5 * time.Millisecond, Cap: 50 * time.Millisecond},
		OnEvent:  func(ev crm.CallEvent) { emit(tracker.Feed(ev)) },
		OnResync: func(now time.Time, live []crm.LiveChannel) { emit(tracker.Resync(now, live)) },
		OnState: func(sc ari.StateChange) {
			h.mu.Lock()
			h.states = append(h.states, sc.State)
			h.mu.Unlock()
		},
	}
	if mutate != nil {
		mutate(&cfg)
	}
	h.cli, err = ari.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	go func() { h.done <- h.cli.Run(ctx) }()
	t.Cleanup(h.stop)
	return h
}

func (h *harness) stop() {
	h.cancel()
	<-h.done
	h.done <- context.Canceled // stop is idempotent
}

// records waits for n records, then a little longer to catch extras.
func (h *harness) records(t *testing.T, n int) []crm.CallRecord {
	t.Helper()
	var out []crm.CallRecord
	deadline := time.After(10 * time.Second)
	for len(out) < n {
		select {
		case r := <-h.recs:
			out = append(out, r)
		case <-deadline:
			t.Fatalf("got %d call records after 10s, want %d", len(out), n)
		}
	}
	select {
	case <-h.srv.Finished():
	case <-time.After(5 * time.Second):
		t.Fatal("server did not finish the replay")
	}
	select {
	case r := <-h.recs:
		t.Fatalf("extra call record %+v", r)
	case <-time.After(50 * time.Millisecond):
	}
	return out
}

func (h *harness) sawState(s ari.State) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, x := range h.states {
		if x == s {
			return true
		}
	}
	return false
}

func caseNamed(t *testing.T, name string) pbxtrace.Case {
	for _, tc := range replayCases {
		if tc.Name == name {
			return tc
		}
	}
	t.Fatalf("no replay case %s", name)
	return pbxtrace.Case{}
}

var monitorTraces = []string{"ari-22-monitor-inbound-answered", "ari-22-monitor-inbound-missed", "ari-22-monitor-inbound-queue", "ari-22-monitor-click-to-call", "ari-22-monitor-resync"}

// TestClientReplay runs each monitor trace through the websocket.
func TestClientReplay(t *testing.T) {
	for _, name := range monitorTraces {
		t.Run(name, func(t *testing.T) {
			h := startHarness(t, name, aritest.Config{HoldUntilList: true}, nil)
			recs := h.records(t, 1)
			pbxtrace.CheckRecord(t, recs[0], caseNamed(t, name))
			if got := h.srv.SubscribeAll(); len(got) != 1 || !got[0] {
				t.Errorf("websockets asked subscribeAll %v, want [true]", got)
			}
			var lists int
			for _, r := range h.srv.Requests() {
				if r.Method == "GET" && (r.Path == "/ari/channels" || r.Path == "/ari/bridges") {
					lists++
				}
			}
			if lists != 2 {
				t.Errorf("got %d list requests, want GET /channels and /bridges once", lists)
			}
			if !h.sawState(ari.StateConnected) {
				t.Error("never reported connected")
			}
		})
	}
}

// TestClientFault drops the websocket at several points of each call,
// with and without frames lost during the outage: the client reconnects,
// resynchronises from GET /channels and /bridges, and the tracker ends
// with exactly one correct record.
func TestClientFault(t *testing.T) {
	for _, name := range monitorTraces {
		frames := len(loadFrames(t, name))
		for _, frac := range []int{5, 25, 40, 55, 70, 85, 97} {
			for _, lost := range []int{0, 2} {
				k := frames * frac / 100
				t.Run(fmt.Sprintf("%s/drop%d-lost%d", name, k, lost), func(t *testing.T) {
					h := startHarness(t, name, aritest.Config{DropAfter: []int{k}, Lost: lost, HoldUntilList: true}, nil)
					recs := h.records(t, 1)
					pbxtrace.CheckRecord(t, recs[0], caseNamed(t, name))
					if n := h.srv.Connections(); n != 2 {
						t.Errorf("got %d websocket connections, want 2", n)
					}
				})
			}
		}
	}
}

// TestClientFaultTwice drops the websocket twice in one call.
func TestClientFaultTwice(t *testing.T) {
	name := "ari-22-monitor-inbound-queue"
	n := len(loadFrames(t, name))
	h := startHarness(t, name, aritest.Config{DropAfter: []int{n / 3, 2 * n / 3}, Lost: 1, HoldUntilList: true}, nil)
	pbxtrace.CheckRecord(t, h.records(t, 1)[0], caseNamed(t, name))
	if c := h.srv.Connections(); c != 3 {
		t.Errorf("got %d websocket connections, want 3", c)
	}
}

func TestClientLoginFailed(t *testing.T) {
	h := startHarness(t, "ari-22-monitor-inbound-answered", aritest.Config{}, func(c *ari.Config) { c.Password = "wrong" })
	deadline := time.Now().Add(5 * time.Second)
	for !h.sawState(ari.StateLoginFailed) {
		if time.Now().After(deadline) {
			t.Fatal("no login_failed state after 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if n := h.srv.Connections(); n != 0 {
		t.Errorf("got %d websocket connections with a wrong password, want 0", n)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	for _, cfg := range []ari.Config{
		{},
		{URL: "pbx:8088"},
		{URL: "http://pbx:8088", Mode: "spy"},
		{URL: "http://pbx:8088", AgentEndpoint: "SIP/101"},
	} {
		if _, err := ari.New(cfg); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("New(%+v): got %v, want an invalid error", cfg, err)
		}
	}
	if _, err := ari.New(ari.Config{URL: "http://pbx:8088", Mode: crm.ARIModeStasis}); err != nil {
		t.Errorf("New with mode stasis: %v", err)
	}
}
