package crm

import "context"

// PicklistReader reads the choices a record form offers.
type PicklistReader interface {
	// PicklistValues returns the values actor may choose in a picklist
	// field (uitypes 15, 16 and 33) in vtiger's order: for a role-based
	// picklist, those of actor's role. Errors: not_found (module, or a
	// field that is not a picklist).
	PicklistValues(ctx context.Context, actor *User, module, field string) ([]string, error)
}

// RecordNamer names records by id alone, for showing reference fields.
type RecordNamer interface {
	// RecordRefs returns the module and label of each id that is a record,
	// deleted ones included (a reference may point into the recycle bin).
	// Ids that are not records are left out.
	RecordRefs(ctx context.Context, ids []int64) (map[int64]RecordRef, error)
}

// UserLanguageSetter stores a user's language choice.
type UserLanguageSetter interface {
	// SetLanguage sets vtiger_users.language ("en_us", "zh_tw", ...).
	// Errors: invalid (not a language code), not_found (user).
	SetLanguage(ctx context.Context, userID int64, language string) error
}
