package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// filterPage is the saved-filter form: name and flags, columns in
// order, the standard date filter and groups of advanced conditions.
type filterPage struct {
	page
	Module string
	ID     int // 0 for a new filter
	Action string
	Cancel string
	Error  string

	Name      string
	NameError string
	// Slots are the column selects, in display order.
	Slots        [][]option
	ColumnsError string
	Default      bool
	Metrics      bool
	Public       bool
	Pending      bool

	DateFields []option
	Ranges     []option
	Start      string
	End        string
	DateError  string

	GroupsAny bool
	Groups    []groupView
	// ExtraRows are blank condition rows asked for with "more rows".
	ExtraRows int
	CanGroup  bool // room for one more group
}

// groupView is one condition group of the form.
type groupView struct {
	N        int
	MatchAny bool
	Rows     []rowView
}

// rowView is one condition row of the form.
type rowView struct {
	Fields []option
	Ops    []option
	Value  string
	Error  string
}

// blankRows is how many empty rows each group offers beyond its own.
const blankRows = 2

// renderFilter shows the filter form for ff (id 0: a new filter) with
// extra blank rows per group.
func (s *Server) renderFilter(w http.ResponseWriter, r *http.Request, status int, m *crm.Module, id int, ff *filterForm, extra int, msg string) {
	p := &filterPage{page: s.basePage(r, m.Name), Module: m.Name, ID: id, Cancel: "/m/" + m.Name,
		Action: "/m/" + m.Name + "/filters/new", Name: ff.Name, Default: ff.Default, Metrics: ff.Metrics,
		Public: ff.Public, Pending: ff.Pending, Start: ff.Start, End: ff.End, GroupsAny: ff.AnyGroup,
		ExtraRows: extra, CanGroup: len(ff.Groups) < maxGroups}
	if id > 0 {
		p.Action = "/m/" + m.Name + "/filters/" + strconv.Itoa(id) + "/edit"
		p.Cancel = "/m/" + m.Name + "?viewname=" + strconv.Itoa(id)
	}
	tr := p.translator
	p.Error = tr.T(msg)
	p.NameError, p.ColumnsError, p.DateError = tr.T(ff.errors["name"]), tr.T(ff.errors["columns"]), tr.T(ff.errors["date"])
	fields := visibleFields(m)
	for i := range max(columnSlots, len(ff.Columns)) {
		cur := ""
		if i < len(ff.Columns) {
			cur = ff.Columns[i]
		}
		p.Slots = append(p.Slots, fieldOptions(tr, fields, cur, nil))
	}
	p.DateFields = fieldOptions(tr, fields, ff.DateFld, isDateField)
	rng := ff.Range
	if rng == "" {
		rng = "custom"
	}
	p.Ranges = choiceOptions(tr, dateRanges, rng)
	groups := ff.Groups
	if len(groups) == 0 {
		groups = []condGroup{{}}
	}
	for g, grp := range groups {
		gv := groupView{N: g, MatchAny: grp.MatchAny}
		for i, row := range grp.Rows {
			gv.Rows = append(gv.Rows, conditionRow(tr, fields, row, tr.T(ff.errors[condKey(g, i)])))
		}
		blanks := blankRows + extra
		if len(grp.Rows) == 0 {
			blanks++
		}
		for range blanks {
			gv.Rows = append(gv.Rows, conditionRow(tr, fields, condRow{Op: "e"}, ""))
		}
		p.Groups = append(p.Groups, gv)
	}
	s.render(w, r, status, "filter_edit", p)
}

// fieldOptions offers fields (those keep accepts, nil for all) after a
// "none" choice, cur selected.
func fieldOptions(tr translator, fields []*crm.Field, cur string, keep func(*crm.Field) bool) []option {
	out := []option{{Value: "", Label: tr.T("--None--"), Selected: cur == ""}}
	for _, f := range fields {
		if keep == nil || keep(f) {
			out = append(out, option{Value: f.Name, Label: tr.T(f.Label), Selected: f.Name == cur})
		}
	}
	return out
}

// conditionRow lays out one condition for the form.
func conditionRow(tr translator, fields []*crm.Field, row condRow, problem string) rowView {
	ops := filterOps
	if row.Op == betweenOp.Code {
		ops = append(ops[:len(ops):len(ops)], betweenOp)
	}
	return rowView{Fields: fieldOptions(tr, fields, row.Field, nil), Ops: choiceOptions(tr, ops, row.Op),
		Value: row.Value, Error: problem}
}
