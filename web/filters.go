package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// viewLinks is the saved filter a list shows, with what its user may do
// to it.
type viewLinks struct {
	ID        int
	EditHref  string
	DeleteURL string
	// CanChange is true for the filter's owner and admins, never for a
	// module's built-in filter.
	CanChange bool
}

// viewLinksFor describes cv for u; nil when there is no filter.
func viewLinksFor(module string, u *crm.User, cv *crm.CustomView) *viewLinks {
	if cv == nil {
		return nil
	}
	base := "/m/" + module + "/filters/" + strconv.Itoa(cv.ID)
	return &viewLinks{ID: cv.ID, EditHref: base + "/edit", DeleteURL: base + "/remove", CanChange: canChangeView(u, cv)}
}

// canChangeView mirrors the engine's rule: a module's built-in filter is
// nobody's to change; any other is its owner's, and every admin's.
func canChangeView(u *crm.User, cv *crm.CustomView) bool {
	return u != nil && cv.Status != crm.ViewDefault && (u.IsAdmin || u.ID == cv.OwnerID)
}

// handleFilterNew renders GET /m/{module}/filters/new, starting from the
// columns of the filter the list showed (?from=cvid), else the default.
func (s *Server) handleFilterNew(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	views, err := s.deps.Records.CustomViews(ctx, u, m.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	from, _ := strconv.Atoi(r.URL.Query().Get("from"))
	ff := &filterForm{errors: map[string]string{}}
	if cv := pickView(views, from); cv != nil {
		ff.Columns = cv.Columns
	}
	s.renderFilter(w, r, http.StatusOK, m, 0, ff, 0, "")
}

// handleFilterCreate answers POST /m/{module}/filters/new: a valid
// filter is saved for the user and the list opens with it.
func (s *Server) handleFilterCreate(w http.ResponseWriter, r *http.Request) {
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveFilter(w, r, m, 0)
}

// handleFilterEdit renders GET /m/{module}/filters/{cvid}/edit.
func (s *Server) handleFilterEdit(w http.ResponseWriter, r *http.Request) {
	m, cv, err := s.pathView(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderFilter(w, r, http.StatusOK, m, cv.ID, filterFromView(m, cv), 0, "")
}

// handleFilterUpdate answers POST /m/{module}/filters/{cvid}/edit.
func (s *Server) handleFilterUpdate(w http.ResponseWriter, r *http.Request) {
	m, cv, err := s.pathView(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.saveFilter(w, r, m, cv.ID)
}

// handleFilterDelete answers POST /m/{module}/filters/{cvid}/remove and
// returns to the module's list, which opens with its default filter.
func (s *Server) handleFilterDelete(w http.ResponseWriter, r *http.Request) {
	m, cv, err := s.pathView(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.deps.Records.DeleteCustomView(r.Context(), actor(r), cv.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/m/"+m.Name, http.StatusSeeOther)
}

// pathView returns the module and the saved filter of the path, when
// the user may change it. Errors: not_found (no such filter in the
// module), forbidden (a built-in filter, or another user's).
func (s *Server) pathView(r *http.Request) (*crm.Module, *crm.CustomView, error) {
	m, err := s.pathModule(r)
	if err != nil {
		return nil, nil, err
	}
	tr := s.basePage(r, "").translator
	id, err := strconv.Atoi(r.PathValue("cvid"))
	if err != nil || id <= 0 {
		return nil, nil, crm.Errorf(crm.ENotFound, "%s", tr.T("There is no such filter."))
	}
	cv, err := s.deps.Records.CustomView(r.Context(), id)
	if crm.ErrorCode(err) == crm.ENotFound || err == nil && cv.Module != m.Name {
		return nil, nil, crm.Errorf(crm.ENotFound, "%s", tr.T("There is no such filter."))
	}
	if err != nil {
		return nil, nil, err
	}
	u := actor(r)
	switch {
	case cv.Status == crm.ViewDefault:
		return nil, nil, crm.Errorf(crm.EForbidden, "%s", tr.T("The module's built-in filter cannot be changed or deleted."))
	case !canChangeView(u, cv):
		return nil, nil, crm.Errorf(crm.EForbidden, "%s", tr.T("Only the filter's owner or an administrator may change it."))
	}
	return m, cv, nil
}

// saveFilter reads, checks and saves a posted filter form (id 0: a new
// filter). The form's "more" buttons only redraw it with room for more
// conditions; an invalid form comes back filled with its errors.
func (s *Server) saveFilter(w http.ResponseWriter, r *http.Request, m *crm.Module, id int) {
	ctx, u := r.Context(), actor(r)
	if err := s.parsePostedForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	ff, err := readFilterForm(r)
	if err != nil {
		s.failText(w, r, crm.EInvalid, crm.ErrorMessage(err))
		return
	}
	extra, _ := strconv.Atoi(r.PostForm.Get("extra_rows"))
	extra = min(max(extra, 0), 20)
	switch r.PostForm.Get("more") {
	case "rows":
		s.renderFilter(w, r, http.StatusOK, m, id, ff, extra+3, "")
		return
	case "group":
		if len(ff.Groups) < maxGroups {
			ff.Groups = append(ff.Groups, condGroup{})
		}
		s.renderFilter(w, r, http.StatusOK, m, id, ff, extra, "")
		return
	}
	views, err := s.deps.Records.CustomViews(ctx, u, m.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if ff.validate(m, views, id); len(ff.errors) > 0 {
		s.renderFilter(w, r, http.StatusBadRequest, m, id, ff, extra, "Please correct the marked fields.")
		return
	}
	var saved *crm.CustomView
	if id == 0 {
		saved, err = s.deps.Records.CreateCustomView(ctx, u, ff.view(m, 0))
	} else {
		saved, err = s.deps.Records.UpdateCustomView(ctx, u, ff.view(m, id))
	}
	var ce *crm.Error
	if errors.As(err, &ce) && ce.Code == crm.EInvalid {
		s.renderFilter(w, r, http.StatusBadRequest, m, id, ff, extra, ff.engineErrors(ce))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/m/"+m.Name+"?viewname="+strconv.Itoa(saved.ID), http.StatusSeeOther)
}
