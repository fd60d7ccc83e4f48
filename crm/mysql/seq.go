package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// nextID allocates the next id from one of vtiger's ADOdb sequence tables
// (vtiger_crmentity_seq, vtiger_users_seq, ...), the way vtiger does, so
// vtiger itself never reuses an id Tigerline took. LAST_INSERT_ID(expr) is
// per connection, so ext must be a transaction or a single connection.
func nextID(ctx context.Context, ext sqlx.ExtContext, seqTable string) (int64, error) {
	res, err := ext.ExecContext(ctx, "UPDATE "+quoteIdent(seqTable)+" SET id = LAST_INSERT_ID(id + 1)")
	if err != nil {
		return 0, fmt.Errorf("next id from %s: %w", seqTable, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("next id from %s: %w", seqTable, err)
	}
	if n > 1 {
		// Each row would count on its own and ids would repeat.
		return 0, fmt.Errorf("next id from %s: the sequence table has %d rows, want 1", seqTable, n)
	}
	if n == 0 {
		// An empty sequence table starts at 1, as ADOdb's GenID does.
		if _, err := ext.ExecContext(ctx, "INSERT INTO "+quoteIdent(seqTable)+" (id) VALUES (1)"); err != nil {
			return 0, fmt.Errorf("start sequence %s: %w", seqTable, err)
		}
		return 1, nil
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("next id from %s: %w", seqTable, err)
	}
	return id, nil
}
