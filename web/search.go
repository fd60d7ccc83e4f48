package web

import (
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// searchPage is the global search: hits grouped by module.
type searchPage struct {
	page
	Query   string
	Results []searchGroup
	Error   string
}

// searchGroup is one module's hits.
type searchGroup struct {
	Module string
	Label  string
	Hits   []searchLine
	More   bool
}

// searchLine is one hit: the record and the field that matched.
type searchLine struct {
	Href  string
	Label string
	Field string
	Value string
}

// maxSearchHits bounds the hits shown per module.
const maxSearchHits = 20

// handleSearch renders GET /search?q=.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := &searchPage{page: s.basePage(r, "Search"), Query: strings.TrimSpace(r.URL.Query().Get("q"))}
	if p.Query == "" {
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	res, err := s.deps.Records.SearchRecords(ctx, actor(r), p.Query, nil, maxSearchHits)
	if crm.ErrorCode(err) == crm.EInvalid {
		p.Error = crm.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "search", p)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, mr := range res {
		if len(mr.Hits) == 0 {
			continue
		}
		m, err := s.deps.Records.Module(ctx, mr.Module)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		g := searchGroup{Module: mr.Module, Label: p.T(mr.Module), More: mr.More}
		for _, h := range mr.Hits {
			line := searchLine{Href: recordHref(mr.Module, h.ID), Label: h.Label, Value: h.Value}
			if f := m.Field(h.Field); f != nil {
				line.Field = p.T(f.Label)
			}
			g.Hits = append(g.Hits, line)
		}
		p.Results = append(p.Results, g)
	}
	s.render(w, r, http.StatusOK, "search", p)
}
