package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
)

// addCustomField adds a text custom field to Accounts the way vtiger's
// Settings → Custom Fields does, and returns its name.
func addCustomField(t *testing.T, db *mysql.DB, label string) string {
	t.Helper()
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, `UPDATE vtiger_field_seq SET id = LAST_INSERT_ID(id + 1)`); err != nil {
		t.Fatal(err)
	}
	var id int
	var block int
	if err := db.GetContext(ctx, &id, `SELECT id FROM vtiger_field_seq`); err != nil {
		t.Fatal(err)
	}
	if err := db.GetContext(ctx, &block, `SELECT blockid FROM vtiger_blocks WHERE tabid = 6 AND blocklabel = 'LBL_CUSTOM_INFORMATION'`); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("cf_%d", id)
	const q = `INSERT INTO vtiger_field (tabid, fieldid, columnname, tablename, generatedtype, uitype, fieldname,
		fieldlabel, readonly, presence, maximumlength, sequence, block, displaytype, typeofdata, quickcreate, masseditable)
		VALUES (6, ?, ?, 'vtiger_accountscf', 2, '1', ?, ?, 1, 2, 100, 1, ?, 1, 'V~O', 1, 1)`
	if _, err := db.ExecContext(ctx, q, id, name, name, label, block); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "ALTER TABLE vtiger_accountscf ADD COLUMN "+name+" varchar(100)"); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestCustomFieldWithoutCode(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	old, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Before The Field"})
	if err != nil {
		t.Fatal(err)
	}
	cf := addCustomField(t, db, "Customer Tier")
	rs.ReloadMetadata()

	acc, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Acme", cf: "Gold"})
	if err != nil {
		t.Fatalf("create with %s: %v", cf, err)
	}
	if acc.Values[cf] != "Gold" {
		t.Errorf("created %s: got %q, want Gold", cf, acc.Values[cf])
	}
	if _, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{cf: "Platinum"}); err != nil {
		t.Fatalf("update %s: %v", cf, err)
	}
	got, err := rs.FindRecordByID(ctx, "Accounts", acc.ID)
	if err != nil || got.Values[cf] != "Platinum" {
		t.Errorf("read %s: got %v, %v, want Platinum", cf, got, err)
	}
	hist, _ := rs.History(ctx, "Accounts", acc.ID)
	if len(hist) == 0 || len(hist[0].Fields) != 1 || hist[0].Fields[0].Field != cf || hist[0].Fields[0].Before != "Gold" {
		t.Errorf("history of %s: got %+v", cf, hist)
	}
	// A legacy database may lack a record's custom-field row: the update adds it.
	if _, err := db.ExecContext(ctx, `DELETE FROM vtiger_accountscf WHERE accountid = ?`, old.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.UpdateRecord(ctx, admin, "Accounts", old.ID, map[string]string{cf: "Silver"}); err != nil {
		t.Fatalf("update older record: %v", err)
	}
	if got, _ := rs.FindRecordByID(ctx, "Accounts", old.ID); got.Values[cf] != "Silver" {
		t.Errorf("older record %s: got %q, want Silver", cf, got.Values[cf])
	}
	long := fmt.Sprintf("%0101d", 0)
	if _, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{cf: long}); err == nil {
		t.Errorf("101 characters in a varchar(100) custom field: got no error")
	}
}
