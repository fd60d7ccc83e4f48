package mysql

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// linkColumns are the columns of vtiger's module-specific link tables
// that hold the crmid of a record the link belongs to; purging a record
// deletes the rows naming it. Tables or columns a database lacks are
// skipped. vtiger_inventoryproductrel.productid is left out on purpose:
// a purged product stays on the documents that sold it.
var linkColumns = []struct{ Table, Column string }{
	{"vtiger_seactivityrel", "crmid"}, {"vtiger_seactivityrel", "activityid"},
	{"vtiger_cntactivityrel", "contactid"}, {"vtiger_cntactivityrel", "activityid"},
	{"vtiger_salesmanactivityrel", "activityid"}, {"vtiger_invitees", "activityid"},
	{"vtiger_activity_reminder", "activity_id"}, {"vtiger_recurringevents", "activityid"},
	{"vtiger_senotesrel", "crmid"}, {"vtiger_senotesrel", "notesid"},
	{"vtiger_seattachmentsrel", "crmid"},
	{"vtiger_seticketsrel", "crmid"}, {"vtiger_seticketsrel", "ticketid"},
	{"vtiger_seproductsrel", "crmid"}, {"vtiger_seproductsrel", "productid"},
	{"vtiger_contpotentialrel", "contactid"}, {"vtiger_contpotentialrel", "potentialid"},
	{"vtiger_campaigncontrel", "campaignid"}, {"vtiger_campaigncontrel", "contactid"},
	{"vtiger_campaignleadrel", "campaignid"}, {"vtiger_campaignleadrel", "leadid"},
	{"vtiger_campaignaccountrel", "campaignid"}, {"vtiger_campaignaccountrel", "accountid"},
	{"vtiger_vendorcontactrel", "vendorid"}, {"vtiger_vendorcontactrel", "contactid"},
	{"vtiger_pricebookproductrel", "pricebookid"}, {"vtiger_pricebookproductrel", "productid"},
	{"vtiger_inventoryproductrel", "id"}, {"vtiger_inventoryshippingrel", "id"},
	{"vtiger_inventorysubproductrel", "id"},
	{"vtiger_ticketcomments", "ticketid"}, {"vtiger_faqcomments", "faqid"},
}

// PurgeRecord deletes a record in the recycle bin for good, in one
// transaction: its rows in every per-record table and vtiger_crmentity,
// its phone lookup rows, its links in vtiger_crmentityrel (either
// direction) and the module-specific link tables, every user's tags of
// it, its history and its saved recycle-bin links. Admins only.
func (s *RecordService) PurgeRecord(ctx context.Context, actor *crm.User, module string, id int64) error {
	if actor == nil || !actor.IsAdmin {
		return crm.Errorf(crm.EForbidden, "only an admin may empty the recycle bin")
	}
	m, cols, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("purge %s %d: %w", module, id, err)
	}
	defer tx.Rollback()
	if _, err := lockRecord(ctx, tx, m, id, true); err != nil {
		return err
	}
	if err := purgeRows(ctx, tx, m, cols, id); err != nil {
		return fmt.Errorf("purge %s %d: %w", module, id, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("purge %s %d: %w", module, id, err)
	}
	return nil
}

func purgeRows(ctx context.Context, ext sqlx.ExtContext, m *crm.Module, cols tableColumns, id int64) error {
	type del struct {
		q    string
		args []any
	}
	var dels []del
	// Sub-tables before the base table, crmentity last: their foreign keys
	// point that way.
	for _, t := range slices.Backward(m.Tables) {
		dels = append(dels, del{"DELETE FROM " + quoteIdent(t.Name) + " WHERE " + quoteIdent(t.IDColumn) + " = ?", []any{id}})
	}
	for _, l := range linkColumns {
		if cols[l.Table][l.Column] != nil {
			dels = append(dels, del{"DELETE FROM " + quoteIdent(l.Table) + " WHERE " + quoteIdent(l.Column) + " = ?", []any{id}})
		}
	}
	dels = append(dels,
		del{`DELETE FROM vtiger_crmentityrel WHERE crmid = ? OR relcrmid = ?`, []any{id, id}},
		del{`DELETE FROM vtiger_pbxmanager_phonelookup WHERE crmid = ?`, []any{id}},
		del{`DELETE FROM vtiger_freetagged_objects WHERE object_id = ?`, []any{id}},
		del{`DELETE d FROM vtiger_modtracker_detail d JOIN vtiger_modtracker_basic b ON b.id = d.id WHERE b.crmid = ?`, []any{id}},
		del{`DELETE FROM vtiger_modtracker_basic WHERE crmid = ?`, []any{id}},
		del{`DELETE FROM vtiger_relatedlists_rb WHERE entityid = ?`, []any{id}},
		del{`DELETE FROM vtiger_crmentity WHERE crmid = ?`, []any{id}},
	)
	if cols["vtiger_tracker"] != nil {
		dels = append(dels, del{`DELETE FROM vtiger_tracker WHERE item_id = ?`, []any{fmt.Sprint(id)}})
	}
	for _, d := range dels {
		if _, err := ext.ExecContext(ctx, d.q, d.args...); err != nil {
			return err
		}
	}
	return nil
}
