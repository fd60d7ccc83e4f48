package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// backReference is the related module's field that points at module (a
// contact's account), which a record added from a related list starts
// with; nil when the link lives elsewhere (a link table).
func backReference(rm *crm.Module, module string) *crm.Field {
	for _, f := range editableFields(rm) {
		if isReference(f) && slices.Contains(f.RefModules, module) {
			return f
		}
	}
	return nil
}

// handleRelatedNewForm answers GET /m/{module}/{id}/related/{rel}/new:
// the related module's create form, owned by the user and pointing back
// at the record, as vtiger's return_module/return_id forms do.
func (s *Server) handleRelatedNewForm(w http.ResponseWriter, r *http.Request) {
	t, err := s.relatedAddTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.inventoryOn(t.rm) {
		http.Redirect(w, r, inventoryNewHref(t), http.StatusSeeOther)
		return
	}
	st := formState{values: map[string]string{"assigned_user_id": strconv.FormatInt(actor(r).ID, 10)}, errors: map[string]string{}}
	if f := backReference(t.rm, t.m.Name); f != nil {
		st.values[f.Name] = strconv.FormatInt(t.id, 10)
	}
	if st.labels, err = s.refLabels(r, t.rm, st.values); err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderRelatedForm(w, r, http.StatusOK, t, st, "")
}

// handleRelatedCreate answers POST /m/{module}/{id}/related/{rel}/new:
// it creates the related record, links it to the record where the form's
// own fields do not, and returns to the record's tab. A form whose back
// reference the user pointed elsewhere is saved as they chose, unlinked.
func (s *Server) handleRelatedCreate(w http.ResponseWriter, r *http.Request) {
	t, err := s.relatedAddTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if s.inventoryOn(t.rm) {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "A %s needs its line items: add it from its own form.", t.rm.Name))
		return
	}
	st, err := s.readRecordForm(r, t.rm, editableFields(t.rm))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(st.errors) > 0 {
		s.renderRelatedForm(w, r, http.StatusBadRequest, t, st, "Please correct the marked fields.")
		return
	}
	link, err := s.linkAfterAdd(r, t, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx, u := r.Context(), actor(r)
	saved, err := s.deps.Records.CreateRecord(ctx, u, t.rm.Name, nonEmpty(st.values))
	if msg, invalid := placeFieldErrors(err, st); invalid {
		s.renderRelatedForm(w, r, http.StatusBadRequest, t, st, msg)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if link {
		if err := s.deps.Relations.LinkRecords(ctx, u, t.m.Name, t.id, t.rm.Name, saved.ID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	t.backToTab(w, r)
}

// inventoryNewHref is the full create form of an inventory record added
// from a related list (a quote from an account's Quotes tab), pointing
// back at the record: a quote, order or invoice is nothing without its
// line items, which only that form has, as in vtiger, whose related Add
// opens the full edit view.
func inventoryNewHref(t *relatedTarget) string {
	href := "/m/" + url.PathEscape(t.rm.Name) + "/new"
	if f := backReference(t.rm, t.m.Name); f != nil {
		href += "?" + url.Values{f.Name: {strconv.FormatInt(t.id, 10)}}.Encode()
	}
	return href
}

// relatedAddTarget is the related list of the path, which must take new
// records.
func (s *Server) relatedAddTarget(r *http.Request) (*relatedTarget, error) {
	t, err := s.pathRelation(r)
	if err != nil {
		return nil, err
	}
	if !t.rel.CanAdd {
		return nil, crm.Errorf(crm.EInvalid, "This list takes no new records.")
	}
	return t, nil
}

// linkAfterAdd decides whether a new related record gets LinkRecords:
// not when the user pointed its back reference elsewhere; otherwise yes,
// which also fills the link tables some pairs keep beside the reference
// (a contact's potentials). A user who may not edit the record still
// gets the link a back reference makes; without one, the add is refused
// before anything is created.
func (s *Server) linkAfterAdd(r *http.Request, t *relatedTarget, st formState) (bool, error) {
	if !t.rel.Linkable {
		return false, nil
	}
	backSet := false
	if f := backReference(t.rm, t.m.Name); f != nil {
		if st.values[f.Name] != strconv.FormatInt(t.id, 10) {
			return false, nil
		}
		backSet = true
	}
	ok, err := s.allowed(r, t.m.Name, crm.ActionEdit, t.id)
	switch {
	case err != nil:
		return false, err
	case !ok && !backSet:
		return false, crm.Errorf(crm.EForbidden, "You may not link records to this record.")
	}
	return ok, nil
}

// renderRelatedForm shows the related module's create form, posting back
// to the related list and cancelling to the record's tab.
func (s *Server) renderRelatedForm(w http.ResponseWriter, r *http.Request, status int, t *relatedTarget, st formState, msg string) {
	p := &editPage{page: s.basePage(r, t.rm.Name), Module: t.rm.Name,
		Action: recordHref(t.m.Name, t.id) + "/related/" + strconv.Itoa(t.rel.ID) + "/new",
		Cancel: tabHref(t.m.Name, t.id, t.rel.ID, 1)}
	p.Error = p.T(msg)
	blocks, err := s.buildForm(r.Context(), p.translator, actor(r), t.rm, editableFields(t.rm), st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Blocks = blocks
	s.render(w, r, status, "edit", p)
}
