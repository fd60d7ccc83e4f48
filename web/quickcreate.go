package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// quickCreateFields are the fields of vtiger's quick-create form: those
// with quickcreate 0 or 2, in quickcreatesequence order, plus any other
// mandatory field (a custom one added later), which the record cannot
// be saved without.
func quickCreateFields(m *crm.Module) []*crm.Field {
	var out []*crm.Field
	for _, f := range editableFields(m) {
		if f.Quickcreate || f.Mandatory {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b *crm.Field) int {
		return cmp.Compare(quickOrder(a), quickOrder(b))
	})
	return out
}

// quickOrder sorts fields without a quick-create place last.
func quickOrder(f *crm.Field) int {
	if !f.Quickcreate || f.QuickcreateSequence <= 0 {
		return 1 << 20
	}
	return f.QuickcreateSequence
}

// handleQuickForm renders GET /m/{module}/quick: the short form, owned
// by the user, that returns to ?return= once the record is saved.
func (s *Server) handleQuickForm(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := formState{values: map[string]string{"assigned_user_id": strconv.FormatInt(actor(r).ID, 10)}}
	s.showQuickForm(w, r, http.StatusOK, m, st, r.URL.Query().Get("return"), "")
}

// handleQuickCreate answers POST /m/{module}/quick: a valid form creates
// the record and goes back where the user was, saying what was created;
// an invalid one comes back filled with the errors beside the fields.
func (s *Server) handleQuickCreate(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.readRecordForm(r, m, quickCreateFields(m))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	back := r.PostForm.Get("return")
	if len(st.errors) > 0 {
		s.showQuickForm(w, r, http.StatusBadRequest, m, st, back, "Please correct the marked fields.")
		return
	}
	rec, err := s.deps.Records.CreateRecord(r.Context(), actor(r), m.Name, nonEmpty(st.values))
	if msg, invalid := placeFieldErrors(err, st); invalid {
		s.showQuickForm(w, r, http.StatusBadRequest, m, st, back, msg)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next := recordHref(m.Name, rec.ID)
	if back != "" {
		next = withNotice(safeNext(back), url.Values{"created": {strconv.FormatInt(rec.ID, 10)}})
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// showQuickForm renders the quick-create form: its fields in one block,
// in quick-create order.
func (s *Server) showQuickForm(w http.ResponseWriter, r *http.Request, status int, m *crm.Module, st formState, back, msg string) {
	p := &editPage{page: s.basePage(r, m.Name), Module: m.Name, Mode: "quick",
		Action: "/m/" + m.Name + "/quick", Cancel: "/m/" + m.Name}
	if back != "" {
		p.Return = safeNext(back)
		p.Cancel = p.Return
	}
	p.Error = p.T(msg)
	blocks, err := s.buildForm(r.Context(), p.translator, actor(r), m, quickCreateFields(m), st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	one := formBlock{}
	for _, b := range blocks {
		one.Fields = append(one.Fields, b.Fields...)
	}
	p.Blocks = []formBlock{one}
	s.render(w, r, status, "edit", p)
}
