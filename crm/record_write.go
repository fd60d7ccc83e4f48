package crm

import (
	"context"
	"time"
)

// Change statuses, as ModTracker stores them in vtiger_modtracker_basic.status.
const (
	ChangeUpdated  = 0
	ChangeDeleted  = 1
	ChangeCreated  = 2
	ChangeRestored = 3
)

// Change is one entry of a record's history: who did what and when, and
// for an update the fields that changed.
type Change struct {
	ID       int64
	RecordID int64
	Module   string
	UserID   int64
	When     time.Time
	Status   int // ChangeUpdated, ChangeDeleted, ChangeCreated or ChangeRestored
	Fields   []FieldChange
}

// FieldChange is one field's value before and after an update, as text.
type FieldChange struct {
	Field  string
	Before string
	After  string
}

// RecordWriter changes records after they are created, keeps their
// history and runs the recycle bin.
type RecordWriter interface {
	// UpdateRecord changes the given fields only, validated as on create;
	// a mandatory field cannot be emptied and record numbers are read-only.
	// The webservice's revise is the same call. Errors: invalid (with
	// Fields), not_found (module, or a missing or deleted record).
	UpdateRecord(ctx context.Context, actor *User, module string, id int64, values map[string]string) (*Record, error)
	// DeleteRecord moves a record to the recycle bin and clears the
	// reference fields of other records that point at it, keeping them
	// for RestoreRecord. Errors: not_found.
	DeleteRecord(ctx context.Context, actor *User, module string, id int64) error
	// RestoreRecord takes a record out of the recycle bin and puts back the
	// links DeleteRecord cleared. Errors: not_found (not in the bin).
	RestoreRecord(ctx context.Context, actor *User, module string, id int64) (*Record, error)
	// PurgeRecord removes a record in the recycle bin for good, with its
	// links, tags and history. Errors: forbidden (actor is not an admin),
	// not_found (not in the bin).
	PurgeRecord(ctx context.Context, actor *User, module string, id int64) error
	// FindDeletedRecords lists a module's records in the recycle bin, most
	// recently deleted first. Limit 0 means DefaultListLimit. Errors:
	// not_found (module), invalid (paging).
	FindDeletedRecords(ctx context.Context, module string, offset, limit int) ([]*Record, error)
	// History returns a record's changes, newest first, deleted records
	// included. Errors: not_found (module).
	History(ctx context.Context, module string, id int64) ([]Change, error)
}

// TagCount is a tag with the number of live records a user gave it.
type TagCount struct {
	Tag   string
	Count int
}

// RecordRef names a record without its values: enough to list and link it.
type RecordRef struct {
	ID     int64
	Module string
	Label  string
}

// RecordTagger keeps vtiger's free tags. Tags belong to the user who set
// them: each user sees and counts only their own.
type RecordTagger interface {
	// TagRecord gives a live record one or more tags; each argument may
	// hold several words separated by spaces. Tagging twice is a no-op.
	// Errors: invalid (tag too long or empty), not_found.
	TagRecord(ctx context.Context, actor *User, id int64, tags ...string) error
	// UntagRecord removes actor's tags from a record. Errors: not_found.
	UntagRecord(ctx context.Context, actor *User, id int64, tags ...string) error
	// RecordTags returns the tags actor gave a record, sorted.
	RecordTags(ctx context.Context, actor *User, id int64) ([]string, error)
	// TagCloud counts actor's tags over live records, by tag.
	TagCloud(ctx context.Context, actor *User) ([]TagCount, error)
	// FindTagged lists the live records actor gave a tag, newest first.
	FindTagged(ctx context.Context, actor *User, tag string) ([]RecordRef, error)
}
