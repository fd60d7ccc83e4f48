package crm

import "context"

// Action is what a user wants to do with a module or one of its records,
// as vtiger's profiles name the operations.
type Action string

// Actions a profile grants per module. Create, Edit, Delete, List and
// View are vtiger's standard operations 0 to 4; Purge (emptying the
// recycle bin) is for admins only.
const (
	ActionCreate Action = "create"
	ActionEdit   Action = "edit"
	ActionDelete Action = "delete"
	ActionList   Action = "list"
	ActionView   Action = "view"
	ActionPurge  Action = "purge"
)

// AccessChecker decides what a user may do, by vtiger 5.4's rules: admins
// may do everything; others need their profiles to allow the module and
// the action, and, for a record, to own it (themselves, a group of theirs
// or a user of a role below theirs) or the module's organisation-wide
// sharing to allow it.
type AccessChecker interface {
	// Check returns nil when actor may do action on module, and on the
	// record recordID unless it is 0. Errors: unauthorized (no actor),
	// forbidden, not_found (module, or a record that is missing, deleted
	// or of another module).
	Check(ctx context.Context, actor *User, module string, action Action, recordID int64) error
}
