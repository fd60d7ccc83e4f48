package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// commentPageSize is how many comments the thread shows at a time.
const commentPageSize = 20

// commentPanel is a record's comment thread with the form to add one.
type commentPanel struct {
	Comments []shownComment
	Total    int
	PrevHref string // newer comments
	NextHref string // older comments
	// Text and Error are a failed post's comment and what is wrong.
	Text  string
	Error string
}

// shownComment is one comment as the thread shows it.
type shownComment struct {
	Author string
	When   string
	Text   string
}

// commentsHref is a record's page at one page of its comments.
func commentsHref(module string, id int64, offset int) string {
	h := recordHref(module, id)
	if offset > 0 {
		h += "?comments=" + strconv.Itoa(offset)
	}
	return h + "#comments"
}

// fillComments reads the record's thread (?comments= is the offset)
// when its module takes comments.
func (s *Server) fillComments(r *http.Request, dp *detailPage, m *crm.Module, st detailState) error {
	if s.deps.Comments == nil {
		return nil
	}
	ctx := r.Context()
	ok, err := s.deps.Comments.Commentable(ctx, m.Name)
	if err != nil || !ok {
		return err
	}
	offset, _ := strconv.Atoi(r.URL.Query().Get("comments"))
	offset = max(0, offset)
	res, err := s.deps.Comments.FindComments(ctx, actor(r), m.Name, dp.ID, offset, commentPageSize)
	if err != nil {
		return err
	}
	p := &commentPanel{Total: res.Total, Text: st.commentText, Error: dp.T(st.commentError)}
	for _, c := range res.Comments {
		author := c.Author
		switch {
		case author != "" && c.AuthorType == crm.CommentByCustomer:
			author = dp.Tf("%s (customer)", author)
		case author == "":
			author = dp.T("Unknown author")
		}
		p.Comments = append(p.Comments, shownComment{Author: author, When: dp.DateTime(c.Created), Text: c.Text})
	}
	if offset > 0 {
		p.PrevHref = commentsHref(m.Name, dp.ID, max(0, offset-commentPageSize))
	}
	if offset+len(res.Comments) < res.Total {
		p.NextHref = commentsHref(m.Name, dp.ID, offset+commentPageSize)
	}
	dp.Comments = p
	return nil
}

// handleAddComment answers POST /m/{module}/{id}/comments {comment, tab}:
// it adds the user's comment and returns to the thread; an empty or
// oversized one comes back in the form with the error.
func (s *Server) handleAddComment(w http.ResponseWriter, r *http.Request) {
	m, rec, err := s.pathRecord(r, crm.ActionView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	id := rec.ID
	if ok, err := s.deps.Comments.Commentable(r.Context(), m.Name); err != nil || !ok {
		if err == nil {
			err = crm.Errorf(crm.EInvalid, "Records of this module take no comments.")
		}
		s.fail(w, r, err)
		return
	}
	text := r.PostFormValue("comment")
	_, err = s.deps.Comments.AddComment(r.Context(), actor(r), m.Name, id, text)
	if crm.ErrorCode(err) == crm.EInvalid {
		tab, _ := strconv.Atoi(r.PostFormValue("tab"))
		s.renderDetailError(w, r, detailState{tab: tab, commentText: text, commentError: crm.ErrorMessage(err)})
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	href := recordHref(m.Name, id)
	if tab, err := strconv.Atoi(r.PostFormValue("tab")); err == nil && tab > 0 {
		href += "?tab=" + strconv.Itoa(tab)
	}
	http.Redirect(w, r, href+"#comments", http.StatusSeeOther)
}
