package web

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// formField is one input of a record form, chosen by uitype.
type formField struct {
	Name    string
	Label   string
	Kind    string // text, textarea, number, date, datetime, time, checkbox, email, url, tel, select, multiselect, reference, owner
	Value   string
	Options []option // select and multiselect; an owner's users
	// Groups and OwnerTypes are an owner's groups and its user-or-group
	// choice (vtiger's assigntype U or T); no groups, no choice.
	Groups     []option
	OwnerTypes []option
	Mandatory  bool
	Error      string
	// RefLabel names the referenced record; RefModules are the modules a
	// reference may point at, comma-separated, for the search.
	RefLabel   string
	RefModules string
	Step       string
	Suffix     string
	MaxLength  int
	// Picked marks a field a mass edit is to change.
	Picked bool
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
	case isOwner(f):
		return "owner", "", ""
	case f.Picklist != "" && f.UIType != 33:
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
	groups, err := s.deps.Records.FindGroups(ctx)
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
			ownerChoices(tr, ff, users, groups)
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

// ownerChoices offers an owner field's active users and its groups, as
// vtiger's assigned-to picker does, with the current owner chosen. An
// inactive user who owns the record stays selectable, so saving keeps it.
func ownerChoices(tr translator, ff *formField, users []*crm.User, groups []crm.Group) {
	isGroup := false
	for _, g := range groups {
		id := strconv.FormatInt(g.ID, 10)
		isGroup = isGroup || id == ff.Value
		ff.Groups = append(ff.Groups, option{Value: id, Label: g.Name, Selected: id == ff.Value})
	}
	found := false
	for _, u := range users {
		id := strconv.FormatInt(u.ID, 10)
		if u.Status != "" && u.Status != "Active" && id != ff.Value {
			continue
		}
		found = found || id == ff.Value
		ff.Options = append(ff.Options, option{Value: id, Label: u.FullName(), Selected: id == ff.Value})
	}
	if !found && !isGroup && ff.Value != "" {
		ff.Options = append(ff.Options, option{Value: ff.Value, Label: "#" + ff.Value, Selected: true})
	}
	if len(groups) > 0 {
		ff.OwnerTypes = []option{
			{Value: ownerUser, Label: tr.T("User"), Selected: !isGroup},
			{Value: ownerGroup, Label: tr.T("Group"), Selected: isGroup},
		}
	}
}

// An owner picker posts its choice as <field>-type: vtiger's assigntype,
// U for a user (the <field> select) or T for a group (<field>-group).
const (
	ownerUser        = "U"
	ownerGroup       = "T"
	ownerTypeSuffix  = "-type"
	ownerGroupSuffix = "-group"
)

// readOwners settles the owner fields of a posted form: a group choice
// takes the group select's id; anything else keeps the user select's.
func readOwners(r *http.Request, fields []*crm.Field, st formState) {
	for _, f := range fields {
		if !isOwner(f) || r.PostForm.Get(f.Name+ownerTypeSuffix) != ownerGroup {
			continue
		}
		st.values[f.Name] = strings.TrimSpace(r.PostForm.Get(f.Name + ownerGroupSuffix))
		if st.values[f.Name] == "" {
			st.errors[f.Name] = "Choose a group."
		}
	}
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
