package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// handleDelete answers POST /m/{module}/{id}/delete: the record goes to
// the recycle bin and the user to the module's list.
func (s *Server) handleDelete(w http.ResponseWriter, r *http.Request) {
	m, id, err := s.pathModuleID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.deps.Records.DeleteRecord(r.Context(), actor(r), m.Name, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/m/"+m.Name+"?deleted=1", http.StatusSeeOther)
}

// handleMassDelete answers POST /m/{module}/delete with the ids ticked in
// the list. Records already gone are skipped, not an error: another user
// may have deleted them first.
func (s *Server) handleMassDelete(w http.ResponseWriter, r *http.Request) {
	m, err := s.postedModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n := 0
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		err = s.deps.Records.DeleteRecord(r.Context(), actor(r), m.Name, id)
		if crm.ErrorCode(err) == crm.ENotFound {
			continue
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		n++
	}
	http.Redirect(w, r, "/m/"+m.Name+"?deleted="+strconv.Itoa(n), http.StatusSeeOther)
}
