package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/crm"
)

// TestPBXSimARIServes runs `tigerline pbx-sim --ari --mode control`
// and connects a control-mode ARI client to it: the endpoint checks the
// credentials, and the simulator's calls to the demo's numbers reach
// the application, which dials the agent, whose phone rings.
func TestPBXSimARIServes(t *testing.T) {
	addr := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--log-level", "warn", "pbx-sim", "--ari", "--listen", addr, "--user", "sim", "--secret", "simsecret",
			"--app", "tl", "--mode", "control", "--rate", "300ms", "--agents", "101"}, strings.NewReader(""), io.Discard, io.Discard)
	}()
	stopped := false
	t.Cleanup(func() {
		cancel()
		if !stopped {
			<-done
		}
	})
	info := func(user, secret string) int { return ariInfoStatus("http://"+addr, user, secret) }
	waitUntil(t, "pbx-sim serving ARI", 5*time.Second, func() bool { return info("sim", "simsecret") == http.StatusOK })
	if st := info("sim", "wrong"); st != http.StatusUnauthorized {
		t.Errorf("wrong secret: got %d, want 401", st)
	}

	tracker := crm.NewCallTracker(crm.TrackerConfig{Gateway: "sim", Agents: crm.SetOf("101"), InboundContexts: crm.SetOf("from-pstn")})
	var mu sync.Mutex
	var rung []crm.CallRecord
	cli, err := ari.New(ari.Config{URL: "http://" + addr, Username: "sim", Password: "simsecret", Application: "tl",
		Mode: ari.ModeControl, AgentEndpoint: "SIP/{ext}", Gateway: "sim", Logger: slog.New(slog.DiscardHandler),
		OnEvent: func(ev crm.CallEvent) {
			for _, u := range tracker.Feed(ev) {
				if u.Kind == crm.CallRinging && slices.Contains(u.Extensions, "101") {
					mu.Lock()
					rung = append(rung, u.Call)
					mu.Unlock()
				}
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	cctx, stopClient := context.WithCancel(ctx)
	clientDone := make(chan struct{})
	go func() {
		defer close(clientDone)
		cli.Run(cctx)
	}()
	waitUntil(t, "agent 101 rung for a simulated call", 10*time.Second, func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(rung) > 0
	})
	stopClient()
	<-clientDone
	mu.Lock()
	c := rung[0]
	mu.Unlock()
	if c.Direction != crm.DirectionInbound || !slices.Contains(callerNumbers(demoCallers), c.CustomerNumber) {
		t.Errorf("rung call: got %s from %q, want inbound from a demo caller", c.Direction, c.CustomerNumber)
	}
	cancel()
	stopped = true
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("pbx-sim after cancel: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("pbx-sim did not stop within 10s of its context ending")
	}
}

// TestPBXSimARIFlags: flags that do not fit fail with one clear line
// before anything listens.
func TestPBXSimARIFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"pbx-sim", "--ari", "--dialect", "1.4"}, "--dialect is for AMI"},
		{[]string{"pbx-sim", "--mode", "control"}, "add --ari"},
		{[]string{"pbx-sim", "--ari", "--mode", "spy"}, "unknown ARI mode"},
		{[]string{"pbx-sim", "--ari", "--agents", "1o1"}, "bad agent extension"},
		{[]string{"pbx-sim", "--ari", "--callers", "alice"}, "bad caller"},
		{[]string{"pbx-sim", "--ari", "--rate", "0s"}, "bad --rate"},
	} {
		if _, msg := tl(t, "", tc.args...); !strings.Contains(msg, tc.want) {
			t.Errorf("%v: got %q, want an error containing %q", tc.args, msg, tc.want)
		}
	}
}
