package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// parsePostedForm reads the request's posted form. A body that cannot be
// read is the sender's to fix, so it is refused as invalid, in the
// user's language.
func (s *Server) parsePostedForm(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return s.textError(r, crm.EInvalid, "The form could not be read.")
	}
	return nil
}

// postedModule returns the metadata of the request's {module} once its
// posted form is read.
func (s *Server) postedModule(r *http.Request) (*crm.Module, error) {
	m, err := s.pathModule(r)
	if err != nil {
		return nil, err
	}
	if err := s.parsePostedForm(r); err != nil {
		return nil, err
	}
	return m, nil
}
