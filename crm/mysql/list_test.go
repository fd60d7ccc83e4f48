package mysql_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func cond(field, op string, values ...string) crm.Condition {
	return crm.Condition{Field: field, Op: op, Values: values}
}

func TestFindRecordsFilters(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	const (
		alpha, beta, gamma = "Alpha Traders", "Beta 100% Foods_Ltd", "Gamma Corp"
		delta, epsilon     = "Delta_X", "Epsilon 100 Foods"
	)
	tests := []struct {
		name  string
		conds []crm.Condition
		any   bool
		want  []string // by account name
	}{
		{"text equals", []crm.Condition{cond("bill_city", crm.OpEquals, "Berlin")}, false, []string{alpha, delta}},
		{"text equals ignores case", []crm.Condition{cond("accountname", crm.OpEquals, "alpha traders")}, false, []string{alpha}},
		{"text not equals keeps empty", []crm.Condition{cond("bill_city", crm.OpNotEquals, "Berlin")}, false, []string{beta, epsilon, gamma}},
		{"contains percent is literal", []crm.Condition{cond("accountname", crm.OpContains, "100%")}, false, []string{beta}},
		{"contains underscore is literal", []crm.Condition{cond("accountname", crm.OpContains, "_")}, false, []string{beta, delta}},
		{"contains", []crm.Condition{cond("accountname", crm.OpContains, "foods")}, false, []string{beta, epsilon}},
		{"does not contain", []crm.Condition{cond("accountname", crm.OpNotContains, "Foods")}, false, []string{alpha, delta, gamma}},
		{"starts with", []crm.Condition{cond("accountname", crm.OpStartsWith, "Ga")}, false, []string{gamma}},
		{"ends with underscore", []crm.Condition{cond("accountname", crm.OpEndsWith, "_Ltd")}, false, []string{beta}},
		{"text in", []crm.Condition{cond("bill_city", crm.OpIn, "Paris", "Nowhere")}, false, []string{beta, epsilon}},
		{"text empty", []crm.Condition{cond("bill_city", crm.OpEmpty)}, false, []string{gamma}},
		{"text not empty", []crm.Condition{cond("bill_city", crm.OpNotEmpty)}, false, []string{alpha, beta, delta, epsilon}},
		{"number less", []crm.Condition{cond("employees", crm.OpLess, "50")}, false, []string{alpha}},
		{"number greater", []crm.Condition{cond("employees", crm.OpGreater, "50")}, false, []string{delta}},
		{"number less or equal", []crm.Condition{cond("employees", crm.OpLessOrEqual, "50")}, false, []string{alpha, beta, epsilon}},
		{"number greater or equal", []crm.Condition{cond("employees", crm.OpGreaterOrEqual, "50")}, false, []string{beta, delta, epsilon}},
		{"number equals", []crm.Condition{cond("employees", crm.OpEquals, "50")}, false, []string{beta, epsilon}},
		{"number not equals keeps empty", []crm.Condition{cond("employees", crm.OpNotEquals, "50")}, false, []string{alpha, delta, gamma}},
		{"number between", []crm.Condition{cond("employees", crm.OpBetween, "10", "50")}, false, []string{alpha, beta, epsilon}},
		{"number in", []crm.Condition{cond("employees", crm.OpIn, "10", "200")}, false, []string{alpha, delta}},
		{"number not in keeps empty", []crm.Condition{cond("employees", crm.OpNotIn, "10", "200")}, false, []string{beta, epsilon, gamma}},
		{"number empty", []crm.Condition{cond("employees", crm.OpEmpty)}, false, []string{gamma}},
		{"number not empty", []crm.Condition{cond("employees", crm.OpNotEmpty)}, false, []string{alpha, beta, delta, epsilon}},
		{"custom number greater", []crm.Condition{cond(fx.cfNum, crm.OpGreater, "19")}, false, []string{beta, delta, epsilon}},
		{"custom number between", []crm.Condition{cond(fx.cfNum, crm.OpBetween, "1", "20")}, false, []string{alpha, beta, epsilon}},
		{"custom number empty", []crm.Condition{cond(fx.cfNum, crm.OpEmpty)}, false, []string{gamma}},
		{"date less", []crm.Condition{cond(fx.cfDay, crm.OpLess, "2024-02-01")}, false, []string{alpha}},
		{"date equals", []crm.Condition{cond(fx.cfDay, crm.OpEquals, "2024-03-01")}, false, []string{delta}},
		{"date greater", []crm.Condition{cond(fx.cfDay, crm.OpGreater, "2024-02-29")}, false, []string{delta}},
		{"date between", []crm.Condition{cond(fx.cfDay, crm.OpBetween, "2024-02-01", "2024-02-29")}, false, []string{beta, epsilon}},
		{"date empty", []crm.Condition{cond(fx.cfDay, crm.OpEmpty)}, false, []string{gamma}},
		{"date not empty", []crm.Condition{cond(fx.cfDay, crm.OpNotEmpty)}, false, []string{alpha, beta, delta, epsilon}},
		{"datetime equals a day", []crm.Condition{cond("modifiedtime", crm.OpEquals, "2024-03-01")}, false, []string{delta, gamma}},
		{"datetime equals an instant", []crm.Condition{cond("modifiedtime", crm.OpEquals, "2024-01-10 09:00:00")}, false, []string{alpha}},
		{"datetime not equals a day", []crm.Condition{cond("modifiedtime", crm.OpNotEquals, "2024-03-01")}, false, []string{alpha, beta, epsilon}},
		{"datetime less", []crm.Condition{cond("modifiedtime", crm.OpLess, "2024-03-01")}, false, []string{alpha, beta}},
		{"datetime greater", []crm.Condition{cond("modifiedtime", crm.OpGreater, "2024-03-01")}, false, []string{epsilon}},
		{"datetime less or equal", []crm.Condition{cond("modifiedtime", crm.OpLessOrEqual, "2024-03-01")}, false, []string{alpha, beta, delta, gamma}},
		{"datetime greater or equal", []crm.Condition{cond("modifiedtime", crm.OpGreaterOrEqual, "2024-03-01")}, false, []string{delta, epsilon, gamma}},
		{"datetime between days", []crm.Condition{cond("modifiedtime", crm.OpBetween, "2024-02-15", "2024-03-01")}, false, []string{beta, delta, gamma}},
		{"datetime in days", []crm.Condition{cond("modifiedtime", crm.OpIn, "2024-01-10", "2024-04-20")}, false, []string{alpha, epsilon}},
		{"match all", []crm.Condition{cond("bill_city", crm.OpEquals, "Paris"), cond("employees", crm.OpEquals, "50"), cond(fx.cfDay, crm.OpLess, "2024-02-10")}, false, []string{epsilon}},
		{"match any", []crm.Condition{cond("bill_city", crm.OpEquals, "Paris"), cond("employees", crm.OpLess, "20")}, true, []string{alpha, beta, epsilon}},
		{"injection attempt is a value", []crm.Condition{cond("accountname", crm.OpEquals, "x' OR '1'='1")}, false, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := fx.rs.FindRecords(ctx, fx.admin, "Accounts", crm.ListQuery{
				Filters: tc.conds, MatchAny: tc.any, Sort: "accountname", Columns: []string{"bill_city"},
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := pageNames(p); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if p.Total != len(tc.want) {
				t.Errorf("total: got %d, want %d", p.Total, len(tc.want))
			}
		})
	}

	t.Run("groups", func(t *testing.T) {
		p, err := fx.rs.FindRecords(ctx, fx.admin, "Accounts", crm.ListQuery{
			Filters: []crm.Condition{cond("bill_city", crm.OpEquals, "Berlin")},
			Groups: []crm.FilterGroup{{MatchAny: true, Conditions: []crm.Condition{
				cond("employees", crm.OpGreater, "100"), cond(fx.cfNum, crm.OpLess, "2")}}},
			Sort: "accountname",
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := pageNames(p), []string{alpha, delta}; !slices.Equal(got, want) {
			t.Errorf("got %q, want %q", got, want)
		}
	})
}

func TestFindRecordsErrors(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	tests := []struct {
		name  string
		q     crm.ListQuery
		field string
	}{
		{"unknown field", crm.ListQuery{Filters: []crm.Condition{cond("nosuch", crm.OpEquals, "x")}}, "nosuch"},
		{"injected field name", crm.ListQuery{Filters: []crm.Condition{cond("accountname`; DROP TABLE vtiger_account; --", crm.OpEquals, "x")}}, "accountname`; DROP TABLE vtiger_account; --"},
		{"unknown operator", crm.ListQuery{Filters: []crm.Condition{cond("accountname", "= 1 OR 1 =", "x")}}, "accountname"},
		{"missing value", crm.ListQuery{Filters: []crm.Condition{cond("accountname", crm.OpEquals)}}, "accountname"},
		{"between needs two", crm.ListQuery{Filters: []crm.Condition{cond("employees", crm.OpBetween, "1")}}, "employees"},
		{"not a number", crm.ListQuery{Filters: []crm.Condition{cond("employees", crm.OpLess, "ten")}}, "employees"},
		{"not a date", crm.ListQuery{Filters: []crm.Condition{cond(fx.cfDay, crm.OpEquals, "31/01/2024")}}, fx.cfDay},
		{"unknown sort", crm.ListQuery{Sort: "accountname DESC; --"}, "accountname DESC; --"},
		{"unknown column", crm.ListQuery{Columns: []string{"accountname", "nosuch"}}, "nosuch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := fx.rs.FindRecords(ctx, fx.admin, "Accounts", tc.q)
			var e *crm.Error
			if !errorsAs(err, &e) || e.Code != crm.EInvalid {
				t.Fatalf("got %v, want invalid", err)
			}
			if e.Fields[tc.field] == "" {
				t.Errorf("fields: got %v, want an entry for %q", e.Fields, tc.field)
			}
		})
	}
	if _, err := fx.rs.FindRecords(ctx, fx.admin, "NoSuchModule", crm.ListQuery{}); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("unknown module: got %v, want not_found", err)
	}
	var n int
	if err := fx.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM vtiger_account`); err != nil || n != 6 {
		t.Errorf("vtiger_account after injection attempts: %d rows, %v", n, err)
	}
}
