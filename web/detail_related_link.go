package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// relatedTarget is the record and related list of a related-list path
// (/m/{module}/{id}/related/{rel}/...).
type relatedTarget struct {
	m   *crm.Module
	id  int64
	rel *crm.Relation
	rm  *crm.Module // the related module
}

// pathRelation reads a related-list path. The record must be one the
// user may see; what they may do with the list the services decide.
func (s *Server) pathRelation(r *http.Request) (*relatedTarget, error) {
	ctx := r.Context()
	m, rec, err := s.pathRecord(r, crm.ActionView)
	if err != nil {
		return nil, err
	}
	id := rec.ID
	relID, err := strconv.Atoi(r.PathValue("rel"))
	if err != nil {
		return nil, crm.Errorf(crm.ENotFound, "There is no related list %q.", r.PathValue("rel"))
	}
	rels, err := s.deps.Relations.Relations(ctx, m.Name)
	if err != nil {
		return nil, err
	}
	for _, rel := range rels {
		if rel.ID != relID || rel.RelatedModule == "" {
			continue
		}
		rm, err := s.deps.Records.Module(ctx, rel.RelatedModule)
		if err != nil {
			return nil, err
		}
		return &relatedTarget{m: m, id: id, rel: rel, rm: rm}, nil
	}
	return nil, crm.Errorf(crm.ENotFound, "%s has no related list %d.", m.Name, relID)
}

// backToTab returns to the record's page with the list's tab selected.
func (t *relatedTarget) backToTab(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, tabHref(t.m.Name, t.id, t.rel.ID, 1), http.StatusSeeOther)
}

// handleRelatedLink answers POST /m/{module}/{id}/related/{rel}/link
// {related_id, related_label}: it links the record the picker chose or,
// without script, the one record of the related module with the typed
// name. A name that matches none or several comes back beside the picker.
func (s *Server) handleRelatedLink(w http.ResponseWriter, r *http.Request) {
	t, err := s.pathRelation(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !t.rel.CanSelect || !t.rel.Linkable {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Records cannot be picked for this list."))
		return
	}
	label := strings.TrimSpace(r.PostFormValue("related_label"))
	relatedID, problem, err := s.pickRelated(r, t.rm, r.PostFormValue("related_id"), label)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if problem == "" {
		err = s.deps.Relations.LinkRecords(r.Context(), actor(r), t.m.Name, t.id, t.rm.Name, relatedID)
		if crm.ErrorCode(err) == crm.EInvalid {
			problem, err = crm.ErrorMessage(err), nil
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if problem != "" {
		s.renderDetailError(w, r, detailState{tab: t.rel.ID, linkLabel: label, linkError: problem})
		return
	}
	t.backToTab(w, r)
}

// pickRelated settles which record of rm a link means: the picked id
// while its record still has the typed name (or no name was typed),
// else the one record named label.
func (s *Server) pickRelated(r *http.Request, rm *crm.Module, rawID, label string) (int64, string, error) {
	if id, err := strconv.ParseInt(rawID, 10, 64); err == nil && id > 0 {
		refs, err := s.deps.Records.RecordRefs(r.Context(), []int64{id})
		if err != nil {
			return 0, "", err
		}
		if ref, ok := refs[id]; ok && ref.Module == rm.Name && (label == "" || ref.Label == label) {
			return id, "", nil
		}
	}
	if label == "" {
		return 0, "Type the name of a record to link.", nil
	}
	found, problem, err := s.findByName(r, &crm.Field{RefModules: []string{rm.Name}}, label)
	if err != nil || problem != "" {
		return 0, problem, err
	}
	id, err := strconv.ParseInt(found, 10, 64)
	return id, "", err
}

// handleRelatedUnlink answers POST /m/{module}/{id}/related/{rel}/unlink
// {related_id}.
func (s *Server) handleRelatedUnlink(w http.ResponseWriter, r *http.Request) {
	t, err := s.pathRelation(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !t.rel.Linkable {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Records of this list cannot be unlinked."))
		return
	}
	relatedID, err := strconv.ParseInt(r.PostFormValue("related_id"), 10, 64)
	if err != nil || relatedID <= 0 {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Choose a record to unlink."))
		return
	}
	if err := s.deps.Relations.UnlinkRecords(r.Context(), actor(r), t.m.Name, t.id, t.rm.Name, relatedID); err != nil {
		s.fail(w, r, err)
		return
	}
	t.backToTab(w, r)
}

// renderDetailError shows the record's page again (400) with what a
// failed post brought back.
func (s *Server) renderDetailError(w http.ResponseWriter, r *http.Request, st detailState) {
	dp, err := s.detailFor(r, st)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusBadRequest, "detail", dp)
}
