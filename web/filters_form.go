package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tigerline/tigerline/crm"
)

// Bounds of the filter form: vtiger's nine column slots (more when a
// saved filter already has more), and enough condition groups for any
// filter a person builds.
const (
	columnSlots = 9
	maxGroups   = 10
	maxViewName = 100
)

// filterForm is a saved filter as its form edits it.
type filterForm struct {
	Name     string
	Columns  []string
	Default  bool
	Metrics  bool
	Public   bool
	Pending  bool // public, waiting for an administrator
	DateFld  string
	Range    string
	Start    string
	End      string
	AnyGroup bool // groups joined by OR
	Groups   []condGroup
	// errors by place: "name", "columns", "date", "general", and
	// "cond.<group>.<row>".
	errors map[string]string
}

// condGroup is one group of advanced conditions.
type condGroup struct {
	MatchAny bool
	Rows     []condRow
}

// condRow is one condition: field, vtiger comparator code, value.
type condRow struct {
	Field string
	Op    string
	Value string
}

// condKey names a condition's place for its error.
func condKey(g, i int) string { return "cond." + strconv.Itoa(g) + "." + strconv.Itoa(i) }

// filterFromView fills a form from a saved filter.
func filterFromView(m *crm.Module, cv *crm.CustomView) *filterForm {
	ff := &filterForm{Name: cv.Name, Columns: slices.Clone(cv.Columns), Default: cv.Default, Metrics: cv.Metrics,
		Public: cv.Status == crm.ViewPublic || cv.Status == crm.ViewPending, Pending: cv.Status == crm.ViewPending,
		AnyGroup: cv.GroupsMatchAny, errors: map[string]string{}}
	if df := cv.DateFilter; df != nil {
		ff.DateFld, ff.Range = df.Field, df.Range
		if ff.Range == "" {
			ff.Range = "custom"
		}
		if ff.Range == "custom" { // a named range's stored days are stale
			ff.Start, ff.End = df.Start, df.End
		}
	}
	for _, g := range cv.Groups {
		cg := condGroup{MatchAny: g.MatchAny}
		for _, c := range g.Conditions {
			code, value := condCode(m.Field(c.Field), c)
			cg.Rows = append(cg.Rows, condRow{Field: c.Field, Op: code, Value: value})
		}
		ff.Groups = append(ff.Groups, cg)
	}
	return ff
}

// readFilterForm reads a posted filter form. Rows without a field are
// blanks and dropped. Errors: invalid (a form no page of ours posts).
func readFilterForm(r *http.Request) (*filterForm, error) {
	pf := r.PostForm
	ff := &filterForm{Name: strings.TrimSpace(pf.Get("name")), Default: pf.Get("setdefault") != "",
		Metrics: pf.Get("setmetrics") != "", Public: pf.Get("public") != "",
		DateFld: pf.Get("std_field"), Range: pf.Get("std_range"),
		Start: strings.TrimSpace(pf.Get("std_start")), End: strings.TrimSpace(pf.Get("std_end")),
		AnyGroup: pf.Get("groups_any") == "or", errors: map[string]string{}}
	for _, c := range pf["column"] {
		if c = strings.TrimSpace(c); c != "" {
			ff.Columns = append(ff.Columns, c)
		}
	}
	gs, fs, ops, vals := pf["cond_group"], pf["cond_field"], pf["cond_op"], pf["cond_value"]
	if len(fs) != len(gs) || len(ops) != len(gs) || len(vals) != len(gs) {
		return nil, crm.Errorf(crm.EInvalid, "The form could not be read.")
	}
	for i := range gs {
		g, err := strconv.Atoi(gs[i])
		if err != nil || g < 0 || g >= maxGroups {
			return nil, crm.Errorf(crm.EInvalid, "The form could not be read.")
		}
		for len(ff.Groups) <= g {
			n := len(ff.Groups)
			ff.Groups = append(ff.Groups, condGroup{MatchAny: pf.Get("group_any_"+strconv.Itoa(n)) == "or"})
		}
		if f := strings.TrimSpace(fs[i]); f != "" {
			ff.Groups[g].Rows = append(ff.Groups[g].Rows, condRow{Field: f, Op: ops[i], Value: strings.TrimSpace(vals[i])})
		}
	}
	return ff, nil
}

// validate checks the form against the module's fields and the other
// filters the user sees (others), filling its errors.
func (ff *filterForm) validate(m *crm.Module, others []*crm.CustomView, selfID int) {
	switch n := utf8.RuneCountInString(ff.Name); {
	case n == 0:
		ff.errors["name"] = "Give the filter a name."
	case n > maxViewName:
		ff.errors["name"] = "The name is too long."
	}
	for _, v := range others {
		if v.ID != selfID && strings.EqualFold(strings.TrimSpace(v.Name), ff.Name) {
			ff.errors["name"] = "Another filter of this module has this name."
		}
	}
	shown := visibleFields(m)
	known := func(name string) *crm.Field {
		if i := slices.IndexFunc(shown, func(f *crm.Field) bool { return f.Name == name }); i >= 0 {
			return shown[i]
		}
		return nil
	}
	switch {
	case len(ff.Columns) == 0:
		ff.errors["columns"] = "Choose at least one column."
	case len(slices.Compact(slices.Sorted(slices.Values(ff.Columns)))) != len(ff.Columns):
		ff.errors["columns"] = "Each column can be chosen once."
	}
	for _, c := range ff.Columns {
		if known(c) == nil {
			ff.errors["columns"] = "Choose the columns from the list."
		}
	}
	ff.validateDate(known)
	for g, grp := range ff.Groups {
		for i, row := range grp.Rows {
			f := known(row.Field)
			if f == nil {
				ff.errors[condKey(g, i)] = "Choose a field from the list."
				continue
			}
			if msg := condProblem(f, row.Op, row.Value); msg != "" {
				ff.errors[condKey(g, i)] = msg
			}
		}
	}
}

// validateDate checks the standard filter: none, or a date field with a
// known range, and for a custom range two dates in order.
func (ff *filterForm) validateDate(known func(string) *crm.Field) {
	if ff.DateFld == "" {
		return
	}
	f := known(ff.DateFld)
	switch {
	case f == nil || !isDateField(f):
		ff.errors["date"] = "Choose a date field from the list."
	case !knownChoice(dateRanges, ff.Range):
		ff.errors["date"] = "Choose a date range."
	case ff.Range != "custom":
	case !isDate(ff.Start, false) || !isDate(ff.End, false):
		ff.errors["date"] = "Enter the first and last day as YYYY-MM-DD."
	case ff.Start > ff.End:
		ff.errors["date"] = "The first day comes after the last one."
	}
}

// view turns a valid form into a saved filter of module m.
func (ff *filterForm) view(m *crm.Module, id int) *crm.CustomView {
	cv := &crm.CustomView{ID: id, Name: ff.Name, Module: m.Name, Default: ff.Default, Metrics: ff.Metrics,
		Status: crm.ViewPrivate, Columns: ff.Columns, GroupsMatchAny: ff.AnyGroup}
	if ff.Public {
		cv.Status = crm.ViewPublic // the engine makes a non-admin's pending
	}
	if ff.DateFld != "" {
		cv.DateFilter = &crm.DateFilter{Field: ff.DateFld, Range: ff.Range}
		if ff.Range == "custom" {
			cv.DateFilter.Start, cv.DateFilter.End = ff.Start, ff.End
		}
	}
	for _, g := range ff.Groups {
		if len(g.Rows) == 0 {
			continue
		}
		fg := crm.FilterGroup{MatchAny: g.MatchAny}
		for _, row := range g.Rows {
			fg.Conditions = append(fg.Conditions, condOp(row.Field, row.Op, row.Value))
		}
		cv.Groups = append(cv.Groups, fg)
	}
	return cv
}

// engineErrors puts the field errors of a filter the engine refused in
// their places: the name, the columns, the date filter or the
// conditions on the field named. It returns the message above the form.
func (ff *filterForm) engineErrors(ce *crm.Error) string {
	msg := "Please correct the marked fields."
	for key, e := range ce.Fields {
		placed := false
		switch key {
		case "name", "columns":
			ff.errors[key], placed = e, true
		}
		if key == ff.DateFld {
			ff.errors["date"], placed = e, true
		}
		for g, grp := range ff.Groups {
			for i, row := range grp.Rows {
				if row.Field == key {
					ff.errors[condKey(g, i)], placed = e, true
				}
			}
		}
		if !placed && slices.Contains(ff.Columns, key) {
			ff.errors["columns"], placed = e, true
		}
		if !placed {
			msg = ce.Message
		}
	}
	if len(ce.Fields) == 0 {
		msg = ce.Message
	}
	return msg
}
