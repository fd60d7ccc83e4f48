package web

import "net/http"

// routes lists every route of the server. Pages behind requireUser need a
// session, and their state-changing requests a CSRF token.
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /ws", s.handleRealtime)
	s.settingsRoutes(mux)
	mux.Handle("GET /static/", s.assets)

	mux.HandleFunc("GET /login", s.handleLoginForm)
	mux.HandleFunc("POST /login", s.handleLogin)
	mux.Handle("POST /logout", s.requireUser(http.HandlerFunc(s.handleLogout)))

	mux.Handle("GET /{$}", s.requireUser(http.HandlerFunc(s.handleHome)))
	s.moduleRoutes(mux)
	s.callRoutes(mux)
	s.supportRoutes(mux)
	s.inventoryRoutes(mux)

	// vtiger's webservice: clients authenticate with a sessionName, not the
	// cookie, so it is outside requireUser and its CSRF check.
	mux.HandleFunc("GET /webservice.php", s.handleWebservice)
	mux.HandleFunc("POST /webservice.php", s.handleWebservice)

	// Anything else: a 404 page for a signed-in user, the sign-in page
	// for anyone else, so unknown paths reveal nothing.
	mux.Handle("/", s.requireUser(http.HandlerFunc(s.handleNotFound)))
	return mux
}
