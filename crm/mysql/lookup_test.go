package mysql_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

var lookupStrategies = []mysql.LookupStrategy{mysql.LookupByForms, mysql.LookupByReversedRange}

func newLookups(t *testing.T, db *mysql.DB) map[mysql.LookupStrategy]*mysql.LookupService {
	t.Helper()
	n, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	out := map[mysql.LookupStrategy]*mysql.LookupService{}
	for _, st := range lookupStrategies {
		out[st] = mysql.NewLookupService(db, n, mysql.WithLookupStrategy(st))
	}
	return out
}

func lkCreate(t *testing.T, rs *mysql.RecordService, actor *crm.User, module string, vals map[string]string) *crm.Record {
	t.Helper()
	r, err := rs.CreateRecord(context.Background(), actor, module, vals)
	if err != nil {
		t.Fatalf("create %s: %v", module, err)
	}
	return r
}

// lkBrief prints matches as "Module:id:name:field" for comparisons.
func lkBrief(m crm.CallerMatch) string {
	var parts []string
	for _, r := range m.Records {
		parts = append(parts, fmt.Sprintf("%s:%d:%s:%s", r.Module, r.ID, r.Name, r.Field))
	}
	return fmt.Sprintf("[%s] unknown=%v ambiguous=%v", strings.Join(parts, " "), m.Unknown, m.Ambiguous)
}

func TestLookupCaller(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	mei := lkCreate(t, rs, admin, "Contacts", map[string]string{"firstname": "Mei", "lastname": "Chan", "phone": "+1 (415) 555-0142"})
	acme := lkCreate(t, rs, admin, "Accounts", map[string]string{"accountname": "AT&amp;T Trading", "phone": "415-555-0142"})
	lead := lkCreate(t, rs, admin, "Leads", map[string]string{"lastname": "Ng", "company": "Ng Ltd", "mobile": "(212) 555-0199"})
	wong := lkCreate(t, rs, admin, "Contacts", map[string]string{"firstname": "Ann", "lastname": "Wong", "mobile": "+1 646 555 0123"})
	lee := lkCreate(t, rs, admin, "Contacts", map[string]string{"firstname": "Bo", "lastname": "Lee", "phone": "6465550123"})
	gone := lkCreate(t, rs, admin, "Contacts", map[string]string{"lastname": "Gone", "phone": "+1 718 555 0100"})
	if _, err := db.ExecContext(ctx, `UPDATE vtiger_crmentity SET deleted = 1 WHERE crmid = ?`, gone.ID); err != nil {
		t.Fatal(err)
	}
	converted := lkCreate(t, rs, admin, "Leads", map[string]string{"lastname": "Tam", "company": "Tam Co", "phone": "+1 312 555 0177"})
	if _, err := db.ExecContext(ctx, `UPDATE vtiger_leaddetails SET converted = 1 WHERE leadid = ?`, converted.ID); err != nil {
		t.Fatal(err)
	}

	contactFirst := fmt.Sprintf("[Contacts:%d:Mei Chan:phone Accounts:%d:AT&T Trading:phone] unknown=false ambiguous=false", mei.ID, acme.ID)
	tests := []struct{ number, want string }{
		{"+14155550142", contactFirst},
		{"14155550142", contactFirst},
		{"4155550142", contactFirst},
		{"(212) 555-0199", fmt.Sprintf("[Leads:%d:Ng:mobile] unknown=false ambiguous=false", lead.ID)},
		{"+16465550123", fmt.Sprintf("[Contacts:%d:Ann Wong:mobile Contacts:%d:Bo Lee:phone] unknown=false ambiguous=true", wong.ID, lee.ID)},
		{"+17185550100", "[] unknown=true ambiguous=false"},  // deleted
		{"+13125550177", "[] unknown=true ambiguous=false"},  // a converted lead
		{"+442079460000", "[] unknown=true ambiguous=false"}, // nobody
		{"5550142", "[] unknown=true ambiguous=false"},       // too short to match a longer number
		{"anonymous", "[] unknown=true ambiguous=false"},     // withheld
	}
	for st, svc := range newLookups(t, db) {
		for _, tt := range tests {
			m, err := svc.LookupCaller(ctx, tt.number)
			if err != nil {
				t.Fatalf("%s: LookupCaller(%q): %v", st, tt.number, err)
			}
			if got := lkBrief(m); got != tt.want {
				t.Errorf("%s: LookupCaller(%q):\n got %s\nwant %s", st, tt.number, got, tt.want)
			}
		}
	}
	m, _ := newLookups(t, db)[mysql.LookupByForms].LookupCaller(ctx, "+14155550142")
	if best, ok := m.Best(); !ok || best.ID != mei.ID || m.Link() != (crm.CallLink{CustomerID: mei.ID, CustomerModule: "Contacts"}) {
		t.Errorf("Best/Link: got %+v %v, want the contact", best, ok)
	}
}

// TestLookupUsesIndex asserts with EXPLAIN that each strategy reads the
// phone lookup table through an index, never a full scan, on a table big
// enough for the optimizer to have a choice.
func TestLookupUsesIndex(t *testing.T) {
	ctx := context.Background()
	_, db, _ := newRecords(t)
	lkFill(t, db, 20000, 1)
	if _, err := db.ExecContext(ctx, `ANALYZE TABLE vtiger_pbxmanager_phonelookup, vtiger_crmentity`); err != nil {
		t.Fatal(err)
	}
	for st, svc := range newLookups(t, db) {
		for _, number := range []string{"+14155550142", "4155550142", "101"} {
			q, args, err := svc.LookupSQL(ctx, number)
			if err != nil {
				t.Fatal(err)
			}
			plan := lkExplain(t, db, q, args)
			row, ok := plan["l"]
			if !ok {
				t.Fatalf("%s %s: no plan row for the lookup table: %v", st, number, plan)
			}
			okKey := row["key"] == "index_phone_number" || row["key"] == "tl_rnumber"
			if (row["type"] != "ref" && row["type"] != "range") || !okKey {
				t.Errorf("%s %s: lookup table read with type %q key %q, want ref/range on index_phone_number or tl_rnumber\n%v",
					st, number, row["type"], row["key"], plan)
			}
			t.Logf("%s %s: %v", st, number, plan)
		}
	}
}

// lkExplain runs EXPLAIN and returns its rows by table alias.
func lkExplain(t *testing.T, db *mysql.DB, q string, args []any) map[string]map[string]string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), "EXPLAIN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	out := map[string]map[string]string{}
	for rows.Next() {
		vals := make([]*string, len(cols))
		dest := make([]any, len(cols))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		row := map[string]string{}
		for i, c := range cols {
			if vals[i] != nil {
				row[c] = *vals[i]
			}
		}
		out[row["table"]] = row
	}
	return out
}
