package mysql

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// CreateCustomView saves a new filter owned by actor, with an id from
// vtiger_customview_seq. A non-admin asking for a public view gets a
// pending one, as in vtiger; any other status is private.
func (s *RecordService) CreateCustomView(ctx context.Context, actor *crm.User, cv *crm.CustomView) (*crm.CustomView, error) {
	m, err := s.checkView(ctx, cv)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("create custom view: %w", err)
	}
	defer tx.Rollback()
	id, err := nextID(ctx, tx, "vtiger_customview_seq")
	if err != nil {
		return nil, err
	}
	const q = `INSERT INTO vtiger_customview (cvid, viewname, setdefault, setmetrics, entitytype, status, userid)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
	_, err = tx.ExecContext(ctx, q, id, strings.TrimSpace(cv.Name), boolInt(cv.Default), boolInt(cv.Metrics),
		m.Name, viewStatus(actor, cv.Status), viewerID(actor))
	if err != nil {
		return nil, fmt.Errorf("create custom view: %w", err)
	}
	if err := writeViewParts(ctx, tx, m, int(id), cv); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("create custom view: %w", err)
	}
	return s.CustomView(ctx, int(id))
}

// UpdateCustomView replaces a filter's name, flags, columns and
// conditions. Only its owner or an admin may, and nobody may change a
// module's built-in default view.
func (s *RecordService) UpdateCustomView(ctx context.Context, actor *crm.User, cv *crm.CustomView) (*crm.CustomView, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("update custom view %d: %w", cv.ID, err)
	}
	defer tx.Rollback()
	old, err := s.editableView(ctx, tx, actor, cv.ID)
	if err != nil {
		return nil, err
	}
	cv.Module = old.Module
	m, err := s.checkView(ctx, cv)
	if err != nil {
		return nil, err
	}
	const q = `UPDATE vtiger_customview SET viewname = ?, setdefault = ?, setmetrics = ?, status = ? WHERE cvid = ?`
	_, err = tx.ExecContext(ctx, q, strings.TrimSpace(cv.Name), boolInt(cv.Default), boolInt(cv.Metrics),
		viewStatus(actor, cv.Status), cv.ID)
	if err != nil {
		return nil, fmt.Errorf("update custom view %d: %w", cv.ID, err)
	}
	if err := deleteViewParts(ctx, tx, cv.ID); err != nil {
		return nil, err
	}
	if err := writeViewParts(ctx, tx, m, cv.ID, cv); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("update custom view %d: %w", cv.ID, err)
	}
	return s.CustomView(ctx, cv.ID)
}

// DeleteCustomView deletes a filter and its parts, under the same rule as
// UpdateCustomView.
func (s *RecordService) DeleteCustomView(ctx context.Context, actor *crm.User, id int) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete custom view %d: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := s.editableView(ctx, tx, actor, id); err != nil {
		return err
	}
	if err := deleteViewParts(ctx, tx, id); err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM vtiger_user_module_preferences WHERE default_cvid = ?`,
		`DELETE FROM vtiger_customview WHERE cvid = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return fmt.Errorf("delete custom view %d: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete custom view %d: %w", id, err)
	}
	return nil
}

// editableView locks nothing but checks who may change view id.
func (s *RecordService) editableView(ctx context.Context, tx *sqlx.Tx, actor *crm.User, id int) (*crm.CustomView, error) {
	old, err := s.customView(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if old.Status == crm.ViewDefault {
		return nil, crm.Errorf(crm.EForbidden, "the default view %q of %s cannot be changed", old.Name, old.Module)
	}
	if actor == nil || !actor.IsAdmin && actor.ID != old.OwnerID {
		return nil, crm.Errorf(crm.EForbidden, "custom view %q belongs to another user", old.Name)
	}
	return old, nil
}

// viewStatus is the status a saved view gets.
func viewStatus(actor *crm.User, want int) int {
	if want != crm.ViewPublic {
		return crm.ViewPrivate
	}
	if actor != nil && actor.IsAdmin {
		return crm.ViewPublic
	}
	return crm.ViewPending
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkView validates a view before it is written: name, module, columns,
// and conditions as FindRecords would run them.
func (s *RecordService) checkView(ctx context.Context, cv *crm.CustomView) (*crm.Module, error) {
	m, cols, err := s.meta.get(ctx, s.db, cv.Module)
	if err != nil {
		return nil, err
	}
	bad := map[string]string{}
	name := strings.TrimSpace(cv.Name)
	if name == "" || utf8.RuneCountInString(name) > 100 {
		bad["name"] = "a name of 1 to 100 characters is required"
	}
	if len(cv.Columns) == 0 {
		bad["columns"] = "at least one column is required"
	}
	sc := newListScope(m, cols)
	for _, c := range cv.Columns {
		if _, ok := sc.column(c); !ok {
			bad[c] = "unknown field"
		}
	}
	checkViewConditions(sc, cv, bad)
	if len(bad) > 0 {
		return nil, &crm.Error{Code: crm.EInvalid, Message: "invalid custom view", Fields: bad}
	}
	return m, nil
}

func checkViewConditions(sc *listScope, cv *crm.CustomView, bad map[string]string) {
	if df := cv.DateFilter; df != nil {
		col, ok := sc.column(df.Field)
		switch {
		case !ok:
			bad[df.Field] = "unknown field"
		case col.kind() != "date" && col.kind() != "datetime":
			bad[df.Field] = "the date filter needs a date field"
		case !knownRange(df.Range):
			bad[df.Field] = "unknown date range " + df.Range
		}
	}
	for _, g := range cv.Groups {
		for _, c := range g.Conditions {
			_, v := advValue(c)
			if (c.Op == crm.OpIn || c.Op == crm.OpNotIn || c.Op == crm.OpBetween) && strings.Contains(strings.Join(c.Values, ""), ",") {
				bad[c.Field] = "values of a saved filter cannot contain commas"
			}
			if utf8.RuneCountInString(v) > 200 {
				bad[c.Field] = "value longer than 200 characters"
			}
		}
	}
	w := newWhereBuilder(sc)
	w.query(ListQueryFromView(cv))
	for f, msg := range w.bad {
		bad[f] = msg
	}
}
