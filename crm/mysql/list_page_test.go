package mysql_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestFindRecordsSortAndPages(t *testing.T) {
	ctx := context.Background()
	fx := newListFixture(t)
	const (
		alpha, beta, gamma = "Alpha Traders", "Beta 100% Foods_Ltd", "Gamma Corp"
		delta, epsilon     = "Delta_X", "Epsilon 100 Foods"
	)
	find := func(t *testing.T, q crm.ListQuery) *crm.RecordPage {
		t.Helper()
		p, err := fx.rs.FindRecords(ctx, fx.admin, "Accounts", q)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	sorts := []struct {
		name string
		sort string
		desc bool
		want []string
	}{
		{"default newest first", "", false, []string{epsilon, delta, gamma, beta, alpha}},
		{"name asc", "accountname", false, []string{alpha, beta, delta, epsilon, gamma}},
		{"name desc", "accountname", true, []string{gamma, epsilon, delta, beta, alpha}},
		{"number asc, ties by id", "employees", false, []string{gamma, alpha, beta, epsilon, delta}},
		{"number desc", "employees", true, []string{delta, epsilon, beta, alpha, gamma}},
		{"custom date desc", fx.cfDay, true, []string{delta, beta, epsilon, alpha, gamma}},
		{"custom number asc", fx.cfNum, false, []string{gamma, alpha, beta, epsilon, delta}},
		{"city asc", "bill_city", false, []string{gamma, alpha, delta, beta, epsilon}},
		{"modified asc", "modifiedtime", false, []string{alpha, beta, gamma, delta, epsilon}},
	}
	for _, tc := range sorts {
		t.Run("sort "+tc.name, func(t *testing.T) {
			p := find(t, crm.ListQuery{Sort: tc.sort, Desc: tc.desc})
			if got := pageNames(p); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}

	t.Run("pages", func(t *testing.T) {
		var got []string
		for off := 0; off < 6; off += 2 {
			p := find(t, crm.ListQuery{Offset: off, Limit: 2})
			if p.Total != 5 || p.Offset != off || p.Limit != 2 {
				t.Errorf("offset %d: got total %d offset %d limit %d, want 5 %d 2", off, p.Total, p.Offset, p.Limit, off)
			}
			got = append(got, pageNames(p)...)
		}
		if want := []string{epsilon, delta, gamma, beta, alpha}; !slices.Equal(got, want) {
			t.Errorf("pages: got %q, want %q", got, want)
		}
	})

	t.Run("limits and skipped total", func(t *testing.T) {
		p := find(t, crm.ListQuery{SkipTotal: true})
		if p.Total != -1 || p.Limit != crm.DefaultListLimit || len(p.Records) != 5 {
			t.Errorf("got total %d limit %d rows %d, want -1 %d 5", p.Total, p.Limit, len(p.Records), crm.DefaultListLimit)
		}
		if p := find(t, crm.ListQuery{Limit: 100000, Offset: -3}); p.Limit != crm.MaxListLimit || p.Offset != 0 {
			t.Errorf("got limit %d offset %d, want %d 0", p.Limit, p.Offset, crm.MaxListLimit)
		}
		if p := find(t, crm.ListQuery{Offset: 10}); len(p.Records) != 0 || p.Total != 5 {
			t.Errorf("past the end: got %d rows total %d, want 0 5", len(p.Records), p.Total)
		}
	})

	t.Run("default columns come from the All view", func(t *testing.T) {
		p := find(t, crm.ListQuery{Limit: 1})
		want := []string{"account_no", "accountname", "bill_city", "website", "phone", "assigned_user_id"}
		if !slices.Equal(p.Columns, want) {
			t.Errorf("columns: got %q, want %q", p.Columns, want)
		}
		r := p.Records[0]
		if r.Label != epsilon || r.Values["bill_city"] != "Paris" || r.Values["assigned_user_id"] != "1" || r.ID != fx.ids[epsilon] {
			t.Errorf("record: got %+v", r)
		}
		if r.Modified.Format("2006-01-02 15:04:05") != "2024-04-20 08:00:00" || r.OwnerID != fx.admin.ID {
			t.Errorf("record: modified %v owner %d", r.Modified, r.OwnerID)
		}
	})

	t.Run("chosen columns plus name fields", func(t *testing.T) {
		p := find(t, crm.ListQuery{Columns: []string{fx.cfNum, "employees"}, Sort: "accountname", Limit: 1})
		r := p.Records[0]
		if !slices.Equal(p.Columns, []string{fx.cfNum, "employees"}) || len(r.Values) != 3 {
			t.Errorf("got columns %q values %v", p.Columns, r.Values)
		}
		if r.Values[fx.cfNum] != "1.50" || r.Values["employees"] != "10" || r.Label != alpha {
			t.Errorf("values: got %v label %q", r.Values, r.Label)
		}
	})

	t.Run("other modules", func(t *testing.T) {
		p, err := fx.rs.FindRecords(ctx, fx.admin, "Contacts", crm.ListQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 1 || p.Records[0].Label != "Mei Chan" || p.Records[0].Values["email"] != "mei.chan@example.org" {
			t.Errorf("contacts: got total %d %+v", p.Total, p.Records)
		}
		for _, m := range []string{"Calendar", "HelpDesk", "Potentials", "Leads", "Products", "Invoice", "Documents", "Faq", "Campaigns"} {
			if _, err := fx.rs.FindRecords(ctx, fx.admin, m, crm.ListQuery{}); err != nil {
				t.Errorf("%s: %v", m, err)
			}
		}
	})
}
