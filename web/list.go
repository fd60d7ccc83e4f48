package web

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// listPage is a module's list view: a saved filter's columns over a page
// of records, sortable, filterable and selectable for mass delete.
type listPage struct {
	page
	Module      string
	Views       []option
	Columns     []listColumn
	Rows        []listRow
	Total       int
	Capped      bool // more than crm.TotalCap records: the count stopped
	PageNo      int
	Pages       int
	PrevHref    string
	NextHref    string
	QuickFields []option
	QuickValue  string
	ExportHref  string
	// Error explains a filter the engine refused.
	Error string
	// View is the saved filter shown, nil when the module has none.
	View *viewLinks
	// Return is this list without notices, where mass actions and
	// quick-create come back to; QuickHref opens quick-create.
	Return    string
	QuickHref string
	// Notices report what an action just did.
	Notices []listNotice
}

// option is one choice of a select.
type option struct {
	Value    string
	Label    string
	Selected bool
}

// listColumn is a column header: its label and the link that sorts by it.
type listColumn struct {
	Label    string
	SortHref string
	Sorted   string // "asc", "desc" or ""
}

// listRow is one record of a list.
type listRow struct {
	ID       int64
	Href     string
	Cells    []shownValue
	LinkCell int
}

// handleList renders GET /m/{module}.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := parseListParams(r.URL.Query())
	q, views, cv, err := s.listQuery(ctx, u, m, p, crm.DefaultListLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lp := &listPage{page: s.basePage(r, m.Name), Module: m.Name, QuickValue: p.QuickValue}
	lp.Views = viewOptions(views, cv)
	lp.View = viewLinksFor(m.Name, u, cv)
	lp.Return = p.href("/m/" + m.Name)
	lp.QuickHref = "/m/" + m.Name + "/quick?" + url.Values{"return": {lp.Return}}.Encode()
	if lp.Notices, err = s.listNotices(ctx, lp.translator, m, p); err != nil {
		s.fail(w, r, err)
		return
	}
	lp.QuickFields = quickFields(lp.translator, m, p.QuickField)
	res, err := s.deps.Records.FindRecords(ctx, u, m.Name, q)
	if crm.ErrorCode(err) == crm.EInvalid {
		lp.Error = crm.ErrorMessage(err)
		s.render(w, r, http.StatusOK, "list", lp)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.fillList(r, lp, m, p, res); err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "list", lp)
}

// fillList puts a page of records into the list page.
func (s *Server) fillList(r *http.Request, lp *listPage, m *crm.Module, p listParams, res *crm.RecordPage) error {
	path := "/m/" + m.Name
	fields := columnFields(m, res.Columns)
	names, err := s.namesFor(r.Context(), fields, res.Records...)
	if err != nil {
		return err
	}
	for _, f := range fields {
		sp := p
		sp.Page, sp.Sort, sp.Desc = 1, f.Name, p.Sort == f.Name && !p.Desc
		c := listColumn{Label: lp.T(f.Label), SortHref: sp.href(path)}
		if p.Sort == f.Name {
			c.Sorted = map[bool]string{false: "asc", true: "desc"}[p.Desc]
		}
		lp.Columns = append(lp.Columns, c)
	}
	link := linkColumn(m, res.Columns)
	for _, rec := range res.Records {
		row := listRow{ID: rec.ID, Href: recordHref(m.Name, rec.ID), LinkCell: link}
		for _, f := range fields {
			row.Cells = append(row.Cells, showValue(lp.translator, f, rec.Values[f.Name], names))
		}
		lp.Rows = append(lp.Rows, row)
	}
	lp.Total, lp.Capped, lp.PageNo = res.Total-1, res.TotalCapped, p.Page
	if !lp.Capped {
		lp.Total = res.Total
	}
	lp.Pages = max(1, (res.Total+res.Limit-1)/res.Limit)
	if lp.Capped && len(res.Records) == res.Limit {
		// The end is past the count's cap: go on while pages are full.
		lp.Pages = max(lp.Pages, p.Page+1)
	}
	if p.Page > 1 {
		pp := p
		pp.Page--
		lp.PrevHref = pp.href(path)
	}
	if p.Page < lp.Pages {
		np := p
		np.Page++
		lp.NextHref = np.href(path)
	}
	ep := p
	ep.Page = 1
	lp.ExportHref = ep.href(path + "/export.csv")
	return nil
}

// columnFields are the fields of a page's columns.
func columnFields(m *crm.Module, columns []string) []*crm.Field {
	out := make([]*crm.Field, 0, len(columns))
	for _, c := range columns {
		if f := m.Field(c); f != nil {
			out = append(out, f)
		}
	}
	return out
}

// viewOptions lists the saved filters for the filter select.
func viewOptions(views []*crm.CustomView, cur *crm.CustomView) []option {
	out := make([]option, 0, len(views))
	for _, v := range views {
		out = append(out, option{Value: strconv.Itoa(v.ID), Label: v.Name, Selected: cur != nil && v.ID == cur.ID})
	}
	return out
}

// quickFields lists the fields the quick filter offers.
func quickFields(tr translator, m *crm.Module, cur string) []option {
	var out []option
	for _, f := range visibleFields(m) {
		out = append(out, option{Value: f.Name, Label: tr.T(f.Label), Selected: f.Name == cur})
	}
	return out
}
