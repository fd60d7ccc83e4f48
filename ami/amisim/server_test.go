package amisim_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// client logs in to a simulator and tracks the calls it reports.
type client struct {
	mu   sync.Mutex
	ups  []crm.CallUpdate
	tr   *crm.CallTracker
	norm ami.Normalizer
	c    *ami.Client
}

func dialSim(t *testing.T, s *amisim.Server, md5 bool) *client {
	t.Helper()
	cl := &client{tr: crm.NewCallTracker(trackerConfig()), norm: ami.Normalizer{Gateway: "sim", Dialect: s.Dialect()}}
	c, err := ami.Dial(t.Context(), ami.Config{Addr: s.Addr(), Username: "tigerline", Secret: "tigerline", UseMD5: md5,
		OnEvent: func(m *ami.Message) {
			cl.mu.Lock()
			defer cl.mu.Unlock()
			for _, ev := range cl.norm.Normalize(m, time.Now()) {
				cl.ups = append(cl.ups, cl.tr.Feed(ev)...)
			}
		}})
	if err != nil {
		t.Fatalf("dial %v: %v", s.Dialect(), err)
	}
	t.Cleanup(func() { c.Close() })
	cl.c = c
	return cl
}

func (cl *client) ended() []crm.CallRecord {
	cl.mu.Lock()
	defer cl.mu.Unlock()
	return pbxtrace.Ended(cl.ups)
}

func startSim(t *testing.T, d ami.Dialect) *amisim.Server {
	t.Helper()
	s, err := amisim.Start(t.Context(), amisim.Config{Dialect: d, Username: "tigerline", Secret: "tigerline", Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func waitFor(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestServerCallsAndLists places a call on each dialect's simulator,
// lists the live channels mid-call and tracks the call to its end.
func TestServerCallsAndLists(t *testing.T) {
	for _, d := range []ami.Dialect{ami.Dialect14, ami.Dialect16, ami.DialectAMI2} {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			s := startSim(t, d)
			cl := dialSim(t, s, d != ami.Dialect16)
			if got := cl.c.Banner().Line; got != amisim.Banner(d) {
				t.Errorf("banner: got %q, want %q", got, amisim.Banner(d))
			}
			if _, err := cl.c.Send(t.Context(), ami.NewAction("Ping")); err != nil {
				t.Errorf("ping: %v", err)
			}
			s.Place(amisim.Call{CallerNum: "+14155550142", CallerName: "Alice Wong", Agent: "101",
				Ring: 300 * time.Millisecond, Talk: 1200 * time.Millisecond, Answered: true})
			time.Sleep(800 * time.Millisecond)
			list, err := cl.c.SendList(t.Context(), ami.NewAction("Status"))
			if err != nil {
				t.Fatalf("status: %v", err)
			}
			live := ami.LiveChannels(list)
			if len(live) != 4 {
				t.Errorf("status mid-call: got %d channels, want 4: %+v", len(live), live)
			}
			bridged := 0
			for _, lc := range live {
				if lc.BridgeID != "" || lc.BridgedChannel != "" {
					bridged++
				}
			}
			if bridged != 2 {
				t.Errorf("bridged channels in status: got %d, want 2: %+v", bridged, live)
			}
			csc, err := cl.c.SendList(t.Context(), ami.NewAction("CoreShowChannels"))
			if d == ami.Dialect14 {
				if err == nil {
					t.Errorf("CoreShowChannels on 1.4: got %+v, want an error", csc)
				}
			} else if err != nil || len(ami.LiveChannels(csc)) != 4 {
				t.Errorf("CoreShowChannels: got %v, %v; want 4 channels", csc, err)
			}
			waitFor(t, "call ended", 5*time.Second, func() bool { return len(cl.ended()) == 1 })
			r := cl.ended()[0]
			if r.Status != crm.CallStatusCompleted || r.AgentExtension != "101" || r.CustomerNumber != "+14155550142" || r.Direction != crm.DirectionInbound {
				t.Errorf("record: got %+v", r)
			}
			if s.Live() != 0 {
				t.Errorf("live channels after the call: got %d, want 0", s.Live())
			}
		})
	}
}

func TestServerOriginateAndAuth(t *testing.T) {
	s := startSim(t, ami.DialectAMI2)
	if _, err := ami.Dial(t.Context(), ami.Config{Addr: s.Addr(), Username: "tigerline", Secret: "wrong"}); err == nil {
		t.Fatal("login with a wrong secret: got nil error")
	}
	cl := dialSim(t, s, false)
	a := ami.NewAction("Originate", "Channel", "Local/102@agents", "Exten", "+12125550199", "Context", "from-internal",
		"Priority", "1", "CallerID", `"Agent 102" <102>`, "Async", "true", "Variable", "SIM_TALK=1")
	resp, err := cl.c.Send(t.Context(), a)
	if err != nil || resp.Get("Response") != "Success" {
		t.Fatalf("originate: got %v, %v; want Success", resp, err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	for len(cl.ended()) == 0 && ctx.Err() == nil {
		time.Sleep(20 * time.Millisecond)
	}
	recs := cl.ended()
	if len(recs) != 1 || recs[0].Direction != crm.DirectionOutbound || recs[0].AgentExtension != "102" || recs[0].CustomerNumber != "+12125550199" {
		t.Fatalf("click-to-call: got %+v, want one outbound call by 102 to +12125550199", recs)
	}
}
