package web

import "net/http"

// handleLogout ends the session (requireUser has checked its CSRF token)
// and returns to the sign-in page.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(sessionCookie)
	if err == nil {
		if err := s.deps.Sessions.Delete(r.Context(), c.Value); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if _, u := sessionFrom(r.Context()); u != nil {
		s.log.Info("logout", "user", u.UserName)
		s.announcePresence(r.Context(), u, agentOffline)
	}
	s.clearCookie(w, sessionCookie, "/")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
