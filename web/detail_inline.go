package web

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"

	"github.com/tigerline/tigerline/crm"
)

// inlineFragment is what inline editing swaps into a detail page: a
// field's value with its pencil, or the field's one-input form.
type inlineFragment struct {
	translator
	CSRFToken string
	Field     detailField
	// Form is the field's input as the full form has it, Cancel where
	// the form's cancel link leads without script.
	Form   *formField
	Cancel string
}

// inlineHref is where one field of a record is edited in place.
func inlineHref(module string, id int64, field string) string {
	return recordHref(module, id) + "/inline?field=" + url.QueryEscape(field)
}

// markInline offers inline editing of the fields the full form edits.
func markInline(tr translator, dp *detailPage, m *crm.Module) {
	editable := map[string]bool{}
	for _, f := range editableFields(m) {
		editable[f.Name] = true
	}
	for i := range dp.Blocks {
		for j := range dp.Blocks[i].Fields {
			f := &dp.Blocks[i].Fields[j]
			if editable[f.Name] {
				inlineField(tr, f, dp.Module, dp.ID)
			}
		}
	}
}

// inlineField offers inline editing of a shown field.
func inlineField(tr translator, f *detailField, module string, id int64) {
	f.InlineHref = inlineHref(module, id, f.Name)
	f.FormHref = recordHref(module, id) + "/edit#f-" + url.PathEscape(f.Name)
	f.EditLabel = tr.Tf("Edit %s", f.Label)
}

// inlineTarget is the module, record (readable for editing) and field of
// an inline-edit path.
func (s *Server) inlineTarget(r *http.Request) (*crm.Module, *crm.Record, *crm.Field, error) {
	m, rec, err := s.pathRecord(r, crm.ActionEdit)
	if err != nil {
		return nil, nil, nil, err
	}
	name := r.URL.Query().Get("field")
	for _, f := range editableFields(m) {
		if f.Name == name {
			return m, rec, f, nil
		}
	}
	return nil, nil, nil, crm.Errorf(crm.ENotFound, "There is no field %q to edit here.", name)
}

// handleInlineForm answers GET /m/{module}/{id}/inline?field=: the
// field's input, which detail.js puts in place of its value. Without
// script the pencil leads to the full form instead.
func (s *Server) handleInlineForm(w http.ResponseWriter, r *http.Request) {
	m, rec, f, err := s.inlineTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := formState{values: rec.Values, errors: map[string]string{}}
	if st.labels, err = s.refLabels(r, m, rec.Values); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderInlineForm(w, r, http.StatusOK, m, rec, f, st)
}

// handleInlineSave answers POST /m/{module}/{id}/inline?field=: it
// updates that one field through the record engine and answers with the
// value as the page shows it, or (400) with the form and the error.
func (s *Server) handleInlineSave(w http.ResponseWriter, r *http.Request) {
	m, rec, f, err := s.inlineTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	one := []*crm.Field{f}
	// References are resolved for the whole module; only f's counts.
	st, err := s.readRecordForm(r, m, one)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st.errors[f.Name] != "" {
		s.renderInlineForm(w, r, http.StatusBadRequest, m, rec, f, st)
		return
	}
	saved, err := s.deps.Records.UpdateRecord(r.Context(), actor(r), m.Name, rec.ID, map[string]string{f.Name: st.values[f.Name]})
	var ce *crm.Error
	if errors.As(err, &ce) && ce.Code == crm.EInvalid {
		st.errors[f.Name] = ce.Fields[f.Name]
		if st.errors[f.Name] == "" {
			st.errors[f.Name] = ce.Message
		}
		s.renderInlineForm(w, r, http.StatusBadRequest, m, rec, f, st)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	names, err := s.namesFor(r.Context(), one, saved)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := s.basePage(r, m.Name)
	frag := &inlineFragment{translator: p.translator, Field: detailField{Name: f.Name, Label: p.T(f.Label),
		Value: showValue(p.translator, f, saved.Values[f.Name], names)}}
	inlineField(p.translator, &frag.Field, m.Name, rec.ID)
	s.renderFragment(w, r, http.StatusOK, "inlinevalue", frag)
}

// renderInlineForm answers with the one-field form of f in state st.
func (s *Server) renderInlineForm(w http.ResponseWriter, r *http.Request, status int, m *crm.Module, rec *crm.Record, f *crm.Field, st formState) {
	p := s.basePage(r, m.Name)
	blocks, err := s.buildForm(r.Context(), p.translator, actor(r), m, []*crm.Field{f}, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	frag := &inlineFragment{translator: p.translator, CSRFToken: p.CSRFToken, Form: blocks[0].Fields[0],
		Field:  detailField{Name: f.Name, Label: p.T(f.Label)},
		Cancel: recordHref(m.Name, rec.ID)}
	inlineField(p.translator, &frag.Field, m.Name, rec.ID)
	s.renderFragment(w, r, status, "inlineform", frag)
}

// renderFragment writes one template of the detail page on its own, for
// a script to put into the page.
func (s *Server) renderFragment(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.pages["detail"].ExecuteTemplate(&buf, name, data); err != nil {
		s.log.Error("render fragment", "template", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
