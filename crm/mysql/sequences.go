package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

// LazySequenceTables are ADOdb sequence tables that vtiger creates on first
// use, so a fresh vtiger 5.4 database lacks them. Tigerline creates them in
// a migration instead: DDL at run time would need CREATE privilege and
// would commit any open transaction.
var LazySequenceTables = map[string]string{
	"vtiger_modtracker_basic_seq": "vtiger_modtracker_basic",
}

// addLazySequences creates each missing sequence table and starts it past
// the highest id its table already holds, so ids vtiger wrote are never
// reused.
func addLazySequences(ctx context.Context, db *sql.DB) error {
	for seq, table := range LazySequenceTables {
		create := "CREATE TABLE IF NOT EXISTS " + quoteIdent(seq) +
			" (id int(11) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci"
		if _, err := db.ExecContext(ctx, create); err != nil {
			return fmt.Errorf("create %s: %w", seq, err)
		}
		// The aggregate sits in a derived table: a WHERE beside MAX() would
		// filter its input rows and still yield one row, adding a second
		// counter to a sequence that already has one.
		start := "INSERT INTO " + quoteIdent(seq) + " (id) SELECT m FROM (SELECT COALESCE(MAX(id), 0) AS m FROM " +
			quoteIdent(table) + ") x WHERE NOT EXISTS (SELECT 1 FROM " + quoteIdent(seq) + ")"
		if _, err := db.ExecContext(ctx, start); err != nil {
			return fmt.Errorf("start %s: %w", seq, err)
		}
	}
	return nil
}
