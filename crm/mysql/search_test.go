package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// hitsIn returns the hits of one module.
func hitsIn(rs []crm.SearchResult, module string) (crm.SearchResult, bool) {
	for _, r := range rs {
		if r.Module == module {
			return r, true
		}
	}
	return crm.SearchResult{}, false
}

func TestSearchRecords(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	search := func(t *testing.T, text string, modules []string, limit int) []crm.SearchResult {
		t.Helper()
		rs, err := fx.rs.SearchRecords(ctx, fx.admin, text, modules, limit)
		if err != nil {
			t.Fatalf("search %q: %v", text, err)
		}
		return rs
	}
	tests := []struct {
		name, text, module, label, field string
	}{
		{"account by name prefix", "alph", "Accounts", "Alpha Traders", "accountname"},
		{"contact by email", "mei.chan@example.org", "Contacts", "Mei Chan", "email"},
		{"contact by last name", "Cha", "Contacts", "Mei Chan", "lastname"},
		{"contact by full name", "Mei Ch", "Contacts", "Mei Chan", ""},
		{"account by record number", "ACC4", "Accounts", "Delta_X", "account_no"},
		{"account by phone suffix", "555-0103", "Accounts", "Delta_X", "phone"},
		{"percent is literal", "Beta 100%", "Accounts", "Beta 100% Foods_Ltd", "accountname"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := hitsIn(search(t, tc.text, nil, 5), tc.module)
			if !ok || len(r.Hits) != 1 {
				t.Fatalf("got %+v, want one %s hit", r, tc.module)
			}
			if h := r.Hits[0]; h.Label != tc.label || h.Field != tc.field {
				t.Errorf("got %+v, want label %q field %q", h, tc.label, tc.field)
			}
		})
	}

	t.Run("no wildcard or deleted matches", func(t *testing.T) {
		for _, text := range []string{"%a", "_elta", "Alpha Del"} {
			if rs := search(t, text, nil, 5); len(rs) != 0 {
				t.Errorf("%q: got %+v, want nothing", text, rs)
			}
		}
	})

	t.Run("limit per module", func(t *testing.T) {
		for i := 1; i <= 3; i++ {
			if _, err := fx.rs.CreateRecord(ctx, fx.admin, "Leads", map[string]string{"lastname": fmt.Sprintf("Limitson %d", i), "company": "Co"}); err != nil {
				t.Fatal(err)
			}
		}
		r, _ := hitsIn(search(t, "Limitson", []string{"Leads", "Accounts"}, 2), "Leads")
		if len(r.Hits) != 2 || !r.More || r.Hits[0].Label != "Limitson 3" {
			t.Errorf("got %+v, want the 2 newest and More", r)
		}
		if rs := search(t, "Alpha", []string{"Contacts"}, 5); len(rs) != 0 {
			t.Errorf("restricted to Contacts: got %+v", rs)
		}
	})

	t.Run("errors", func(t *testing.T) {
		if _, err := fx.rs.SearchRecords(ctx, fx.admin, " a ", nil, 5); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("short text: got %v, want invalid", err)
		}
		if _, err := fx.rs.SearchRecords(ctx, fx.admin, "Alpha", []string{"Nope"}, 5); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("unknown module: got %v, want not_found", err)
		}
	})
}
