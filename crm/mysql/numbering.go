package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// assignNumber gives a new record its number (ACC1, TT42, ...) from
// vtiger_modentity_num. The row is locked for the transaction, so
// concurrent creates never share a number.
func assignNumber(ctx context.Context, tx *sqlx.Tx, m *crm.Module, vals map[string]string) error {
	var field *crm.Field
	for _, f := range m.Fields {
		if f.UIType == 4 {
			field = f
			break
		}
	}
	if field == nil {
		return nil
	}
	var row struct {
		ID     int64  `db:"num_id"`
		Prefix string `db:"prefix"`
		Cur    string `db:"cur_id"`
	}
	const q = `SELECT num_id, prefix, cur_id FROM vtiger_modentity_num
		WHERE semodule = ? AND active = 1 LIMIT 1 FOR UPDATE`
	err := tx.GetContext(ctx, &row, q, m.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // numbering not set up for this module
	}
	if err != nil {
		return fmt.Errorf("record number of %s: %w", m.Name, err)
	}
	vals[field.Name] = row.Prefix + row.Cur
	const u = `UPDATE vtiger_modentity_num SET cur_id = ? WHERE num_id = ?`
	if _, err := tx.ExecContext(ctx, u, nextNumber(row.Cur), row.ID); err != nil {
		return fmt.Errorf("record number of %s: %w", m.Name, err)
	}
	return nil
}

// nextNumber increments a record number kept as text, keeping its leading
// zeros as vtiger does: "0009" → "0010", "99" → "100".
func nextNumber(cur string) string {
	n, err := strconv.ParseUint(cur, 10, 64)
	if err != nil {
		return cur + "1"
	}
	next := strconv.FormatUint(n+1, 10)
	for len(next) < len(cur) {
		next = "0" + next
	}
	return next
}
