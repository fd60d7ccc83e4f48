package mysql

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.CommentService = (*RecordService)(nil)

// commentStore is where one module's comments live.
type commentStore int

const (
	noComments     commentStore = iota
	ticketComments              // vtiger_ticketcomments, written by the ticket's save
	faqComments                 // vtiger_faqcomments, written by the FAQ's save; no author
	modComments                 // ModComments records whose related_to is the record
)

// commentQuery reads one store's comments of a record (the one ?
// argument) as commentRows.
type commentQuery struct{ list, count string }

var commentQueries = map[commentStore]commentQuery{
	// A customer's comment names its contact; a user's, its user.
	ticketComments: {
		list: `SELECT c.commentid AS id, COALESCE(c.comments, '') AS text, c.ownerid AS author_id,
			COALESCE(c.ownertype, '') AS author_type, c.createdtime AS created,
			CASE WHEN c.ownertype = 'customer'
				THEN TRIM(CONCAT(COALESCE(cd.firstname, ''), ' ', COALESCE(cd.lastname, '')))
				ELSE TRIM(CONCAT(COALESCE(u.first_name, ''), ' ', COALESCE(u.last_name, ''))) END AS author
			FROM vtiger_ticketcomments c
			LEFT JOIN vtiger_users u ON u.id = c.ownerid AND COALESCE(c.ownertype, '') <> 'customer'
			LEFT JOIN vtiger_contactdetails cd ON cd.contactid = c.ownerid AND c.ownertype = 'customer'
			WHERE c.ticketid = ?
			ORDER BY c.createdtime DESC, c.commentid DESC LIMIT ? OFFSET ?`,
		count: `SELECT COUNT(*) FROM vtiger_ticketcomments WHERE ticketid = ?`,
	},
	faqComments: {
		list: `SELECT commentid AS id, COALESCE(comments, '') AS text, 0 AS author_id, '' AS author_type,
			createdtime AS created, '' AS author
			FROM vtiger_faqcomments WHERE faqid = ?
			ORDER BY createdtime DESC, commentid DESC LIMIT ? OFFSET ?`,
		count: `SELECT COUNT(*) FROM vtiger_faqcomments WHERE faqid = ?`,
	},
	// related_to is varchar: the id is passed as text so its index serves.
	// The author is the comment's creator, as vtiger's widget shows.
	modComments: {
		list: `SELECT c.modcommentsid AS id, COALESCE(c.commentcontent, '') AS text, e.smcreatorid AS author_id,
			'user' AS author_type, e.createdtime AS created,
			TRIM(CONCAT(COALESCE(u.first_name, ''), ' ', COALESCE(u.last_name, ''))) AS author
			FROM vtiger_modcomments c
			JOIN vtiger_crmentity e ON e.crmid = c.modcommentsid AND e.deleted = 0
			LEFT JOIN vtiger_users u ON u.id = e.smcreatorid
			WHERE c.related_to = ?
			ORDER BY e.createdtime DESC, c.modcommentsid DESC LIMIT ? OFFSET ?`,
		count: `SELECT COUNT(*) FROM vtiger_modcomments c
			JOIN vtiger_crmentity e ON e.crmid = c.modcommentsid AND e.deleted = 0
			WHERE c.related_to = ?`,
	},
}

type commentRow struct {
	ID         int64     `db:"id"`
	Text       string    `db:"text"`
	AuthorID   int64     `db:"author_id"`
	AuthorType string    `db:"author_type"`
	Created    time.Time `db:"created"`
	Author     string    `db:"author"`
}

// commentStoreOf says where module keeps comments: tickets and FAQs in
// their own tables, the modules ModComments' related_to may point at in
// ModComments while that module is enabled (presence 0 or 2).
func (s *RecordService) commentStoreOf(ctx context.Context, module string) (*crm.Module, commentStore, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, noComments, err
	}
	switch m.Name {
	case "HelpDesk":
		return m, ticketComments, nil
	case "Faq":
		return m, faqComments, nil
	}
	mc, _, err := s.meta.get(ctx, s.db, "ModComments")
	if crm.ErrorCode(err) == crm.ENotFound {
		return m, noComments, nil
	}
	if err != nil {
		return nil, noComments, err
	}
	if f := mc.Field("related_to"); mc.Presence != 1 && f != nil && slices.Contains(f.RefModules, m.Name) {
		return m, modComments, nil
	}
	return m, noComments, nil
}

// Commentable reports whether records of module take comments.
func (s *RecordService) Commentable(ctx context.Context, module string) (bool, error) {
	_, st, err := s.commentStoreOf(ctx, module)
	return st != noComments, err
}

// FindComments returns a page of a live record's comments, newest first.
// A nil actor is the system and may read every record.
func (s *RecordService) FindComments(ctx context.Context, actor *crm.User, module string, id int64, offset, limit int) (*crm.CommentPage, error) {
	m, st, err := s.commentStoreOf(ctx, module)
	if err != nil {
		return nil, err
	}
	if st == noComments {
		return nil, crm.Errorf(crm.EInvalid, "%s records take no comments", m.Name)
	}
	if offset < 0 || limit < 0 {
		return nil, crm.Errorf(crm.EInvalid, "offset and limit must not be negative")
	}
	if err := s.authorize(ctx, actor, m.Name, crm.ActionView, id); err != nil {
		return nil, err
	}
	if _, err := liveRecordOf(ctx, s.db, m.Name, id, false); err != nil {
		return nil, err
	}
	q := commentQueries[st]
	key := any(id)
	if st == modComments {
		key = strconv.FormatInt(id, 10)
	}
	page := &crm.CommentPage{Offset: offset, Limit: listLimit(limit), Comments: []*crm.Comment{}}
	if err := sqlx.GetContext(ctx, s.db, &page.Total, q.count, key); err != nil {
		return nil, fmt.Errorf("count comments of %s %d: %w", m.Name, id, err)
	}
	var rows []commentRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q.list, key, page.Limit, offset); err != nil {
		return nil, fmt.Errorf("read comments of %s %d: %w", m.Name, id, err)
	}
	for _, r := range rows {
		page.Comments = append(page.Comments, &crm.Comment{ID: r.ID, RecordID: id, AuthorID: r.AuthorID,
			AuthorType: r.AuthorType, Author: r.Author, Text: r.Text, Created: r.Created})
	}
	return page, nil
}

// AddComment adds actor's comment to a live record, where vtiger keeps
// the module's comments.
func (s *RecordService) AddComment(ctx context.Context, actor *crm.User, module string, id int64, text string) (*crm.Comment, error) {
	if actor == nil {
		return nil, crm.Errorf(crm.EUnauthorized, "only a signed-in user can comment")
	}
	m, st, err := s.commentStoreOf(ctx, module)
	if err != nil {
		return nil, err
	}
	if st == noComments {
		return nil, crm.Errorf(crm.EInvalid, "%s records take no comments", m.Name)
	}
	text = strings.TrimSpace(text)
	if err := checkCommentText(text); err != nil {
		return nil, err
	}
	if st == modComments {
		return s.addModComment(ctx, actor, m, id, text)
	}
	if err := s.authorize(ctx, actor, m.Name, crm.ActionEdit, id); err != nil {
		return nil, err
	}
	return s.addOwnComment(ctx, actor, m, st, id, text)
}

// checkCommentText refuses an empty comment and one its column cannot hold.
func checkCommentText(text string) error {
	switch {
	case text == "":
		return &crm.Error{Code: crm.EInvalid, Message: "Write a comment first.",
			Fields: map[string]string{"comment": "is required"}}
	case len(text) > crm.MaxCommentBytes:
		return &crm.Error{Code: crm.EInvalid, Message: "This comment is too long.",
			Fields: map[string]string{"comment": "is too long"}}
	}
	return nil
}
