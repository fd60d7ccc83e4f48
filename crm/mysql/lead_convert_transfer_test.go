package mysql_test

import (
	"context"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// leadRelated is a lead with one of each kind of related record.
type leadRelated struct {
	lead, doc, product, campaign, task, email int64
	service, project                          int64 // ends of generic links
}

func newLeadRelated(t *testing.T, rs *mysql.RecordService, db *mysql.DB, admin *crm.User, company string) leadRelated {
	t.Helper()
	ctx := context.Background()
	lr := leadRelated{lead: convLead(t, rs, admin, map[string]string{"company": company})}
	lr.doc = relMake(t, rs, admin, "Documents", map[string]string{"notes_title": "Brochure " + company})
	lr.product = relMake(t, rs, admin, "Products", map[string]string{"productname": "Widget " + company})
	lr.campaign = relMake(t, rs, admin, "Campaigns", map[string]string{"campaignname": "Spring " + company, "closingdate": "2030-03-01"})
	lr.task = relMake(t, rs, admin, "Calendar", map[string]string{"subject": "Call back", "date_start": "2030-01-01 10:00",
		"due_date": "2030-01-01", "taskstatus": "Not Started"})
	lr.email = relMake(t, rs, admin, "Emails", map[string]string{"subject": "Brochure sent", "date_start": "2030-01-01 10:00",
		"from_email": "sales@example.com", "saved_toid": "ann@lee.example"})
	lr.service = relMake(t, rs, admin, "Services", map[string]string{"servicename": "Setup " + company})
	lr.project = relMake(t, rs, admin, "Project", map[string]string{"projectname": "Rollout " + company})
	for module, id := range map[string]int64{"Documents": lr.doc, "Products": lr.product, "Campaigns": lr.campaign,
		"Calendar": lr.task, "Emails": lr.email} {
		if err := rs.LinkRecords(ctx, admin, "Leads", lr.lead, module, id); err != nil {
			t.Fatalf("link lead to %s: %v", module, err)
		}
	}
	for _, q := range []string{
		`UPDATE vtiger_campaignleadrel SET campaignrelstatusid = 2 WHERE leadid = ?`,
		`INSERT INTO vtiger_seattachmentsrel (crmid, attachmentsid) VALUES (?, 424242)`,
	} {
		if _, err := db.ExecContext(ctx, q, lr.lead); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Generic links, stored both ways round as vtiger does.
	if _, err := db.ExecContext(ctx, `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule)
		VALUES (?, 'Leads', ?, 'Services'), (?, 'Project', ?, 'Leads')`, lr.lead, lr.service, lr.project, lr.lead); err != nil {
		t.Fatal(err)
	}
	if _, err := rs.AddComment(ctx, admin, "Leads", lr.lead, "Met at the fair"); err != nil {
		t.Fatal(err)
	}
	return lr
}

// has fails unless q counts want rows.
func has(t *testing.T, db *mysql.DB, want int, q string, args ...any) {
	t.Helper()
	if n := convCount(t, db, q, args...); n != want {
		t.Errorf("%s %v: got %d rows, want %d", q, args, n, want)
	}
}

func TestConvertLeadTransfersToContact(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lr := newLeadRelated(t, rs, db, admin, "Lee Imports")
	got, err := rs.ConvertLead(ctx, admin, lr.lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true}, Contact: crm.ConvertContact{Create: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	con, acc, lead := got.ContactID, got.AccountID, lr.lead

	// Copied to the contact; the lead keeps them.
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid = ? AND notesid = ?`, con, lr.doc)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid = ? AND notesid = ?`, lead, lr.doc)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid = ?`, acc)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seattachmentsrel WHERE crmid = ? AND attachmentsid = 424242`, con)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seattachmentsrel WHERE crmid = ? AND attachmentsid = 424242`, lead)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seproductsrel WHERE crmid = ? AND productid = ? AND setype = 'Contacts'`, con, lr.product)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seproductsrel WHERE crmid = ? AND productid = ?`, lead, lr.product)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE crmid = ? AND module = 'Contacts' AND relcrmid = ? AND relmodule = 'Services'`, con, lr.service)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE crmid = ? AND module = 'Contacts' AND relcrmid = ? AND relmodule = 'Project'`, con, lr.project)
	has(t, db, 2, `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE ? IN (crmid, relcrmid)`, lead)

	// Campaigns copied with their status, then dropped from the lead.
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_campaigncontrel WHERE campaignid = ? AND contactid = ? AND campaignrelstatusid = 2`, lr.campaign, con)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_campaignleadrel WHERE leadid = ?`, lead)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_campaignaccountrel`)

	// Activities move: the task to the account and the contact, the email
	// to the transfer target only.
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ?`, lead)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, acc, lr.task)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_cntactivityrel WHERE contactid = ? AND activityid = ?`, con, lr.task)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, con, lr.email)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, acc, lr.email)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_cntactivityrel WHERE activityid = ?`, lr.email)

	// Comments move.
	if got := commentTexts(t, rs, admin, "Contacts", con); !slices.Equal(got, []string{"Met at the fair"}) {
		t.Errorf("got contact comments %q, want the lead's", got)
	}
	if got := commentTexts(t, rs, admin, "Leads", lead); len(got) != 0 {
		t.Errorf("got lead comments %q, want none left", got)
	}

	// Related lists hide the converted lead: the product still links it,
	// but lists only the contact.
	if ids := relatedIDs(t, rs, admin, "Products", lr.product, relFind(t, rs, "Products", "Leads", "")); len(ids) != 0 {
		t.Errorf("product's leads: got %v, want the converted lead hidden", ids)
	}
	if ids := relatedIDs(t, rs, admin, "Products", lr.product, relFind(t, rs, "Products", "Contacts", "")); !slices.Equal(ids, []int64{con}) {
		t.Errorf("product's contacts: got %v, want [%d]", ids, con)
	}
}

func TestConvertLeadTransfersToReusedAccount(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	lr := newLeadRelated(t, rs, db, admin, "Orchid Ltd")
	orchid := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Orchid Ltd"})
	// The account already has the lead's document and campaign: no
	// second link is made.
	if err := rs.LinkRecords(ctx, admin, "Accounts", orchid, "Documents", lr.doc); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO vtiger_campaignaccountrel (campaignid, accountid, campaignrelstatusid)
		VALUES (?, ?, 3)`, lr.campaign, orchid); err != nil {
		t.Fatal(err)
	}
	got, err := rs.ConvertLead(ctx, admin, lr.lead, crm.LeadConversion{
		Account: crm.ConvertAccount{Create: true}, TransferTo: crm.TransferToAccounts,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.AccountID != orchid || !got.AccountReused {
		t.Fatalf("got %+v, want Orchid Ltd reused", got)
	}
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid = ? AND notesid = ?`, orchid, lr.doc)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seproductsrel WHERE crmid = ? AND productid = ? AND setype = 'Accounts'`, orchid, lr.product)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_campaignaccountrel WHERE campaignid = ? AND accountid = ?`, lr.campaign, orchid)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_campaignleadrel WHERE leadid = ?`, lr.lead)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE crmid = ? AND module = 'Accounts' AND relcrmid = ?`, orchid, lr.service)
	// No contact: the task and the email both go to the account.
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, orchid, lr.task)
	has(t, db, 1, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, orchid, lr.email)
	has(t, db, 0, `SELECT COUNT(*) FROM vtiger_cntactivityrel`)
	if got := commentTexts(t, rs, admin, "Accounts", orchid); !slices.Equal(got, []string{"Met at the fair"}) {
		t.Errorf("got account comments %q, want the lead's", got)
	}
}
