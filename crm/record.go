package crm

import (
	"context"
	"time"
)

// Record is one entity record: its crmentity row and its field values,
// keyed by field name, as strings the way vtiger keeps them.
type Record struct {
	ID       int64
	Module   string
	Label    string
	OwnerID  int64
	Created  time.Time
	Modified time.Time
	Deleted  bool
	Values   map[string]string
}

// RecordService creates and reads records of every module through one
// metadata-driven engine.
type RecordService interface {
	// Module returns a module's metadata. Errors: not_found.
	Module(ctx context.Context, name string) (*Module, error)
	// CreateRecord validates values against the module's fields and
	// creates the record in one transaction. Errors: invalid (with Fields),
	// not_found (module).
	CreateRecord(ctx context.Context, actor *User, module string, values map[string]string) (*Record, error)
	// FindRecordByID returns a record that is not deleted. Errors:
	// not_found.
	FindRecordByID(ctx context.Context, module string, id int64) (*Record, error)
}
