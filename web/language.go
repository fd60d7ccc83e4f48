package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// handleLanguage answers POST /settings/language: it stores the user's
// language and returns to the page the switch was on.
func (s *Server) handleLanguage(w http.ResponseWriter, r *http.Request) {
	code := r.PostFormValue("language")
	known := false
	for _, l := range languages {
		known = known || l.Code == code
	}
	if !known {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Tigerline does not speak %q.", code))
		return
	}
	if err := s.deps.Languages.SetLanguage(r.Context(), actor(r).ID, code); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, safeNext(r.PostFormValue("next")), http.StatusSeeOther)
}
