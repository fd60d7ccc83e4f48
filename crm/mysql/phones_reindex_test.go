package mysql_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func TestReindexPhones(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lkCreate(t, rs, admin, "Contacts", map[string]string{"firstname": "Mei", "lastname": "Chan", "phone": "+1 (415) 555-0142",
		"mobile": "646.555.0123", "homephone": "tel: 212 555 0100 (home)"})
	lkCreate(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme", "phone": "415-555-0142", "otherphone": ""})
	lkCreate(t, rs, admin, "Leads", map[string]string{"lastname": "Ng", "company": "Ng Ltd", "mobile": "(212) 555-0199"})
	gone := lkCreate(t, rs, admin, "Contacts", map[string]string{"lastname": "Gone", "phone": "+1 718 555 0100"})
	before := lkPhoneRows(t, db)
	if len(before) != 6 {
		t.Fatalf("lookup rows after creates: got %v, want 6", before)
	}

	// Lose every row, add a stale one for a record about to be deleted
	// and one for a record that does not exist.
	db.MustExecContext(ctx, `DELETE FROM vtiger_pbxmanager_phonelookup`)
	db.MustExecContext(ctx, `INSERT INTO vtiger_pbxmanager_phonelookup VALUES (?, 'Contacts', '999', '999', 'fax'), (987654, 'Accounts', '1', '1', 'phone')`, gone.ID)
	db.MustExecContext(ctx, `UPDATE vtiger_crmentity SET deleted = 1 WHERE crmid = ?`, gone.ID)

	n, _ := phone.New("US")
	var calls [][2]int
	if err := mysql.ReindexPhones(ctx, db, n, func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
		t.Fatalf("ReindexPhones: %v", err)
	}
	// Live records get their rows back; the deleted contact is not
	// reindexed (lookups skip it anyway) and the orphan row is gone.
	var want []string
	for _, r := range before {
		if !strings.HasPrefix(r, fmt.Sprintf("%d ", gone.ID)) {
			want = append(want, r)
		}
	}
	want = append(want, fmt.Sprintf("%d Contacts fax 999 999", gone.ID))
	slices.Sort(want)
	if after := lkPhoneRows(t, db); !slices.Equal(after, want) {
		t.Errorf("after reindex:\n got %v\nwant %v", after, want)
	}
	if len(calls) < 2 || calls[0] != [2]int{0, 3} || calls[len(calls)-1] != [2]int{3, 3} {
		t.Errorf("progress: got %v, want (0,3) first and (3,3) last", calls)
	}
	if err := mysql.ReindexPhones(ctx, db, n, nil); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if again := lkPhoneRows(t, db); !slices.Equal(again, want) {
		t.Errorf("second run: got %v, want %v", again, want)
	}
}

// lkPhoneRows returns the lookup table as sorted "crmid setype fieldname
// fnumber rnumber" lines.
func lkPhoneRows(t *testing.T, db *mysql.DB) []string {
	t.Helper()
	var out []string
	const q = `SELECT CONCAT_WS(' ', crmid, setype, fieldname, fnumber, rnumber) FROM vtiger_pbxmanager_phonelookup`
	if err := db.SelectContext(context.Background(), &out, q); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
