package web

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// listParams are a list page's query parameters: the saved filter
// (viewname, as vtiger names it), the sort, the page and the quick filter.
type listParams struct {
	View int
	Sort string
	Desc bool
	Page int
	// QuickField and QuickValue filter on one field containing a text.
	QuickField string
	QuickValue string
	// Deleted, Updated, Tagged (with Tag and Untagged) and Created are
	// notices left by the redirect after an action.
	Deleted  int
	Updated  int
	Tagged   int
	Untagged int
	Tag      string
	Created  int64
}

// parseListParams reads a list's parameters; anything malformed is
// ignored rather than refused, as a list link may be old.
func parseListParams(q url.Values) listParams {
	p := listParams{Sort: q.Get("sort"), Desc: q.Get("dir") == "desc",
		QuickField: q.Get("qf"), QuickValue: strings.TrimSpace(q.Get("qv"))}
	p.View, _ = strconv.Atoi(q.Get("viewname"))
	p.Page, _ = strconv.Atoi(q.Get("page"))
	p.Deleted, _ = strconv.Atoi(q.Get("deleted"))
	p.Updated, _ = strconv.Atoi(q.Get("updated"))
	p.Tagged, _ = strconv.Atoi(q.Get("tagged"))
	p.Untagged, _ = strconv.Atoi(q.Get("untagged"))
	p.Created, _ = strconv.ParseInt(q.Get("created"), 10, 64)
	p.Tag = q.Get("tag")
	p.Page = max(p.Page, 1)
	return p
}

// values encodes the parameters back, for links that change one of them.
func (p listParams) values() url.Values {
	v := url.Values{}
	if p.View > 0 {
		v.Set("viewname", strconv.Itoa(p.View))
	}
	if p.Sort != "" {
		v.Set("sort", p.Sort)
		if p.Desc {
			v.Set("dir", "desc")
		} else {
			v.Set("dir", "asc")
		}
	}
	if p.Page > 1 {
		v.Set("page", strconv.Itoa(p.Page))
	}
	if p.QuickField != "" && p.QuickValue != "" {
		v.Set("qf", p.QuickField)
		v.Set("qv", p.QuickValue)
	}
	return v
}

// href is path with the parameters.
func (p listParams) href(path string) string {
	if q := p.values().Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// pickView returns the saved filter the parameters name, else the
// module's default one, else the first; nil when the module has none.
func pickView(views []*crm.CustomView, id int) *crm.CustomView {
	for _, v := range views {
		if v.ID == id {
			return v
		}
	}
	for _, v := range views {
		if v.Default {
			return v
		}
	}
	if len(views) > 0 {
		return views[0]
	}
	return nil
}

// listQuery turns a list's parameters into a query: the saved filter's
// columns and conditions, the sort, the quick filter and the page.
func (s *Server) listQuery(ctx context.Context, u *crm.User, m *crm.Module, p listParams, limit int) (crm.ListQuery, []*crm.CustomView, *crm.CustomView, error) {
	views, err := s.deps.Records.CustomViews(ctx, u, m.Name)
	if err != nil {
		return crm.ListQuery{}, nil, nil, err
	}
	var q crm.ListQuery
	cv := pickView(views, p.View)
	if cv != nil {
		q = s.deps.Records.ListQueryFromView(cv)
	}
	if len(q.Columns) == 0 {
		q.Columns = nil
	}
	if f := m.Field(p.Sort); f != nil {
		q.Sort, q.Desc = f.Name, p.Desc
	}
	if f := m.Field(p.QuickField); f != nil && p.QuickValue != "" {
		q.Filters = append(q.Filters, crm.Condition{Field: f.Name, Op: crm.OpContains, Values: []string{p.QuickValue}})
	}
	q.Limit = limit
	q.Offset = (p.Page - 1) * limit
	return q, views, cv, nil
}

// visibleFields are the fields pages show: those in a block, not hidden
// (displaytype 3) and not pictures (uitype 69).
func visibleFields(m *crm.Module) []*crm.Field {
	var out []*crm.Field
	for _, f := range m.Fields {
		if f.BlockID == 0 || f.DisplayType == 3 || f.UIType == 69 {
			continue
		}
		out = append(out, f)
	}
	return out
}

// linkColumn is the column that links to the record: the first name
// field among the columns, else the first column.
func linkColumn(m *crm.Module, columns []string) int {
	for i, c := range columns {
		if slices.ContainsFunc(m.NameFields, func(n string) bool { return strings.TrimSpace(n) == c }) {
			return i
		}
	}
	return 0
}
