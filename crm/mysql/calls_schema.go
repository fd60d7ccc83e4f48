package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

// versionCallIndexes and versionCallIndexes2 are the Go migrations that
// index calls for reading; the second adds tl_call_state by running
// addCallIndexes again.
const (
	versionCallIndexes  = 420
	versionCallIndexes2 = 490
)

// callIndexes serve FindCalls and CallsToday: the screen pop's "last calls
// of this customer", an agent's calls and today's calls, each read newest
// first in index order. vtiger has none of them. tl_call_state serves the
// reloads' reads by state (FindOpenCalls, FindCompletedCalls), which must
// not visit the day's ended calls.
var callIndexes = []Vtiger6Column{
	{"tl_call_start", "KEY tl_call_start (starttime, pbxmanagerid)"},
	{"tl_call_customer", "KEY tl_call_customer (customer, starttime, pbxmanagerid)"},
	{"tl_call_user", "KEY tl_call_user (`user`, starttime, pbxmanagerid)"},
	{"tl_call_state", "KEY tl_call_state (callstatus, endtime, starttime)"},
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
