package mysql_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// commentTexts lists a page's texts, newest first.
func commentTexts(t *testing.T, rs *mysql.RecordService, actor *crm.User, module string, id int64) []string {
	t.Helper()
	page, err := rs.FindComments(context.Background(), actor, module, id, 0, 0)
	if err != nil {
		t.Fatalf("comments of %s %d: %v", module, id, err)
	}
	out := make([]string, len(page.Comments))
	for i, c := range page.Comments {
		out[i] = c.Text
	}
	if page.Total != len(out) {
		t.Errorf("comments of %s %d: total %d, %d comments", module, id, page.Total, len(out))
	}
	return out
}

func TestCommentsOnTickets(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	contact := relMake(t, rs, admin, "Contacts", map[string]string{"firstname": "Mei", "lastname": "Lin"})
	ticket := relMake(t, rs, admin, "HelpDesk", map[string]string{"ticket_title": "No dial tone", "ticketstatus": "Open"})

	c, err := rs.AddComment(ctx, admin, "HelpDesk", ticket, "  Called the customer back.  ")
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Text != "Called the customer back." || c.AuthorType != crm.CommentByUser || c.AuthorID != admin.ID {
		t.Errorf("got comment %+v, want the trimmed text by admin", c)
	}
	if _, err := rs.AddComment(ctx, admin, "HelpDesk", ticket, "Line fixed <b>today</b>."); err != nil {
		t.Fatal(err)
	}
	// A portal comment, as vtiger's customer portal writes it.
	accExec(t, db, `INSERT INTO vtiger_ticketcomments (ticketid, comments, ownerid, ownertype, createdtime)
		VALUES (?, 'Thanks!', ?, 'customer', '2001-01-01 10:00:00')`, ticket, contact)

	var row struct {
		Owner     int64  `db:"ownerid"`
		OwnerType string `db:"ownertype"`
	}
	if err := db.GetContext(ctx, &row, `SELECT ownerid, ownertype FROM vtiger_ticketcomments WHERE commentid = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	if row.Owner != admin.ID || row.OwnerType != "user" {
		t.Errorf("stored owner %d %q, want %d user", row.Owner, row.OwnerType, admin.ID)
	}
	page, err := rs.FindComments(ctx, admin, "HelpDesk", ticket, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(page.Comments); got != 3 || page.Total != 3 {
		t.Fatalf("got %d comments (total %d), want 3", got, page.Total)
	}
	if got := page.Comments[0].Text; got != "Line fixed <b>today</b>." {
		t.Errorf("newest comment: got %q, want the second one added", got)
	}
	if got := page.Comments[0].Author; got != admin.FullName() {
		t.Errorf("author: got %q, want %q", got, admin.FullName())
	}
	portal := page.Comments[2]
	if portal.Author != "Mei Lin" || portal.AuthorType != crm.CommentByCustomer || portal.AuthorID != contact {
		t.Errorf("portal comment: got %+v, want by contact Mei Lin", portal)
	}
	// Paging.
	page, err = rs.FindComments(ctx, admin, "HelpDesk", ticket, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Comments) != 1 || page.Comments[0].Text != "Called the customer back." || page.Total != 3 {
		t.Errorf("second page of one: got %d comments, total %d", len(page.Comments), page.Total)
	}
	// A comment is part of a save of the ticket: it shows in the history.
	changes, err := rs.History(ctx, "HelpDesk", ticket)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) == 0 || len(changes[0].Fields) != 1 || changes[0].Fields[0].Field != "comments" ||
		changes[0].Fields[0].After != "Line fixed <b>today</b>." {
		t.Errorf("history: got %+v, want the comment as the newest change", changes)
	}
}

func TestCommentsOnFAQs(t *testing.T) {
	ctx := context.Background()
	rs, _, admin := newRecords(t)
	faq := relMake(t, rs, admin, "Faq", map[string]string{"question": "How do I reset my PIN?",
		"faq_answer": "Dial *99.", "faqstatus": "Published"})
	c, err := rs.AddComment(ctx, admin, "Faq", faq, "Also works from a mobile.")
	if err != nil {
		t.Fatal(err)
	}
	if c.Author != "" || c.AuthorID != 0 {
		t.Errorf("FAQ comments keep no author: got %q (%d)", c.Author, c.AuthorID)
	}
	if got := commentTexts(t, rs, admin, "Faq", faq); len(got) != 1 || got[0] != "Also works from a mobile." {
		t.Errorf("got %q, want the one comment", got)
	}
}

func TestCommentsAsModComments(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Harbour Freight"})
	other := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Other Ltd"})
	c, err := rs.AddComment(ctx, admin, "Accounts", acc, "Prefers calls after 2 pm.")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := rs.FindRecordByID(ctx, "ModComments", c.ID)
	if err != nil {
		t.Fatalf("the comment is no ModComments record: %v", err)
	}
	if rec.Values["related_to"] != strconv.FormatInt(acc, 10) || rec.OwnerID != admin.ID || rec.Values["commentcontent"] != "Prefers calls after 2 pm." {
		t.Errorf("got ModComments values %v owner %d, want related to %d, owned by admin", rec.Values, rec.OwnerID, acc)
	}
	if _, err := rs.AddComment(ctx, admin, "Accounts", other, "Not this one."); err != nil {
		t.Fatal(err)
	}
	if got := commentTexts(t, rs, admin, "Accounts", acc); len(got) != 1 || got[0] != "Prefers calls after 2 pm." {
		t.Errorf("got %q, want only the account's own comment", got)
	}
	page, err := rs.FindComments(ctx, admin, "Accounts", acc, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if a := page.Comments[0].Author; a != admin.FullName() {
		t.Errorf("author: got %q, want %q", a, admin.FullName())
	}
	// A deleted comment leaves the thread.
	if err := rs.DeleteRecord(ctx, admin, "ModComments", c.ID); err != nil {
		t.Fatal(err)
	}
	if got := commentTexts(t, rs, admin, "Accounts", acc); len(got) != 0 {
		t.Errorf("after deleting the comment: got %q, want none", got)
	}

	for module, want := range map[string]bool{"Accounts": true, "Contacts": true, "Leads": true,
		"Potentials": true, "HelpDesk": true, "Faq": true, "Products": false, "Vendors": false} {
		if got, err := rs.Commentable(ctx, module); err != nil || got != want {
			t.Errorf("Commentable(%s): got %v, %v, want %v", module, got, err, want)
		}
	}
	// With ModComments disabled, only tickets and FAQs keep comments.
	accExec(t, db, `UPDATE vtiger_tab SET presence = 1 WHERE name = 'ModComments'`)
	rs.ReloadMetadata()
	if got, err := rs.Commentable(ctx, "Accounts"); err != nil || got {
		t.Errorf("Commentable(Accounts) with ModComments disabled: got %v, %v, want false", got, err)
	}
	if got, err := rs.Commentable(ctx, "HelpDesk"); err != nil || !got {
		t.Errorf("Commentable(HelpDesk) with ModComments disabled: got %v, %v, want true", got, err)
	}
}

func TestCommentErrors(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	owner := accUser(t, db, "owner", "H5")
	peer := accUser(t, db, "peer", "H5")
	acc := accAccount(t, rs, admin, "Private Ltd", owner.ID)
	ticket := relMake(t, rs, admin, "HelpDesk", map[string]string{"ticket_title": "Gone", "ticketstatus": "Open"})
	product := relMake(t, rs, admin, "Products", map[string]string{"productname": "Headset"})
	if err := rs.DeleteRecord(ctx, admin, "HelpDesk", ticket); err != nil {
		t.Fatal(err)
	}
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 6`) // accounts private

	cases := []struct {
		name   string
		actor  *crm.User
		module string
		id     int64
		text   string
		want   string
	}{
		{"empty", admin, "Accounts", acc.ID, " \n ", crm.EInvalid},
		{"too long", admin, "Accounts", acc.ID, strings.Repeat("x", crm.MaxCommentBytes+1), crm.EInvalid},
		{"module without comments", admin, "Products", product, "hi", crm.EInvalid},
		{"deleted record", admin, "HelpDesk", ticket, "hi", crm.ENotFound},
		{"missing record", admin, "Accounts", 999999, "hi", crm.ENotFound},
		{"record of another module", admin, "Contacts", acc.ID, "hi", crm.ENotFound},
		{"unknown module", admin, "Nope", acc.ID, "hi", crm.ENotFound},
		{"private record", peer, "Accounts", acc.ID, "hi", crm.EForbidden},
		{"no actor", nil, "Accounts", acc.ID, "hi", crm.EUnauthorized},
		{"owner may", owner, "Accounts", acc.ID, "hi", ""},
	}
	for _, c := range cases {
		_, err := rs.AddComment(ctx, c.actor, c.module, c.id, c.text)
		if got := crm.ErrorCode(err); got != c.want {
			t.Errorf("add, %s: got %q (%v), want %q", c.name, got, err, c.want)
		}
	}
	if _, err := rs.FindComments(ctx, peer, "Accounts", acc.ID, 0, 0); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("find on a private record: got %v, want forbidden", err)
	}
	if _, err := rs.FindComments(ctx, admin, "Products", product, 0, 0); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("find on a product: got %v, want invalid", err)
	}
	if _, err := rs.FindComments(ctx, admin, "Accounts", acc.ID, -1, 0); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("negative offset: got %v, want invalid", err)
	}
	if _, err := rs.FindComments(ctx, admin, "HelpDesk", ticket, 0, 0); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("find on a deleted ticket: got %v, want not_found", err)
	}
}
