package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// listFixture is a small set of accounts with known values, a contact, a
// deleted account, and two custom fields, for the list, view, search and
// VTQL tests.
type listFixture struct {
	rs    *mysql.RecordService
	db    *mysql.DB
	admin *crm.User
	ids   map[string]int64 // account name → id
	cfNum string           // custom number field
	cfDay string           // custom date field
}

func newListFixture(t *testing.T) *listFixture {
	t.Helper()
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	fx := &listFixture{rs: rs, db: db, admin: admin, ids: map[string]int64{}}
	fx.cfNum = addListField(t, db, "Accounts", "vtiger_accountscf", "Score", 7, "N~O", "decimal(25,2)")
	fx.cfDay = addListField(t, db, "Accounts", "vtiger_accountscf", "Renewal", 5, "D~O", "date")
	rs.ReloadMetadata()
	accounts := []struct {
		name, city, employees, num, day, modified, extra string
	}{
		{"Alpha Traders", "Berlin", "10", "1.5", "2024-01-31", "2024-01-10 09:00:00", "Prospect"},
		{"Beta 100% Foods_Ltd", "Paris", "50", "20", "2024-02-29", "2024-02-15 12:00:00", ""},
		{"Gamma Corp", "", "", "", "", "2024-03-01 00:00:00", ""},
		{"Delta_X", "Berlin", "200", "300.25", "2024-03-01", "2024-03-01 23:59:59", ""},
		{"Epsilon 100 Foods", "Paris", "50", "20", "2024-02-01", "2024-04-20 08:00:00", ""},
	}
	for i, a := range accounts {
		vals := map[string]string{
			"accountname": a.name, "bill_city": a.city, "employees": a.employees,
			fx.cfNum: a.num, fx.cfDay: a.day, "accounttype": a.extra,
			"phone": fmt.Sprintf("+1 (415) 555-01%02d", i), "email1": fmt.Sprintf("info%d@example.com", i),
		}
		r, err := rs.CreateRecord(ctx, admin, "Accounts", vals)
		if err != nil {
			t.Fatalf("create account %s: %v", a.name, err)
		}
		fx.ids[a.name] = r.ID
		listExec(t, db, `UPDATE vtiger_crmentity SET modifiedtime = ? WHERE crmid = ?`, a.modified, r.ID)
	}
	gone, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Alpha Deleted", "bill_city": "Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	listExec(t, db, `UPDATE vtiger_crmentity SET deleted = 1 WHERE crmid = ?`, gone.ID)
	if _, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{
		"firstname": "Mei", "lastname": "Chan", "email": "mei.chan@example.org", "account_id": fmt.Sprint(fx.ids["Alpha Traders"]),
	}); err != nil {
		t.Fatal(err)
	}
	return fx
}

func listExec(t *testing.T, db *mysql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// addListField adds a custom field the way vtiger's Settings page does:
// a vtiger_field row with an id from vtiger_field_seq and a cf_<id> column.
func addListField(t *testing.T, db *mysql.DB, module, table, label string, uitype int, typeofdata, sqlType string) string {
	t.Helper()
	ctx := context.Background()
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var id, tabid, block int
	if _, err := tx.ExecContext(ctx, `UPDATE vtiger_field_seq SET id = LAST_INSERT_ID(id + 1)`); err != nil {
		t.Fatal(err)
	}
	if err := tx.GetContext(ctx, &id, `SELECT LAST_INSERT_ID()`); err != nil {
		t.Fatal(err)
	}
	if err := tx.GetContext(ctx, &tabid, `SELECT tabid FROM vtiger_tab WHERE name = ?`, module); err != nil {
		t.Fatal(err)
	}
	if err := tx.GetContext(ctx, &block, `SELECT blockid FROM vtiger_blocks WHERE tabid = ? AND blocklabel = 'LBL_CUSTOM_INFORMATION'`, tabid); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("cf_%d", id)
	const q = `INSERT INTO vtiger_field (tabid, fieldid, columnname, tablename, generatedtype, uitype, fieldname,
		fieldlabel, readonly, presence, maximumlength, sequence, block, displaytype, typeofdata, quickcreate,
		info_type, masseditable) VALUES (?, ?, ?, ?, 2, ?, ?, ?, 1, 2, 100, ?, ?, 1, ?, 1, 'BAS', 1)`
	if _, err := tx.ExecContext(ctx, q, tabid, id, name, table, uitype, name, label, id, block, typeofdata); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	listExec(t, db, "ALTER TABLE "+table+" ADD COLUMN "+name+" "+sqlType)
	return name
}

// pageNames returns the account names of a page, in order.
func pageNames(p *crm.RecordPage) []string {
	out := []string{}
	for _, r := range p.Records {
		out = append(out, r.Values["accountname"])
	}
	return out
}
