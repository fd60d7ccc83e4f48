package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// maxMassRecords bounds one mass action: a list page never shows more
// rows than this, so a tick-all never needs more.
const maxMassRecords = crm.MaxListLimit

// massIDs reads the record ids ticked in a list form, in order and
// without repeats. Errors: invalid (none ticked, too many, not an id).
func massIDs(r *http.Request) ([]int64, error) {
	seen := map[int64]bool{}
	var out []int64
	for _, v := range r.PostForm["id"] {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 {
			return nil, crm.Errorf(crm.EInvalid, "%q is not a record id.", v)
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	switch {
	case len(out) == 0:
		return nil, crm.Errorf(crm.EInvalid, "No record was chosen.")
	case len(out) > maxMassRecords:
		return nil, crm.Errorf(crm.EInvalid, "At most %d records can be changed at once.", maxMassRecords)
	}
	return out, nil
}

// massTarget returns the module of a posted mass action and the record
// ids ticked in its list; what is wrong with the ids is told in the
// user's language.
func (s *Server) massTarget(r *http.Request) (*crm.Module, []int64, error) {
	m, err := s.postedModule(r)
	if err != nil {
		return nil, nil, err
	}
	ids, err := massIDs(r)
	if err != nil {
		return nil, nil, s.textError(r, crm.EInvalid, crm.ErrorMessage(err))
	}
	return m, ids, nil
}

// listReturn is where a mass action or quick-create goes back to: the
// posted list address when it is one of the module's list pages, else
// the module's list.
func listReturn(module, posted string) string {
	list := "/m/" + module
	next := safeNext(posted)
	if next == list || strings.HasPrefix(next, list+"?") {
		return next
	}
	return list
}

// withNotice adds notice parameters to a local address, replacing older
// ones, so the page gone back to says what just happened.
func withNotice(path string, notice url.Values) string {
	u, err := url.Parse(path)
	if err != nil {
		return path
	}
	q := u.Query()
	for _, k := range noticeParams {
		q.Del(k)
	}
	for k, v := range notice {
		q[k] = v
	}
	u.RawQuery = q.Encode()
	return u.RequestURI()
}

// noticeParams are the list parameters that report an action; a return
// address drops them so an old notice does not show again.
var noticeParams = []string{"deleted", "updated", "tagged", "tag", "untagged", "created"}

// handleMassTag answers POST /m/{module}/masstag: the tags typed in the
// list's tag field go on every ticked record the user may see. Records
// gone or out of reach are counted and skipped; a bad tag tags nothing.
func (s *Server) handleMassTag(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	m, ids, err := s.massTarget(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tags := strings.TrimSpace(r.PostForm.Get("tags"))
	if tags == "" {
		s.failText(w, r, crm.EInvalid, "Type a tag to add to the chosen records.")
		return
	}
	tagged, skipped := 0, 0
	for _, id := range ids {
		if _, err := s.readRecord(ctx, u, m.Name, id, crm.ActionView); err != nil {
			if code := crm.ErrorCode(err); code == crm.ENotFound || code == crm.EForbidden {
				skipped++
				continue
			}
			s.fail(w, r, err)
			return
		}
		if err := s.deps.Records.TagRecord(ctx, u, id, tags); err != nil {
			// The tags are the same for every record: a bad one fails on
			// the first, before anything is tagged.
			s.fail(w, r, err)
			return
		}
		tagged++
	}
	notice := url.Values{"tagged": {strconv.Itoa(tagged)}, "tag": {tags}}
	if skipped > 0 {
		notice.Set("untagged", strconv.Itoa(skipped))
	}
	http.Redirect(w, r, withNotice(listReturn(m.Name, r.PostForm.Get("return")), notice), http.StatusSeeOther)
}

// failText answers with an error whose message is one of the catalog's
// texts (a format when args are given), in the user's language.
func (s *Server) failText(w http.ResponseWriter, r *http.Request, code, msg string, args ...any) {
	s.fail(w, r, s.textError(r, code, msg, args...))
}

// textError is an error whose message is one of the catalog's texts (a
// format when args are given), in the user's language.
func (s *Server) textError(r *http.Request, code, msg string, args ...any) error {
	tr := s.basePage(r, "").translator
	if len(args) > 0 {
		msg = tr.Tf(msg, args...)
	} else {
		msg = tr.T(msg)
	}
	return crm.Errorf(code, "%s", msg)
}
