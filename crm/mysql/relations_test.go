package mysql_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func relMake(t *testing.T, rs *mysql.RecordService, actor *crm.User, module string, vals map[string]string) int64 {
	t.Helper()
	r, err := rs.CreateRecord(context.Background(), actor, module, vals)
	if err != nil {
		t.Fatalf("create %s: %v", module, err)
	}
	return r.ID
}

// relFind returns the id of module's relation to related with the given
// loader ("" for the first one).
func relFind(t *testing.T, rs *mysql.RecordService, module, related, loader string) int {
	t.Helper()
	rels, err := rs.Relations(context.Background(), module)
	if err != nil {
		t.Fatalf("relations of %s: %v", module, err)
	}
	for _, r := range rels {
		if r.RelatedModule == related && (loader == "" || r.Name == loader) {
			return r.ID
		}
	}
	t.Fatalf("%s has no relation to %s (%s)", module, related, loader)
	return 0
}

func relatedIDs(t *testing.T, rs *mysql.RecordService, actor *crm.User, module string, id int64, relID int) []int64 {
	t.Helper()
	page, err := rs.FindRelated(context.Background(), actor, module, id, relID, 0, 0)
	if err != nil {
		t.Fatalf("find related of %s %d through %d: %v", module, id, relID, err)
	}
	ids := make([]int64, len(page.Records))
	for i, r := range page.Records {
		ids[i] = r.ID
	}
	if page.Total != len(ids) {
		t.Errorf("related of %s %d: total %d, %d records", module, id, page.Total, len(ids))
	}
	return ids
}

func TestRelationsList(t *testing.T) {
	rs, _, _ := newRecords(t)
	rels, err := rs.Relations(context.Background(), "Accounts")
	if err != nil {
		t.Fatal(err)
	}
	var contacts *crm.Relation
	for _, r := range rels {
		if r.Name == "get_contacts" {
			contacts = r
		}
	}
	if contacts == nil || contacts.RelatedModule != "Contacts" || !contacts.CanAdd || contacts.CanSelect || contacts.Module != "Accounts" {
		t.Errorf("Accounts get_contacts: got %+v", contacts)
	}
	if _, err := rs.Relations(context.Background(), "NoSuchModule"); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("unknown module: got %v, want not_found", err)
	}
}

func TestLinkStorage(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	owner := fmt.Sprint(admin.ID)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	acc2 := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Beta"})
	con := relMake(t, rs, admin, "Contacts", map[string]string{"lastname": "Chan"})
	pot := relMake(t, rs, admin, "Potentials", map[string]string{"potentialname": "Deal", "related_to": fmt.Sprint(acc),
		"closingdate": "2026-12-31", "sales_stage": "Prospecting", "assigned_user_id": owner})
	prod := relMake(t, rs, admin, "Products", map[string]string{"productname": "Widget", "unit_price": "12.5", "assigned_user_id": owner})
	camp := relMake(t, rs, admin, "Campaigns", map[string]string{"campaignname": "Spring", "closingdate": "2026-06-30", "assigned_user_id": owner})
	vendor := relMake(t, rs, admin, "Vendors", map[string]string{"vendorname": "Parts Inc"})
	book := relMake(t, rs, admin, "PriceBooks", map[string]string{"bookname": "Retail", "currency_id": "1"})
	svc := relMake(t, rs, admin, "Services", map[string]string{"servicename": "Support"})
	doc := relMake(t, rs, admin, "Documents", map[string]string{"notes_title": "Contract scan", "assigned_user_id": owner})
	task := relMake(t, rs, admin, "Calendar", map[string]string{"subject": "Call back", "date_start": "2026-05-01 10:00",
		"due_date": "2026-05-01", "taskstatus": "Not Started", "assigned_user_id": owner})
	tt := relMake(t, rs, admin, "HelpDesk", map[string]string{"ticket_title": "Jam", "ticketstatus": "Open", "assigned_user_id": owner})

	cases := []struct {
		module  string
		id      int64
		related string
		loader  string
		relID   int64
		stored  string // counts the stored link, with args
		args    []any
	}{
		{"Accounts", acc, "Contacts", "get_contacts", con,
			`SELECT COUNT(*) FROM vtiger_contactdetails WHERE contactid = ? AND accountid = ?`, []any{con, acc}},
		{"Contacts", con, "Potentials", "get_opportunities", pot,
			`SELECT COUNT(*) FROM vtiger_contpotentialrel WHERE contactid = ? AND potentialid = ?`, []any{con, pot}},
		{"Accounts", acc, "Products", "get_products", prod,
			`SELECT COUNT(*) FROM vtiger_seproductsrel WHERE crmid = ? AND productid = ? AND setype = 'Accounts'`, []any{acc, prod}},
		{"Products", prod, "Accounts", "get_accounts", acc2,
			`SELECT COUNT(*) FROM vtiger_seproductsrel WHERE crmid = ? AND productid = ? AND setype = 'Accounts'`, []any{acc2, prod}},
		{"Campaigns", camp, "Contacts", "get_contacts", con,
			`SELECT COUNT(*) FROM vtiger_campaigncontrel WHERE campaignid = ? AND contactid = ? AND campaignrelstatusid = 1`, []any{camp, con}},
		{"Accounts", acc, "Campaigns", "get_campaigns", camp,
			`SELECT COUNT(*) FROM vtiger_campaignaccountrel WHERE campaignid = ? AND accountid = ?`, []any{camp, acc}},
		{"Vendors", vendor, "Contacts", "get_contacts", con,
			`SELECT COUNT(*) FROM vtiger_vendorcontactrel WHERE vendorid = ? AND contactid = ?`, []any{vendor, con}},
		{"PriceBooks", book, "Products", "get_pricebook_products", prod,
			`SELECT COUNT(*) FROM vtiger_pricebookproductrel WHERE pricebookid = ? AND productid = ? AND listprice = 12.5`, []any{book, prod}},
		{"Accounts", acc, "Services", "get_related_list", svc,
			`SELECT COUNT(*) FROM vtiger_crmentityrel WHERE crmid = ? AND module = 'Accounts' AND relcrmid = ? AND relmodule = 'Services'`, []any{acc, svc}},
		{"Accounts", acc, "Documents", "get_attachments", doc,
			`SELECT COUNT(*) FROM vtiger_senotesrel WHERE crmid = ? AND notesid = ?`, []any{acc, doc}},
		{"Accounts", acc, "Calendar", "get_activities", task,
			`SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ? AND activityid = ?`, []any{acc, task}},
		{"Contacts", con, "Calendar", "get_activities", task,
			`SELECT COUNT(*) FROM vtiger_cntactivityrel WHERE contactid = ? AND activityid = ?`, []any{con, task}},
		{"Accounts", acc, "HelpDesk", "get_tickets", tt,
			`SELECT COUNT(*) FROM vtiger_troubletickets WHERE ticketid = ? AND parent_id = ?`, []any{tt, fmt.Sprint(acc)}},
	}
	for _, c := range cases {
		t.Run(c.module+"-"+c.related, func(t *testing.T) {
			rel := relFind(t, rs, c.module, c.related, c.loader)
			for range 2 { // the second link is a no-op
				if err := rs.LinkRecords(ctx, admin, c.module, c.id, c.related, c.relID); err != nil {
					t.Fatalf("link: %v", err)
				}
			}
			if n := countRows(t, db, c.stored, c.args...); n != 1 {
				t.Errorf("stored links after linking twice: got %d, want 1", n)
			}
			if got := relatedIDs(t, rs, admin, c.module, c.id, rel); len(got) != 1 || got[0] != c.relID {
				t.Errorf("related: got %v, want [%d]", got, c.relID)
			}
			for range 2 {
				if err := rs.UnlinkRecords(ctx, admin, c.module, c.id, c.related, c.relID); err != nil {
					t.Fatalf("unlink: %v", err)
				}
			}
			if n := countRows(t, db, c.stored, c.args...); n != 0 {
				t.Errorf("stored links after unlinking: got %d, want 0", n)
			}
			if got := relatedIDs(t, rs, admin, c.module, c.id, rel); len(got) != 0 {
				t.Errorf("related after unlink: got %v, want none", got)
			}
		})
	}

	// One history entry per side for each change, not for the no-ops.
	if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ? AND status = ?`, svc, crm.ChangeLinked); n != 1 {
		t.Errorf("linked entries of the service: got %d, want 1", n)
	}
	if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_basic WHERE crmid = ? AND status = ?`, svc, crm.ChangeUnlinked); n != 1 {
		t.Errorf("unlinked entries of the service: got %d, want 1", n)
	}
}

func TestRelatedReadsBothWaysAndSplitsActivities(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	owner := fmt.Sprint(admin.ID)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	svc := relMake(t, rs, admin, "Services", map[string]string{"servicename": "Support"})
	// vtiger may store a link the other way round.
	accExec(t, db, `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule) VALUES (?, 'Services', ?, 'Accounts')`, svc, acc)
	rel := relFind(t, rs, "Accounts", "Services", "")
	if got := relatedIDs(t, rs, admin, "Accounts", acc, rel); len(got) != 1 || got[0] != svc {
		t.Errorf("reversed crmentityrel: got %v, want [%d]", got, svc)
	}
	if err := rs.LinkRecords(ctx, admin, "Accounts", acc, "Services", svc); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_crmentityrel`); n != 1 {
		t.Errorf("link over a reversed row: got %d rows, want 1", n)
	}
	if err := rs.UnlinkRecords(ctx, admin, "Services", svc, "Accounts", acc); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_crmentityrel`); n != 0 {
		t.Errorf("unlink from the other side: got %d rows, want 0", n)
	}

	open := relMake(t, rs, admin, "Calendar", map[string]string{"subject": "Open", "date_start": "2026-05-01 10:00",
		"due_date": "2026-05-01", "taskstatus": "Not Started", "assigned_user_id": owner})
	done := relMake(t, rs, admin, "Calendar", map[string]string{"subject": "Done", "date_start": "2026-04-01 10:00",
		"due_date": "2026-04-01", "taskstatus": "Completed", "assigned_user_id": owner})
	for _, id := range []int64{open, done} {
		if err := rs.LinkRecords(ctx, admin, "Calendar", id, "Accounts", acc); err != nil {
			t.Fatalf("link activity: %v", err)
		}
	}
	if got := relatedIDs(t, rs, admin, "Accounts", acc, relFind(t, rs, "Accounts", "Calendar", "get_activities")); len(got) != 1 || got[0] != open {
		t.Errorf("open activities: got %v, want [%d]", got, open)
	}
	if got := relatedIDs(t, rs, admin, "Accounts", acc, relFind(t, rs, "Accounts", "Calendar", "get_history")); len(got) != 1 || got[0] != done {
		t.Errorf("activity history: got %v, want [%d]", got, done)
	}
}

func TestLinkErrors(t *testing.T) {
	ctx := context.Background()
	rs, _, admin := newRecords(t)
	owner := fmt.Sprint(admin.ID)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	con := relMake(t, rs, admin, "Contacts", map[string]string{"lastname": "Chan"})
	prod := relMake(t, rs, admin, "Products", map[string]string{"productname": "Widget", "assigned_user_id": owner})
	lead := relMake(t, rs, admin, "Leads", map[string]string{"lastname": "Lee", "company": "Co", "assigned_user_id": owner})
	vendor := relMake(t, rs, admin, "Vendors", map[string]string{"vendorname": "Parts Inc"})
	gone := relMake(t, rs, admin, "Contacts", map[string]string{"lastname": "Gone"})
	if err := rs.DeleteRecord(ctx, admin, "Contacts", gone); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		module  string
		id      int64
		related string
		relID   int64
		want    string
	}{
		{"no relation between the modules", "Leads", lead, "Vendors", vendor, crm.EInvalid},
		{"deleted record", "Accounts", acc, "Contacts", gone, crm.ENotFound},
		{"record of another module", "Accounts", acc, "Contacts", prod, crm.ENotFound},
		{"itself", "Accounts", acc, "Accounts", acc, crm.EInvalid},
		{"unknown module", "Accounts", acc, "Nope", con, crm.ENotFound},
	} {
		if err := rs.LinkRecords(ctx, admin, c.module, c.id, c.related, c.relID); crm.ErrorCode(err) != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
	rel := relFind(t, rs, "Products", "Quotes", "get_quotes")
	if _, err := rs.FindRelated(ctx, admin, "Products", prod, rel, 0, 0); err != nil {
		t.Errorf("line items of a product: %v", err)
	}
	if _, err := rs.FindRelated(ctx, admin, "Accounts", acc, rel, 0, 0); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("relation of another module: got %v, want not_found", err)
	}
}

func TestFindRelatedHonoursSharing(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	sales := accUser(t, db, "sales", "H5")
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	mine := relMake(t, rs, admin, "Contacts", map[string]string{"lastname": "Mine", "account_id": fmt.Sprint(acc), "assigned_user_id": fmt.Sprint(sales.ID)})
	relMake(t, rs, admin, "Contacts", map[string]string{"lastname": "Admin's", "account_id": fmt.Sprint(acc)})
	rel := relFind(t, rs, "Accounts", "Contacts", "get_contacts")
	if got := relatedIDs(t, rs, sales, "Accounts", acc, rel); len(got) != 2 {
		t.Errorf("public contacts: got %v, want both", got)
	}
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 4`)
	if got := relatedIDs(t, rs, sales, "Accounts", acc, rel); len(got) != 1 || got[0] != mine {
		t.Errorf("private contacts: got %v, want [%d]", got, mine)
	}
	if got := relatedIDs(t, rs, admin, "Accounts", acc, rel); len(got) != 2 {
		t.Errorf("admin: got %v, want both", got)
	}
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 6`)
	if _, err := rs.FindRelated(ctx, sales, "Accounts", acc, rel, 0, 0); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("related of an account they cannot see: got %v, want forbidden", err)
	}
	if err := rs.LinkRecords(ctx, sales, "Accounts", acc, "Contacts", mine); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("link to an account they cannot see: got %v, want forbidden", err)
	}
}

func TestServiceContractTickets(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	owner := fmt.Sprint(admin.ID)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	sc := relMake(t, rs, admin, "ServiceContracts", map[string]string{"subject": "Gold", "assigned_user_id": owner,
		"sc_related_to": fmt.Sprint(acc), "tracking_unit": "Hours", "total_units": "10",
		"start_date": "2026-01-01", "due_date": "2026-01-31", "contract_status": "In Progress"})
	ticket := func(status, hours, days string) int64 {
		return relMake(t, rs, admin, "HelpDesk", map[string]string{"ticket_title": "T", "ticketstatus": status,
			"hours": hours, "days": days, "assigned_user_id": owner})
	}
	closed4h := ticket("Closed", "4", "")
	open3h := ticket("Open", "3", "")
	closed1d := ticket("Closed", "", "1")
	type state struct {
		Used, Progress, End, Planned, Actual string
	}
	read := func() state {
		t.Helper()
		var s state
		const q = `SELECT COALESCE(CAST(used_units AS CHAR), ''), COALESCE(CAST(progress AS CHAR), ''),
			COALESCE(CAST(end_date AS CHAR), ''), COALESCE(planned_duration, ''), COALESCE(actual_duration, '')
			FROM vtiger_servicecontracts WHERE servicecontractsid = ?`
		if err := db.QueryRowContext(ctx, q, sc).Scan(&s.Used, &s.Progress, &s.End, &s.Planned, &s.Actual); err != nil {
			t.Fatal(err)
		}
		return s
	}

	if err := rs.LinkRecords(ctx, admin, "ServiceContracts", sc, "HelpDesk", closed4h); err != nil {
		t.Fatalf("link: %v", err)
	}
	var parent string
	db.GetContext(ctx, &parent, `SELECT parent_id FROM vtiger_troubletickets WHERE ticketid = ?`, closed4h)
	if parent != fmt.Sprint(acc) {
		t.Errorf("ticket parent: got %q, want the contract's account %d", parent, acc)
	}
	if got, want := read(), (state{"4.00", "40.00", "", "31", ""}); got != want {
		t.Errorf("one closed ticket: got %+v, want %+v", got, want)
	}
	// From the ticket's side, an open ticket counts nothing.
	if err := rs.LinkRecords(ctx, admin, "HelpDesk", open3h, "ServiceContracts", sc); err != nil {
		t.Fatalf("link from the ticket: %v", err)
	}
	if got := read(); got.Used != "4.00" {
		t.Errorf("open ticket: used %s, want 4.00", got.Used)
	}
	if err := rs.LinkRecords(ctx, admin, "ServiceContracts", sc, "HelpDesk", closed1d); err != nil {
		t.Fatal(err)
	}
	today := time.Now().UTC().Format("2006-01-02")
	wantActual := fmt.Sprint(int(time.Now().UTC().Sub(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1)
	if got, want := read(), (state{"28.00", "280.00", today, "31", wantActual}); got != want {
		t.Errorf("used up: got %+v, want %+v", got, want)
	}
	if err := rs.UnlinkRecords(ctx, admin, "HelpDesk", closed1d, "ServiceContracts", sc); err != nil {
		t.Fatal(err)
	}
	if got, want := read(), (state{"4.00", "40.00", "", "31", ""}); got != want {
		t.Errorf("after unlink: got %+v, want %+v", got, want)
	}
	// A ticket closed later counts once the support work recounts.
	accExec(t, db, `UPDATE vtiger_troubletickets SET status = 'Closed' WHERE ticketid = ?`, open3h)
	if err := rs.RecomputeTicketContracts(ctx, open3h); err != nil {
		t.Fatal(err)
	}
	if got := read(); got.Used != "7.00" || got.Progress != "70.00" {
		t.Errorf("after closing the open ticket: got %+v, want 7.00 used, 70.00%%", got)
	}
	if err := rs.RecomputeContract(ctx, 999999); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("missing contract: got %v, want not_found", err)
	}
}
