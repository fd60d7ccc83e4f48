package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// refLabelSuffix names the text input beside a reference's hidden id.
const refLabelSuffix = "-label"

// readRecordForm reads a posted record form's fields of m: the values
// as readForm takes them, the owners settled and the references resolved
// by name. What is wrong with a field is in the state's errors; the error
// returned is the request's (an unreadable body, a failed lookup).
func (s *Server) readRecordForm(r *http.Request, m *crm.Module, fields []*crm.Field) (formState, error) {
	if err := s.parsePostedForm(r); err != nil {
		return formState{}, err
	}
	st := readForm(r, fields)
	readOwners(r, fields, st)
	if err := s.resolveRefs(r, m, st); err != nil {
		return formState{}, err
	}
	return st, nil
}

// readForm takes a posted form's values for fields, as the engine takes
// them: checkboxes 1 or 0, multi-selects joined, date-times with a space.
func readForm(r *http.Request, fields []*crm.Field) formState {
	st := formState{values: map[string]string{}, labels: map[string]string{}, errors: map[string]string{}}
	for _, f := range fields {
		kind, _, _ := inputKind(f)
		v := strings.TrimSpace(r.PostForm.Get(f.Name))
		switch kind {
		case "checkbox":
			v = "0"
			if r.PostForm.Get(f.Name) != "" {
				v = "1"
			}
		case "multiselect":
			v = strings.Join(r.PostForm[f.Name], multiSeparator)
		case "datetime":
			v = strings.Replace(v, "T", " ", 1)
		case "reference":
			st.labels[f.Name] = strings.TrimSpace(r.PostForm.Get(f.Name + refLabelSuffix))
		}
		st.values[f.Name] = v
	}
	return st
}

// resolveRefs settles each reference of a posted form: an empty name
// clears it, an id whose record still has the typed name keeps it, and
// otherwise the name must match exactly one record of the field's
// modules. So the form works without script, where nothing fills the id.
func (s *Server) resolveRefs(r *http.Request, m *crm.Module, st formState) error {
	for _, f := range editableFields(m) {
		if kind, _, _ := inputKind(f); kind != "reference" {
			continue
		}
		label := st.labels[f.Name]
		if label == "" {
			st.values[f.Name] = ""
			continue
		}
		if id, err := strconv.ParseInt(st.values[f.Name], 10, 64); err == nil && id > 0 {
			refs, err := s.deps.Records.RecordRefs(r.Context(), []int64{id})
			if err != nil {
				return err
			}
			if ref, ok := refs[id]; ok && ref.Label == label && (len(f.RefModules) == 0 || slices.Contains(f.RefModules, ref.Module)) {
				continue
			}
		}
		id, problem, err := s.findByName(r, f, label)
		if err != nil {
			return err
		}
		st.values[f.Name] = id
		if problem != "" {
			st.errors[f.Name] = problem
		}
	}
	return nil
}

// findByName finds the one record of f's modules named label.
func (s *Server) findByName(r *http.Request, f *crm.Field, label string) (id, problem string, err error) {
	res, err := s.deps.Records.SearchRecords(r.Context(), actor(r), label, f.RefModules, 20)
	if crm.ErrorCode(err) == crm.EInvalid {
		return "", "No record has this name.", nil
	}
	if err != nil {
		return "", "", err
	}
	var found []int64
	for _, mr := range res {
		for _, h := range mr.Hits {
			if strings.EqualFold(h.Label, label) {
				found = append(found, h.ID)
			}
		}
	}
	switch len(found) {
	case 0:
		return "", "No record has this name.", nil
	case 1:
		return strconv.FormatInt(found[0], 10), "", nil
	}
	return "", "Several records have this name; pick one from the list.", nil
}

// refLabels names the records a form's references point at.
func (s *Server) refLabels(r *http.Request, m *crm.Module, values map[string]string) (map[string]string, error) {
	out := map[string]string{}
	var ids []int64
	for _, f := range editableFields(m) {
		if id, err := strconv.ParseInt(values[f.Name], 10, 64); err == nil && id > 0 && isReference(f) {
			ids = append(ids, id)
		}
	}
	refs, err := s.deps.Records.RecordRefs(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	for _, f := range editableFields(m) {
		if id, err := strconv.ParseInt(values[f.Name], 10, 64); err == nil && isReference(f) {
			out[f.Name] = refs[id].Label
		}
	}
	return out, nil
}
