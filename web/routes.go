package web

import "net/http"

// routes lists every route of the server. Pages behind requireUser need a
// session, and their state-changing requests a CSRF token.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.Handle("GET /static/", s.assets)

	mux.HandleFunc("GET /login", s.handleLoginForm)
	mux.HandleFunc("POST /login", s.handleLogin)
	mux.Handle("POST /logout", s.requireUser(http.HandlerFunc(s.handleLogout)))

	mux.Handle("GET /{$}", s.requireUser(http.HandlerFunc(s.handleHome)))

	// Anything else: a 404 page for a signed-in user, the sign-in page
	// for anyone else, so unknown paths reveal nothing.
	mux.Handle("/", s.requireUser(http.HandlerFunc(s.handleNotFound)))
	return mux
}
