package crm

import "context"

// Link statuses of a record's history, as later vtiger versions store them
// in vtiger_modtracker_basic.status (5.4 itself tracks no links).
const (
	ChangeLinked   = 4
	ChangeUnlinked = 5
)

// Relation is one related list of a module: a vtiger_relatedlists row.
// Name is vtiger's PHP loader (get_related_list, get_contacts,
// get_dependents_list, ...), which says how the UI lists it, not where the
// links are stored.
type Relation struct {
	ID            int
	Module        string
	RelatedModule string // "" for lists of something else than records (ticket history, users)
	Label         string
	Name          string
	Sequence      int
	// CanAdd offers creating a related record from the list, CanSelect
	// picking an existing one.
	CanAdd    bool
	CanSelect bool
	// Linkable says LinkRecords and UnlinkRecords take the pair: false for
	// a list of something else than links (a product's line items on
	// quotes) or of no records.
	Linkable bool
}

// RelatedPage is one page of the records related to a record through one
// relation, most recently modified first.
type RelatedPage struct {
	Relation *Relation
	RecordID int64
	Records  []*Record
	Total    int
	Offset   int
	Limit    int
}

// RelationService lists and changes the links between records, in the
// table vtiger keeps each kind of link in.
type RelationService interface {
	// Relations lists a module's related lists in display order. Errors:
	// not_found (module).
	Relations(ctx context.Context, module string) ([]*Relation, error)
	// FindRelated returns a page of the live records related to a record
	// through one of its module's relations, those actor may see. Limit 0
	// means DefaultListLimit. Errors: not_found (module, record,
	// relation), invalid (a relation that lists no records, paging),
	// forbidden.
	FindRelated(ctx context.Context, actor *User, module string, id int64, relationID int, offset, limit int) (*RelatedPage, error)
	// LinkRecords links two live records of a module pair that has a
	// relation. Linking twice is a no-op. Errors: not_found (module,
	// record), invalid (no relation between the modules, or one that
	// cannot be linked by hand, such as line items), forbidden.
	LinkRecords(ctx context.Context, actor *User, module string, id int64, relatedModule string, relatedID int64) error
	// UnlinkRecords removes the link between two records; removing a link
	// that does not exist is a no-op. Errors: as LinkRecords.
	UnlinkRecords(ctx context.Context, actor *User, module string, id int64, relatedModule string, relatedID int64) error
}

// ContractUpdater keeps a service contract's used units, progress, end
// date and durations in step with its linked tickets.
type ContractUpdater interface {
	// RecomputeContract recounts a contract from its linked closed
	// tickets. Errors: not_found.
	RecomputeContract(ctx context.Context, contractID int64) error
}
