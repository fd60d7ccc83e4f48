package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// TigerlineIndex is an index Tigerline adds to one of vtiger's tables. Their
// names start with tl_ so they are told apart from vtiger's own; they add
// no column and change no row.
type TigerlineIndex struct {
	Table, Name string
	Columns     []string
}

// TigerlineIndexes serve the queries agents wait on. vtiger 5.4's indexes
// cannot: a list page sorted by modified time filesorts every record of the
// module (3 s at a million accounts; 26 ms with tl_list_order), and name,
// city and contract lookups scan whole tables.
var TigerlineIndexes = []TigerlineIndex{
	{"vtiger_crmentity", "tl_list_order", []string{"setype", "deleted", "modifiedtime"}},
	{"vtiger_account", "tl_accountname", []string{"accountname"}},
	{"vtiger_accountbillads", "tl_bill_city", []string{"bill_city"}},
	{"vtiger_contactdetails", "tl_lastname", []string{"lastname"}},
	{"vtiger_contactdetails", "tl_email", []string{"email"}},
	{"vtiger_leaddetails", "tl_company", []string{"company"}},
	{"vtiger_troubletickets", "tl_parent_id", []string{"parent_id"}},
	{"vtiger_servicecontracts", "tl_sc_related_to", []string{"sc_related_to"}},
	// vtiger 5.4 has no index at all on these, so a record's history, its
	// tags and its generic relations scanned whole tables (650 ms for a
	// detail page at a million accounts).
	{"vtiger_modtracker_basic", "tl_history", []string{"crmid", "changedon"}},
	{"vtiger_modtracker_detail", "tl_history_detail", []string{"id"}},
	{"vtiger_freetagged_objects", "tl_tagged_object", []string{"object_id"}},
	{"vtiger_crmentityrel", "tl_rel_crmid", []string{"crmid"}},
	{"vtiger_crmentityrel", "tl_rel_relcrmid", []string{"relcrmid"}},
	// Nor on comments: a record's thread scanned every comment (call notes
	// add one per call).
	{"vtiger_modcomments", "tl_modcomments_related", []string{"related_to"}},
}

// addTigerlineIndexes creates each missing index whose columns exist. It
// is safe to run again, so a migration that grows TigerlineIndexes simply
// runs it once more. An older or trimmed vtiger database may lack a
// column; its index is skipped.
func addTigerlineIndexes(ctx context.Context, db *sql.DB) error {
	for _, ix := range TigerlineIndexes {
		has, err := hasIndex(ctx, db, ix.Table, ix.Name)
		if err != nil {
			return err
		}
		if has {
			continue
		}
		cols := make([]string, len(ix.Columns))
		complete := true
		for i, c := range ix.Columns {
			ok, err := hasColumn(ctx, db, ix.Table, c)
			if err != nil {
				return err
			}
			complete = complete && ok
			cols[i] = quoteIdent(c)
		}
		if !complete {
			continue
		}
		q := fmt.Sprintf("ALTER TABLE %s ADD INDEX %s (%s)", quoteIdent(ix.Table), quoteIdent(ix.Name), strings.Join(cols, ", "))
		if _, err := db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("add index %s.%s: %w", ix.Table, ix.Name, err)
		}
	}
	return nil
}
