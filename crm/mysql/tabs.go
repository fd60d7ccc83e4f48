package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// EnabledModules returns the names of the modules vtiger_tab marks as
// present (presence 0 or 2; 1 is a module an admin disabled).
func EnabledModules(ctx context.Context, db *DB) (map[string]bool, error) {
	const q = `SELECT name FROM vtiger_tab WHERE presence IN (0, 2)`
	var names []string
	if err := sqlx.SelectContext(ctx, db, &names, q); err != nil {
		return nil, fmt.Errorf("read enabled modules: %w", err)
	}
	out := make(map[string]bool, len(names))
	for _, n := range names {
		out[n] = true
	}
	return out, nil
}
