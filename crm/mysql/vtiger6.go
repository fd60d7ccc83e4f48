package mysql

import (
	"context"
	"database/sql"
	"fmt"
)

// Vtiger6Column is a column vtiger 6 added to vtiger_pbxmanager. Tigerline
// writes both generations' columns, so either vtiger can read the calls.
type Vtiger6Column struct{ Name, DDL string }

// Vtiger6PBXColumns are vtiger 6's PBXManager columns, added to vtiger 5.4's
// vtiger_pbxmanager when missing.
var Vtiger6PBXColumns = []Vtiger6Column{
	{"direction", "varchar(10) DEFAULT NULL"},
	{"callstatus", "varchar(20) DEFAULT NULL"},
	{"starttime", "datetime DEFAULT NULL"},
	{"endtime", "datetime DEFAULT NULL"},
	{"totalduration", "int(11) DEFAULT NULL"},
	{"billduration", "int(11) DEFAULT NULL"},
	{"recordingurl", "varchar(200) DEFAULT NULL"},
	{"sourceuuid", "varchar(100) DEFAULT NULL"},
	{"gateway", "varchar(20) DEFAULT NULL"},
	{"customer", "int(19) DEFAULT NULL"},
	{"user", "varchar(100) DEFAULT NULL"},
	{"customernumber", "varchar(100) DEFAULT NULL"},
	{"customertype", "varchar(100) DEFAULT NULL"},
}

// Vtiger6PBXIndexes are the indexes added to vtiger_pbxmanager. vtiger 6 has
// the first two; tl_call_source makes a call write idempotent on
// (gateway, source uniqueid), so replays and several nodes never double a
// call (rows of vtiger 5.4 have NULLs there, which a unique key allows).
var Vtiger6PBXIndexes = []Vtiger6Column{
	{"index_pbxmanager_id", "KEY index_pbxmanager_id (pbxmanagerid)"},
	{"index_sourceuuid", "KEY index_sourceuuid (sourceuuid)"},
	{"tl_call_source", "UNIQUE KEY tl_call_source (gateway, sourceuuid)"},
}

// Vtiger6PBXTables are the tables vtiger 6's PBXManager added. The phone
// lookup table gains an index on rnumber alone (tl_rnumber): vtiger's
// (fnumber, rnumber) index cannot serve a suffix match, and Tigerline finds
// a caller with a range scan on the reversed number.
var Vtiger6PBXTables = map[string]string{
	"vtiger_pbxmanager_phonelookup": `CREATE TABLE IF NOT EXISTS vtiger_pbxmanager_phonelookup (
  crmid int(20) DEFAULT NULL,
  setype varchar(30) DEFAULT NULL,
  fnumber varchar(100) DEFAULT NULL,
  rnumber varchar(100) DEFAULT NULL,
  fieldname varchar(50) DEFAULT NULL,
  UNIQUE KEY unique_key (crmid, setype, fieldname),
  KEY index_phone_number (fnumber, rnumber),
  KEY tl_rnumber (rnumber)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
	"vtiger_pbxmanager_gateway": `CREATE TABLE IF NOT EXISTS vtiger_pbxmanager_gateway (
  id int(11) NOT NULL AUTO_INCREMENT,
  gateway varchar(20) DEFAULT NULL,
  parameters text DEFAULT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
	"vtiger_pbxmanagercf": `CREATE TABLE IF NOT EXISTS vtiger_pbxmanagercf (
  pbxmanagerid int(11) NOT NULL,
  PRIMARY KEY (pbxmanagerid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
}

// addVtiger6PBX adds vtiger 6's PBXManager columns, indexes and tables where
// missing. MySQL has no ADD COLUMN IF NOT EXISTS, so each addition is
// guarded by an information_schema check; re-running changes nothing.
func addVtiger6PBX(ctx context.Context, db *sql.DB) error {
	for _, c := range Vtiger6PBXColumns {
		has, err := hasColumn(ctx, db, "vtiger_pbxmanager", c.Name)
		if err != nil {
			return err
		}
		if !has {
			q := fmt.Sprintf("ALTER TABLE vtiger_pbxmanager ADD COLUMN %s %s", quoteIdent(c.Name), c.DDL)
			if _, err := db.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("add vtiger_pbxmanager.%s: %w", c.Name, err)
			}
		}
	}
	for _, ix := range Vtiger6PBXIndexes {
		has, err := hasIndex(ctx, db, "vtiger_pbxmanager", ix.Name)
		if err != nil {
			return err
		}
		if !has {
			if _, err := db.ExecContext(ctx, "ALTER TABLE vtiger_pbxmanager ADD "+ix.DDL); err != nil {
				return fmt.Errorf("add index %s: %w", ix.Name, err)
			}
		}
	}
	for name, ddl := range Vtiger6PBXTables {
		if _, err := db.ExecContext(ctx, ddl); err != nil {
			return fmt.Errorf("create %s: %w", name, err)
		}
	}
	return nil
}

func hasColumn(ctx context.Context, db *sql.DB, table, column string) (bool, error) {
	const q = `SELECT COUNT(*) FROM information_schema.COLUMNS
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?`
	var n int
	if err := db.QueryRowContext(ctx, q, table, column).Scan(&n); err != nil {
		return false, fmt.Errorf("inspect %s.%s: %w", table, column, err)
	}
	return n > 0, nil
}

func hasIndex(ctx context.Context, db *sql.DB, table, index string) (bool, error) {
	const q = `SELECT COUNT(*) FROM information_schema.STATISTICS
		WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ?`
	var n int
	if err := db.QueryRowContext(ctx, q, table, index).Scan(&n); err != nil {
		return false, fmt.Errorf("inspect index %s.%s: %w", table, index, err)
	}
	return n > 0, nil
}
