package mysql_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

func newRecords(t *testing.T) (*mysql.RecordService, *mysql.DB, *crm.User) {
	t.Helper()
	db, _ := mysqltest.NewDB(t)
	n, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	admin, err := mysql.NewUserService(db).FindUserByName(context.Background(), "admin")
	if err != nil {
		t.Fatal(err)
	}
	return mysql.NewRecordService(db, n, mysqltest.Logger()), db, admin
}

func TestCreateRecords(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)

	acc, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{
		"accountname": "Acme Trading Ltd", "phone": "+1 (415) 555-0142", "bill_city": "San Francisco",
		"industry": "Banking", "email1": "info@acme.example", "annual_revenue": "1200000",
	})
	if err != nil {
		t.Fatalf("create account: %v", err)
	}
	if got := acc.Values["account_no"]; got != "ACC1" {
		t.Errorf("account_no: got %q, want ACC1", got)
	}
	if acc.Label != "Acme Trading Ltd" || acc.Values["bill_city"] != "San Francisco" || acc.OwnerID != admin.ID {
		t.Errorf("account: got %+v", acc)
	}
	var fnumber string
	if err := db.GetContext(ctx, &fnumber, `SELECT fnumber FROM vtiger_pbxmanager_phonelookup WHERE crmid = ? AND fieldname = 'phone'`, acc.ID); err != nil {
		t.Fatalf("phone lookup row: %v", err)
	}
	if fnumber != "14155550142" {
		t.Errorf("fnumber: got %q, want 14155550142", fnumber)
	}
	for _, table := range []string{"vtiger_account", "vtiger_accountbillads", "vtiger_accountshipads", "vtiger_accountscf"} {
		var n int
		db.GetContext(ctx, &n, "SELECT COUNT(*) FROM "+table+" WHERE "+map[string]string{
			"vtiger_account": "accountid", "vtiger_accountbillads": "accountaddressid",
			"vtiger_accountshipads": "accountaddressid", "vtiger_accountscf": "accountid"}[table]+" = ?", acc.ID)
		if n != 1 {
			t.Errorf("%s: got %d rows, want 1", table, n)
		}
	}

	con, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{
		"firstname": "Mei", "lastname": "Chan", "account_id": fmt.Sprint(acc.ID), "mobile": "9123 4567",
	})
	if err != nil {
		t.Fatalf("create contact: %v", err)
	}
	if con.Label != "Mei Chan" || con.Values["account_id"] != fmt.Sprint(acc.ID) || con.Values["contact_no"] != "CON1" {
		t.Errorf("contact: got label %q account %q no %q", con.Label, con.Values["account_id"], con.Values["contact_no"])
	}

	tt, err := rs.CreateRecord(ctx, admin, "HelpDesk", map[string]string{
		"ticket_title": "Printer jam", "ticketstatus": "Open", "parent_id": fmt.Sprint(acc.ID), "hours": "2",
	})
	if err != nil {
		t.Fatalf("create ticket: %v", err)
	}
	if tt.Values["ticket_no"] != "TT1" || tt.Values["hours"] == "" {
		t.Errorf("ticket: got no %q hours %q", tt.Values["ticket_no"], tt.Values["hours"])
	}
}

func TestCreateRecordValidation(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	var before int
	db.GetContext(ctx, &before, `SELECT id FROM vtiger_crmentity_seq`)

	_, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{
		"email1":      "not-an-email",
		"industry":    "Space Piracy",
		"employees":   "many",
		"account_no":  "ACC99",
		"nosuchfield": "x",
		"website":     strings.Repeat("w", 101),
	})
	var e *crm.Error
	if !errorsAs(err, &e) || e.Code != crm.EInvalid {
		t.Fatalf("got %v, want an invalid error", err)
	}
	for _, f := range []string{"accountname", "email1", "industry", "employees", "account_no", "nosuchfield", "website"} {
		if e.Fields[f] == "" {
			t.Errorf("field %s: no error in %v", f, e.Fields)
		}
	}
	var after, entities int
	db.GetContext(ctx, &after, `SELECT id FROM vtiger_crmentity_seq`)
	db.GetContext(ctx, &entities, `SELECT COUNT(*) FROM vtiger_crmentity`)
	if after != before || entities != 0 {
		t.Errorf("invalid record wrote something: seq %d→%d, %d entities", before, after, entities)
	}

	_, err = rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"lastname": "X", "account_id": "999999"})
	if crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("dangling reference: got %v, want invalid", err)
	}
	_, err = rs.CreateRecord(ctx, admin, "NoSuchModule", nil)
	if crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("unknown module: got %v, want not_found", err)
	}
}

func TestRecordNumbersUnderConcurrentCreates(t *testing.T) {
	ctx := context.Background()
	rs, _, admin := newRecords(t)
	const n = 20
	var wg sync.WaitGroup
	nos := make(chan string, n)
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r, err := rs.CreateRecord(ctx, admin, "Leads", map[string]string{"lastname": fmt.Sprintf("Lead %d", i), "company": "Co"})
			if err != nil {
				errs <- err
				return
			}
			nos <- r.Values["lead_no"]
		}(i)
	}
	wg.Wait()
	close(nos)
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent create: %v", err)
	}
	seen := map[string]bool{}
	for no := range nos {
		if seen[no] {
			t.Errorf("record number %s given twice", no)
		}
		seen[no] = true
	}
	if len(seen) != n {
		t.Errorf("got %d distinct numbers, want %d", len(seen), n)
	}
}
