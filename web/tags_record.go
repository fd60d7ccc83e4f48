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
	m, rec, err := s.pathRecord(r, crm.ActionView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := change(rec.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, recordHref(m.Name, rec.ID)+"#tags", http.StatusSeeOther)
}
