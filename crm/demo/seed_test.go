package demo_test

import (
	"context"
	"testing"

	"github.com/tigerline/tigerline/crm/demo"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

func TestSeedSmall(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	n, _ := phone.New("US")
	users := mysql.NewUserService(db)
	records := mysql.NewRecordService(db, n, mysqltest.Logger())
	o := demo.Options{Accounts: 10, Contacts: 15, Leads: 5, Products: 3, Contracts: 4, Tickets: 6}
	sum, err := demo.Seed(ctx, users, records, o)
	if err != nil {
		t.Fatalf("seed: %v", err)
	}
	if sum.Users != 6 || sum.Accounts != 12 || sum.Contacts != 17 || sum.Leads != 6 || sum.Contracts != 5 || sum.Tickets != 6 {
		t.Errorf("summary: got %+v", sum)
	}
	list, err := users.FindUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exts := map[string]bool{}
	for _, u := range list {
		exts[u.Extension] = true
	}
	for _, e := range []string{"101", "102", "103", "104", "105"} {
		if !exts[e] {
			t.Errorf("no agent with extension %s", e)
		}
	}
	if _, err := users.Authenticate(ctx, "agent101", demo.Password); err != nil {
		t.Errorf("agent101 login: %v", err)
	}
	// The recorded sales caller must be findable by the number the PBX sends.
	var crmid int64
	if err := db.GetContext(ctx, &crmid, `SELECT crmid FROM vtiger_pbxmanager_phonelookup WHERE fnumber = '14155550142' AND setype = 'Contacts'`); err != nil {
		t.Errorf("well-known caller +14155550142 not in phone lookup: %v", err)
	}
	var phones int
	db.GetContext(ctx, &phones, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup`)
	if phones < sum.Accounts+sum.Contacts {
		t.Errorf("phone lookup rows: got %d, want at least %d", phones, sum.Accounts+sum.Contacts)
	}
}
