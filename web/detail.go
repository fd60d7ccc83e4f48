package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// detailPage is a record's detail view: its blocks of fields in metadata
// order, its tags and its history.
type detailPage struct {
	page
	Module  string
	ID      int64
	Label   string
	Blocks  []detailBlock
	Tags    []string
	History []historyEntry
}

// detailBlock is one block of a record's fields.
type detailBlock struct {
	Label  string
	Fields []detailField
}

// detailField is one field with its value as shown.
type detailField struct {
	Label string
	Value shownValue
}

// handleDetail renders GET /m/{module}/{id}.
func (s *Server) handleDetail(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
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
	rec, err := s.readRecord(ctx, u, m.Name, id, crm.ActionView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fields := visibleFields(m)
	names, err := s.namesFor(ctx, fields, rec)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dp := &detailPage{page: s.basePage(r, m.Name), Module: m.Name, ID: id, Label: rec.Label}
	dp.Blocks = detailBlocks(dp.translator, fields, rec, names)
	if dp.Tags, err = s.deps.Records.RecordTags(ctx, u, id); err != nil {
		s.fail(w, r, err)
		return
	}
	changes, err := s.deps.Records.History(ctx, m.Name, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	dp.History = historyEntries(dp.translator, m, changes, names.owners)
	s.render(w, r, http.StatusOK, "detail", dp)
}

// detailBlocks groups a record's values by block, in metadata order.
func detailBlocks(tr translator, fields []*crm.Field, rec *crm.Record, n valueNames) []detailBlock {
	var out []detailBlock
	last := -1
	for _, f := range fields {
		raw, ok := rec.Values[f.Name]
		if !ok {
			continue // kept outside the record's tables (ticket comments)
		}
		if f.BlockID != last {
			out = append(out, detailBlock{Label: tr.Block(f.BlockLabel)})
			last = f.BlockID
		}
		b := &out[len(out)-1]
		b.Fields = append(b.Fields, detailField{Label: tr.T(f.Label), Value: showValue(tr, f, raw, n)})
	}
	return out
}
