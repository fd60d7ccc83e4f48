package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// relatedPageSize is how many related records a tab shows at a time.
const relatedPageSize = 10

// maxRelatedColumns bounds the columns a tab shows beside the name.
const maxRelatedColumns = 4

// relatedTab is one related list of a record, offered as a tab.
type relatedTab struct {
	ID       int
	Label    string
	Href     string
	Selected bool
}

// relatedPanel is the selected tab: a page of related records and what
// the user may do with the list.
type relatedPanel struct {
	translator
	CSRFToken string
	ID        int
	Label     string
	Module    string
	// Base is the path of the list's actions (link, unlink, new).
	Base     string
	Columns  []string
	Rows     []relatedRow
	Total    int
	PageNo   int
	Pages    int
	PrevHref string
	NextHref string
	// AddHref opens the related module's form linked back to the record;
	// "" when the list takes no new records or the user may not create.
	AddHref   string
	CanLink   bool
	CanUnlink bool
	// LinkLabel and LinkError are a failed link's typed name and problem.
	LinkLabel string
	LinkError string
	// Error says why the records cannot be shown.
	Error string
}

// relatedRow is one related record.
type relatedRow struct {
	ID    int64
	Href  string
	Name  string
	Cells []shownValue
}

// tabHref is a record's page with one related list selected.
func tabHref(module string, id int64, relID int, pageNo int) string {
	h := recordHref(module, id) + "?tab=" + strconv.Itoa(relID)
	if pageNo > 1 {
		h += "&rpage=" + strconv.Itoa(pageNo)
	}
	return h + "#related"
}

// fillRelated lists the record's related lists as tabs and fills the
// selected one (?tab=, else the first).
func (s *Server) fillRelated(r *http.Request, dp *detailPage, m *crm.Module, canEdit bool, st detailState) error {
	if s.deps.Relations == nil {
		return nil
	}
	rels, err := s.deps.Relations.Relations(r.Context(), m.Name)
	if err != nil {
		return err
	}
	want := st.tab
	if want == 0 {
		want, _ = strconv.Atoi(r.URL.Query().Get("tab"))
	}
	var sel *crm.Relation
	for _, rel := range rels {
		if rel.RelatedModule == "" {
			continue // a history of the record, not a list of records
		}
		if sel == nil || rel.ID == want {
			sel = rel
		}
		dp.Tabs = append(dp.Tabs, relatedTab{ID: rel.ID, Label: dp.T(rel.Label), Href: tabHref(m.Name, dp.ID, rel.ID, 1)})
	}
	if sel == nil {
		return nil
	}
	for i := range dp.Tabs {
		dp.Tabs[i].Selected = dp.Tabs[i].ID == sel.ID
	}
	pageNo := 1
	if st.tab == 0 {
		if n, err := strconv.Atoi(r.URL.Query().Get("rpage")); err == nil && n > 1 {
			pageNo = n
		}
	}
	dp.Related, err = s.relatedPanel(r, dp, sel, pageNo, canEdit, st)
	return err
}

// relatedPanel reads one page of a related list.
func (s *Server) relatedPanel(r *http.Request, dp *detailPage, rel *crm.Relation, pageNo int, canEdit bool, st detailState) (*relatedPanel, error) {
	ctx, u := r.Context(), actor(r)
	p := &relatedPanel{translator: dp.translator, CSRFToken: dp.CSRFToken, ID: rel.ID, Label: dp.T(rel.Label), Module: rel.RelatedModule, PageNo: pageNo,
		Base: dp.Href + "/related/" + strconv.Itoa(rel.ID), LinkLabel: st.linkLabel, LinkError: dp.T(st.linkError)}
	res, err := s.deps.Relations.FindRelated(ctx, u, dp.Module, dp.ID, rel.ID, (pageNo-1)*relatedPageSize, relatedPageSize)
	switch crm.ErrorCode(err) {
	case "":
	case crm.EForbidden:
		p.Error = dp.T("You may not see these records.")
		return p, nil
	case crm.EInvalid, crm.ENotFound: // one broken list must not take the page down
		p.Error = dp.T("This list cannot be shown.")
		return p, nil
	default:
		return nil, err
	}
	rm, err := s.deps.Records.Module(ctx, rel.RelatedModule)
	if err != nil {
		return nil, err
	}
	if err := s.fillRelatedRows(ctx, dp.translator, u, p, rm, res); err != nil {
		return nil, err
	}
	p.Total, p.Pages = res.Total, max(1, (res.Total+relatedPageSize-1)/relatedPageSize)
	if pageNo > 1 {
		p.PrevHref = tabHref(dp.Module, dp.ID, rel.ID, pageNo-1)
	}
	if pageNo < p.Pages {
		p.NextHref = tabHref(dp.Module, dp.ID, rel.ID, pageNo+1)
	}
	if rel.CanAdd {
		ok, err := s.allowed(r, rm.Name, crm.ActionCreate, 0)
		if err != nil {
			return nil, err
		}
		if ok {
			p.AddHref = p.Base + "/new"
		}
	}
	p.CanLink = rel.CanSelect && rel.Linkable && canEdit
	p.CanUnlink = (rel.CanSelect || rel.CanAdd) && rel.Linkable && canEdit
	return p, nil
}

// fillRelatedRows shows each related record's name and key columns.
func (s *Server) fillRelatedRows(ctx context.Context, tr translator, u *crm.User, p *relatedPanel, rm *crm.Module, res *crm.RelatedPage) error {
	cols, err := s.relatedColumns(ctx, u, rm)
	if err != nil {
		return err
	}
	names, err := s.namesFor(ctx, cols, res.Records...)
	if err != nil {
		return err
	}
	for _, f := range cols {
		p.Columns = append(p.Columns, tr.T(f.Label))
	}
	for _, rec := range res.Records {
		module := rm.Name
		if rec.Module != "" {
			module = rec.Module
		}
		row := relatedRow{ID: rec.ID, Href: recordHref(module, rec.ID), Name: rec.Label}
		if row.Name == "" {
			row.Name = "#" + strconv.FormatInt(rec.ID, 10)
		}
		for _, f := range cols {
			row.Cells = append(row.Cells, showValue(tr, f, rec.Values[f.Name], names))
		}
		p.Rows = append(p.Rows, row)
	}
	return nil
}

// relatedColumns are the first few columns of the related module's
// default list view, leaving out the name, which the row links anyway.
func (s *Server) relatedColumns(ctx context.Context, u *crm.User, rm *crm.Module) ([]*crm.Field, error) {
	views, err := s.deps.Records.CustomViews(ctx, u, rm.Name)
	if err != nil {
		return nil, err
	}
	var names []string
	if i := slices.IndexFunc(views, func(v *crm.CustomView) bool { return v.Default }); i >= 0 {
		names = views[i].Columns
	} else if len(views) > 0 {
		names = views[0].Columns
	}
	visible := visibleFields(rm)
	if len(names) == 0 {
		for _, f := range visible {
			names = append(names, f.Name)
		}
	}
	var out []*crm.Field
	for _, n := range names {
		f := rm.Field(n)
		if f == nil || !slices.Contains(visible, f) || isNameField(rm, n) || slices.Contains(out, f) {
			continue
		}
		if out = append(out, f); len(out) == maxRelatedColumns {
			break
		}
	}
	return out, nil
}

// isNameField reports whether a field makes the module's record labels.
func isNameField(m *crm.Module, name string) bool {
	return slices.ContainsFunc(m.NameFields, func(n string) bool { return strings.TrimSpace(n) == name })
}
