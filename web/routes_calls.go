package web

import "net/http"

// callRoutes lists the routes of the agent's call pop, click-to-call and
// the supervisor dashboard. Each needs a session; posts need its CSRF
// token (scripts send it in X-CSRF-Token).
func (s *Server) callRoutes(mux *http.ServeMux) {
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	mux.Handle("POST /api/calls/originate", user(s.handleOriginate))
	mux.Handle("GET /calls/dial", user(s.handleDialForm))
	mux.Handle("POST /calls/dial", user(s.handleDial))
	if s.deps.Calls == nil {
		return
	}
	mux.Handle("GET /api/calls/live", user(s.handleLiveCalls))
	mux.Handle("POST /api/calls/{gateway}/{uid}/link", user(s.handleCallLink))
	mux.Handle("POST /api/calls/{gateway}/{uid}/note", user(s.handleCallNote))
	mux.Handle("GET /dashboard", user(s.requireSupervisor(s.handleDashboard)))
	mux.Handle("GET /api/dashboard", user(s.requireSupervisor(s.handleDashboardJSON)))
	if s.deps.Records != nil {
		mux.Handle("GET /api/callers/{module}/{id}/summary", user(s.handleCallerSummary))
	}
}
