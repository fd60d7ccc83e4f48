package mysql_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// convLead makes a lead with the usual fields and the given ones.
func convLead(t *testing.T, rs *mysql.RecordService, admin *crm.User, vals map[string]string) int64 {
	t.Helper()
	base := map[string]string{"firstname": "Ann", "lastname": "Lee", "company": "Lee Imports"}
	for k, v := range vals {
		base[k] = v
	}
	return relMake(t, rs, admin, "Leads", base)
}

// convRecord reads a live record, failing the test if it is not there.
func convRecord(t *testing.T, rs *mysql.RecordService, module string, id int64) *crm.Record {
	t.Helper()
	r, err := rs.FindRecordByID(context.Background(), module, id)
	if err != nil {
		t.Fatalf("read %s %d: %v", module, id, err)
	}
	return r
}

// wantValues fails for each field of rec whose value is not want's.
func wantValues(t *testing.T, rec *crm.Record, want map[string]string) {
	t.Helper()
	for k, w := range want {
		if got := rec.Values[k]; got != w {
			t.Errorf("%s %d: got %s %q, want %q", rec.Module, rec.ID, k, got, w)
		}
	}
}

// convCount counts rows of a query on the test database.
func convCount(t *testing.T, db *mysql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// wantInvalid fails unless err is invalid and names field.
func wantInvalid(t *testing.T, err error, field string) {
	t.Helper()
	var ce *crm.Error
	if !errorsAs(err, &ce) || ce.Code != crm.EInvalid {
		t.Fatalf("got %v, want an invalid error", err)
	}
	if field != "" && ce.Fields[field] == "" {
		t.Errorf("got fields %v, want one on %s", ce.Fields, field)
	}
}

func TestConvertLeadMakesAllThree(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, map[string]string{
		"email": "ann@lee.example", "phone": "+1 415 555 0100", "city": "Oakland", "lane": "1 Main St",
		"designation": "Buyer", "industry": "Banking", "leadsource": "Cold Call", "description": "Met at the fair",
		"annualrevenue": "5000", "noofemployees": "12",
	})
	got, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true, Industry: "Finance"},
		Contact: crm.ConvertContact{Create: true, Email: "ann@imports.example"},
		Potential: crm.ConvertPotential{Create: true, Name: "Lee deal", ClosingDate: "2030-01-31",
			SalesStage: "Qualification", Amount: "1200.50"},
	})
	if err != nil {
		t.Fatalf("convert: %v", err)
	}
	if got.LeadID != lead || got.AccountID == 0 || got.ContactID == 0 || got.PotentialID == 0 || got.AccountReused {
		t.Fatalf("got %+v, want a new account, contact and potential", got)
	}

	acc := convRecord(t, rs, "Accounts", got.AccountID)
	wantValues(t, acc, map[string]string{
		"accountname": "Lee Imports", "industry": "Finance", "email1": "ann@lee.example", "phone": "+1 415 555 0100",
		"bill_city": "Oakland", "ship_city": "Oakland", "bill_street": "1 Main St", "ship_street": "1 Main St",
		"annual_revenue": "5000", "employees": "12", "description": "Met at the fair",
		"assigned_user_id": strconv.FormatInt(admin.ID, 10),
	})
	if acc.Values["account_no"] == "" {
		t.Errorf("account has no record number")
	}
	con := convRecord(t, rs, "Contacts", got.ContactID)
	wantValues(t, con, map[string]string{
		"firstname": "Ann", "lastname": "Lee", "email": "ann@imports.example", "title": "Buyer",
		"mailingcity": "Oakland", "mailingstreet": "1 Main St", "leadsource": "Cold Call", "phone": "+1 415 555 0100",
		"account_id": strconv.FormatInt(got.AccountID, 10), "description": "Met at the fair",
	})
	pot := convRecord(t, rs, "Potentials", got.PotentialID)
	wantValues(t, pot, map[string]string{
		"potentialname": "Lee deal", "closingdate": "2030-01-31", "sales_stage": "Qualification",
		"related_to": strconv.FormatInt(got.AccountID, 10), "leadsource": "Cold Call",
	})
	if a, _ := strconv.ParseFloat(pot.Values["amount"], 64); a != 1200.5 {
		t.Errorf("got amount %q, want 1200.50", pot.Values["amount"])
	}
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_contpotentialrel WHERE contactid = ? AND potentialid = ?`,
		got.ContactID, got.PotentialID); n != 1 {
		t.Errorf("got %d contact-potential links, want 1", n)
	}

	// The normal create path: history, phone lookup rows.
	hist, err := rs.History(ctx, "Contacts", got.ContactID)
	if err != nil || len(hist) != 1 || hist[0].Status != crm.ChangeCreated {
		t.Errorf("got contact history %+v (%v), want one created entry", hist, err)
	}
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup WHERE crmid = ?`, got.ContactID); n == 0 {
		t.Errorf("the contact's phone is not in the phone lookup")
	}

	// The lead stays, converted and touched by the converter.
	var row struct {
		Converted int   `db:"converted"`
		Deleted   int   `db:"deleted"`
		By        int64 `db:"modifiedby"`
	}
	if err := db.GetContext(ctx, &row, `SELECT l.converted, e.deleted, e.modifiedby FROM vtiger_leaddetails l
		JOIN vtiger_crmentity e ON e.crmid = l.leadid WHERE l.leadid = ?`, lead); err != nil {
		t.Fatal(err)
	}
	if row.Converted != 1 || row.Deleted != 0 || row.By != admin.ID {
		t.Errorf("got lead %+v, want converted, not deleted, modified by admin", row)
	}
	if ok, err := rs.IsLeadConverted(ctx, lead); err != nil || !ok {
		t.Errorf("IsLeadConverted: got %v, %v, want true", ok, err)
	}

	_, err = rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{Contact: crm.ConvertContact{Create: true}})
	wantInvalid(t, err, "")
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype = 'Contacts' AND deleted = 0`); n != 1 {
		t.Errorf("a second conversion made contacts: %d, want 1", n)
	}
}

func TestConvertLeadHidesConvertedLeads(t *testing.T) {
	ctx := context.Background()
	rs, _, admin := newRecords(t)
	kept := convLead(t, rs, admin, map[string]string{"lastname": "Keeper", "company": "Keep Co"})
	gone := convLead(t, rs, admin, map[string]string{"lastname": "Keeling", "company": "Gone Co"})
	if _, err := rs.ConvertLead(ctx, admin, gone, crm.LeadConversion{Contact: crm.ConvertContact{Create: true}}); err != nil {
		t.Fatal(err)
	}

	page, err := rs.FindRecords(ctx, admin, "Leads", crm.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || len(page.Records) != 1 || page.Records[0].ID != kept {
		t.Errorf("got leads list %v (total %d), want only lead %d", pageNames(page), page.Total, kept)
	}
	res, err := rs.SearchRecords(ctx, admin, "Kee", nil, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		for _, h := range r.Hits {
			if h.ID == gone {
				t.Errorf("search found the converted lead in %s", r.Module)
			}
		}
	}
	q, err := rs.QueryVTQL(ctx, admin, "select lastname from Leads;")
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Rows) != 1 || q.Rows[0]["lastname"] != "Keeper" {
		t.Errorf("got VTQL rows %v, want only Keeper", q.Rows)
	}
	// The converted lead's record itself can still be opened.
	if r := convRecord(t, rs, "Leads", gone); r.Values["lastname"] != "Keeling" {
		t.Errorf("got converted lead %v", r.Values)
	}
}

func TestConvertLeadReusesAccountByName(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	orchid := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Orchid Ltd", "phone": "555 0101"})
	ghost := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Ghost Co"})
	if err := rs.DeleteRecord(ctx, admin, "Accounts", ghost); err != nil {
		t.Fatal(err)
	}
	before := convRecord(t, rs, "Accounts", orchid)

	lead := convLead(t, rs, admin, map[string]string{"company": "Orchid Ltd", "phone": "555 0199", "industry": "Banking"})
	got, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true}, Contact: crm.ConvertContact{Create: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.AccountID != orchid || !got.AccountReused {
		t.Fatalf("got %+v, want account %d reused", got, orchid)
	}
	after := convRecord(t, rs, "Accounts", orchid)
	if after.Values["phone"] != "555 0101" || after.Values["industry"] != before.Values["industry"] || !after.Modified.Equal(before.Modified) {
		t.Errorf("the reused account changed: %v, want it as it was %v", after.Values, before.Values)
	}
	wantValues(t, convRecord(t, rs, "Contacts", got.ContactID), map[string]string{"account_id": strconv.FormatInt(orchid, 10)})

	// A deleted account of the name is not reused: a new one is made.
	lead2 := convLead(t, rs, admin, map[string]string{"lastname": "Gray", "company": "Ghost Co"})
	got2, err := rs.ConvertLead(ctx, admin, lead2, crm.LeadConversion{Account: crm.ConvertAccount{Create: true}})
	if err != nil {
		t.Fatal(err)
	}
	if got2.AccountReused || got2.AccountID == ghost || got2.ContactID != 0 || got2.PotentialID != 0 {
		t.Errorf("got %+v, want only a new account", got2)
	}
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_account WHERE accountname = 'Ghost Co'`); n != 2 {
		t.Errorf("got %d Ghost Co accounts, want the deleted one and a new one", n)
	}
}

func TestConvertLeadContactOnly(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, map[string]string{"email": "ann@lee.example"})
	got, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Contact: crm.ConvertContact{Create: true, FirstName: "Anna", LastName: "Leigh"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.AccountID != 0 || got.PotentialID != 0 || got.ContactID == 0 {
		t.Fatalf("got %+v, want a contact only", got)
	}
	con := convRecord(t, rs, "Contacts", got.ContactID)
	wantValues(t, con, map[string]string{"firstname": "Anna", "lastname": "Leigh", "email": "ann@lee.example"})
	if v := con.Values["account_id"]; v != "" && v != "0" {
		t.Errorf("got account_id %q, want none", v)
	}
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype IN ('Accounts', 'Potentials')`); n != 0 {
		t.Errorf("got %d accounts and potentials, want none", n)
	}
}

func TestConvertLeadAccountOnly(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, nil)
	got, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true, Name: "Lee Holdings"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.ContactID != 0 || got.PotentialID != 0 {
		t.Fatalf("got %+v, want an account only", got)
	}
	wantValues(t, convRecord(t, rs, "Accounts", got.AccountID), map[string]string{"accountname": "Lee Holdings"})
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype IN ('Contacts', 'Potentials')`); n != 0 {
		t.Errorf("got %d contacts and potentials, want none", n)
	}
}

func TestConvertLeadRefuses(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, nil)
	cases := []struct {
		name  string
		c     crm.LeadConversion
		field string
	}{
		{"potential alone", crm.LeadConversion{Potential: crm.ConvertPotential{Create: true, Name: "Deal"}}, "entities"},
		{"nothing", crm.LeadConversion{}, "entities"},
		{"transfer to a contact not made", crm.LeadConversion{Account: crm.ConvertAccount{Create: true},
			TransferTo: crm.TransferToContacts}, "transfer_to"},
		{"unknown transfer target", crm.LeadConversion{Contact: crm.ConvertContact{Create: true},
			TransferTo: "Potentials"}, "transfer_to"},
		{"bad email", crm.LeadConversion{Contact: crm.ConvertContact{Create: true, Email: "not-an-email"}}, "Contacts.email"},
		{"bad sales stage", crm.LeadConversion{Contact: crm.ConvertContact{Create: true},
			Potential: crm.ConvertPotential{Create: true, SalesStage: "Won Big"}}, "Potentials.sales_stage"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rs.ConvertLead(ctx, admin, lead, tc.c)
			wantInvalid(t, err, tc.field)
		})
	}
	if _, err := rs.ConvertLead(ctx, admin, 999999, crm.LeadConversion{Contact: crm.ConvertContact{Create: true}}); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("converting a missing lead: got %v, want not_found", err)
	}
	// Leads private: a user of another role may not convert admin's lead.
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = (SELECT tabid FROM vtiger_tab WHERE name = 'Leads')`)
	agent := accUser(t, db, "agent", "H5")
	if _, err := rs.ConvertLead(ctx, agent, lead, crm.LeadConversion{Contact: crm.ConvertContact{Create: true}}); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("converting another's private lead: got %v, want forbidden", err)
	}
	if _, err := rs.LeadConversionDefaults(ctx, agent, lead); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("defaults of another's private lead: got %v, want forbidden", err)
	}
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype <> 'Leads'`); n != 0 {
		t.Errorf("refused conversions left %d records", n)
	}
	if ok, err := rs.IsLeadConverted(ctx, lead); err != nil || ok {
		t.Errorf("IsLeadConverted: got %v, %v, want false", ok, err)
	}
}

func TestConvertLeadIsAtomic(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, map[string]string{"phone": "555 0100"})
	doc := relMake(t, rs, admin, "Documents", map[string]string{"notes_title": "Brochure"})
	if err := rs.LinkRecords(ctx, admin, "Leads", lead, "Documents", doc); err != nil {
		t.Fatal(err)
	}
	seq := convCount(t, db, `SELECT id FROM vtiger_crmentity_seq`)
	records := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity`)

	// The potential is made last: its bad amount must undo the account and
	// the contact made before it, and the transfers.
	_, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true}, Contact: crm.ConvertContact{Create: true},
		Potential: crm.ConvertPotential{Create: true, Name: "Deal", ClosingDate: "2030-01-31", SalesStage: "Prospecting", Amount: "lots"},
	})
	wantInvalid(t, err, "Potentials.amount")

	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity`); n != records {
		t.Errorf("got %d records after the failed conversion, want %d", n, records)
	}
	if n := convCount(t, db, `SELECT id FROM vtiger_crmentity_seq`); n != seq {
		t.Errorf("crmentity sequence moved from %d to %d", seq, n)
	}
	for _, q := range []string{
		`SELECT COUNT(*) FROM vtiger_account`, `SELECT COUNT(*) FROM vtiger_contactdetails`,
		`SELECT COUNT(*) FROM vtiger_potential`, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup WHERE setype <> 'Leads'`,
		`SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid <> ` + strconv.FormatInt(lead, 10),
		`SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE module <> 'Leads' AND module <> 'Documents'`,
	} {
		if n := convCount(t, db, q); n != 0 {
			t.Errorf("%s: got %d, want 0", q, n)
		}
	}
	if ok, err := rs.IsLeadConverted(ctx, lead); err != nil || ok {
		t.Errorf("IsLeadConverted: got %v, %v, want false", ok, err)
	}
	page, err := rs.FindRecords(ctx, admin, "Leads", crm.ListQuery{})
	if err != nil || page.Total != 1 {
		t.Errorf("got leads list total %v (%v), want the lead still listed", page, err)
	}
	// Corrected, the same conversion goes through.
	if _, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true}, Contact: crm.ConvertContact{Create: true},
		Potential: crm.ConvertPotential{Create: true, Name: "Deal", ClosingDate: "2030-01-31", SalesStage: "Prospecting", Amount: "100"},
	}); err != nil {
		t.Fatal(err)
	}
}

func TestConvertLeadFillsMandatoryFields(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lead := convLead(t, rs, admin, nil)
	// A lead without a company (vtiger's B2C leads): no potential name to
	// copy, and the webservice gave none.
	if _, err := db.ExecContext(ctx, `UPDATE vtiger_leaddetails SET company = '' WHERE leadid = ?`, lead); err != nil {
		t.Fatal(err)
	}
	got, err := rs.ConvertLead(ctx, admin, lead, crm.LeadConversion{
		Contact: crm.ConvertContact{Create: true}, Potential: crm.ConvertPotential{Create: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantValues(t, convRecord(t, rs, "Potentials", got.PotentialID), map[string]string{
		"potentialname": "????", "sales_stage": "Prospecting", "closingdate": time.Now().UTC().Format("2006-01-02"),
		"related_to": strconv.FormatInt(got.ContactID, 10),
	})
	if n := convCount(t, db, `SELECT COUNT(*) FROM vtiger_contpotentialrel`); n != 0 {
		t.Errorf("got %d contact-potential links without an account, want 0", n)
	}
}

func TestConvertLeadDefaults(t *testing.T) {
	ctx := context.Background()
	rs, _, admin := newRecords(t)
	lead := convLead(t, rs, admin, map[string]string{"email": "ann@lee.example", "industry": "Banking"})
	c, err := rs.LeadConversionDefaults(ctx, admin, lead)
	if err != nil {
		t.Fatal(err)
	}
	want := crm.LeadConversion{
		Account:    crm.ConvertAccount{Create: true, Name: "Lee Imports", Industry: "Banking"},
		Contact:    crm.ConvertContact{Create: true, FirstName: "Ann", LastName: "Lee", Email: "ann@lee.example"},
		Potential:  crm.ConvertPotential{Name: "Lee Imports"},
		OwnerID:    admin.ID,
		TransferTo: crm.TransferToContacts,
	}
	if *c != want {
		t.Errorf("got defaults %+v, want %+v", *c, want)
	}
	if _, err := rs.ConvertLead(ctx, admin, lead, *c); err != nil {
		t.Fatal(err)
	}
	_, err = rs.LeadConversionDefaults(ctx, admin, lead)
	wantInvalid(t, err, "")
}
