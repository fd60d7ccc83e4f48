package web

import "net/http"

// homePage is the welcome page a user lands on after signing in. It
// shows who is signed in; the agent's call panel joins it later.
type homePage struct {
	page
}

// handleHome renders the Home page.
func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "home", &homePage{page: s.basePage(r, "Home")})
}
