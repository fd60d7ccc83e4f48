package web

import "net/http"

// settingsPage is the Settings tab: the language for everyone, and the
// settings pages an admin may open.
type settingsPage struct {
	page
	Links []settingsLink
}

type settingsLink struct{ Href, Label, Note string }

// handleSettings answers GET /settings.
func (s *Server) handleSettings(w http.ResponseWriter, r *http.Request) {
	p := &settingsPage{page: s.basePage(r, "Settings")}
	if u := actor(r); u != nil && u.IsAdmin {
		if s.deps.PBX != nil {
			p.Links = append(p.Links, settingsLink{"/settings/pbx", p.T("PBX connections"), p.T("Asterisk servers, their connection state and errors")})
		}
		if s.deps.Support != nil {
			p.Links = append(p.Links, settingsLink{"/settings/support-lines", p.T("Support lines"), p.T("Numbers and queues whose calls open tickets")})
		}
	}
	s.render(w, r, http.StatusOK, "settings", p)
}
