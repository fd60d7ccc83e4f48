package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
	"github.com/tigerline/tigerline/web"
)

// TestNodeHealthWaitsForHub: /healthz answers 503 naming the hub until
// the node's websocket hub is subscribed to its bus, then 200; and 503
// again once the hub has stopped, so a load balancer sends browsers
// elsewhere rather than to a node that cannot pop.
func TestNodeHealthWaitsForHub(t *testing.T) {
	db, _ := mysqltest.NewDB(t)
	phones, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	bus := realtime.NewMemoryBus()
	defer bus.Close()
	n, err := newNode(context.Background(), db, bus, phones, web.Config{InsecureCookies: true, Version: "test"}, defaultDial, mysqltest.Logger())
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(n.srv.Handler())
	defer ts.Close()

	if status, body := getHealth(t, ts.URL); status != http.StatusServiceUnavailable || body.Error != "realtime hub not running" {
		t.Fatalf("before the hub runs: got %d %+v, want 503 naming the hub", status, body)
	}
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if err := n.start(ctx, &wg, false); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		status, body := getHealth(t, ts.URL)
		if status == http.StatusOK && body.Status == "ok" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("hub running: got %d %+v, want 200 ok", status, body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	wg.Wait()
	if status, _ := getHealth(t, ts.URL); status != http.StatusServiceUnavailable {
		t.Fatalf("after the hub stopped: got %d, want 503", status)
	}
}

type healthAnswer struct {
	Status string `json:"status"`
	Error  string `json:"error"`
}

func getHealth(t *testing.T, base string) (int, healthAnswer) {
	t.Helper()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var h healthAnswer
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		t.Fatalf("healthz body: %v", err)
	}
	return resp.StatusCode, h
}
