package web

import (
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// handleTagRecord answers POST /m/{module}/{id}/tags: the words of the
// tags field become the user's tags of the record.
func (s *Server) handleTagRecord(w http.ResponseWriter, r *http.Request) {
	s.changeTags(w, r, func(id int64) error {
		tags := strings.TrimSpace(r.PostFormValue("tags"))
		if tags == "" {
			return nil
		}
		return s.deps.Records.TagRecord(r.Context(), actor(r), id, tags)
	})
}

// handleUntagRecord answers POST /m/{module}/{id}/tags/delete.
func (s *Server) handleUntagRecord(w http.ResponseWriter, r *http.Request) {
	s.changeTags(w, r, func(id int64) error {
		return s.deps.Records.UntagRecord(r.Context(), actor(r), id, r.PostFormValue("tag"))
	})
}

// changeTags runs change on the record of the path, then returns to it.
func (s *Server) changeTags(w http.ResponseWriter, r *http.Request, change func(id int64) error) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.readRecord(r.Context(), actor(r), m.Name, id, crm.ActionView); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := change(id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, recordHref(m.Name, id)+"#tags", http.StatusSeeOther)
}
