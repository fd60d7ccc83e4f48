package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// multiSeparator joins the values of a multi-select picklist (uitype 33).
const multiSeparator = " |##| "

// picklist checks a value against the picklist's table. Role-based
// picklists (listed in vtiger_picklist) accept only the values the actor's
// role is given in vtiger_role2picklist.
func (v *validator) picklist(f *crm.Field, val string) (string, string) {
	allowed, err := picklistValues(v.ctx, v.ext, f.Picklist, v.actor)
	if err != nil {
		return "", "cannot be checked: " + err.Error()
	}
	parts := []string{val}
	if f.UIType == 33 {
		parts = strings.Split(val, multiSeparator)
	}
	for _, p := range parts {
		if !slices.Contains(allowed, p) {
			return "", fmt.Sprintf("has no value %q", p)
		}
	}
	return strings.Join(parts, multiSeparator), ""
}

// picklistValues returns the values a user may choose. The table is named
// after the field (vtiger_<fieldname>), a fact of vtiger's storage, and
// only metadata names reach the SQL text.
func picklistValues(ctx context.Context, ext sqlx.QueryerContext, name string, actor *crm.User) ([]string, error) {
	table, col := quoteIdent("vtiger_"+name), quoteIdent(name)
	var roleBased int
	if err := sqlx.GetContext(ctx, ext, &roleBased, `SELECT COUNT(*) FROM vtiger_picklist WHERE name = ?`, name); err != nil {
		return nil, err
	}
	var vals []string
	if roleBased > 0 && actor != nil && !actor.IsAdmin && actor.RoleID != "" {
		q := `SELECT p.` + col + ` FROM ` + table + ` p
			JOIN vtiger_role2picklist r ON r.picklistvalueid = p.picklist_valueid
			WHERE r.roleid = ? ORDER BY r.sortid`
		return vals, sqlx.SelectContext(ctx, ext, &vals, q, actor.RoleID)
	}
	return vals, sqlx.SelectContext(ctx, ext, &vals, `SELECT `+col+` FROM `+table)
}

// owner checks that an owner id is an active user or a group.
func (v *validator) owner(val string) (string, string) {
	id, err := strconv.ParseInt(val, 10, 64)
	if err != nil {
		return "", "is not a user or group id"
	}
	var n int
	const q = `SELECT (SELECT COUNT(*) FROM vtiger_users WHERE id = ? AND deleted = 0 AND status = 'Active')
		+ (SELECT COUNT(*) FROM vtiger_groups WHERE groupid = ?)`
	if err := sqlx.GetContext(v.ctx, v.ext, &n, q, id, id); err != nil {
		return "", "cannot be checked"
	}
	if n == 0 {
		return "", "is not an active user or a group"
	}
	return val, ""
}

// reference checks that a reference points at a live record of one of the
// field's modules.
func (v *validator) reference(f *crm.Field, val string) (string, string) {
	id, err := strconv.ParseInt(val, 10, 64)
	if err != nil || id <= 0 {
		return "", "is not a record id"
	}
	var setype string
	err = sqlx.GetContext(v.ctx, v.ext, &setype, `SELECT setype FROM vtiger_crmentity WHERE crmid = ? AND deleted = 0`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Sprintf("points at record %d, which does not exist", id)
	}
	if err != nil {
		return "", "cannot be checked"
	}
	if len(f.RefModules) > 0 && !slices.Contains(f.RefModules, setype) {
		return "", fmt.Sprintf("points at a %s record; want %s", setype, strings.Join(f.RefModules, " or "))
	}
	return val, ""
}
