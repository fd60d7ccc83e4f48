package realtime

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

// TestHelloMeansSubscribed dials a hub the moment it accepts connections
// and publishes right after the hello: the event must arrive, since hello
// tells the page that nothing is missed from then on. Before the hub
// waited for its bus subscription, some rounds lost the event.
func TestHelloMeansSubscribed(t *testing.T) {
	for round := range 30 {
		bus := NewMemoryBus()
		h, err := NewHub(HubConfig{Bus: bus, Authenticate: testAuth})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			defer close(done)
			_ = h.Run(ctx)
		}()
		srv := httptest.NewServer(h.Handler())
		url := "ws" + strings.TrimPrefix(srv.URL, "http")
		conn := dialWhenRunning(t, url, "agent101")
		if typ := readType(t, conn); typ != TypeHello {
			t.Fatalf("round %d: first message %q, want hello", round, typ)
		}
		publish(t, bus, event(t, crm.EventCallRinging, nil, crm.Audience{Extensions: []string{"101"}}))
		if typ := readType(t, conn); typ != crm.EventCallRinging {
			t.Fatalf("round %d: got %q after hello, want %s", round, typ, crm.EventCallRinging)
		}
		_ = conn.Close()
		cancel()
		<-done
		srv.Close()
		_ = bus.Close()
	}
}

// dialWhenRunning dials until the hub stops answering 503 (not running).
func dialWhenRunning(t *testing.T, url, user string) *websocket.Conn {
	t.Helper()
	end := time.Now().Add(wait)
	for {
		conn, resp, err := websocket.DefaultDialer.Dial(url, http.Header{"X-Test-User": {user}})
		if err == nil {
			return conn
		}
		if resp == nil || resp.StatusCode != http.StatusServiceUnavailable || time.Now().After(end) {
			t.Fatalf("dial: %v (response %v)", err, resp)
		}
		time.Sleep(time.Millisecond)
	}
}

func readType(t *testing.T, conn *websocket.Conn) string {
	t.Helper()
	_ = conn.SetReadDeadline(time.Now().Add(wait))
	_, data, err := conn.ReadMessage()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	var m Message
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("bad message %q: %v", data, err)
	}
	return m.Type
}

// subscribeCollecting subscribes to b, sending what fn receives to the
// returned channel, and returns a channel closed when ready is called.
func subscribeCollecting(t *testing.T, b Bus) (events <-chan crm.Event, ready <-chan struct{}) {
	t.Helper()
	got := make(chan crm.Event, 64)
	rdy := make(chan struct{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = b.Subscribe(ctx, func(e crm.Event) { got <- e }, func() { close(rdy) })
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		_ = b.Close()
	})
	return got, rdy
}

func waitClosed(t *testing.T, what string, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(wait):
		t.Fatalf("%s: not within %v", what, wait)
	}
}

// TestRedisBusReadyOnSubscription: with Redis up, a Subscribe is ready
// once Redis confirmed it, and owes no sync.required.
func TestRedisBusReadyOnSubscription(t *testing.T) {
	b := NewRedisBus(redisOptions(t), prefix(t), nil)
	b.readyWait = time.Minute // only Redis's confirmation can make it ready
	got, ready := subscribeCollecting(t, b)
	waitClosed(t, "ready", ready)
	if !b.Stats().Subscribed {
		t.Fatal("ready before the Redis subscription was confirmed")
	}
	publish(t, b, marker(t))
	if e := <-got; e.Type != "test.marker" {
		t.Fatalf("first event: got %s, want the marker (no sync.required owed)", e.Type)
	}
}

// TestRedisBusReadyWithoutRedis: with Redis down, a Subscribe is ready
// after readyWait and serves this node's events; when Redis is late
// rather than down, its confirmation brings a sync.required, since other
// nodes' events were missed while the subscription was ready.
func TestRedisBusReadyWithoutRedis(t *testing.T) {
	down := NewRedisBus(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1}, prefix(t), nil)
	down.readyWait = 50 * time.Millisecond
	got, ready := subscribeCollecting(t, down)
	waitClosed(t, "ready without redis", ready)
	publish(t, down, marker(t))
	if e := <-got; e.Type != "test.marker" {
		t.Fatalf("local event without redis: got %s, want the marker", e.Type)
	}

	late := NewRedisBus(redisOptions(t), prefix(t), nil)
	late.readyWait = time.Nanosecond // ready before Redis can confirm
	got, ready = subscribeCollecting(t, late)
	waitClosed(t, "ready", ready)
	waitFor(t, "redis subscription", func() bool { return late.Stats().Subscribed })
	select {
	case e := <-got:
		var p SyncPayload
		if e.Type != TypeSyncRequired || json.Unmarshal(e.Payload, &p) != nil || p.Reason != SyncReconnected {
			t.Fatalf("after a late subscription: got %s %s, want sync.required (reconnected)", e.Type, e.Payload)
		}
	case <-time.After(wait):
		t.Fatal("no sync.required after a late subscription")
	}
}
