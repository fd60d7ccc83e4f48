package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// newAgent creates a user who is not an admin.
func newAgent(t *testing.T, db *mysql.DB, name string) *crm.User {
	t.Helper()
	u, err := mysql.NewUserService(db).CreateUser(context.Background(), crm.NewUser{
		UserName: name, Password: "s3cret-Passw0rd", LastName: name,
	})
	if err != nil {
		t.Fatalf("create user %s: %v", name, err)
	}
	return u
}

func countRows(t *testing.T, db *mysql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestUpdateRecord(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	agent := newAgent(t, db, "agent")
	acc, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{
		"accountname": "Acme Trading Ltd", "phone": "+1 (415) 555-0142", "industry": "Banking",
	})
	if err != nil {
		t.Fatalf("create account: %v", err)
	}

	t.Run("changes given fields and records history", func(t *testing.T) {
		got, err := rs.UpdateRecord(ctx, agent, "Accounts", acc.ID, map[string]string{
			"industry": "Finance", "phone": "+1 415 555 0199", "bill_city": "Oakland",
		})
		if err != nil {
			t.Fatalf("update: %v", err)
		}
		want := map[string]string{"industry": "Finance", "bill_city": "Oakland", "accountname": "Acme Trading Ltd", "account_no": acc.Values["account_no"]}
		for f, v := range want {
			if got.Values[f] != v {
				t.Errorf("%s: got %q, want %q", f, got.Values[f], v)
			}
		}
		read, err := rs.FindRecordByID(ctx, "Accounts", acc.ID)
		if err != nil || read.Values["industry"] != "Finance" || read.Values["bill_city"] != "Oakland" {
			t.Errorf("read back: got %v, %v", read, err)
		}
		var fnumber string
		db.GetContext(ctx, &fnumber, `SELECT fnumber FROM vtiger_pbxmanager_phonelookup WHERE crmid = ? AND fieldname = 'phone'`, acc.ID)
		if fnumber != "14155550199" {
			t.Errorf("phone lookup: got %q, want 14155550199", fnumber)
		}
		var by int64
		db.GetContext(ctx, &by, `SELECT modifiedby FROM vtiger_crmentity WHERE crmid = ?`, acc.ID)
		if by != agent.ID {
			t.Errorf("modifiedby: got %d, want %d", by, agent.ID)
		}
		hist, err := rs.History(ctx, "Accounts", acc.ID)
		if err != nil {
			t.Fatalf("history: %v", err)
		}
		if len(hist) != 2 || hist[0].Status != crm.ChangeUpdated || hist[1].Status != crm.ChangeCreated {
			t.Fatalf("history: got %+v, want update then create", hist)
		}
		if hist[0].UserID != agent.ID || hist[1].UserID != admin.ID {
			t.Errorf("history users: got %d, %d, want %d, %d", hist[0].UserID, hist[1].UserID, agent.ID, admin.ID)
		}
		changed := map[string]crm.FieldChange{}
		for _, c := range hist[0].Fields {
			changed[c.Field] = c
		}
		wantChanges := map[string][2]string{
			"industry": {"Banking", "Finance"}, "bill_city": {"", "Oakland"},
			"phone": {"+1 (415) 555-0142", "+1 415 555 0199"}, "modifiedby": {fmt.Sprint(admin.ID), fmt.Sprint(agent.ID)},
		}
		for f, w := range wantChanges {
			if c := changed[f]; c.Before != w[0] || c.After != w[1] {
				t.Errorf("change of %s: got %q→%q, want %q→%q", f, c.Before, c.After, w[0], w[1])
			}
		}
		if len(changed) != len(wantChanges) {
			t.Errorf("changed fields: got %v, want only %v", hist[0].Fields, wantChanges)
		}
	})

	t.Run("invalid update writes nothing", func(t *testing.T) {
		before, _ := rs.FindRecordByID(ctx, "Accounts", acc.ID)
		histBefore := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ?`, acc.ID)
		_, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{
			"industry": "Space Piracy", "bill_city": "Berkeley", "employees": "many",
		})
		var e *crm.Error
		if !errorsAs(err, &e) || e.Code != crm.EInvalid || e.Fields["industry"] == "" || e.Fields["employees"] == "" {
			t.Fatalf("got %v, want invalid naming industry and employees", err)
		}
		if e.Fields["bill_city"] != "" {
			t.Errorf("bill_city: got error %q, want none", e.Fields["bill_city"])
		}
		after, _ := rs.FindRecordByID(ctx, "Accounts", acc.ID)
		if after.Values["bill_city"] != "Oakland" || !after.Modified.Equal(before.Modified) {
			t.Errorf("record changed: bill_city %q, modified %v→%v", after.Values["bill_city"], before.Modified, after.Modified)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ?`, acc.ID); n != histBefore {
			t.Errorf("history rows: got %d, want %d", n, histBefore)
		}
	})

	t.Run("mandatory fields cannot be blanked", func(t *testing.T) {
		for _, f := range []string{"accountname", "assigned_user_id"} {
			_, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{f: "  "})
			var e *crm.Error
			if !errorsAs(err, &e) || e.Fields[f] == "" {
				t.Errorf("blank %s: got %v, want invalid naming it", f, err)
			}
		}
		read, _ := rs.FindRecordByID(ctx, "Accounts", acc.ID)
		if read.Label != "Acme Trading Ltd" {
			t.Errorf("label: got %q", read.Label)
		}
	})

	t.Run("record number is read-only", func(t *testing.T) {
		_, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{"account_no": "ACC99"})
		var e *crm.Error
		if !errorsAs(err, &e) || e.Fields["account_no"] == "" {
			t.Errorf("got %v, want invalid naming account_no", err)
		}
	})

	t.Run("unchanged values record no history", func(t *testing.T) {
		n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ?`, acc.ID)
		if _, err := rs.UpdateRecord(ctx, agent, "Accounts", acc.ID, map[string]string{"industry": "Finance"}); err != nil {
			t.Fatalf("update: %v", err)
		}
		if got := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ?`, acc.ID); got != n {
			t.Errorf("history rows: got %d, want %d", got, n)
		}
	})

	t.Run("missing record or module", func(t *testing.T) {
		if _, err := rs.UpdateRecord(ctx, admin, "Accounts", 999999, map[string]string{"industry": "Finance"}); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("missing record: got %v, want not_found", err)
		}
		if _, err := rs.UpdateRecord(ctx, admin, "Contacts", acc.ID, map[string]string{"lastname": "X"}); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("wrong module: got %v, want not_found", err)
		}
		if _, err := rs.UpdateRecord(ctx, admin, "NoSuchModule", acc.ID, nil); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("unknown module: got %v, want not_found", err)
		}
	})
}
