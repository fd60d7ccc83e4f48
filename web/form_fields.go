package web

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// formField is one input of a record form, chosen by uitype.
type formField struct {
	Name      string
	Label     string
	Kind      string // text, textarea, number, date, datetime, time, checkbox, email, url, tel, select, multiselect, reference
	Value     string
	Options   []option // select and multiselect
	Mandatory bool
	Error     string
	// RefLabel names the referenced record; RefModules are the modules a
	// reference may point at, comma-separated, for the search.
	RefLabel   string
	RefModules string
	Step       string
	Suffix     string
	MaxLength  int
}

// formBlock is one block of a form.
type formBlock struct {
	Label  string
	Fields []*formField
}

// systemUITypes are filled by the server: record numbers, times, the
// last modifier.
var systemUITypes = map[int]bool{4: true, 70: true, 52: true}

// editableFields are the fields a form offers: visible, editable
// (displaytype 1), not set by the system, and stored in the record's own
// tables.
func editableFields(m *crm.Module) []*crm.Field {
	tables := recordTables(m)
	var out []*crm.Field
	for _, f := range visibleFields(m) {
		if f.DisplayType != 1 || systemUITypes[f.UIType] || !tables[f.Table] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// inputKind chooses the input of a field, with its step and suffix.
func inputKind(f *crm.Field) (kind, step, suffix string) {
	switch {
	case isOwner(f) || (f.Picklist != "" && f.UIType != 33):
		return "select", "", ""
	case f.UIType == 33:
		return "multiselect", "", ""
	case isReference(f):
		return "reference", "", ""
	case f.UIType == 56 || f.Type() == "C":
		return "checkbox", "", ""
	case f.UIType == 19 || f.UIType == 20 || f.UIType == 21 || f.UIType == 24:
		return "textarea", "", ""
	case f.UIType == 13 || f.Type() == "E":
		return "email", "", ""
	case f.UIType == 17:
		return "url", "", ""
	case f.UIType == 11:
		return "tel", "", ""
	case f.UIType == 5 || f.UIType == 23 || f.Type() == "D":
		return "date", "", ""
	case f.Type() == "DT":
		return "datetime", "", ""
	case f.UIType == 14 || f.Type() == "T":
		return "time", "", ""
	case f.UIType == 71 || f.UIType == 72:
		return "number", "0.01", ""
	case f.UIType == 9:
		return "number", "any", "%"
	case f.Type() == "I":
		return "number", "1", ""
	case f.Type() == "N" || f.Type() == "NN" || f.UIType == 7:
		return "number", "any", ""
	}
	return "text", "", ""
}

// formState is what a form shows: values, reference labels, errors.
type formState struct {
	values map[string]string
	labels map[string]string
	errors map[string]string
}

// buildForm lays out a form's blocks for fields with the state's values.
func (s *Server) buildForm(ctx context.Context, tr translator, u *crm.User, m *crm.Module, fields []*crm.Field, st formState) ([]formBlock, error) {
	_, users, err := s.ownerNames(ctx)
	if err != nil {
		return nil, err
	}
	var out []formBlock
	last := -1
	for _, f := range fields {
		ff := &formField{Name: f.Name, Label: tr.T(f.Label), Value: st.values[f.Name], Mandatory: f.Mandatory,
			Error: tr.T(st.errors[f.Name]), MaxLength: f.MaxLength}
		ff.Kind, ff.Step, ff.Suffix = inputKind(f)
		switch {
		case isOwner(f):
			ff.Options = ownerOptions(tr, users, ff.Value)
		case f.Picklist != "":
			vals, err := s.deps.Records.PicklistValues(ctx, u, m.Name, f.Name)
			if err != nil {
				return nil, err
			}
			ff.Options = picklistOptions(tr, vals, ff.Value, f.UIType == 33, f.Mandatory)
		case ff.Kind == "reference":
			ff.RefLabel = st.labels[f.Name]
			ff.RefModules = strings.Join(f.RefModules, ",")
		case ff.Kind == "datetime":
			ff.Value = strings.Replace(ff.Value, " ", "T", 1)
			if len(ff.Value) > 16 {
				ff.Value = ff.Value[:16]
			}
		case ff.Kind == "time" && len(ff.Value) > 5:
			ff.Value = ff.Value[:5]
		}
		if f.BlockID != last {
			out = append(out, formBlock{Label: tr.Block(f.BlockLabel)})
			last = f.BlockID
		}
		b := &out[len(out)-1]
		b.Fields = append(b.Fields, ff)
	}
	return out, nil
}

// ownerOptions offers the active users; an owner that is no user (a
// group) stays selectable so saving keeps it.
func ownerOptions(tr translator, users []*crm.User, cur string) []option {
	var out []option
	found := false
	for _, u := range users {
		if u.Status != "" && u.Status != "Active" {
			continue
		}
		id := strconv.FormatInt(u.ID, 10)
		found = found || id == cur
		out = append(out, option{Value: id, Label: u.FullName(), Selected: id == cur})
	}
	if !found && cur != "" {
		out = append(out, option{Value: cur, Label: tr.Tf("Group %s", cur), Selected: true})
	}
	return out
}

// picklistOptions offers a picklist's values. A stored value the user's
// role does not offer stays selectable, as vtiger keeps it on save.
func picklistOptions(tr translator, vals []string, cur string, multi, mandatory bool) []option {
	chosen := []string{cur}
	if multi {
		chosen = strings.Split(cur, multiSeparator)
	}
	var out []option
	if !multi && (!mandatory || cur == "") {
		out = append(out, option{Value: "", Label: tr.T("--None--"), Selected: cur == ""})
	}
	for _, v := range vals {
		out = append(out, option{Value: v, Label: tr.T(v), Selected: slices.Contains(chosen, v)})
	}
	for _, c := range chosen {
		if c != "" && !slices.Contains(vals, c) {
			out = append(out, option{Value: c, Label: tr.T(c), Selected: true})
		}
	}
	return out
}
