package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// editPage is a record's create or edit form, and in its other modes
// the quick-create form and the mass edit form.
type editPage struct {
	page
	Module string
	ID     int64 // 0 when creating
	Label  string
	Action string
	Cancel string
	Blocks []formBlock
	// Error sums up what is wrong with a posted form.
	Error string
	// Mode is "" for the full form, "quick" for quick-create and "mass"
	// for mass edit.
	Mode string
	// Return is where quick-create and mass edit go back to.
	Return string
	// IDs are the records a mass edit changes; Updated and Failures
	// report a mass edit that changed some of them.
	IDs      []int64
	Updated  int
	Failures []massFailure
	// Inventory is the line-items section of a quote, sales order,
	// invoice or purchase order; nil for other modules.
	Inventory *lineItemsForm
}

// handleNewForm renders GET /m/{module}/new with the defaults: owned by
// the user, and the values the query string prefills (?account_id=4).
func (s *Server) handleNewForm(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	u := actor(r)
	st := formState{values: map[string]string{"assigned_user_id": strconv.FormatInt(u.ID, 10)}}
	for _, f := range editableFields(m) {
		if v := r.URL.Query().Get(f.Name); v != "" {
			st.values[f.Name] = v
		}
	}
	if st.labels, err = s.refLabels(r, m, st.values); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderForm(w, r, http.StatusOK, m, nil, st, "")
}

// handleEditForm renders GET /m/{module}/{id}/edit.
func (s *Server) handleEditForm(w http.ResponseWriter, r *http.Request) {
	m, rec, err := s.pathRecord(r, crm.ActionEdit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := formState{values: rec.Values}
	if st.labels, err = s.refLabels(r, m, rec.Values); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderForm(w, r, http.StatusOK, m, rec, st, "")
}

// handleCreate answers POST /m/{module}/new: a valid form creates the
// record and leads to it; an invalid one comes back filled, with the
// errors beside their fields.
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveForm(w, r, m, nil)
}

// handleUpdate answers POST /m/{module}/{id}/edit.
func (s *Server) handleUpdate(w http.ResponseWriter, r *http.Request) {
	m, rec, err := s.pathRecord(r, crm.ActionEdit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveForm(w, r, m, rec)
}

// saveForm reads a posted form, resolves its references by name and
// saves; rec is nil for a new record.
func (s *Server) saveForm(w http.ResponseWriter, r *http.Request, m *crm.Module, rec *crm.Record) {
	ctx, u := r.Context(), actor(r)
	st, err := s.readRecordForm(r, m, editableFields(m))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.inventoryOn(m) {
		s.saveInventoryForm(w, r, m, rec, st)
		return
	}
	if len(st.errors) > 0 {
		s.renderForm(w, r, http.StatusBadRequest, m, rec, st, "Please correct the marked fields.")
		return
	}
	var saved *crm.Record
	if rec == nil {
		saved, err = s.deps.Records.CreateRecord(ctx, u, m.Name, nonEmpty(st.values))
	} else {
		saved, err = s.deps.Records.UpdateRecord(ctx, u, m.Name, rec.ID, st.values)
	}
	if msg, invalid := placeFieldErrors(err, st); invalid {
		s.renderForm(w, r, http.StatusBadRequest, m, rec, st, msg)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, recordHref(m.Name, saved.ID), http.StatusSeeOther)
}

// placeFieldErrors puts the field errors of an invalid save beside the form's
// fields and returns the message above the form; invalid is false for
// any other error.
func placeFieldErrors(err error, st formState) (msg string, invalid bool) {
	var ce *crm.Error
	if !errors.As(err, &ce) || ce.Code != crm.EInvalid {
		return "", false
	}
	msg = "Please correct the marked fields."
	for name, e := range ce.Fields {
		if _, shown := st.values[name]; shown {
			st.errors[name] = e
		} else {
			msg = ce.Message // about a field the form does not show
		}
	}
	if len(ce.Fields) == 0 {
		msg = ce.Message
	}
	return msg, true
}

// renderForm shows the form of a new record (rec nil) or of rec.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, status int, m *crm.Module, rec *crm.Record, st formState, msg string) {
	p := s.recordFormPage(r, m, rec, msg)
	if err := s.fillLineItems(r, p, m, rec); err != nil {
		s.fail(w, r, err)
		return
	}
	s.showForm(w, r, status, p, m, editableFields(m), st)
}

// recordFormPage is the full form's page of a new record (rec nil) or
// of rec, with msg above the form.
func (s *Server) recordFormPage(r *http.Request, m *crm.Module, rec *crm.Record, msg string) *editPage {
	p := &editPage{page: s.basePage(r, m.Name), Module: m.Name,
		Action: "/m/" + m.Name + "/new", Cancel: "/m/" + m.Name}
	if rec != nil {
		p.ID, p.Label = rec.ID, rec.Label
		p.Action, p.Cancel = recordHref(m.Name, rec.ID)+"/edit", recordHref(m.Name, rec.ID)
	}
	p.Error = p.T(msg)
	return p
}

// showForm lays out fields with the state's values and renders p.
func (s *Server) showForm(w http.ResponseWriter, r *http.Request, status int, p *editPage, m *crm.Module, fields []*crm.Field, st formState) {
	blocks, err := s.buildForm(r.Context(), p.translator, actor(r), m, fields, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Blocks = blocks
	s.render(w, r, status, "edit", p)
}

// nonEmpty drops empty values: a new record leaves those fields unset.
func nonEmpty(vals map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range vals {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
