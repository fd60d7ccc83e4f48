package mysql_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func TestBulkSeed(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	phones, _ := phone.New("US")
	progress := map[string]int{}
	err := mysql.BulkSeed(ctx, db, phones, mysql.BulkOptions{Accounts: 500, Contacts: 500, Batch: 120, Seed: 7,
		Progress: func(module string, done, total int) {
			if done <= progress[module] || done > total {
				t.Errorf("progress of %s: got %d of %d after %d", module, done, total, progress[module])
			}
			progress[module] = done
		}})
	if err != nil {
		t.Fatalf("bulk seed: %v", err)
	}
	if progress["Accounts"] != 500 || progress["Contacts"] != 500 {
		t.Errorf("progress: got %v, want 500 of each", progress)
	}
	for _, module := range []string{"Accounts", "Contacts"} {
		m, err := rs.Module(ctx, module)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range m.Tables {
			q := fmt.Sprintf("SELECT COUNT(*) FROM %s x JOIN vtiger_crmentity e ON e.crmid = x.%s WHERE e.setype = ?", tb.Name, tb.IDColumn)
			if n := bulkCount(t, db, q, module); n != 500 {
				t.Errorf("%s rows of %s: got %d, want 500", tb.Name, module, n)
			}
		}
		if n := bulkCount(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE module = ? AND status = 2`, module); n != 500 {
			t.Errorf("ModTracker created entries of %s: got %d, want 500", module, n)
		}
	}
	if n := bulkCount(t, db, `SELECT COUNT(DISTINCT account_no) FROM vtiger_account WHERE account_no LIKE 'ACC%'`); n != 500 {
		t.Errorf("distinct account numbers: got %d, want 500", n)
	}
	if n := bulkCount(t, db, `SELECT COUNT(*) FROM vtiger_contactdetails c JOIN vtiger_crmentity e ON e.crmid = c.accountid AND e.setype = 'Accounts'`); n < 350 || n > 480 {
		t.Errorf("contacts linked to seeded accounts: got %d, want about 425", n)
	}
	if n := bulkCount(t, db, `SELECT COUNT(DISTINCT bill_city) FROM vtiger_accountbillads`); n < 100 {
		t.Errorf("distinct cities of 500 accounts: got %d, want at least 100", n)
	}

	// The sequences continue after the block: the next create gets the
	// next number and a higher id.
	next, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "After The Seed Ltd"})
	if err != nil {
		t.Fatalf("create after seed: %v", err)
	}
	if got := next.Values["account_no"]; got != "ACC501" {
		t.Errorf("account_no after seed: got %q, want ACC501", got)
	}
	if maxID := bulkCount(t, db, `SELECT MAX(crmid) FROM vtiger_crmentity WHERE crmid <> ?`, next.ID); int64(maxID) >= next.ID {
		t.Errorf("id after seed: got %d, want above %d", next.ID, maxID)
	}
	contact, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"lastname": "Later"})
	if err != nil {
		t.Fatalf("create contact after seed: %v", err)
	}
	if got := contact.Values["contact_no"]; got != "CON501" {
		t.Errorf("contact_no after seed: got %q, want CON501", got)
	}

	ids := bulkSeededIDs(t, db, "Accounts", 5)
	for _, id := range ids {
		rec, err := rs.FindRecordByID(ctx, "Accounts", id)
		if err != nil {
			t.Fatalf("find seeded account %d: %v", id, err)
		}
		if rec.Label == "" || rec.Values["bill_city"] == "" || !strings.HasPrefix(rec.Values["account_no"], "ACC") {
			t.Errorf("seeded account %d: got %+v", id, rec.Values)
		}
	}
	checkBulkPhones(t, db, phones)
	checkBulkLists(t, rs, db, admin)

	upd, err := rs.UpdateRecord(ctx, admin, "Accounts", ids[0], map[string]string{"phone": "+1 415 555 0199"})
	if err != nil {
		t.Fatalf("update seeded account: %v", err)
	}
	if upd.Values["phone"] != "+1 415 555 0199" {
		t.Errorf("updated phone: got %q", upd.Values["phone"])
	}
	if n := bulkCount(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup WHERE crmid = ? AND fieldname = 'phone' AND fnumber = '14155550199'`, ids[0]); n != 1 {
		t.Errorf("phone lookup row after update: got %d, want 1", n)
	}

	for _, module := range []string{"Accounts", "Contacts"} {
		bulkCompareWithCreate(t, rs, db, admin, module, bulkSeededIDs(t, db, module, 3))
	}
}

func bulkCount(t *testing.T, db *mysql.DB, q string, args ...any) int {
	t.Helper()
	var n sql.NullInt64
	if err := db.GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return int(n.Int64)
}

// bulkSeededIDs returns n ids of a module's records spread over the seed.
func bulkSeededIDs(t *testing.T, db *mysql.DB, module string, n int) []int64 {
	t.Helper()
	var all []int64
	if err := db.SelectContext(context.Background(), &all, `SELECT crmid FROM vtiger_crmentity WHERE setype = ? ORDER BY crmid LIMIT 500`, module); err != nil {
		t.Fatal(err)
	}
	var out []int64
	for i := 0; i < n; i++ {
		out = append(out, all[(i*len(all))/n+7])
	}
	return out
}

// checkBulkPhones: every phone field with a number has its lookup row,
// normalised as CreateRecord would.
func checkBulkPhones(t *testing.T, db *mysql.DB, phones *phone.Normalizer) {
	t.Helper()
	var rows []struct {
		ID      int64          `db:"accountid"`
		Phone   string         `db:"phone"`
		FNumber sql.NullString `db:"fnumber"`
		RNumber sql.NullString `db:"rnumber"`
	}
	const q = `SELECT a.accountid, a.phone, l.fnumber, l.rnumber FROM vtiger_account a
		LEFT JOIN vtiger_pbxmanager_phonelookup l ON l.crmid = a.accountid AND l.fieldname = 'phone'
		WHERE a.phone <> ''`
	if err := db.SelectContext(context.Background(), &rows, q); err != nil {
		t.Fatal(err)
	}
	if len(rows) < 400 {
		t.Errorf("accounts with a phone: got %d, want about 475", len(rows))
	}
	for _, r := range rows {
		want, _ := phones.Store(r.Phone)
		if r.FNumber.String != want || r.RNumber.String != phone.Reverse(want) {
			t.Errorf("lookup row of account %d phone %q: got %q/%q, want %q", r.ID, r.Phone, r.FNumber.String, r.RNumber.String, want)
		}
	}
	if n := bulkCount(t, db, `SELECT COUNT(DISTINCT LEFT(fnumber, 2)) FROM vtiger_pbxmanager_phonelookup`); n < 5 {
		t.Errorf("phone number beginnings: got %d, want numbers of several countries", n)
	}
}

// checkBulkLists: seeded records show in filtered lists and VTQL.
func checkBulkLists(t *testing.T, rs *mysql.RecordService, db *mysql.DB, admin *crm.User) {
	t.Helper()
	ctx := context.Background()
	var city string
	var n int
	row := db.QueryRowContext(ctx, `SELECT bill_city, COUNT(*) n FROM vtiger_accountbillads GROUP BY bill_city ORDER BY n DESC LIMIT 1`)
	if err := row.Scan(&city, &n); err != nil {
		t.Fatal(err)
	}
	page, err := rs.FindRecords(ctx, admin, "Accounts", crm.ListQuery{
		Filters: []crm.Condition{{Field: "bill_city", Op: crm.OpEquals, Values: []string{city}}},
		Sort:    "modifiedtime", Desc: true, Limit: 25, Columns: []string{"accountname", "bill_city"},
	})
	if err != nil {
		t.Fatalf("list by city: %v", err)
	}
	if page.Total != n || len(page.Records) != min(n, 25) {
		t.Errorf("accounts in %s: got total %d and %d rows, want %d", city, page.Total, len(page.Records), n)
	}
	for i := 1; i < len(page.Records); i++ {
		if page.Records[i].Modified.After(page.Records[i-1].Modified) {
			t.Errorf("list not sorted by modified time at row %d", i)
		}
	}
	res, err := rs.QueryVTQL(ctx, admin, "SELECT accountname, bill_city FROM Accounts WHERE bill_city = '"+strings.ReplaceAll(city, "'", "''")+"' ORDER BY accountname LIMIT 25;")
	if err != nil {
		t.Fatalf("vtql: %v", err)
	}
	if len(res.Rows) != min(n, 25) {
		t.Errorf("vtql rows: got %d, want %d", len(res.Rows), min(n, 25))
	}
}

// bulkCompareWithCreate creates, with CreateRecord, a copy of each seeded
// record from the values FindRecordByID gives, and checks that the rows
// of both are the same bar ids, numbers and times.
func bulkCompareWithCreate(t *testing.T, rs *mysql.RecordService, db *mysql.DB, admin *crm.User, module string, ids []int64) {
	t.Helper()
	ctx := context.Background()
	m, err := rs.Module(ctx, module)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		rec, err := rs.FindRecordByID(ctx, module, id)
		if err != nil {
			t.Fatal(err)
		}
		vals := map[string]string{}
		for name, v := range rec.Values {
			if f := m.Field(name); f != nil && f.UIType != 4 && f.UIType != 70 && f.UIType != 52 && v != "" {
				vals[name] = v
			}
		}
		if f := m.Field("annual_revenue"); f != nil && vals["annual_revenue"] == "0" {
			delete(vals, "annual_revenue")
		}
		vals["assigned_user_id"] = strconv.FormatInt(rec.OwnerID, 10)
		copyRec, err := rs.CreateRecord(ctx, admin, module, vals)
		if err != nil {
			t.Fatalf("create copy of %s %d: %v", module, id, err)
		}
		for _, tb := range m.Tables {
			a, b := bulkRawRow(t, db, tb, id), bulkRawRow(t, db, tb, copyRec.ID)
			for col, v := range a {
				if col == tb.IDColumn || strings.HasSuffix(col, "_no") {
					continue
				}
				if b[col] != v {
					t.Errorf("%s %d %s.%s: bulk %q, CreateRecord %q", module, id, tb.Name, col, v, b[col])
				}
			}
		}
		if got, want := bulkPhoneRows(t, db, id), bulkPhoneRows(t, db, copyRec.ID); !slices.Equal(got, want) {
			t.Errorf("%s %d phone lookup rows: bulk %v, CreateRecord %v", module, id, got, want)
		}
	}
}

// bulkRawRow reads a table's row as text, NULL as "<nil>".
func bulkRawRow(t *testing.T, db *mysql.DB, tb crm.ModuleTable, id int64) map[string]string {
	t.Helper()
	ctx := context.Background()
	var cols []string
	const qc = `SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`
	if err := db.SelectContext(ctx, &cols, qc, tb.Name); err != nil {
		t.Fatal(err)
	}
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = "CAST(`" + c + "` AS CHAR)"
	}
	vals := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	q := "SELECT " + strings.Join(exprs, ", ") + " FROM `" + tb.Name + "` WHERE `" + tb.IDColumn + "` = ?"
	if err := db.QueryRowContext(ctx, q, id).Scan(dest...); err != nil {
		t.Fatalf("%s row %d: %v", tb.Name, id, err)
	}
	out := map[string]string{}
	for i, c := range cols {
		out[c] = "<nil>"
		if vals[i].Valid {
			out[c] = vals[i].String
		}
	}
	return out
}

func bulkPhoneRows(t *testing.T, db *mysql.DB, id int64) []string {
	t.Helper()
	var rows []string
	const q = `SELECT CONCAT_WS('|', setype, fieldname, fnumber, rnumber) FROM vtiger_pbxmanager_phonelookup WHERE crmid = ? ORDER BY fieldname`
	if err := sqlx.SelectContext(context.Background(), db, &rows, q, id); err != nil {
		t.Fatal(err)
	}
	return rows
}
