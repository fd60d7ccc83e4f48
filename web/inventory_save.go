package web

import (
	"cmp"
	"errors"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// saveInventoryForm is saveForm for an inventory document: the header
// and its lines go to the inventory service in one save, which computes
// the totals itself. A problem anywhere brings the whole form back as
// typed, each error beside its field or line.
func (s *Server) saveInventoryForm(w http.ResponseWriter, r *http.Request, m *crm.Module, rec *crm.Record, st formState) {
	ctx, u := r.Context(), actor(r)
	tr := s.basePage(r, "").translator
	posted, err := s.readLineItems(r, tr)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(st.errors) > 0 || len(posted.problems) > 0 {
		posted.form.place(posted.problems)
		s.showInventoryForm(w, r, http.StatusBadRequest, m, rec, st, posted, "Please correct the marked fields.")
		return
	}
	var saved *crm.Record
	if rec == nil {
		saved, err = s.deps.Inventory.CreateDocument(ctx, u, m.Name, nonEmpty(st.values), posted.inv)
	} else {
		saved, err = s.deps.Inventory.UpdateDocument(ctx, u, m.Name, rec.ID, st.values, posted.inv)
	}
	var ce *crm.Error
	if errors.As(err, &ce) && ce.Code == crm.EInvalid {
		header, lines := splitProblems(ce.Fields)
		posted.form.place(lines)
		msg := "Please correct the marked fields."
		if len(header) > 0 {
			msg, _ = placeFieldErrors(&crm.Error{Code: crm.EInvalid, Message: ce.Message, Fields: header}, st)
		} else if len(lines) == 0 {
			msg = ce.Message
		}
		s.showInventoryForm(w, r, http.StatusBadRequest, m, rec, st, posted, msg)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, recordHref(m.Name, saved.ID), http.StatusSeeOther)
}

// showInventoryForm renders the form of a failed save: the header as
// typed and the posted lines, with the totals of what parsed.
func (s *Server) showInventoryForm(w http.ResponseWriter, r *http.Request, status int, m *crm.Module, rec *crm.Record, st formState, posted *postedLineItems, msg string) {
	p := s.recordFormPage(r, m, rec, msg)
	if _, unparsed := posted.problems[crm.InvLines]; !unparsed {
		posted.form.showTotals(posted.inv)
	}
	p.Inventory = posted.form
	s.showForm(w, r, status, p, m, editableFields(m), st)
}

// splitProblems parts a save's problems into the header's fields and the
// line items' keys.
func splitProblems(fields map[string]string) (header, lines map[string]string) {
	header, lines = map[string]string{}, map[string]string{}
	for k, v := range fields {
		if _, _, ok := crm.ParseLineField(k); ok || strings.HasPrefix(k, "inventory.") {
			lines[k] = v
		} else {
			header[k] = v
		}
	}
	return header, lines
}

// linePartOrder is the order of a row's errors: its inputs left to right.
var linePartOrder = map[string]int{crm.LineProduct: 0, crm.LineComment: 1, crm.LineDescription: 2,
	crm.LineQuantity: 3, crm.LineListPrice: 4, crm.LineDiscount: 5, crm.LineTax: 6}

// place puts problems beside their rows or the document's inputs,
// translated.
func (f *lineItemsForm) place(problems map[string]string) {
	keys := slices.Collect(maps.Keys(problems))
	slices.SortFunc(keys, func(a, b string) int {
		_, pa, _ := crm.ParseLineField(a)
		_, pb, _ := crm.ParseLineField(b)
		return cmp.Or(cmp.Compare(linePartOrder[pa], linePartOrder[pb]), cmp.Compare(a, b))
	})
	for _, key := range keys {
		msg := f.T(problems[key])
		if n, _, ok := crm.ParseLineField(key); ok && n <= len(f.Rows) {
			f.Rows[n-1].Errors = append(f.Rows[n-1].Errors, msg)
			continue
		}
		f.Errors[key] = msg
	}
}
