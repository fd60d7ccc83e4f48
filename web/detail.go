package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// detailPage is a record's detail view: its blocks of fields in metadata
// order, its related lists as tabs, its comments, tags and history.
type detailPage struct {
	page
	Module string
	ID     int64
	Label  string
	Href   string
	Blocks []detailBlock
	// Tabs are the record's related lists; Related is the selected one,
	// nil when the module has none.
	Tabs    []relatedTab
	Related *relatedPanel
	// Comments is the record's thread, nil when the module takes none.
	Comments *commentPanel
	Tags     []string
	History  []historyEntry

	// LeadConvert is the Convert Lead button or the notice after a
	// conversion, nil when neither applies.
	LeadConvert *leadConvertBar

	// Inventory is the line-items table of a quote, sales order,
	// invoice or purchase order; nil for other modules.
	Inventory *lineItemsView
}

// detailBlock is one block of a record's fields.
type detailBlock struct {
	Label  string
	Fields []detailField
}

// detailField is one field with its value as shown. Editable fields
// offer inline editing at InlineHref; their pencil, named EditLabel,
// leads to the full form at FormHref where script is off.
type detailField struct {
	Name       string
	Label      string
	Value      shownValue
	InlineHref string
	FormHref   string
	EditLabel  string
}

// detailState is what a post that failed brings back to the detail page:
// the selected tab and what the user typed, with what is wrong with it.
type detailState struct {
	tab          int
	linkLabel    string
	linkError    string
	commentText  string
	commentError string
}

// handleDetail renders GET /m/{module}/{id}.
func (s *Server) handleDetail(w http.ResponseWriter, r *http.Request) {
	dp, err := s.detailFor(r, detailState{})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "detail", dp)
}

// detailFor builds the detail page of the request's record.
func (s *Server) detailFor(r *http.Request, st detailState) (*detailPage, error) {
	ctx, u := r.Context(), actor(r)
	m, rec, err := s.pathRecord(r, crm.ActionView)
	if err != nil {
		return nil, err
	}
	id := rec.ID
	fields := visibleFields(m)
	names, err := s.namesFor(ctx, fields, rec)
	if err != nil {
		return nil, err
	}
	dp := &detailPage{page: s.basePage(r, m.Name), Module: m.Name, ID: id, Label: rec.Label, Href: recordHref(m.Name, id)}
	if r.Method != http.MethodGet {
		dp.Path = dp.Href // a failed post shows the page: the language switch returns to the record
	}
	canEdit, err := s.allowed(r, m.Name, crm.ActionEdit, id)
	if err != nil {
		return nil, err
	}
	dp.Blocks = detailBlocks(dp.translator, fields, rec, names)
	if dp.Inventory, err = s.lineItemsFor(r, dp.translator, m, id); err != nil {
		return nil, err
	}
	if dp.LeadConvert, err = s.leadConvertBar(r, dp.translator, m.Name, id, canEdit); err != nil {
		return nil, err
	}
	if canEdit {
		markInline(dp.translator, dp, m)
	}
	if err := s.fillRelated(r, dp, m, canEdit, st); err != nil {
		return nil, err
	}
	if err := s.fillComments(r, dp, m, st); err != nil {
		return nil, err
	}
	if dp.Tags, err = s.deps.Records.RecordTags(ctx, u, id); err != nil {
		return nil, err
	}
	changes, err := s.deps.Records.History(ctx, m.Name, id)
	if err != nil {
		return nil, err
	}
	dp.History = historyEntries(dp.translator, m, changes, names.owners)
	return dp, nil
}

// allowed reports whether the user may do action (on record id unless
// 0); a server without an access check allows everything.
func (s *Server) allowed(r *http.Request, module string, action crm.Action, id int64) (bool, error) {
	if s.deps.Access == nil {
		return true, nil
	}
	err := s.deps.Access.Check(r.Context(), actor(r), module, action, id)
	switch crm.ErrorCode(err) {
	case "":
		return true, nil
	case crm.EForbidden:
		return false, nil
	}
	return false, err
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
		b.Fields = append(b.Fields, detailField{Name: f.Name, Label: tr.T(f.Label), Value: showValue(tr, f, raw, n)})
	}
	return out
}
