package aritest

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Config tunes a Server. The zero value accepts user crm, password
// crmsecret, application crm (the recordings' credentials) and replays
// the whole trace on the first connection.
type Config struct {
	Username, Password, Application string
	// Addr is where Listen serves; default 127.0.0.1:0 (a free port).
	Addr string
	// DropAfter lists frame counts: once that many frames have been
	// sent in all, the server closes the websocket, as a failing network
	// or restarting proxy would. Each point drops one connection.
	DropAfter []int
	// Lost is how many frames happen during each outage: they update
	// the PBX's state (what GET /channels lists) but are never sent.
	Lost int
	// HoldUntilList makes each new connection wait for GET
	// /ari/channels and GET /ari/bridges before replaying on, so the test fixes where the
	// client's resync falls in the timeline. Asterisk does not wait;
	// without it, an instant replay may finish before the list is asked.
	HoldUntilList bool
	// Interval paces the replay; zero sends frames as fast as possible.
	Interval time.Duration
	// OriginateStatus, when set, answers POST /ari/channels with that
	// status and a JSON message instead of the recorded answer.
	OriginateStatus int

	// Generated calls (Place, RunLoop). AgentRing and AgentTalk are how
	// an agent's phone the application dials behaves unless a placed
	// call says otherwise (default 2s and 3s, as in the recordings);
	// PlaybackTime is how long every playback lasts (default 1s).
	AgentRing, AgentTalk time.Duration
	PlaybackTime         time.Duration
	Seed                 uint64 // bridge ids; default from the clock
}

// Request is one REST call the server received.
type Request struct {
	Method string
	Path   string // without query
	Query  string
	Body   string
}

// Server is a loopback ARI server: it replays one trace to each new
// websocket and runs generated calls (Place, RunLoop), whose events go
// to every websocket and whose channels and bridges the REST resources
// list and control as Asterisk's do.
type Server struct {
	HTTP   *httptest.Server
	tr     *Trace
	cfg    Config
	up     websocket.Upgrader
	ctx    context.Context // ends on Close; generated calls stop
	cancel context.CancelFunc
	wg     sync.WaitGroup // generated calls, ringing phones, playbacks

	mu       sync.Mutex
	socks    map[*sock]struct{}
	syn      *synth
	pos      int // frames applied to the model (sent or lost)
	state    *model
	drops    []int
	conns    int
	subAll   []bool
	reqs     []Request
	listed   chan struct{} // closed once both lists were asked for
	askedC   bool          // GET /channels since the last drop
	askedB   bool          // GET /bridges since the last drop
	finished chan struct{}
	done     bool
}

// NewServer starts a server for tr (nil: no recording, generated calls
// only) on a free loopback port; Close stops it.
func NewServer(tr *Trace, cfg Config) *Server {
	cfg.Addr = ""
	s, err := Listen(tr, cfg)
	if err != nil {
		panic(err) // a free loopback port, as httptest.NewServer assumes
	}
	return s
}

// Listen starts a server for tr (nil: generated calls only) on cfg.Addr.
func Listen(tr *Trace, cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if tr == nil {
		tr = &Trace{Name: "generated"}
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("aritest: listen on %s: %w", cfg.Addr, err)
	}
	s := &Server{
		tr: tr, cfg: cfg, state: newModel(),
		drops:    slices.Sorted(slices.Values(cfg.DropAfter)),
		listed:   make(chan struct{}),
		finished: make(chan struct{}),
		up:       websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
		socks:    map[*sock]struct{}{},
		syn:      newSynth(cfg.Seed),
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.HTTP = httptest.NewUnstartedServer(s.auth(s.routes()))
	s.HTTP.Listener.Close()
	s.HTTP.Listener = ln
	s.HTTP.Start()
	return s, nil
}

func (c Config) withDefaults() Config {
	if c.Username == "" {
		c.Username, c.Password = "crm", "crmsecret"
	}
	if c.Application == "" {
		c.Application = "crm"
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:0"
	}
	if c.AgentRing <= 0 {
		c.AgentRing = 2 * time.Second
	}
	if c.AgentTalk <= 0 {
		c.AgentTalk = 3 * time.Second
	}
	if c.PlaybackTime <= 0 {
		c.PlaybackTime = time.Second
	}
	if c.Seed == 0 {
		c.Seed = uint64(time.Now().UnixNano())
	}
	return c
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ari/events", s.events)
	mux.HandleFunc("GET /ari/asterisk/info", s.info)
	mux.HandleFunc("GET /ari/applications/{app}", s.application)
	mux.HandleFunc("GET /ari/channels", s.channels)
	mux.HandleFunc("POST /ari/channels", s.originate)
	mux.HandleFunc("GET /ari/channels/{id}", s.getChannel)
	mux.HandleFunc("POST /ari/channels/{id}", s.originate)
	mux.HandleFunc("DELETE /ari/channels/{id}", s.hangup)
	mux.HandleFunc("POST /ari/channels/{id}/answer", s.answer)
	mux.HandleFunc("POST /ari/channels/{id}/play", s.play)
	mux.HandleFunc("POST /ari/channels/{id}/play/{playbackId}", s.play)
	mux.HandleFunc("POST /ari/channels/{id}/continue", s.continueDialplan)
	mux.HandleFunc("GET /ari/bridges", s.bridges)
	mux.HandleFunc("POST /ari/bridges", s.createBridge)
	mux.HandleFunc("GET /ari/bridges/{id}", s.getBridge)
	mux.HandleFunc("POST /ari/bridges/{id}", s.createBridge)
	mux.HandleFunc("DELETE /ari/bridges/{id}", s.deleteBridge)
	mux.HandleFunc("POST /ari/bridges/{id}/addChannel", s.addChannel)
	mux.HandleFunc("POST /ari/bridges/{id}/removeChannel", s.removeChannel)
	return mux
}

// URL is the ARI root, http://127.0.0.1:port/ari.
func (s *Server) URL() string { return s.HTTP.URL + "/ari" }

// Addr is the host:port the server listens on.
func (s *Server) Addr() string { return s.HTTP.Listener.Addr().String() }

// Close stops the generated calls, drops every connection and websocket
// and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	s.cancel()
	s.closeSocksLocked()
	s.mu.Unlock()
	s.HTTP.CloseClientConnections()
	s.HTTP.Close()
	s.wg.Wait()
}

// DropWebsockets closes every open events websocket, as a failing
// network does; generated calls go on, and clients reconnect.
func (s *Server) DropWebsockets() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeSocksLocked()
}

// Finished is closed once every frame has been sent or lost.
func (s *Server) Finished() <-chan struct{} { return s.finished }

// Connections is how many websockets were accepted.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// SubscribeAll reports, per accepted websocket, whether it asked for
// subscribeAll=true.
func (s *Server) SubscribeAll() []bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.subAll)
}

// Requests returns the REST calls received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// auth accepts HTTP Basic auth or the api_key=user:pass parameter, as
// Asterisk does, and logs REST calls.
func (s *Server) auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, pass, ok := r.BasicAuth()
		if !ok {
			user, pass, ok = strings.Cut(r.URL.Query().Get("api_key"), ":")
		}
		if !ok || subtle.ConstantTimeCompare([]byte(user+":"+pass), []byte(s.cfg.Username+":"+s.cfg.Password)) != 1 {
			writeJSON(w, http.StatusUnauthorized, `{"message":"Authentication required"}`)
			return
		}
		if r.URL.Path != "/ari/events" {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			s.mu.Lock()
			s.reqs = append(s.reqs, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Body: string(body)})
			s.mu.Unlock()
		}
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// replayRecorded answers with the trace's recorded response, or def.
func (s *Server) replayRecorded(w http.ResponseWriter, method, path string, def string) {
	if x := s.tr.recorded(method, path); x != nil {
		writeJSON(w, x.Response.Status, x.Response.Body)
		return
	}
	writeJSON(w, http.StatusOK, def)
}

func (s *Server) info(w http.ResponseWriter, _ *http.Request) {
	s.replayRecorded(w, "GET", "/ari/asterisk/info", `{"system":{"version":"22.10.1","entity_id":"02:fc:00:00:00:01"}}`)
}

func (s *Server) application(w http.ResponseWriter, r *http.Request) {
	app := r.PathValue("app")
	if app != s.cfg.Application {
		writeJSON(w, http.StatusNotFound, `{"message":"Application not found"}`)
		return
	}
	if len(s.tr.Frames) > 0 {
		def, _ := json.Marshal(map[string]any{"name": app, "channel_ids": []string{}, "bridge_ids": []string{}, "endpoint_ids": []string{}, "device_names": []string{}})
		s.replayRecorded(w, "GET", "/ari/applications/"+app, string(def))
		return
	}
	writeJSON(w, http.StatusOK, string(s.applicationJSON(app)))
}

// channels lists the live channels: the replay's at its current point,
// then the generated ones, with the PBX's clock as the Date header.
func (s *Server) channels(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	body := list(s.state.chans, s.state.corder, s.syntheticChannelsLocked())
	s.date(w)
	s.askedC = true
	s.unholdLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, string(body))
}

func (s *Server) unholdLocked() {
	if !s.askedC || !s.askedB {
		return
	}
	select {
	case <-s.listed:
	default:
		close(s.listed)
	}
}

func (s *Server) bridges(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	body := list(s.state.bridges, s.state.border, s.syntheticBridgesLocked())
	s.date(w)
	s.askedB = true
	s.unholdLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, string(body))
}

// date sets the Date header: the replay's clock (the newest frame's
// time) while replaying a recording, the real one for generated calls.
func (s *Server) date(w http.ResponseWriter) {
	at := s.state.last
	if len(s.tr.Frames) == 0 {
		at = time.Now()
	}
	if !at.IsZero() {
		w.Header().Set("Date", at.UTC().Format(http.TimeFormat))
	}
}

func (s *Server) syntheticChannelsLocked() []json.RawMessage {
	out := make([]json.RawMessage, 0, len(s.syn.corder))
	for _, id := range s.syn.corder {
		out = append(out, marshal(s.syn.chans[id].json()))
	}
	return out
}

func (s *Server) syntheticBridgesLocked() []json.RawMessage {
	out := make([]json.RawMessage, 0, len(s.syn.border))
	for _, id := range s.syn.border {
		out = append(out, marshal(s.syn.bridges[id].json()))
	}
	return out
}

// originate answers POST /ari/channels (and /channels/{id}) with
// Config.OriginateStatus when set. Asterisk wants an endpoint and either
// an app or an extension. With an app, a generated phone rings (see
// originateApp); with an extension (click-to-call) the answer is the
// recording's.
func (s *Server) originate(w http.ResponseWriter, r *http.Request) {
	q, err := params(r)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	if id := r.PathValue("id"); id != "" {
		q.Set("channelId", id)
	}
	if st := s.cfg.OriginateStatus; st != 0 {
		writeJSON(w, st, fmt.Sprintf(`{"message":%q}`, http.StatusText(st)))
		return
	}
	if q.Get("endpoint") == "" || (q.Get("app") == "" && q.Get("extension") == "") {
		writeJSON(w, http.StatusBadRequest, `{"message":"Endpoint and either app or extension must be specified"}`)
		return
	}
	if q.Get("app") != "" {
		s.originateApp(w, q)
		return
	}
	def, _ := json.Marshal(map[string]any{"id": "1795802822.154", "name": q.Get("endpoint") + "-00000001;1", "state": "Down"})
	s.replayRecorded(w, "POST", "/ari/channels", string(def))
}
