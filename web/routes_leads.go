package web

import "net/http"

// leadRoutes lists the routes of lead conversion, when the record engine
// converts leads. Each needs a session; the post needs its CSRF token.
func (s *Server) leadRoutes(mux *http.ServeMux) {
	if s.leadConverter() == nil {
		return
	}
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	mux.Handle("GET /m/Leads/{id}/convert", user(s.handleLeadConvertForm))
	mux.Handle("POST /m/Leads/{id}/convert", user(s.handleLeadConvert))
}
