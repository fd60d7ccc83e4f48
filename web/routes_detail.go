package web

import "net/http"

// detailRoutes lists the routes of a detail page's parts: related lists
// (add, link, unlink), comments and inline editing. Each needs a session;
// posts need its CSRF token.
func (s *Server) detailRoutes(mux *http.ServeMux) {
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	// The field is a query parameter: a path segment after {id} would
	// clash with /m/{module}/filters/{cvid}/... routes.
	mux.Handle("GET /m/{module}/{id}/inline", user(s.handleInlineForm))
	mux.Handle("POST /m/{module}/{id}/inline", user(s.handleInlineSave))
	if s.deps.Relations != nil {
		mux.Handle("GET /m/{module}/{id}/related/{rel}/new", user(s.handleRelatedNewForm))
		mux.Handle("POST /m/{module}/{id}/related/{rel}/new", user(s.handleRelatedCreate))
		mux.Handle("POST /m/{module}/{id}/related/{rel}/link", user(s.handleRelatedLink))
		mux.Handle("POST /m/{module}/{id}/related/{rel}/unlink", user(s.handleRelatedUnlink))
	}
	if s.deps.Comments != nil {
		mux.Handle("POST /m/{module}/{id}/comments", user(s.handleAddComment))
	}
}
