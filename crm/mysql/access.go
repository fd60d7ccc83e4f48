package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// AccessService implements crm.AccessChecker on the tables vtiger 5.4
// keeps its rights in: vtiger_users.is_admin, vtiger_user2role,
// vtiger_role2profile, vtiger_profile2tab, vtiger_profile2standardpermissions,
// vtiger_profile2globalpermissions, vtiger_def_org_share and the group
// tables. vtiger computes these into user_privileges/*.php files; Tigerline
// reads them afresh for every Rights, so a change applies at once.
//
// Custom sharing rules (vtiger_datashare_*) are not applied yet: a private
// module shows others' records only through ownership and the role
// hierarchy.
type AccessService struct{ db *DB }

// NewAccessService returns an AccessService on db.
func NewAccessService(db *DB) *AccessService { return &AccessService{db: db} }

var _ crm.AccessChecker = (*AccessService)(nil)

// Check decides one action, reading the actor's rights first. A request
// that checks many times should take Rights once and ask it instead.
func (a *AccessService) Check(ctx context.Context, actor *crm.User, module string, action crm.Action, recordID int64) error {
	r, err := a.Rights(ctx, actor)
	if err != nil {
		return err
	}
	return r.Check(ctx, module, action, recordID)
}

// ListScope returns a condition on vtiger_crmentity aliased e that keeps
// a list of module to the records actor may see ("" when they may see all
// of them), with its arguments. Errors: as Check for ActionList.
func (a *AccessService) ListScope(ctx context.Context, actor *crm.User, module string) (string, []any, error) {
	r, err := a.Rights(ctx, actor)
	if err != nil {
		return "", nil, err
	}
	return r.ListScope(ctx, module)
}

// Rights is one user's rights, read once: what a request keeps to check
// many records. It is not refreshed; take a new one per request.
type Rights struct {
	db     *DB
	userID int64
	admin  bool
	role   string
	// tabs and ops map a tabid (and operation) to whether some profile of
	// the user allows it; a missing entry means no profile row, which
	// vtiger treats as allowed.
	tabs    map[int]bool
	ops     map[[2]int]bool
	viewAll bool
	editAll bool
	// owners are the ids whose records the user reaches through
	// ownership: their own, their groups', and those of users in roles
	// below theirs.
	owners map[int64]bool
	// sharing is vtiger_def_org_share.permission per tabid.
	sharing map[int]int
	tabIDs  map[string]tabInfo
}

// Organisation-wide sharing levels of vtiger_def_org_share.
const (
	sharePublicRead   = 0
	sharePublicEdit   = 1
	sharePublicDelete = 2
	sharePrivate      = 3
)

// Rights reads the rights of actor. Errors: unauthorized (no actor, or a
// user that is deleted or inactive).
func (a *AccessService) Rights(ctx context.Context, actor *crm.User) (*Rights, error) {
	if actor == nil {
		return nil, crm.Errorf(crm.EUnauthorized, "not logged in")
	}
	r := &Rights{db: a.db, userID: actor.ID}
	const q = `SELECT COALESCE(u.is_admin, 'off') = 'on', COALESCE(u.status, ''), COALESCE(ur.roleid, '')
		FROM vtiger_users u LEFT JOIN vtiger_user2role ur ON ur.userid = u.id
		WHERE u.id = ? AND u.deleted = 0`
	var status string
	err := a.db.QueryRowContext(ctx, q, actor.ID).Scan(&r.admin, &status, &r.role)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && status != "" && status != "Active") {
		return nil, crm.Errorf(crm.EUnauthorized, "user %d is not an active user", actor.ID)
	}
	if err != nil {
		return nil, fmt.Errorf("rights of user %d: %w", actor.ID, err)
	}
	if r.admin {
		return r, nil
	}
	// The parts fill separate fields and read on separate pooled
	// connections at once: a user's rights cost the round trips of the
	// longest part, not of all eight queries, on every write an agent makes.
	loads := []func(context.Context) error{r.loadTabs, r.loadModuleRights, r.loadOperationRights, r.loadGlobalRights, r.loadOwners, r.loadSharing}
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, load := range loads {
		wg.Go(func() { errs[i] = load(ctx) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("rights of user %d: %w", actor.ID, err)
	}
	return r, nil
}

// The profiles of the user's role combine: a module, an operation or a
// global right is granted when any profile grants it.

// loadModuleRights reads which modules the profiles open.
func (r *Rights) loadModuleRights(ctx context.Context) error {
	r.tabs = map[int]bool{}
	const tabs = `SELECT pt.tabid, MIN(pt.permissions) FROM vtiger_profile2tab pt
		JOIN vtiger_role2profile rp ON rp.profileid = pt.profileid
		WHERE rp.roleid = ? AND pt.tabid IS NOT NULL GROUP BY pt.tabid`
	return scanPairs(ctx, r.db, tabs, []any{r.role}, func(tab, perm int) { r.tabs[tab] = perm == 0 })
}

// loadOperationRights reads the operations (view, edit, delete...) the
// profiles allow per module.
func (r *Rights) loadOperationRights(ctx context.Context) error {
	r.ops = map[[2]int]bool{}
	const ops = `SELECT sp.tabid, sp.operation, MIN(COALESCE(sp.permissions, 0)) FROM vtiger_profile2standardpermissions sp
		JOIN vtiger_role2profile rp ON rp.profileid = sp.profileid
		WHERE rp.roleid = ? GROUP BY sp.tabid, sp.operation`
	rows, err := r.db.QueryContext(ctx, ops, r.role)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var tab, op, perm int
		if err := rows.Scan(&tab, &op, &perm); err != nil {
			return err
		}
		r.ops[[2]int{tab, op}] = perm == 0
	}
	return rows.Err()
}

// loadGlobalRights reads the profiles' view-all and edit-all rights.
func (r *Rights) loadGlobalRights(ctx context.Context) error {
	const global = `SELECT gp.globalactionid, MIN(COALESCE(gp.globalactionpermission, 1)) FROM vtiger_profile2globalpermissions gp
		JOIN vtiger_role2profile rp ON rp.profileid = gp.profileid
		WHERE rp.roleid = ? GROUP BY gp.globalactionid`
	return scanPairs(ctx, r.db, global, []any{r.role}, func(action, perm int) {
		switch {
		case action == 1 && perm == 0:
			r.viewAll = true
		case action == 2 && perm == 0:
			r.editAll = true
		}
	})
}

func scanPairs(ctx context.Context, ext sqlx.QueryerContext, q string, args []any, fn func(a, b int)) error {
	rows, err := ext.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b int
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
	}
	return rows.Err()
}

// loadSharing reads the organisation-wide default of every module.
func (r *Rights) loadSharing(ctx context.Context) error {
	r.sharing = map[int]int{}
	const q = `SELECT tabid, COALESCE(permission, 0) FROM vtiger_def_org_share`
	return scanPairs(ctx, r.db, q, nil, func(tab, perm int) { r.sharing[tab] = perm })
}
