package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

// versionCallIndexes is the Go migration that indexes calls for reading.
const versionCallIndexes = 420

// callIndexes serve FindCalls and CallsToday: the screen pop's "last calls
// of this customer", an agent's calls and today's calls, each read newest
// first in index order. vtiger has none of them.
var callIndexes = []Vtiger6Column{
	{"tl_call_start", "KEY tl_call_start (starttime, pbxmanagerid)"},
	{"tl_call_customer", "KEY tl_call_customer (customer, starttime, pbxmanagerid)"},
	{"tl_call_user", "KEY tl_call_user (`user`, starttime, pbxmanagerid)"},
}

// addCallIndexes adds callIndexes to vtiger_pbxmanager where missing;
// re-running changes nothing.
func addCallIndexes(ctx context.Context, db *sql.DB) error {
	for _, ix := range callIndexes {
		has, err := hasIndex(ctx, db, "vtiger_pbxmanager", ix.Name)
		if err != nil {
			return err
		}
		if has {
			continue
		}
		if _, err := db.ExecContext(ctx, "ALTER TABLE vtiger_pbxmanager ADD "+ix.DDL); err != nil {
			return fmt.Errorf("add index %s: %w", ix.Name, err)
		}
	}
	return nil
}
