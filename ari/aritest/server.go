package aritest

import (
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
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
}

// Request is one REST call the server received.
type Request struct {
	Method string
	Path   string // without query
	Query  string
	Body   string
}

// Server is a loopback ARI server replaying one trace.
type Server struct {
	HTTP *httptest.Server
	tr   *Trace
	cfg  Config
	up   websocket.Upgrader

	mu       sync.Mutex
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

// NewServer starts a server for tr on loopback; Close stops it.
func NewServer(tr *Trace, cfg Config) *Server {
	if cfg.Username == "" {
		cfg.Username, cfg.Password = "crm", "crmsecret"
	}
	if cfg.Application == "" {
		cfg.Application = "crm"
	}
	s := &Server{
		tr: tr, cfg: cfg, state: newModel(),
		drops:    slices.Sorted(slices.Values(cfg.DropAfter)),
		listed:   make(chan struct{}),
		finished: make(chan struct{}),
		up:       websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ari/events", s.events)
	mux.HandleFunc("GET /ari/asterisk/info", s.info)
	mux.HandleFunc("GET /ari/applications/{app}", s.application)
	mux.HandleFunc("GET /ari/channels", s.channels)
	mux.HandleFunc("GET /ari/bridges", s.bridges)
	mux.HandleFunc("POST /ari/channels", s.originate)
	s.HTTP = httptest.NewServer(s.auth(mux))
	return s
}

// URL is the ARI root, http://127.0.0.1:port/ari.
func (s *Server) URL() string { return s.HTTP.URL + "/ari" }

// Close stops the server and drops every connection.
func (s *Server) Close() {
	s.HTTP.CloseClientConnections()
	s.HTTP.Close()
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
	def, _ := json.Marshal(map[string]any{"name": app, "channel_ids": []string{}, "bridge_ids": []string{}, "endpoint_ids": []string{}, "device_names": []string{}})
	s.replayRecorded(w, "GET", "/ari/applications/"+app, string(def))
}

// channels lists the live channels at the current point of the replay,
// with the PBX's clock (the newest frame's time) as the Date header.
func (s *Server) channels(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	body := list(s.state.chans, s.state.corder)
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
	body := list(s.state.bridges, s.state.border)
	s.date(w)
	s.askedB = true
	s.unholdLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, string(body))
}

func (s *Server) date(w http.ResponseWriter) {
	if !s.state.last.IsZero() {
		w.Header().Set("Date", s.state.last.UTC().Format(http.TimeFormat))
	}
}

// originate answers POST /ari/channels like the recording, or with
// Config.OriginateStatus. Asterisk wants an endpoint and either an app
// or an extension.
func (s *Server) originate(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if st := s.cfg.OriginateStatus; st != 0 {
		writeJSON(w, st, fmt.Sprintf(`{"message":%q}`, http.StatusText(st)))
		return
	}
	if q.Get("endpoint") == "" || (q.Get("app") == "" && q.Get("extension") == "") {
		writeJSON(w, http.StatusBadRequest, `{"message":"Endpoint and either app or extension must be specified"}`)
		return
	}
	def, _ := json.Marshal(map[string]any{"id": "1795802822.154", "name": q.Get("endpoint") + "-00000001;1", "state": "Down"})
	s.replayRecorded(w, "POST", "/ari/channels", string(def))
}
