package web

import "net/http"

// settingsRoutes adds the admins' settings pages that have a service.
func (s *Server) settingsRoutes(mux *http.ServeMux) {
	admin := func(h http.HandlerFunc) http.Handler { return s.requireUser(s.requireAdmin(h)) }
	mux.Handle("GET /settings", s.requireUser(http.HandlerFunc(s.handleSettings)))
	if s.deps.PBX != nil {
		mux.Handle("GET /settings/pbx", admin(s.handlePBXSettings))
		mux.Handle("POST /settings/pbx", admin(s.handleAddPBX))
		mux.Handle("POST /settings/pbx/remove", admin(s.handleRemovePBX))
	}
}
