package realtime

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/crm"
)

func TestHandlerRequiresSession(t *testing.T) {
	n := newNode(t, NewMemoryBus(), nil)
	for _, user := range []string{"", "nobody"} {
		_, resp, err := websocket.DefaultDialer.Dial(n.wsURL(), http.Header{"X-Test-User": {user}})
		if err == nil {
			t.Fatalf("dial as %q: got a connection, want 401", user)
		}
		if resp == nil || resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("dial as %q: got %v, want status 401", user, resp)
		}
	}
	if got := n.hub.Stats().Accepted; got != 0 {
		t.Fatalf("accepted connections: got %d, want 0", got)
	}
}

func TestHandlerChecksOrigin(t *testing.T) {
	n := newNode(t, NewMemoryBus(), func(c *HubConfig) {
		c.AllowedOrigins = []string{"https://crm.example.com"}
	})
	host := strings.TrimPrefix(n.srv.URL, "http://")
	tests := []struct {
		origin string
		want   int
	}{
		{"http://evil.example", http.StatusForbidden},
		{"http://" + host + ".evil.example", http.StatusForbidden},
		{"null", http.StatusForbidden},
		{"http://" + host, http.StatusSwitchingProtocols},
		{"https://CRM.example.com", http.StatusSwitchingProtocols},
		{"", http.StatusSwitchingProtocols},
	}
	for _, tt := range tests {
		h := http.Header{"X-Test-User": {"agent101"}}
		if tt.origin != "" {
			h.Set("Origin", tt.origin)
		}
		conn, resp, err := websocket.DefaultDialer.Dial(n.wsURL(), h)
		if resp == nil {
			t.Fatalf("origin %q: no response: %v", tt.origin, err)
		}
		if resp.StatusCode != tt.want {
			t.Errorf("origin %q: got status %d, want %d", tt.origin, resp.StatusCode, tt.want)
		}
		if conn != nil {
			conn.Close()
		}
	}
	// A bad origin is refused before the session is even looked at.
	_, resp, _ := websocket.DefaultDialer.Dial(n.wsURL(), http.Header{"Origin": {"http://evil.example"}})
	if resp == nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("bad origin, no session: got %v, want 403", resp)
	}
}

func TestPopReachesItsExtensionOnly(t *testing.T) {
	bus := NewMemoryBus()
	n := newNode(t, bus, nil)
	a101 := n.dial(t, "agent101", false)
	a102 := n.dial(t, "agent102", false)
	sup := n.dial(t, "supervisor", false)

	u := crm.CallUpdate{Kind: crm.CallRinging, Time: time.Now(), Extensions: []string{"101"},
		Call: crm.CallRecord{Gateway: "pbx1", SourceUniqueID: "1700000000.1", Status: crm.CallStatusRinging,
			Direction: crm.DirectionInbound, CustomerNumber: "+85291234567", AgentExtension: "101"}}
	pop, err := crm.CallUpdateEvent(u, map[string]string{"name": "Acme Ltd"})
	if err != nil {
		t.Fatalf("CallUpdateEvent: %v", err)
	}
	publish(t, bus, pop)
	publish(t, bus, marker(t))

	got := a101.expect(crm.EventCallRinging)
	var p crm.CallPayload
	if err := json.Unmarshal(got.Payload, &p); err != nil {
		t.Fatalf("pop payload %s: %v", got.Payload, err)
	}
	if p.Call.SourceUniqueID != "1700000000.1" || p.Call.CustomerNumber != "+85291234567" || got.V != 1 {
		t.Fatalf("pop: got v%d %+v, want v1 call 1700000000.1 from +85291234567", got.V, p.Call)
	}
	a101.expect("test.marker")
	sup.expect(crm.EventCallRinging) // call events feed the dashboard too
	sup.expect("test.marker")
	a102.expect("test.marker") // and not the pop before it
}

func TestSupervisorEventsReachSupervisorsOnly(t *testing.T) {
	bus := NewMemoryBus()
	n := newNode(t, bus, nil)
	agent := n.dial(t, "agent101", false)
	sup := n.dial(t, "supervisor", false)
	admin := n.dial(t, "admin", false)

	publish(t, bus, event(t, crm.EventQueueUpdated, map[string]any{"queue": "support", "waiting": 3},
		crm.Audience{Supervisors: true}))
	publish(t, bus, event(t, crm.EventAgentState, map[string]any{"user_id": 11}, crm.Audience{Users: []int64{11}}))
	publish(t, bus, marker(t))

	sup.expect(crm.EventQueueUpdated)
	sup.expect("test.marker")
	admin.expect(crm.EventQueueUpdated)
	admin.expect("test.marker")
	agent.expect(crm.EventAgentState) // addressed to the agent by user id
	agent.expect("test.marker")
}

func TestSlowClientIsDropped(t *testing.T) {
	bus := NewMemoryBus()
	n := newNode(t, bus, func(c *HubConfig) { c.SendQueue = 4 })
	fast := n.dial(t, "agent101", false)
	slow := n.dial(t, "agent102", true) // never reads

	// Each event waits for the fast client, so only the slow client's
	// queue can fill: first the socket buffers, then its 4 slots.
	big := strings.Repeat("x", 64<<10)
	sent := 0
	for n.hub.Stats().Dropped == 0 {
		if sent == 5000 {
			t.Fatalf("slow client still connected after %d events of 64 KiB", sent)
		}
		publish(t, bus, event(t, crm.EventDashboardSnapshot, map[string]string{"pad": big}, crm.Audience{All: true}))
		fast.expect(crm.EventDashboardSnapshot)
		sent++
	}
	if got := n.hub.Stats(); got.Clients != 1 || got.Dropped != 1 {
		t.Fatalf("hub after the drop: got %+v, want 1 client and 1 dropped", got)
	}
	publish(t, bus, marker(t))
	fast.expect("test.marker")

	// The slow client finds the connection closed once it reads.
	go slow.read()
	for {
		select {
		case <-slow.msgs:
			continue
		case <-slow.done:
		}
		break
	}
	if code := closeCode(slow.err); code != websocket.ClosePolicyViolation && code != websocket.CloseAbnormalClosure {
		t.Fatalf("slow client's end: got %v, want close 1008 (or 1006 if the close frame could not be written)", slow.err)
	}
	t.Logf("slow client dropped after %d events; it saw %v", sent, slow.err)
}

func TestSilentClientDroppedByPongDeadline(t *testing.T) {
	bus := NewMemoryBus()
	n := newNode(t, bus, func(c *HubConfig) {
		c.PingInterval = 50 * time.Millisecond
		c.PongWait = 200 * time.Millisecond
	})
	live := n.dial(t, "agent101", false) // reads, so gorilla answers pings
	n.dial(t, "agent102", true)          // never reads, never answers
	waitFor(t, "silent client dropped", func() bool { return n.hub.Stats().Clients == 1 })
	publish(t, bus, marker(t))
	live.expect("test.marker")
	if got := n.hub.Stats().Clients; got != 1 {
		t.Fatalf("clients: got %d, want 1 (the one answering pings)", got)
	}
}

func TestClientMessages(t *testing.T) {
	n := newNode(t, NewMemoryBus(), func(c *HubConfig) { c.MaxMessage = 512 })
	c := n.dial(t, "agent101", false)
	send := func(s string) {
		if err := c.conn.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
			t.Fatalf("write %s: %v", s, err)
		}
	}
	send(`{"type":"ping"}`)
	c.expect(TypePong)
	send(`{"type":"whatever"}`) // ignored
	send(`not json`)            // ignored
	send(`{"type":"hello"}`)
	c.expect(TypeHello)

	send(`{"type":"ping","pad":"` + strings.Repeat("x", 1024) + `"}`)
	if code := closeCode(c.closed()); code != websocket.CloseMessageTooBig {
		t.Fatalf("oversized message: got %v, want close 1009", c.err)
	}
	waitFor(t, "client unregistered", func() bool { return n.hub.Stats().Clients == 0 })
}

func TestHubRunAndShutdown(t *testing.T) {
	bus := NewMemoryBus()
	h, err := NewHub(HubConfig{Bus: bus, Authenticate: testAuth})
	if err != nil {
		t.Fatal(err)
	}
	url := newServer(t, h)
	_, resp, _ := websocket.DefaultDialer.Dial(url, http.Header{"X-Test-User": {"agent101"}})
	if resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("before Run: got %v, want 503", resp)
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.Run(ctx) }()
	n := &node{bus: bus, hub: h}
	var conn *websocket.Conn
	waitFor(t, "hub accepting", func() bool {
		conn, _, err = websocket.DefaultDialer.Dial(url, http.Header{"X-Test-User": {"agent101"}})
		return err == nil
	})
	c := &wsClient{t: t, conn: conn, msgs: make(chan Message, 16), done: make(chan struct{})}
	go c.read()
	c.expect(TypeHello)
	cancel()
	if code := closeCode(c.closed()); code != websocket.CloseGoingAway {
		t.Fatalf("client at shutdown: got %v, want close 1001", c.err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Run: got %v, want nil", err)
	}
	if got := n.hub.Stats().Clients; got != 0 {
		t.Fatalf("clients after shutdown: got %d, want 0", got)
	}
}
