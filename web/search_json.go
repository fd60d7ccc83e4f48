package web

import (
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// searchHit is one record offered by the reference picker.
type searchHit struct {
	ID     int64  `json:"id"`
	Module string `json:"module"`
	Label  string `json:"label"`
}

// maxPickerHits bounds the suggestions per module.
const maxPickerHits = 10

// handleSearchJSON answers GET /m/{module}/search.json?q=: records of the
// module (or of the comma-separated modules=) whose name, number, email
// or phone starts with q, for search-as-you-type.
func (s *Server) handleSearchJSON(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	modules := []string{m.Name}
	if v := r.URL.Query().Get("modules"); v != "" {
		modules = strings.Split(v, ",")
	}
	hits := []searchHit{}
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeJSON(w, http.StatusOK, hits)
		return
	}
	res, err := s.deps.Records.SearchRecords(r.Context(), actor(r), q, modules, maxPickerHits)
	if err != nil && crm.ErrorCode(err) != crm.EInvalid {
		s.fail(w, r, err)
		return
	}
	for _, mr := range res {
		for _, h := range mr.Hits {
			hits = append(hits, searchHit{ID: h.ID, Module: mr.Module, Label: h.Label})
		}
	}
	writeJSON(w, http.StatusOK, hits)
}
