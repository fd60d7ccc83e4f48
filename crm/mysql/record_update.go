package mysql

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.RecordWriter = (*RecordService)(nil)

// UpdateRecord changes the given fields of a live record in one
// transaction: the crmentity row (modified time and user, owner,
// description), the per-record tables, the phone lookup rows, a
// ModTracker entry with each changed field's old and new text, and what
// vtiger's save handlers do after (afterUpdate). Revise in the
// webservice is this same partial update.
func (s *RecordService) UpdateRecord(ctx context.Context, actor *crm.User, module string, id int64, values map[string]string) (*crm.Record, error) {
	return s.updateRecord(ctx, actor, module, id, values, nil)
}

// updateRecord is UpdateRecord with a hook that adds its checks and
// writes to the same transaction (an inventory's line items), before the
// change is diffed and afterUpdate runs; nil for none.
func (s *RecordService) updateRecord(ctx context.Context, actor *crm.User, module string, id int64, values map[string]string, hook *saveHook) (*crm.Record, error) {
	if err := s.authorize(ctx, actor, module, crm.ActionEdit, id); err != nil {
		return nil, err
	}
	m, cols, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("update %s %d: %w", module, id, err)
	}
	defer tx.Rollback()
	before, err := lockRecord(ctx, tx, m, id, false)
	if err != nil {
		return nil, err
	}
	v := &validator{ctx: ctx, ext: tx, m: m, cols: cols, actor: actor, partial: true}
	vals, err := v.check(values)
	if err = hook.checkWith(ctx, tx, err); err != nil {
		return nil, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := updateEntity(ctx, tx, m, cols, id, actor, vals, now); err != nil {
		return nil, err
	}
	for _, t := range m.Tables {
		if err := updateRow(ctx, tx, m, cols, t, id, vals, before.Values); err != nil {
			return nil, err
		}
	}
	if err := s.updatePhones(ctx, tx, m, id, vals); err != nil {
		return nil, err
	}
	if err := hook.saveWith(ctx, tx, m, id); err != nil {
		return nil, err
	}
	after, err := lockRecord(ctx, tx, m, id, false)
	if err != nil {
		return nil, err
	}
	if changes := diffRecords(m, before, after); len(changes) > 0 {
		if err := recordChange(ctx, tx, m.Name, id, actor, crm.ChangeUpdated, now, changes); err != nil {
			return nil, err
		}
		if err := afterUpdate(ctx, tx, m.Name, id, changes); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("update %s %d: %w", module, id, err)
	}
	return after, nil
}

// updateEntity saves the crmentity side of an update: always the modified
// time and user, and the given fields that live there (owner,
// description).
func updateEntity(ctx context.Context, tx *sqlx.Tx, m *crm.Module, cols tableColumns, id int64, actor *crm.User, vals map[string]string, now time.Time) error {
	sets := []string{"modifiedtime = ?", "modifiedby = ?"}
	args := []any{now, actorID(actor)}
	done := map[string]bool{"modifiedtime": true, "modifiedby": true}
	for _, f := range m.Fields {
		val, ok := vals[f.Name]
		c := cols["vtiger_crmentity"][f.Column]
		if !ok || f.Table != "vtiger_crmentity" || c == nil || done[f.Column] {
			continue
		}
		done[f.Column] = true
		sets = append(sets, quoteIdent(f.Column)+" = ?")
		args = append(args, columnValue(c, val))
	}
	q := "UPDATE vtiger_crmentity SET " + strings.Join(sets, ", ") + " WHERE crmid = ?"
	if _, err := tx.ExecContext(ctx, q, append(args, id)...); err != nil {
		return fmt.Errorf("update crmentity %d: %w", id, err)
	}
	return nil
}

// updateRow saves the given fields that live in table t. A row missing
// from t (a legacy database's custom-field table, say) is inserted from
// the record's current values and the new ones.
func updateRow(ctx context.Context, tx *sqlx.Tx, m *crm.Module, cols tableColumns, t crm.ModuleTable, id int64, vals, current map[string]string) error {
	var sets []string
	var args []any
	done := map[string]bool{t.IDColumn: true}
	for _, f := range m.Fields {
		val, ok := vals[f.Name]
		c := cols[t.Name][f.Column]
		if !ok || f.Table != t.Name || c == nil || done[f.Column] {
			continue
		}
		done[f.Column] = true
		sets = append(sets, quoteIdent(f.Column)+" = ?")
		args = append(args, columnValue(c, val))
	}
	if len(sets) == 0 {
		return nil
	}
	q := "UPDATE " + quoteIdent(t.Name) + " SET " + strings.Join(sets, ", ") + " WHERE " + quoteIdent(t.IDColumn) + " = ?"
	res, err := tx.ExecContext(ctx, q, append(args, id)...)
	if err != nil {
		return fmt.Errorf("update %s %d: %w", t.Name, id, err)
	}
	// MySQL counts changed rows only, so 0 may mean "same values".
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	var exists int
	e := "SELECT COUNT(*) FROM " + quoteIdent(t.Name) + " WHERE " + quoteIdent(t.IDColumn) + " = ?"
	if err := tx.GetContext(ctx, &exists, e, id); err != nil {
		return fmt.Errorf("update %s %d: %w", t.Name, id, err)
	}
	if exists > 0 {
		return nil
	}
	merged := maps.Clone(current)
	maps.Copy(merged, vals)
	return insertRow(ctx, tx, m, cols, t, id, merged)
}

// updatePhones refreshes the phone lookup rows of the phone fields given.
func (s *RecordService) updatePhones(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, vals map[string]string) error {
	if s.phones == nil {
		return nil
	}
	for _, f := range m.Fields {
		if val, ok := vals[f.Name]; ok && f.UIType == 11 {
			if err := upsertPhone(ctx, tx, s.phones, m.Name, id, f.Name, val); err != nil {
				return err
			}
		}
	}
	return nil
}
