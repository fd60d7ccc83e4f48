package mysql

import (
	"context"

	"github.com/jmoiron/sqlx"
)

// loadOwners collects the owner ids whose records the user reaches without
// any sharing: the user, every user of a role below theirs in the
// hierarchy (vtiger_role.parentrole is the path from the top, so those
// roles' paths start with the user's path and "::"), and the user's
// groups.
func (r *Rights) loadOwners(ctx context.Context) error {
	r.owners = map[int64]bool{r.userID: true}
	const subs = `SELECT ur.userid FROM vtiger_user2role ur
		JOIN vtiger_role sub ON sub.roleid = ur.roleid
		JOIN vtiger_role me ON me.roleid = ?
		WHERE sub.parentrole LIKE CONCAT(me.parentrole, '::%')`
	var ids []int64
	if err := sqlx.SelectContext(ctx, r.db, &ids, subs, r.role); err != nil {
		return err
	}
	groups, err := userGroups(ctx, r.db, r.userID, r.role)
	if err != nil {
		return err
	}
	for _, id := range append(ids, groups...) {
		r.owners[id] = true
	}
	return nil
}

// userGroups returns the groups a user belongs to: as a member
// (vtiger_users2group), through their role (vtiger_group2role), through
// their role or one above it with subordinates (vtiger_group2rs), and
// through any group that contains one of those (vtiger_group2grouprel).
func userGroups(ctx context.Context, ext sqlx.QueryerContext, userID int64, role string) ([]int64, error) {
	const q = `SELECT groupid FROM vtiger_users2group WHERE userid = ?
		UNION SELECT groupid FROM vtiger_group2role WHERE roleid = ?
		UNION SELECT g.groupid FROM vtiger_group2rs g
			JOIN vtiger_role top ON top.roleid = g.roleandsubid
			JOIN vtiger_role me ON me.roleid = ?
			WHERE me.parentrole = top.parentrole OR me.parentrole LIKE CONCAT(top.parentrole, '::%')`
	var direct []int64
	if err := sqlx.SelectContext(ctx, ext, &direct, q, userID, role, role); err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	out := []int64{}
	todo := direct
	for len(todo) > 0 {
		var next []int64
		for _, g := range todo {
			if !seen[g] {
				seen[g] = true
				out = append(out, g)
				next = append(next, g)
			}
		}
		if len(next) == 0 {
			break
		}
		q, args, err := sqlx.In(`SELECT groupid FROM vtiger_group2grouprel WHERE containsgroupid IN (?)`, next)
		if err != nil {
			return nil, err
		}
		todo = nil
		if err := sqlx.SelectContext(ctx, ext, &todo, q, args...); err != nil {
			return nil, err
		}
	}
	return out, nil
}
