package web

import (
	"context"
	"net/http"
	"time"
)

// healthTimeout bounds the health check, so a hung database answers 503
// to the load balancer instead of nothing.
const healthTimeout = 3 * time.Second

// healthBody is the JSON of /healthz.
type healthBody struct {
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
}

// handleHealth answers 200 when the node can serve and 503 with the
// reason when it cannot, for load balancers and monitoring.
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if s.deps.Health != nil {
		ctx, cancel := context.WithTimeout(r.Context(), healthTimeout)
		defer cancel()
		if err := s.deps.Health(ctx); err != nil {
			s.log.Warn("health check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, healthBody{Status: "unavailable", Error: err.Error()})
			return
		}
	}
	writeJSON(w, http.StatusOK, healthBody{Status: "ok"})
}
