package web

import (
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// tagsPage is the user's tag cloud, or the records of one tag.
type tagsPage struct {
	page
	Cloud   []cloudTag
	Tag     string
	Records []tagged
}

// cloudTag is a tag sized by how many records carry it (1 to 5).
type cloudTag struct {
	Tag   string
	Count int
	Size  int
}

// tagged is a record carrying the chosen tag.
type tagged struct {
	Href   string
	Label  string
	Module string
}

// handleTags renders GET /tags and GET /tags?tag=.
func (s *Server) handleTags(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	p := &tagsPage{page: s.basePage(r, "Tags"), Tag: strings.TrimSpace(r.URL.Query().Get("tag"))}
	cloud, err := s.deps.Records.TagCloud(ctx, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Cloud = sizeCloud(cloud)
	if p.Tag != "" {
		refs, err := s.deps.Records.FindTagged(ctx, u, p.Tag)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, ref := range refs {
			p.Records = append(p.Records, tagged{Href: recordHref(ref.Module, ref.ID), Label: ref.Label, Module: p.T(ref.Module)})
		}
	}
	s.render(w, r, http.StatusOK, "tags", p)
}

// sizeCloud gives each tag a size from 1 to 5 by its share of the
// largest count.
func sizeCloud(tags []crm.TagCount) []cloudTag {
	most := 1
	for _, t := range tags {
		most = max(most, t.Count)
	}
	out := make([]cloudTag, len(tags))
	for i, t := range tags {
		out[i] = cloudTag{Tag: t.Tag, Count: t.Count, Size: 1 + 4*(t.Count-1)/max(most-1, 1)}
	}
	return out
}
