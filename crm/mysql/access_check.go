package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// operations are vtiger's standard operation ids of
// vtiger_profile2standardpermissions.
var operations = map[crm.Action]int{
	crm.ActionCreate: 0, // Save
	crm.ActionEdit:   1, // EditView
	crm.ActionDelete: 2,
	crm.ActionList:   3, // index
	crm.ActionView:   4, // DetailView
}

// tabInfo is a vtiger_tab row as rights need it.
type tabInfo struct {
	ID       int
	Disabled bool // presence 1
}

// loadTabs reads every module's tabid, entity or not (Reports, ...).
func (r *Rights) loadTabs(ctx context.Context) error {
	r.tabIDs = map[string]tabInfo{}
	rows, err := r.db.QueryContext(ctx, `SELECT tabid, name, presence FROM vtiger_tab`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var t tabInfo
		var name string
		var presence int
		if err := rows.Scan(&t.ID, &name, &presence); err != nil {
			return err
		}
		t.Disabled = presence == 1
		r.tabIDs[name] = t
	}
	return rows.Err()
}

// Check decides one action the way vtiger 5.4's isPermitted does: admin;
// then the profiles' module, operation and global (view all, edit all)
// rights; then, for a record, ownership through the user, their groups
// and their subordinate roles, else the module's organisation-wide
// sharing (0 read only, 1 read/create/edit, 2 everything, 3 private).
// Modules without a vtiger_def_org_share row (Faq, Vendors, PriceBooks,
// Emails, ...) have no record-level restriction, as in vtiger.
func (r *Rights) Check(ctx context.Context, module string, action crm.Action, recordID int64) error {
	op, ok := operations[action]
	if !ok && action != crm.ActionPurge {
		return crm.Errorf(crm.EInvalid, "unknown action %q", action)
	}
	if r.admin {
		return nil
	}
	if action == crm.ActionPurge || module == "Settings" {
		return crm.Errorf(crm.EForbidden, "only an administrator may do that")
	}
	if r.role == "" {
		return crm.Errorf(crm.EForbidden, "user %d has no role", r.userID)
	}
	tab, ok := r.tabIDs[module]
	if !ok {
		return crm.Errorf(crm.ENotFound, "no module %q", module)
	}
	if tab.Disabled {
		return crm.Errorf(crm.EForbidden, "module %s is disabled", module)
	}
	if allowed, ok := r.tabs[tab.ID]; ok && !allowed {
		return crm.Errorf(crm.EForbidden, "you may not use %s", module)
	}
	if allowed, ok := r.ops[[2]int{tab.ID, op}]; ok && !allowed {
		return crm.Errorf(crm.EForbidden, "you may not %s %s records", action, module)
	}
	if r.editAll || (r.viewAll && (action == crm.ActionView || action == crm.ActionList)) {
		return nil
	}
	if recordID == 0 {
		return nil
	}
	return r.checkRecord(ctx, module, tab.ID, action, recordID)
}

func (r *Rights) checkRecord(ctx context.Context, module string, tab int, action crm.Action, id int64) error {
	const q = `SELECT smownerid, setype FROM vtiger_crmentity WHERE crmid = ? AND deleted = 0`
	var owner int64
	var setype string
	err := r.db.QueryRowContext(ctx, q, id).Scan(&owner, &setype)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !sameModule(setype, module)) {
		return crm.Errorf(crm.ENotFound, "no %s record %d", module, id)
	}
	if err != nil {
		return fmt.Errorf("check access to %s %d: %w", module, id, err)
	}
	perm, shared := r.sharing[tab]
	if !shared || r.owners[owner] {
		return nil
	}
	denied := crm.Errorf(crm.EForbidden, "you may not %s %s record %d", action, module, id)
	switch perm {
	case sharePublicDelete:
		return nil
	case sharePublicEdit:
		if action == crm.ActionDelete {
			return denied
		}
		return nil
	case sharePublicRead:
		if action == crm.ActionView || action == crm.ActionList {
			return nil
		}
	}
	return denied
}

// sameModule reports whether a crmentity setype belongs to module: vtiger
// stores events with setype Calendar, and Tigerline may store Events.
func sameModule(setype, module string) bool {
	if setype == module {
		return true
	}
	cal := func(s string) bool { return s == "Calendar" || s == "Events" }
	return cal(setype) && cal(module)
}

// ListScope returns a condition on vtiger_crmentity aliased e that keeps a
// list of module to the records the user may see, "" when that is all of
// them, with its arguments. Only private modules are narrowed: to records
// owned by the user, their groups and their subordinates. Errors: as
// Check for ActionList.
func (r *Rights) ListScope(ctx context.Context, module string) (string, []any, error) {
	if err := r.Check(ctx, module, crm.ActionList, 0); err != nil {
		return "", nil, err
	}
	if r.admin || r.viewAll || r.editAll {
		return "", nil, nil
	}
	if perm, shared := r.sharing[r.tabIDs[module].ID]; !shared || perm != sharePrivate {
		return "", nil, nil
	}
	ids := make([]int64, 0, len(r.owners))
	for id := range r.owners {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	return "e.smownerid IN (" + strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ") + ")", args, nil
}
