package web

import "net/http"

// moduleRoutes lists the routes of the module pages (lists, records,
// forms, recycle bin, search, tags) and the language switch. Each needs
// a session; posts need its CSRF token.
func (s *Server) moduleRoutes(mux *http.ServeMux) {
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	if s.deps.Languages != nil {
		mux.Handle("POST /settings/language", user(s.handleLanguage))
	}
	if s.deps.Records == nil {
		return
	}
	s.listRoutes(mux)
	mux.Handle("GET /m/{module}", user(s.handleList))
	mux.Handle("GET /m/{module}/export.csv", user(s.handleExport))
	mux.Handle("GET /m/{module}/search.json", user(s.handleSearchJSON))
	mux.Handle("POST /m/{module}/delete", user(s.handleMassDelete))
	mux.Handle("GET /m/{module}/new", user(s.handleNewForm))
	mux.Handle("POST /m/{module}/new", user(s.handleCreate))
	mux.Handle("GET /m/{module}/{id}", user(s.handleDetail))
	mux.Handle("GET /m/{module}/{id}/edit", user(s.handleEditForm))
	mux.Handle("POST /m/{module}/{id}/edit", user(s.handleUpdate))
	mux.Handle("POST /m/{module}/{id}/delete", user(s.handleDelete))
	mux.Handle("POST /m/{module}/{id}/tags", user(s.handleTagRecord))
	mux.Handle("POST /m/{module}/{id}/tags/delete", user(s.handleUntagRecord))
	s.detailRoutes(mux)
	s.leadRoutes(mux)

	mux.Handle("GET /recyclebin", user(s.handleRecycleBin))
	mux.Handle("POST /recyclebin/restore", user(s.handleRestore))
	mux.Handle("POST /recyclebin/purge", user(s.handlePurge))
	mux.Handle("GET /search", user(s.handleSearch))
	mux.Handle("GET /tags", user(s.handleTags))
}
