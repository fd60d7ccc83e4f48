package realtime

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/crm"
)

// wait bounds every wait of these tests; it guards against hangs and is
// no timing assertion.
const wait = 10 * time.Second

// testUsers are the users a test hub knows, by the X-Test-User header.
var testUsers = map[string]*crm.User{
	"agent101":   {ID: 11, UserName: "agent101", Extension: "101", RoleID: "H5"},
	"agent102":   {ID: 12, UserName: "agent102", Extension: "102", RoleID: "H5"},
	"supervisor": {ID: 20, UserName: "supervisor", RoleID: "H4"},
	"admin":      {ID: 1, UserName: "admin", IsAdmin: true, RoleID: "H2"},
}

func testAuth(r *http.Request) (*crm.User, error) {
	u, ok := testUsers[r.Header.Get("X-Test-User")]
	if !ok {
		return nil, crm.Errorf(crm.EUnauthorized, "no session")
	}
	return u, nil
}

// node is one server node of a test: a bus, a running hub and its
// websocket endpoint.
type node struct {
	bus Bus
	hub *Hub
	srv *httptest.Server
}

// newNode starts a hub on bus; edit may change its config.
func newNode(t *testing.T, bus Bus, edit func(*HubConfig)) *node {
	t.Helper()
	cfg := HubConfig{Bus: bus, Authenticate: testAuth}
	if edit != nil {
		edit(&cfg)
	}
	h, err := NewHub(cfg)
	if err != nil {
		t.Fatalf("NewHub: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := h.Run(ctx); err != nil {
			t.Errorf("hub Run: got %v, want nil", err)
		}
	}()
	srv := httptest.NewServer(h.Handler())
	t.Cleanup(func() {
		cancel()
		<-done
		srv.Close()
		_ = bus.Close()
	})
	waitFor(t, "hub running", func() bool {
		h.mu.RLock()
		defer h.mu.RUnlock()
		return h.running
	})
	return &node{bus: bus, hub: h, srv: srv}
}

func (n *node) wsURL() string { return "ws" + strings.TrimPrefix(n.srv.URL, "http") }

// wsClient is a test browser.
type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan Message
	done chan struct{}
	err  error
}

// dial connects as user (a testUsers key), checks the hello, and unless
// silent starts reading in the background.
func (n *node) dial(t *testing.T, user string, silent bool) *wsClient {
	t.Helper()
	h := http.Header{"X-Test-User": {user}}
	conn, resp, err := websocket.DefaultDialer.Dial(n.wsURL(), h)
	if err != nil {
		t.Fatalf("dial as %s: %v (response %v)", user, err, resp)
	}
	t.Cleanup(func() { _ = conn.Close() })
	c := &wsClient{t: t, conn: conn, msgs: make(chan Message, 4096), done: make(chan struct{})}
	if silent {
		return c
	}
	go c.read()
	hello := c.expect(TypeHello)
	var p HelloPayload
	if err := json.Unmarshal(hello.Payload, &p); err != nil || p.UserName != user {
		t.Fatalf("hello payload: got %s (%v), want user %s", hello.Payload, err, user)
	}
	return c
}

func (c *wsClient) read() {
	defer close(c.done)
	for {
		_, data, err := c.conn.ReadMessage()
		if err != nil {
			c.err = err
			return
		}
		var m Message
		if err := json.Unmarshal(data, &m); err != nil {
			c.err = fmt.Errorf("bad message %q: %w", data, err)
			return
		}
		c.msgs <- m
	}
}

// next returns the next message.
func (c *wsClient) next() Message {
	c.t.Helper()
	select {
	case m := <-c.msgs:
		return m
	case <-c.done:
		select {
		case m := <-c.msgs:
			return m
		default:
		}
		c.t.Fatalf("connection ended: %v", c.err)
	case <-time.After(wait):
		c.t.Fatalf("no message within %v", wait)
	}
	return Message{}
}

// expect returns the next message, which must be of type typ.
func (c *wsClient) expect(typ string) Message {
	c.t.Helper()
	m := c.next()
	if m.Type != typ {
		c.t.Fatalf("message type: got %q (%s), want %q", m.Type, m.Payload, typ)
	}
	return m
}

// closed waits for the connection to end and returns its error.
func (c *wsClient) closed() error {
	c.t.Helper()
	select {
	case <-c.done:
		return c.err
	case <-time.After(wait):
		c.t.Fatalf("connection still open after %v", wait)
		return nil
	}
}

// event builds an event or fails the test.
func event(t *testing.T, typ string, payload any, aud crm.Audience) crm.Event {
	t.Helper()
	e, err := crm.NewEvent(typ, 1, time.Now(), payload, aud)
	if err != nil {
		t.Fatalf("NewEvent: %v", err)
	}
	return e
}

func publish(t *testing.T, b Bus, e crm.Event) {
	t.Helper()
	if err := b.Publish(context.Background(), e); err != nil {
		t.Fatalf("Publish %s: %v", e.Type, err)
	}
}

// marker is an event for everyone; a client whose next message is the
// marker received nothing before it.
var markerSeq atomic.Int64

func marker(t *testing.T) crm.Event {
	return event(t, "test.marker", map[string]int64{"seq": markerSeq.Add(1)}, crm.Audience{All: true})
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(wait)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("%s: not within %v", what, wait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// redisAddr is the test Redis; TIGERLINE_TEST_REDIS overrides it.
func redisAddr() string {
	if a := os.Getenv("TIGERLINE_TEST_REDIS"); a != "" {
		return a
	}
	return "127.0.0.1:6379"
}

// redisOptions checks that the test Redis answers.
func redisOptions(t *testing.T) *redis.Options {
	t.Helper()
	opts := &redis.Options{Addr: redisAddr()}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("redis at %s unreachable: %v; start it with `make services` (or `redis-server --daemonize yes --port 6379`), or set TIGERLINE_TEST_REDIS=host:port", opts.Addr, err)
	}
	return opts
}

// prefix is a channel prefix no other test or run shares.
func prefix(t *testing.T) string {
	return "tltest:" + t.Name() + ":" + strconv.FormatInt(time.Now().UnixNano(), 36) + ":"
}

// redisNode starts a node on a new RedisBus and waits until it is
// subscribed.
func redisNode(t *testing.T, opts *redis.Options, pfx string) (*node, *RedisBus) {
	t.Helper()
	b := NewRedisBus(opts, pfx, nil)
	n := newNode(t, b, nil)
	waitFor(t, "redis subscription", func() bool { return b.Stats().Subscribed })
	return n, b
}

// killSubscription closes the Redis side of a bus's subscriber
// connection, as a Redis restart would, without touching other clients.
func killSubscription(t *testing.T, opts *redis.Options, b *RedisBus) {
	t.Helper()
	c := redis.NewClient(opts)
	defer c.Close()
	ctx := context.Background()
	list, err := c.Do(ctx, "CLIENT", "LIST", "TYPE", "pubsub").Text()
	if err != nil {
		t.Fatalf("CLIENT LIST: %v", err)
	}
	killed := 0
	for line := range strings.SplitSeq(list, "\n") {
		var id, name string
		for f := range strings.FieldsSeq(line) {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "id":
				id = v
			case "name":
				name = v
			}
		}
		if name == "tigerline-"+b.Node() {
			if err := c.Do(ctx, "CLIENT", "KILL", "ID", id).Err(); err != nil {
				t.Fatalf("CLIENT KILL ID %s: %v", id, err)
			}
			killed++
		}
	}
	if killed == 0 {
		t.Fatalf("no pubsub connection named tigerline-%s in CLIENT LIST", b.Node())
	}
}

// closeCode is the close code of a connection error, or -1.
func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return -1
}

// newServer serves h without running it.
func newServer(t *testing.T, h *Hub) string {
	srv := httptest.NewServer(h.Handler())
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

// one returns the only subscription of f.
func (f *fanout) one() *subscription {
	f.mu.Lock()
	defer f.mu.Unlock()
	for s := range f.subs {
		return s
	}
	return nil
}
