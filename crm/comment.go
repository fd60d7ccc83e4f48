package crm

import (
	"context"
	"time"
)

// Who wrote a comment, as vtiger_ticketcomments.ownertype says: a user of
// the CRM, or a contact through the customer portal or the mail scanner.
const (
	CommentByUser     = "user"
	CommentByCustomer = "customer"
)

// MaxCommentBytes is the most a comment may hold: vtiger keeps comments in
// TEXT columns.
const MaxCommentBytes = 65535

// Comment is one comment on a record.
type Comment struct {
	ID       int64
	RecordID int64
	// AuthorID is the user or, for a customer's comment, the contact who
	// wrote it; 0 where vtiger keeps no author (FAQ comments).
	AuthorID   int64
	AuthorType string // CommentByUser, CommentByCustomer, or "" without an author
	// Author is the author's name, "" when unknown.
	Author  string
	Text    string
	Created time.Time
}

// CommentPage is one page of a record's comments, newest first.
type CommentPage struct {
	Comments []*Comment
	Total    int
	Offset   int
	Limit    int
}

// CommentService keeps records' comment threads where vtiger 5.4 keeps
// them: tickets in vtiger_ticketcomments, FAQs in vtiger_faqcomments, and
// the records of every module that ModComments relates to as ModComments
// records, while that module is enabled.
type CommentService interface {
	// Commentable reports whether records of module take comments.
	// Errors: not_found (module).
	Commentable(ctx context.Context, module string) (bool, error)
	// FindComments returns a page of a live record's comments, newest
	// first; actor must be allowed to view the record. Limit 0 means
	// DefaultListLimit. Errors: not_found (module, record), invalid (a
	// module without comments, paging), forbidden.
	FindComments(ctx context.Context, actor *User, module string, id int64, offset, limit int) (*CommentPage, error)
	// AddComment adds actor's comment to a live record. Ticket and FAQ
	// comments are part of the record, so actor must be allowed to edit
	// it; a ModComments comment needs view of the record and create of
	// ModComments. Errors: invalid (empty or too long text, a module
	// without comments), not_found, forbidden.
	AddComment(ctx context.Context, actor *User, module string, id int64, text string) (*Comment, error)
}
