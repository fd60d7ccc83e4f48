package web

import "net/http"

// listRoutes lists the routes of a list's own actions: saved filters,
// mass edit and mass tagging of the ticked rows, and quick-create. Each
// needs a session; posts need its CSRF token.
func (s *Server) listRoutes(mux *http.ServeMux) {
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	mux.Handle("GET /m/{module}/filters/new", user(s.handleFilterNew))
	mux.Handle("POST /m/{module}/filters/new", user(s.handleFilterCreate))
	mux.Handle("GET /m/{module}/filters/{cvid}/edit", user(s.handleFilterEdit))
	mux.Handle("POST /m/{module}/filters/{cvid}/edit", user(s.handleFilterUpdate))
	// Not .../delete: that would clash with POST /m/{module}/{id}/tags/delete
	// (both match /m/X/filters/tags/delete, neither more specific).
	mux.Handle("POST /m/{module}/filters/{cvid}/remove", user(s.handleFilterDelete))
	mux.Handle("POST /m/{module}/massedit", user(s.handleMassEdit))
	mux.Handle("POST /m/{module}/masstag", user(s.handleMassTag))
	mux.Handle("GET /m/{module}/quick", user(s.handleQuickForm))
	mux.Handle("POST /m/{module}/quick", user(s.handleQuickCreate))
}
