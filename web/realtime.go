package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// SessionUser returns the signed-in user of a request from its session
// cookie. The websocket hub authenticates its upgrade requests with it.
func (s *Server) SessionUser(r *http.Request) (*crm.User, error) {
	_, u, err := s.lookupSession(r)
	if err != nil {
		return nil, err
	}
	return u, nil
}

// handleRealtime hands /ws to the websocket hub, which checks the origin
// and the session itself before it upgrades.
func (s *Server) handleRealtime(w http.ResponseWriter, r *http.Request) {
	if s.deps.Realtime == nil {
		http.NotFound(w, r)
		return
	}
	s.deps.Realtime.ServeHTTP(w, r)
}
