package web

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// recycleBinPage lists one module's deleted records, to restore or, for
// admins, to purge.
type recycleBinPage struct {
	page
	Module   string
	Modules  []option
	Records  []binRecord
	PageNo   int
	PrevHref string
	NextHref string
}

// binRecord is a record in the recycle bin.
type binRecord struct {
	ID      int64
	Label   string
	Deleted string
}

// handleRecycleBin renders GET /recyclebin?module=&page=.
func (s *Server) handleRecycleBin(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	modules := s.entityModules(ctx)
	module := r.URL.Query().Get("module")
	if !slices.Contains(modules, module) {
		module = "Accounts"
		if len(modules) > 0 && !slices.Contains(modules, module) {
			module = modules[0]
		}
	}
	pageNo, _ := strconv.Atoi(r.URL.Query().Get("page"))
	pageNo = max(pageNo, 1)
	limit := crm.DefaultListLimit
	recs, err := s.deps.Records.FindDeletedRecords(ctx, module, (pageNo-1)*limit, limit+1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &recycleBinPage{page: s.basePage(r, "Recycle Bin"), Module: module, PageNo: pageNo}
	for _, m := range modules {
		p.Modules = append(p.Modules, option{Value: m, Label: p.T(m), Selected: m == module})
	}
	base := "/recyclebin?module=" + module + "&page="
	if pageNo > 1 {
		p.PrevHref = base + strconv.Itoa(pageNo-1)
	}
	if len(recs) > limit {
		recs = recs[:limit]
		p.NextHref = base + strconv.Itoa(pageNo+1)
	}
	for _, rec := range recs {
		p.Records = append(p.Records, binRecord{ID: rec.ID, Label: rec.Label, Deleted: p.DateTime(rec.Modified)})
	}
	s.render(w, r, http.StatusOK, "recyclebin", p)
}

// handleRestore answers POST /recyclebin/restore and leads to the
// restored record.
func (s *Server) handleRestore(w http.ResponseWriter, r *http.Request) {
	module, id, err := binTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.deps.Records.RestoreRecord(r.Context(), actor(r), module, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, recordHref(rec.Module, rec.ID), http.StatusSeeOther)
}

// handlePurge answers POST /recyclebin/purge, for admins only.
func (s *Server) handlePurge(w http.ResponseWriter, r *http.Request) {
	if u := actor(r); !u.IsAdmin {
		s.fail(w, r, crm.Errorf(crm.EForbidden, "Only administrators may empty the recycle bin."))
		return
	}
	module, id, err := binTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.deps.Records.PurgeRecord(r.Context(), actor(r), module, id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/recyclebin?module="+module, http.StatusSeeOther)
}

// binTarget reads the module and id a recycle-bin form posts.
func binTarget(r *http.Request) (string, int64, error) {
	id, err := strconv.ParseInt(r.PostFormValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return "", 0, crm.Errorf(crm.EInvalid, "No record was chosen.")
	}
	return r.PostFormValue("module"), id, nil
}
