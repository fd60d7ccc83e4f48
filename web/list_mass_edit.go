package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// massFailure is a record a mass edit could not change, and why.
type massFailure struct {
	ID      int64
	Label   string
	Href    string
	Message string
}

// massFields are the fields mass edit offers: the form's editable fields
// that vtiger marks masseditable.
func massFields(m *crm.Module) []*crm.Field {
	var out []*crm.Field
	for _, f := range editableFields(m) {
		if f.MassEditable {
			out = append(out, f)
		}
	}
	return out
}

// handleMassEdit answers POST /m/{module}/massedit. From the list (the
// ticked ids only) it shows the form of the mass-editable fields; the
// form itself (apply=1) saves the ticked fields on every record, each
// record in its own transaction, validated like a single edit.
func (s *Server) handleMassEdit(w http.ResponseWriter, r *http.Request) {
	m, ids, err := s.massTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &editPage{page: s.basePage(r, m.Name), Module: m.Name, Mode: "mass", IDs: ids,
		Action: "/m/" + m.Name + "/massedit", Return: listReturn(m.Name, r.PostForm.Get("return"))}
	p.Cancel = p.Return
	if r.PostForm.Get("apply") == "" {
		st := formState{values: map[string]string{"assigned_user_id": strconv.FormatInt(actor(r).ID, 10)}}
		s.showMassForm(w, r, http.StatusOK, p, m, st, nil)
		return
	}
	s.applyMassEdit(w, r, p, m)
}

// applyMassEdit saves the ticked fields of a posted mass edit form.
func (s *Server) applyMassEdit(w http.ResponseWriter, r *http.Request, p *editPage, m *crm.Module) {
	fields := massFields(m)
	st, err := s.readRecordForm(r, m, fields)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	picked := map[string]bool{}
	for _, name := range r.PostForm["pick"] {
		if slices.ContainsFunc(fields, func(f *crm.Field) bool { return f.Name == name }) {
			picked[name] = true
		}
	}
	for name := range st.errors {
		if !picked[name] {
			delete(st.errors, name) // typed into a field left unticked: ignored
		}
	}
	switch {
	case len(picked) == 0:
		p.Error = p.T("Tick at least one field to change.")
		s.showMassForm(w, r, http.StatusBadRequest, p, m, st, picked)
		return
	case len(st.errors) > 0:
		p.Error = p.T("Please correct the marked fields.")
		s.showMassForm(w, r, http.StatusBadRequest, p, m, st, picked)
		return
	}
	vals := map[string]string{}
	for name := range picked {
		vals[name] = st.values[name]
	}
	updated, failed, errs := 0, []int64{}, map[int64]error{}
	for _, id := range p.IDs {
		if _, err := s.deps.Records.UpdateRecord(r.Context(), actor(r), m.Name, id, vals); err != nil {
			if crm.ErrorCode(err) == crm.EInternal {
				s.log.Error("mass edit", "module", m.Name, "id", id, "err", err)
			}
			failed, errs[id] = append(failed, id), err
			continue
		}
		updated++
	}
	if len(failed) == 0 {
		back := withNotice(p.Return, url.Values{"updated": {strconv.Itoa(updated)}})
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	s.reportMassEdit(w, r, p, m, st, picked, updated, failed, errs)
}

// reportMassEdit shows a mass edit that failed on some records: when
// every record refused the values for the same reason, the reasons go
// beside the fields; otherwise each failed record is listed with its
// reason, and the form stays filled for those records only.
func (s *Server) reportMassEdit(w http.ResponseWriter, r *http.Request, p *editPage, m *crm.Module, st formState,
	picked map[string]bool, updated int, failed []int64, errs map[int64]error) {
	if updated == 0 && sameInvalid(errs) {
		msg, _ := placeFieldErrors(errs[failed[0]], st)
		p.Error = p.T(msg)
		s.showMassForm(w, r, http.StatusBadRequest, p, m, st, picked)
		return
	}
	refs, err := s.deps.Records.RecordRefs(r.Context(), failed)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, id := range failed {
		f := massFailure{ID: id, Label: "#" + strconv.FormatInt(id, 10), Message: massReason(p.translator, m, errs[id])}
		if ref, ok := refs[id]; ok && ref.Module == m.Name && crm.ErrorCode(errs[id]) != crm.ENotFound {
			f.Href = recordHref(m.Name, id)
			if ref.Label != "" {
				f.Label = ref.Label
			}
		}
		p.Failures = append(p.Failures, f)
	}
	p.Updated, p.IDs = updated, failed
	status := http.StatusOK
	if updated == 0 {
		status = http.StatusBadRequest
	}
	s.showMassForm(w, r, status, p, m, st, picked)
}

// sameInvalid reports whether every error is the same validation error.
func sameInvalid(errs map[int64]error) bool {
	first := ""
	for _, err := range errs {
		var ce *crm.Error
		if !errors.As(err, &ce) || ce.Code != crm.EInvalid || len(ce.Fields) == 0 {
			return false
		}
		var b strings.Builder
		for _, n := range sortedKeys(ce.Fields) {
			b.WriteString(n + "\x00" + ce.Fields[n] + "\x00")
		}
		if first == "" {
			first = b.String()
		}
		if b.String() != first {
			return false
		}
	}
	return true
}

// sortedKeys are a map's keys in order.
func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// massReason says in the user's language why a record was not changed.
func massReason(tr translator, m *crm.Module, err error) string {
	var ce *crm.Error
	switch crm.ErrorCode(err) {
	case crm.ENotFound:
		return tr.T("This record no longer exists.")
	case crm.EForbidden:
		return tr.T("You may not change this record.")
	case crm.EInvalid:
		if errors.As(err, &ce) && len(ce.Fields) > 0 {
			var parts []string
			for _, name := range sortedKeys(ce.Fields) {
				label := name
				if f := m.Field(name); f != nil {
					label = tr.T(f.Label)
				}
				parts = append(parts, label+": "+tr.T(ce.Fields[name]))
			}
			return strings.Join(parts, "; ")
		}
	case crm.EInternal:
		return tr.T("The record could not be saved; try again.")
	}
	return tr.T(crm.ErrorMessage(err))
}

// showMassForm renders the mass edit form with picked fields ticked.
func (s *Server) showMassForm(w http.ResponseWriter, r *http.Request, status int, p *editPage, m *crm.Module, st formState, picked map[string]bool) {
	blocks, err := s.buildForm(r.Context(), p.translator, actor(r), m, massFields(m), st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, b := range blocks {
		for _, ff := range b.Fields {
			ff.Picked = picked[ff.Name]
		}
	}
	p.Blocks = blocks
	s.render(w, r, status, "edit", p)
}
