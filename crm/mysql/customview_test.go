package mysql_test

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func viewNames(vs []*crm.CustomView) []string {
	out := []string{}
	for _, v := range vs {
		out = append(out, v.Name)
	}
	return out
}

func TestCustomViews(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	users := mysql.NewUserService(fx.db)
	newUser := func(name string) *crm.User {
		u, err := users.CreateUser(ctx, crm.NewUser{UserName: name, Password: "secret-pass-1", LastName: name, Email: name + "@example.com"})
		if err != nil {
			t.Fatalf("create user %s: %v", name, err)
		}
		return u
	}
	ann, bob := newUser("ann"), newUser("bob")
	run := func(t *testing.T, cv *crm.CustomView) []string {
		t.Helper()
		q := fx.rs.ListQueryFromView(cv)
		q.Sort = "accountname"
		p, err := fx.rs.FindRecords(ctx, ann, cv.Module, q)
		if err != nil {
			t.Fatalf("run view %q: %v", cv.Name, err)
		}
		return pageNames(p)
	}

	t.Run("built-in views", func(t *testing.T) {
		vs, err := fx.rs.CustomViews(ctx, ann, "Accounts")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := viewNames(vs), []string{"All", "Prospect Accounts", "New This Week"}; !slices.Equal(got, want) {
			t.Fatalf("got %q, want %q", got, want)
		}
		all := vs[0]
		if all.ID != 4 || all.Status != crm.ViewDefault || !all.Default || all.Module != "Accounts" {
			t.Errorf("All: got %+v", all)
		}
		if got := run(t, all); len(got) != 5 {
			t.Errorf("All: got %q, want the 5 live accounts", got)
		}
		if got, want := run(t, vs[1]), []string{"Alpha Traders"}; !slices.Equal(got, want) {
			t.Errorf("Prospect Accounts: got %q, want %q", got, want)
		}
		if df := vs[2].DateFilter; df == nil || df.Field != "createdtime" || df.Range != "thisweek" {
			t.Fatalf("New This Week: date filter %+v", df)
		}
		if got := run(t, vs[2]); len(got) != 5 {
			t.Errorf("New This Week: got %q, want the 5 accounts created now", got)
		}
		for _, m := range []string{"Leads", "Contacts", "Potentials", "HelpDesk", "Quotes", "Calendar", "Invoice", "PurchaseOrder", "SalesOrder", "Faq", "PBXManager"} {
			vs, err := fx.rs.CustomViews(ctx, fx.admin, m)
			if err != nil {
				t.Fatalf("%s: %v", m, err)
			}
			for _, v := range vs {
				if _, err := fx.rs.FindRecords(ctx, fx.admin, m, fx.rs.ListQueryFromView(v)); err != nil {
					t.Errorf("%s view %q: %v", m, v.Name, err)
				}
			}
		}
	})

	var saved *crm.CustomView
	t.Run("create, list and run", func(t *testing.T) {
		var err error
		saved, err = fx.rs.CreateCustomView(ctx, ann, &crm.CustomView{
			Name: "Big in Berlin", Module: "Accounts", Status: crm.ViewPublic, Metrics: true,
			Columns: []string{"accountname", "bill_city", fx.cfNum},
			Groups: []crm.FilterGroup{
				{Conditions: []crm.Condition{cond("bill_city", crm.OpIn, "Berlin", "Paris"), cond("employees", crm.OpGreaterOrEqual, "50")}},
				{MatchAny: true, Conditions: []crm.Condition{cond(fx.cfNum, crm.OpBetween, "100", "500"), cond("accountname", crm.OpStartsWith, "Epsilon"), cond("website", crm.OpNotEmpty)}},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if saved.Status != crm.ViewPending || saved.OwnerID != ann.ID || !saved.Metrics || saved.Default {
			t.Errorf("saved: got status %d owner %d metrics %v default %v", saved.Status, saved.OwnerID, saved.Metrics, saved.Default)
		}
		if saved.ID <= 49 {
			t.Errorf("id %d: want one from vtiger_customview_seq, after the built-in 49", saved.ID)
		}
		if !slices.Equal(saved.Columns, []string{"accountname", "bill_city", fx.cfNum}) || len(saved.Groups) != 2 ||
			!reflect.DeepEqual(saved.Groups[1].Conditions[0], cond(fx.cfNum, crm.OpBetween, "100", "500")) || !saved.Groups[1].MatchAny {
			t.Errorf("saved: got %+v", saved)
		}
		if got, want := run(t, saved), []string{"Delta_X", "Epsilon 100 Foods"}; !slices.Equal(got, want) {
			t.Errorf("run: got %q, want %q", got, want)
		}
		mine, _ := fx.rs.CustomViews(ctx, ann, "Accounts")
		theirs, _ := fx.rs.CustomViews(ctx, bob, "Accounts")
		admins, _ := fx.rs.CustomViews(ctx, fx.admin, "Accounts")
		if !slices.Contains(viewNames(mine), "Big in Berlin") || slices.Contains(viewNames(theirs), "Big in Berlin") || !slices.Contains(viewNames(admins), "Big in Berlin") {
			t.Errorf("visibility: ann %q, bob %q, admin %q", viewNames(mine), viewNames(theirs), viewNames(admins))
		}
		var stored string
		fx.db.GetContext(ctx, &stored, `SELECT columnname FROM vtiger_cvcolumnlist WHERE cvid = ? AND columnindex = 1`, saved.ID)
		if stored != "vtiger_accountbillads:bill_city:bill_city:Accounts_Billing_City:V" {
			t.Errorf("stored column: got %q", stored)
		}
	})

	t.Run("update", func(t *testing.T) {
		upd := *saved
		upd.Name = "Berlin only"
		upd.Groups = []crm.FilterGroup{{Conditions: []crm.Condition{cond("bill_city", crm.OpEquals, "Berlin")}}}
		upd.DateFilter = &crm.DateFilter{Field: fx.cfDay, Range: "custom", Start: "2024-01-01", End: "2024-01-31"}
		if _, err := fx.rs.UpdateCustomView(ctx, bob, &upd); crm.ErrorCode(err) != crm.EForbidden {
			t.Errorf("bob updates ann's view: got %v, want forbidden", err)
		}
		got, err := fx.rs.UpdateCustomView(ctx, ann, &upd)
		if err != nil {
			t.Fatal(err)
		}
		if got.Name != "Berlin only" || got.DateFilter == nil || got.DateFilter.Start != "2024-01-01" || len(got.Groups) != 1 {
			t.Errorf("updated: got %+v", got)
		}
		if names, want := run(t, got), []string{"Alpha Traders"}; !slices.Equal(names, want) {
			t.Errorf("run: got %q, want %q", names, want)
		}
	})

	t.Run("default view gives the list columns", func(t *testing.T) {
		cv, err := fx.rs.CreateCustomView(ctx, fx.admin, &crm.CustomView{Name: "Short", Module: "Accounts", Default: true,
			Status: crm.ViewPublic, Columns: []string{"accountname", "employees"}})
		if err != nil {
			t.Fatal(err)
		}
		all, _ := fx.rs.CustomView(ctx, 4)
		if cv.Status != crm.ViewPublic || !cv.Default || all.Default {
			t.Errorf("got status %d default %v, All default %v", cv.Status, cv.Default, all.Default)
		}
		p, err := fx.rs.FindRecords(ctx, bob, "Accounts", crm.ListQuery{})
		if err != nil || !slices.Equal(p.Columns, []string{"accountname", "employees"}) {
			t.Errorf("columns: got %v, %v", p.Columns, err)
		}
		if err := fx.rs.DeleteCustomView(ctx, fx.admin, cv.ID); err != nil {
			t.Fatal(err)
		}
		p, _ = fx.rs.FindRecords(ctx, bob, "Accounts", crm.ListQuery{})
		if len(p.Columns) != 6 {
			t.Errorf("after delete: got columns %q, want All's", p.Columns)
		}
	})

	t.Run("invalid views", func(t *testing.T) {
		_, err := fx.rs.CreateCustomView(ctx, ann, &crm.CustomView{Name: " ", Module: "Accounts",
			Columns: []string{"nosuch"}, Groups: []crm.FilterGroup{{Conditions: []crm.Condition{cond("employees", crm.OpLess, "x")}}},
			DateFilter: &crm.DateFilter{Field: "accountname", Range: "today"}})
		var e *crm.Error
		if !errorsAs(err, &e) || e.Code != crm.EInvalid {
			t.Fatalf("got %v, want invalid", err)
		}
		for _, f := range []string{"name", "nosuch", "employees", "accountname"} {
			if e.Fields[f] == "" {
				t.Errorf("no error for %s in %v", f, e.Fields)
			}
		}
		if _, err := fx.rs.CreateCustomView(ctx, ann, &crm.CustomView{Name: "x", Module: "Nope", Columns: []string{"a"}}); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("unknown module: got %v, want not_found", err)
		}
	})

	t.Run("delete", func(t *testing.T) {
		if err := fx.rs.DeleteCustomView(ctx, fx.admin, 4); crm.ErrorCode(err) != crm.EForbidden {
			t.Errorf("delete All: got %v, want forbidden", err)
		}
		if err := fx.rs.DeleteCustomView(ctx, bob, saved.ID); crm.ErrorCode(err) != crm.EForbidden {
			t.Errorf("bob deletes ann's view: got %v, want forbidden", err)
		}
		if err := fx.rs.DeleteCustomView(ctx, ann, saved.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := fx.rs.CustomView(ctx, saved.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("after delete: got %v, want not_found", err)
		}
		var n int
		fx.db.GetContext(ctx, &n, `SELECT (SELECT COUNT(*) FROM vtiger_cvcolumnlist WHERE cvid = ?) +
			(SELECT COUNT(*) FROM vtiger_cvadvfilter WHERE cvid = ?) + (SELECT COUNT(*) FROM vtiger_cvadvfilter_grouping WHERE cvid = ?) +
			(SELECT COUNT(*) FROM vtiger_cvstdfilter WHERE cvid = ?)`, saved.ID, saved.ID, saved.ID, saved.ID)
		if n != 0 {
			t.Errorf("%d rows of the view left", n)
		}
		if err := fx.rs.DeleteCustomView(ctx, ann, saved.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("delete twice: got %v, want not_found", err)
		}
	})
}
