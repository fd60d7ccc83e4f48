package aritest

import (
	"github.com/gorilla/websocket"
)

// sock is one accepted events websocket. Generated frames wait in its
// queue until the connection's own goroutine (the only writer) sends
// them, after any replay, so a generated call never blocks on a slow
// client.
type sock struct {
	ws     *websocket.Conn // nil until upgraded; guarded by Server.mu
	subAll bool            // asked subscribeAll=true: every event, not only the application's
	queue  [][]byte
	wake   chan struct{} // one pending signal that the queue grew
}

// openLocked registers a websocket being opened for generated frames;
// its conn is set once upgraded.
func (s *Server) openLocked(subAll bool) *sock {
	k := &sock{subAll: subAll, wake: make(chan struct{}, 1)}
	s.socks[k] = struct{}{}
	return k
}

func (s *Server) closeSock(k *sock) {
	s.mu.Lock()
	delete(s.socks, k)
	s.mu.Unlock()
}

// closeSocksLocked closes every open websocket, as a failing network
// does.
func (s *Server) closeSocksLocked() {
	for k := range s.socks {
		if k.ws != nil {
			k.ws.Close()
		}
		delete(s.socks, k)
	}
}

// sendLocked queues a generated frame. Asterisk sends an application
// the events of the channels and bridges it is subscribed to (app), and
// everything to a subscribeAll connection.
func (s *Server) sendLocked(frame []byte, app bool) {
	for k := range s.socks {
		if !app && !k.subAll {
			continue
		}
		k.queue = append(k.queue, frame)
		select {
		case k.wake <- struct{}{}:
		default:
		}
	}
}

// pump writes k's queued frames until the client leaves or the server
// closes.
func (s *Server) pump(k *sock, closed <-chan struct{}) {
	for {
		s.mu.Lock()
		batch := k.queue
		k.queue = nil
		ws := k.ws
		s.mu.Unlock()
		for _, f := range batch {
			if err := ws.WriteMessage(websocket.TextMessage, f); err != nil {
				return
			}
		}
		select {
		case <-k.wake:
		case <-closed:
			return
		case <-s.ctx.Done():
			return
		}
	}
}
