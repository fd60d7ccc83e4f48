package crm

import (
	"context"
	"time"
)

// WSEntity is a type vtiger's webservice knows (a vtiger_ws_entity row).
// Its ID prefixes the webservice ids of its records: "<ID>x<crmid>".
type WSEntity struct {
	ID   int
	Name string // the module or actor name, e.g. "Accounts", "Users", "Groups"
	// IsModule is set for entity modules; actors (Groups, Currency,
	// DocumentFolders, CompanyDetails) have rows of their own tables.
	IsModule bool
}

// WSMeta is the webservice's own metadata, read from vtiger's tables.
type WSMeta struct {
	Entities []WSEntity
	// FieldTypes maps a uitype to its webservice type name
	// (vtiger_ws_fieldtype: "picklist", "owner", "reference", ...).
	FieldTypes map[int]string
	// RefTypes maps a reference uitype other than 10 to the types its
	// values point at (vtiger_ws_referencetype).
	RefTypes map[int][]string
}

// Entity returns the entity named name, or nil.
func (m *WSMeta) Entity(name string) *WSEntity {
	for i := range m.Entities {
		if m.Entities[i].Name == name {
			return &m.Entities[i]
		}
	}
	return nil
}

// EntityByID returns the entity with id, or nil.
func (m *WSMeta) EntityByID(id int) *WSEntity {
	for i := range m.Entities {
		if m.Entities[i].ID == id {
			return &m.Entities[i]
		}
	}
	return nil
}

// RecordType is what vtiger_crmentity says of a crmid.
type RecordType struct {
	Module  string // setype
	Deleted bool
}

// RecordChange is a record modified after a sync point: changed, created
// or moved to the recycle bin.
type RecordChange struct {
	ID       int64
	Module   string
	Modified time.Time
	Deleted  bool
}

// ChangeQuery selects the records a webservice sync returns.
type ChangeQuery struct {
	Modules []string
	// Since excludes records modified at or before it.
	Since time.Time
	// OwnerID keeps records owned by that user only; 0 keeps every owner.
	OwnerID int64
	// Limit bounds the distinct modified times read; every record
	// modified at the last of them is still returned, so a sync never
	// splits records that share a modified time.
	Limit int
}

// ChangeSet is one batch of a sync.
type ChangeSet struct {
	Changes []RecordChange
	// Until is the latest modified time in Changes (Since when empty).
	Until time.Time
	// More reports that records were modified after Until.
	More bool
}

// WebserviceStore reads what vtiger's webservice needs beyond the record
// engine: its entity and field-type tables, the types of crmids and
// owners, and the changes a sync returns.
type WebserviceStore interface {
	// WSMeta returns vtiger_ws_entity, vtiger_ws_fieldtype and
	// vtiger_ws_referencetype.
	WSMeta(ctx context.Context) (*WSMeta, error)
	// RecordTypes returns the type of every id that has a vtiger_crmentity
	// row, deleted or not; ids without one are left out.
	RecordTypes(ctx context.Context, ids []int64) (map[int64]RecordType, error)
	// GroupIDs returns the ids that are groups (vtiger_groups) rather
	// than users.
	GroupIDs(ctx context.Context, ids []int64) (map[int64]bool, error)
	// FindChanges returns the records of q's modules modified after
	// q.Since, oldest first, the recycle bin included. Errors: invalid.
	FindChanges(ctx context.Context, q ChangeQuery) (*ChangeSet, error)
}

// WSTokenService keeps the challenge tokens of the webservice login
// (vtiger_ws_userauthtoken): a client asks for a token, then proves it
// knows the user's access key by sending md5(token + access key).
type WSTokenService interface {
	// CreateChallenge replaces userID's token with a new random one, live
	// for ttl, and returns it with the server time and its expiry.
	CreateChallenge(ctx context.Context, userID int64, ttl time.Duration) (token string, now, expires time.Time, err error)
	// ActiveChallenge returns userID's live token. Errors: unauthorized
	// (none, or expired).
	ActiveChallenge(ctx context.Context, userID int64) (string, error)
	// UseChallenge deletes a token after a good login, so it cannot be
	// replayed. Errors: unauthorized (already used or replaced).
	UseChallenge(ctx context.Context, userID int64, token string) error
}
