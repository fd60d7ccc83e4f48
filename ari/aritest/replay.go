package aritest

import (
	"net/http"
	"time"

	"github.com/gorilla/websocket"
)

// events serves /ari/events: it replays the trace from where the last
// connection stopped until a drop point or the end, then sends the
// generated calls' events until the client leaves.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("app") != s.cfg.Application {
		http.Error(w, "wrong application", http.StatusBadRequest)
		return
	}
	// Subscribed before the handshake completes: a client that places a
	// call once connected gets all of its events.
	subAll := r.URL.Query().Get("subscribeAll") == "true"
	s.mu.Lock()
	k := s.openLocked(subAll)
	s.mu.Unlock()
	defer s.closeSock(k)
	ws, err := s.up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer ws.Close()
	s.mu.Lock()
	k.ws = ws
	s.conns++
	s.subAll = append(s.subAll, subAll)
	listed := s.listed
	s.mu.Unlock()
	closed := make(chan struct{})
	go func() { // notice the client leaving; discard what it sends
		defer close(closed)
		for {
			if _, _, err := ws.ReadMessage(); err != nil {
				return
			}
		}
	}()
	if s.cfg.HoldUntilList {
		select {
		case <-listed:
		case <-closed:
			return
		case <-time.After(5 * time.Second):
		}
	}
	if !s.replay(ws, closed) {
		return // dropped
	}
	s.pump(k, closed)
}

// replay sends frames until a drop point (false) or the end (true).
func (s *Server) replay(ws *websocket.Conn, closed <-chan struct{}) bool {
	for {
		if s.cfg.Interval > 0 {
			select {
			case <-time.After(s.cfg.Interval):
			case <-closed:
				return false
			}
		}
		s.mu.Lock()
		if len(s.drops) > 0 && s.pos >= s.drops[0] {
			s.drops = s.drops[1:]
			s.loseLocked(s.cfg.Lost)
			s.listed = make(chan struct{})
			s.askedC, s.askedB = false, false
			s.mu.Unlock()
			return false
		}
		if s.pos >= len(s.tr.Frames) {
			s.finishLocked()
			s.mu.Unlock()
			return true
		}
		f := s.tr.Frames[s.pos]
		s.state.apply(f)
		s.pos++
		err := ws.WriteMessage(websocket.TextMessage, f)
		s.mu.Unlock()
		if err != nil {
			return false
		}
	}
}

// loseLocked applies n frames to the PBX's state without sending them.
func (s *Server) loseLocked(n int) {
	for ; n > 0 && s.pos < len(s.tr.Frames); n-- {
		s.state.apply(s.tr.Frames[s.pos])
		s.pos++
	}
	if s.pos >= len(s.tr.Frames) {
		s.finishLocked()
	}
}

func (s *Server) finishLocked() {
	if !s.done {
		s.done = true
		close(s.finished)
	}
}
