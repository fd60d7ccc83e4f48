package mysql_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestQueryVTQL(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	query := func(t *testing.T, q string) crm.VTQLResult {
		t.Helper()
		res, err := fx.rs.QueryVTQL(ctx, fx.admin, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return res
	}
	col := func(res crm.VTQLResult, f string) []string {
		out := []string{}
		for _, r := range res.Rows {
			out = append(out, r[f])
		}
		return out
	}
	const sel = "SELECT accountname FROM Accounts WHERE "
	tests := []struct {
		where string
		want  []string
	}{
		{"bill_city = 'Berlin'", []string{"Alpha Traders", "Delta_X"}},
		{"bill_city != 'Berlin'", []string{"Beta 100% Foods_Ltd", "Epsilon 100 Foods", "Gamma Corp"}},
		{"bill_city <> 'Berlin'", []string{"Beta 100% Foods_Ltd", "Epsilon 100 Foods", "Gamma Corp"}},
		{"employees < 50", []string{"Alpha Traders"}},
		{"employees > 50", []string{"Delta_X"}},
		{"employees <= 50", []string{"Alpha Traders", "Beta 100% Foods_Ltd", "Epsilon 100 Foods"}},
		{"employees >= 50", []string{"Beta 100% Foods_Ltd", "Delta_X", "Epsilon 100 Foods"}},
		{"accountname LIKE 'Beta%'", []string{"Beta 100% Foods_Ltd"}},
		{"accountname LIKE '%100\\%%'", []string{"Beta 100% Foods_Ltd"}},
		{"accountname NOT LIKE '%Foods%'", []string{"Alpha Traders", "Delta_X", "Gamma Corp"}},
		{"bill_city IN ('Paris', 'Rome')", []string{"Beta 100% Foods_Ltd", "Epsilon 100 Foods"}},
		{"bill_city NOT IN ('Paris', 'Berlin')", []string{"Gamma Corp"}},
		{"(bill_city = 'Paris' OR employees < 20) AND accountname LIKE '%a%'", []string{"Alpha Traders", "Beta 100% Foods_Ltd"}},
		{"cf_SCORE > 100", []string{"Delta_X"}},
		{"accountname = 'x'' OR ''1''=''1'", []string{}},
		{"accountname = 'x\\' OR 1=1 -- '", []string{}},
	}
	for _, tc := range tests {
		where := tc.where
		if len(where) > 8 && where[:8] == "cf_SCORE" {
			where = fx.cfNum + where[8:]
		}
		t.Run(where, func(t *testing.T) {
			res := query(t, sel+where+" ORDER BY accountname;")
			if got := col(res, "accountname"); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("select star", func(t *testing.T) {
		res := query(t, "select * from Accounts order by modifiedtime desc;")
		if len(res.Rows) != 5 || res.Fields[0] != "id" || !slices.Contains(res.Fields, fx.cfDay) {
			t.Fatalf("got %d rows, fields %q", len(res.Rows), res.Fields)
		}
		r := res.Rows[0]
		if r["id"] != fmt.Sprint(fx.ids["Epsilon 100 Foods"]) || r["accountname"] != "Epsilon 100 Foods" || r[fx.cfDay] != "2024-02-01" || r["website"] != "" {
			t.Errorf("first row: got %v", r)
		}
	})

	t.Run("id, count, order and limit", func(t *testing.T) {
		res := query(t, fmt.Sprintf("SELECT accountname, bill_city FROM Accounts WHERE id = %d;", fx.ids["Delta_X"]))
		if len(res.Rows) != 1 || res.Rows[0]["bill_city"] != "Berlin" || len(res.Rows[0]) != 2 {
			t.Errorf("by id: got %v", res.Rows)
		}
		res = query(t, "SELECT count(*) FROM Accounts;")
		if len(res.Rows) != 1 || res.Rows[0]["count"] != "5" {
			t.Errorf("count: got %v", res.Rows)
		}
		res = query(t, "SELECT count(*) FROM Accounts WHERE bill_city = 'Berlin' LIMIT 1;")
		if res.Rows[0]["count"] != "2" {
			t.Errorf("count where: got %v", res.Rows)
		}
		res = query(t, "SELECT accountname FROM Accounts ORDER BY employees DESC, accountname LIMIT 1, 2;")
		if got, want := col(res, "accountname"), []string{"Beta 100% Foods_Ltd", "Epsilon 100 Foods"}; !slices.Equal(got, want) {
			t.Errorf("order and limit: got %q, want %q", got, want)
		}
		res = query(t, "SELECT lastname, email FROM Contacts;")
		if len(res.Rows) != 1 || res.Rows[0]["email"] != "mei.chan@example.org" {
			t.Errorf("contacts: got %v", res.Rows)
		}
	})

	t.Run("errors", func(t *testing.T) {
		for _, tc := range []struct{ q, code, field string }{
			{"SELECT nosuch FROM Accounts;", crm.EInvalid, "nosuch"},
			{"SELECT * FROM Accounts WHERE nosuch = 1;", crm.EInvalid, "nosuch"},
			{"SELECT * FROM Accounts ORDER BY nosuch;", crm.EInvalid, "nosuch"},
			{"SELECT * FROM Nope;", crm.ENotFound, ""},
			{"SELECT * FROM Accounts", crm.EInvalid, ""},
			{"SELECT * FROM Accounts WHERE accountname = 'x' OR 1=1;", crm.EInvalid, ""},
			{"SELECT * FROM Accounts; DROP TABLE vtiger_account;", crm.EInvalid, ""},
			{"SELECT * FROM vtiger_account;", crm.ENotFound, ""},
		} {
			_, err := fx.rs.QueryVTQL(ctx, fx.admin, tc.q)
			var e *crm.Error
			if !errorsAs(err, &e) || e.Code != tc.code {
				t.Errorf("%s: got %v, want %s", tc.q, err, tc.code)
				continue
			}
			if tc.field != "" && e.Fields[tc.field] == "" {
				t.Errorf("%s: fields %v do not name %s", tc.q, e.Fields, tc.field)
			}
		}
		var n int
		if err := fx.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM vtiger_account`); err != nil || n != 6 {
			t.Errorf("vtiger_account after injection attempts: %d rows, %v", n, err)
		}
	})
}
