package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// pathModuleID returns the metadata of the request's {module} and its
// parsed {id}.
func (s *Server) pathModuleID(r *http.Request) (*crm.Module, int64, error) {
	m, err := s.pathModule(r)
	if err != nil {
		return nil, 0, err
	}
	id, err := pathID(r)
	if err != nil {
		return nil, 0, err
	}
	return m, id, nil
}

// pathRecord returns the module and live record of the request's path,
// read through readRecord so the user must be allowed action on it: view
// to show, comment on or tag it, edit to change it.
func (s *Server) pathRecord(r *http.Request, action crm.Action) (*crm.Module, *crm.Record, error) {
	m, id, err := s.pathModuleID(r)
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.readRecord(r.Context(), actor(r), m.Name, id, action)
	if err != nil {
		return nil, nil, err
	}
	return m, rec, nil
}
