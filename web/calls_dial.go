package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// maxDialNumber bounds a click-to-call number, in bytes.
const maxDialNumber = 40

// dialPage confirms a click-to-call without script, and tells how it went.
type dialPage struct {
	page
	Number string
	// Done is set once the call was placed; Error when it was not.
	Done  bool
	Error string
}

// handleOriginate answers POST /api/calls/originate {number}: the user's
// phone rings first, then the number.
func (s *Server) handleOriginate(w http.ResponseWriter, r *http.Request) {
	a, err := readCallAction(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	number, err := s.originate(r.Context(), actor(r), a.Number)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusAccepted, map[string]string{"status": "calling", "number": number})
}

// handleDialForm renders GET /calls/dial?number=, where phone numbers
// lead: a button that places the call (pop.js places it in place).
func (s *Server) handleDialForm(w http.ResponseWriter, r *http.Request) {
	p := &dialPage{page: s.basePage(r, "Call"), Number: strings.TrimSpace(r.URL.Query().Get("number"))}
	s.render(w, r, http.StatusOK, "calls", p)
}

// handleDial answers the dial page's form.
func (s *Server) handleDial(w http.ResponseWriter, r *http.Request) {
	p := &dialPage{page: s.basePage(r, "Call"), Number: strings.TrimSpace(r.PostFormValue("number"))}
	status := http.StatusOK
	if _, err := s.originate(r.Context(), actor(r), p.Number); err != nil {
		status = statusOf(crm.ErrorCode(err))
		p.Error = p.T(crm.ErrorMessage(err))
		if status >= 500 && crm.ErrorCode(err) != crm.EUnavailable {
			s.log.Error("click-to-call failed", "user", actor(r).UserName, "err", err)
		}
	} else {
		p.Done = true
	}
	s.render(w, r, status, "calls", p)
}

// originate checks a click-to-call and hands it to the PBX. Errors:
// unavailable (not wired), invalid (no number, no extension).
func (s *Server) originate(ctx context.Context, u *crm.User, number string) (string, error) {
	number = strings.TrimSpace(number)
	if s.deps.Originate == nil {
		return "", crm.Errorf(crm.EUnavailable, "Click-to-call is not set up on this server.")
	}
	if number == "" || len(number) > maxDialNumber || strings.ContainsAny(number, "\r\n") {
		return "", crm.Errorf(crm.EInvalid, "This is not a phone number.")
	}
	if u.Extension == "" {
		return "", crm.Errorf(crm.EInvalid, "You have no phone extension to call from.")
	}
	if err := s.deps.Originate(ctx, u, number); err != nil {
		return "", err
	}
	return number, nil
}
