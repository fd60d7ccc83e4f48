package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// supportCall is a support call of a test, answered on extension 101,
// and its ticket.
type supportCall struct {
	call   crm.CallRecord
	caller *crm.CallerMatch
	ticket int64
}

// answerSupportCall stores a call from number in progress on extension
// 101 (as a node stores a call an agent acts on) and lets the support
// desk open its ticket.
func (f *supportFixture) answerSupportCall(t *testing.T, uid, number string, caller *crm.CallerMatch) *supportCall {
	t.Helper()
	ctx := context.Background()
	call := inbound(uid, number, "101", 10*time.Second)
	call.Status, call.AnswerTime = crm.CallStatusInProgress, call.StartTime.Add(5*time.Second)
	f.saveCall(t, call, crm.CallLink{UserID: f.agent101.ID})
	u := crm.CallUpdate{Kind: crm.CallAnswered, Time: call.AnswerTime, Call: call, Extensions: []string{"101"}}
	if err := f.support.SupportCallAnswered(ctx, u, caller); err != nil {
		t.Fatalf("answer support call %s: %v", uid, err)
	}
	sc := &supportCall{call: call, caller: caller}
	if err := f.db.GetContext(ctx, &sc.ticket, `SELECT ticketid FROM tl_support_calls WHERE sourceuuid = ?`, uid); err != nil {
		t.Fatalf("ticket of call %s: %v", uid, err)
	}
	return sc
}

// hangUp ends the call after talk: the record is saved, then the desk
// counts the talk time, as the call flow does.
func (f *supportFixture) hangUp(t *testing.T, sc *supportCall, talk time.Duration) {
	t.Helper()
	done := ended(sc.call, 5*time.Second, talk)
	f.saveCall(t, done, crm.CallLink{UserID: f.agent101.ID})
	if err := f.support.SupportCallEnded(context.Background(), done, sc.caller); err != nil {
		t.Fatalf("end support call: %v", err)
	}
	sc.call = done
}

// supportAgent gives agent101 a role with vtiger's Support Profile, as
// an admin sets up support staff: vtiger's default roles carry the Sales
// Profile, which may not edit tickets.
func (f *supportFixture) supportAgent(t *testing.T) {
	t.Helper()
	for _, q := range []string{
		`INSERT INTO vtiger_role (roleid, rolename, parentrole, depth) VALUES ('H6', 'Support Agent', 'H1::H2::H3::H4::H6', 4)`,
		`INSERT INTO vtiger_role2profile (roleid, profileid) VALUES ('H6', 3)`,
		`INSERT INTO vtiger_role2picklist (roleid, picklistvalueid, picklistid, sortid)
			SELECT 'H6', picklistvalueid, picklistid, sortid FROM vtiger_role2picklist WHERE roleid = 'H5'`,
		`UPDATE vtiger_user2role SET roleid = 'H6' WHERE userid = ` + itoa(f.agent101.ID),
	} {
		if _, err := f.db.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// supportQueue makes the calls of the "support" queue support calls,
// which is where the calls of these tests come in.
func (f *supportFixture) supportQueue(t *testing.T) {
	t.Helper()
	if _, err := f.support.AddSupportLine(context.Background(), crm.SupportLine{Kind: crm.SupportByQueue, Value: "support"}); err != nil {
		t.Fatal(err)
	}
}

// used reads a contract's used units and progress as stored.
func (f *supportFixture) used(t *testing.T, contract int64) (used, progress string) {
	t.Helper()
	const q = `SELECT COALESCE(CAST(used_units AS CHAR), ''), COALESCE(CAST(progress AS CHAR), '')
		FROM vtiger_servicecontracts WHERE servicecontractsid = ?`
	if err := f.db.QueryRowContext(context.Background(), q, contract).Scan(&used, &progress); err != nil {
		t.Fatal(err)
	}
	return used, progress
}

// linked reports whether two records are linked in vtiger_crmentityrel.
func (f *supportFixture) linked(t *testing.T, a, b int64) bool {
	t.Helper()
	var n int
	const q = `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE (crmid = ? AND relcrmid = ?) OR (crmid = ? AND relcrmid = ?)`
	if err := f.db.GetContext(context.Background(), &n, q, a, b, b, a); err != nil {
		t.Fatal(err)
	}
	return n > 0
}

func (f *supportFixture) contract(t *testing.T, related int64, subject string, dueIn int) int64 {
	t.Helper()
	day := func(d int) string { return time.Now().UTC().AddDate(0, 0, d).Format(time.DateOnly) }
	return f.create(t, "ServiceContracts", map[string]string{"subject": subject, "sc_related_to": itoa(related),
		"tracking_unit": "Hours", "total_units": "10", "start_date": day(-30), "due_date": day(dueIn),
		"contract_status": "In Progress"}).ID
}

func decodeTicket(t *testing.T, body string) crm.TicketPayload {
	t.Helper()
	var p crm.TicketPayload
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatalf("%v\n%s", err, body)
	}
	return p
}

// TestSupportChangeContractAPI: the caller's account has two active
// contracts; the ticket counts against the one due first, and the agent
// switches it to the other from the pop. Both contracts are recounted.
func TestSupportChangeContractAPI(t *testing.T) {
	f := newSupportFixture(t, nil)
	f.supportAgent(t)
	ctx := context.Background()
	f.supportQueue(t)
	soon := f.contract(t, f.account.ID, "Silver support", 20)
	later := f.contract(t, f.account.ID, "Gold support", 60)
	expired := f.contract(t, f.account.ID, "Old support", -2)
	other := f.create(t, "Accounts", map[string]string{"accountname": "Someone Else Ltd"})
	foreign := f.contract(t, other.ID, "Not theirs", 90)
	caller := &crm.CallerMatch{Number: "+85291234567", Records: []crm.CallerRecord{{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan"}}}
	sc := f.answerSupportCall(t, "switch.1", "+85291234567", caller)
	f.hangUp(t, sc, 20*time.Minute)
	if !f.linked(t, sc.ticket, soon) {
		t.Fatalf("the ticket is not linked to the contract due first, %d", soon)
	}
	if used, _ := f.used(t, soon); used != "1.00" {
		t.Fatalf("contract due first: used %s, want 1.00", used)
	}

	body := func(contract, ticket int64) map[string]any {
		return map[string]any{"gateway": "pbx1", "uid": "switch.1", "ticket_id": ticket, "contract_id": contract}
	}
	for _, tc := range []struct {
		name   string
		user   string
		body   map[string]any
		status int
		msg    string
	}{
		{"another agent", "agent102", body(later, sc.ticket), http.StatusForbidden, "Only the call's agent"},
		{"no contract", "agent101", body(0, sc.ticket), http.StatusBadRequest, "contract_id"},
		{"not the caller's", "agent101", body(foreign, sc.ticket), http.StatusBadRequest, "not a contract of the caller"},
		{"expired", "agent101", body(expired, sc.ticket), http.StatusBadRequest, "expired on"},
		{"no such contract", "agent101", body(999999, sc.ticket), http.StatusNotFound, "999999"},
		{"not the call's ticket", "agent101", body(later, sc.ticket+1000), http.StatusConflict, "is not the ticket of call"},
		{"no such call", "agent101", map[string]any{"gateway": "pbx1", "uid": "nope", "ticket_id": sc.ticket, "contract_id": later}, http.StatusNotFound, "nope"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, out := f.client(t, tc.user, "secret-password").postJSON("/api/support/contract", tc.body)
			if resp.StatusCode != tc.status || !strings.Contains(out, tc.msg) {
				t.Errorf("got %d %s, want %d saying %q", resp.StatusCode, out, tc.status, tc.msg)
			}
		})
	}
	t.Run("without token", func(t *testing.T) {
		resp, _ := f.client(t, "agent101", "secret-password").do("POST", "/api/support/contract", url.Values{"gateway": {"pbx1"}}, nil)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("got status %d, want 403", resp.StatusCode)
		}
	})
	if !f.linked(t, sc.ticket, soon) || f.linked(t, sc.ticket, later) {
		t.Fatal("a refused change moved the ticket")
	}

	resp, out := f.client(t, "agent101", "secret-password").postJSON("/api/support/contract", body(later, sc.ticket))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("change: got %d %s, want 200", resp.StatusCode, out)
	}
	p := decodeTicket(t, out)
	if p.TicketID != sc.ticket || p.Contract == nil || p.Contract.ID != later || p.ContractState != crm.ContractActive ||
		p.Standing.Text != "Gold support — 9 hours left, ends "+time.Now().UTC().AddDate(0, 0, 60).Format(time.DateOnly) {
		t.Errorf("got %+v standing %q, want ticket %d on contract %d with 9 hours left", p, p.Standing.Text, sc.ticket, later)
	}
	if len(p.Choices) != 2 || p.Gateway != "pbx1" || p.SourceUniqueID != "switch.1" {
		t.Errorf("got choices %+v call %s/%s, want both active contracts for call pbx1/switch.1", p.Choices, p.Gateway, p.SourceUniqueID)
	}
	if f.linked(t, sc.ticket, soon) || !f.linked(t, sc.ticket, later) {
		t.Errorf("relations: linked to %d %v, to %d %v; want only the second", soon, f.linked(t, sc.ticket, soon), later, f.linked(t, sc.ticket, later))
	}
	if used, progress := f.used(t, soon); used != "0.00" || progress != "" {
		t.Errorf("contract left: used %s progress %s, want 0.00 and none", used, progress)
	}
	if used, progress := f.used(t, later); used != "1.00" || progress != "10.00" {
		t.Errorf("contract chosen: used %s progress %s, want 1.00 and 10.00", used, progress)
	}
	var recorded int64
	f.db.GetContext(ctx, &recorded, `SELECT contractid FROM tl_support_calls WHERE sourceuuid = 'switch.1'`)
	if recorded != later {
		t.Errorf("support call's contract: got %d, want %d", recorded, later)
	}
}

// TestSupportLinkCallerAPI: an unknown number's ticket is linked to the
// contact the agent found; the ticket gets the account as parent, the
// contact, the contact's contract (recounted with the call's time) and
// the call record points at the contact.
func TestSupportLinkCallerAPI(t *testing.T) {
	f := newSupportFixture(t, nil)
	f.supportAgent(t)
	ctx := context.Background()
	f.supportQueue(t)
	unknown := &crm.CallerMatch{Number: "+85261110000", Unknown: true}
	sc := f.answerSupportCall(t, "link.1", "+85261110000", unknown)
	f.hangUp(t, sc, 20*time.Minute)
	globex := f.create(t, "Accounts", map[string]string{"accountname": "Globex"})
	bob := f.create(t, "Contacts", map[string]string{"firstname": "Bob", "lastname": "Ray", "account_id": itoa(globex.ID)})
	plan := f.contract(t, bob.ID, "Bob's hours", 10)
	body := func(contact int64) map[string]any {
		return map[string]any{"gateway": "pbx1", "uid": "link.1", "ticket_id": sc.ticket, "contact_id": contact}
	}

	for _, tc := range []struct {
		name   string
		user   string
		body   map[string]any
		status int
	}{
		{"another agent", "agent102", body(bob.ID), http.StatusForbidden},
		{"no contact", "agent101", body(0), http.StatusBadRequest},
		{"not a contact", "agent101", body(globex.ID), http.StatusNotFound},
		{"no ticket", "agent101", map[string]any{"gateway": "pbx1", "uid": "link.1", "contact_id": bob.ID}, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, out := f.client(t, tc.user, "secret-password").postJSON("/api/support/link", tc.body)
			if resp.StatusCode != tc.status {
				t.Errorf("got %d %s, want %d", resp.StatusCode, out, tc.status)
			}
		})
	}

	resp, out := f.client(t, "agent101", "secret-password").postJSON("/api/support/link", body(bob.ID))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("link: got %d %s, want 200", resp.StatusCode, out)
	}
	p := decodeTicket(t, out)
	if p.ContactID != bob.ID || p.AccountID != globex.ID || p.Contract == nil || p.Contract.ID != plan ||
		p.ContractSummary != "9 hours left" {
		t.Errorf("got %+v, want Bob of Globex on contract %d with 9 hours left", p, plan)
	}
	var parent string
	var seticket, customer int
	var customerType string
	f.db.GetContext(ctx, &parent, `SELECT COALESCE(parent_id, '') FROM vtiger_troubletickets WHERE ticketid = ?`, sc.ticket)
	f.db.GetContext(ctx, &seticket, `SELECT COUNT(*) FROM vtiger_seticketsrel WHERE crmid = ? AND ticketid = ?`, bob.ID, sc.ticket)
	f.db.QueryRowContext(ctx, `SELECT COALESCE(customer, 0), COALESCE(customertype, '') FROM vtiger_pbxmanager
		WHERE gateway = 'pbx1' AND sourceuuid = 'link.1'`).Scan(&customer, &customerType)
	if parent != itoa(globex.ID) || seticket != 1 || int64(customer) != bob.ID || customerType != "Contacts" {
		t.Errorf("got parent %q, contact link %d, call record customer %d %q; want %d, 1, %d Contacts",
			parent, seticket, customer, customerType, globex.ID, bob.ID)
	}
	if !f.linked(t, sc.ticket, plan) {
		t.Error("the ticket is not linked to Bob's contract")
	}
	if used, progress := f.used(t, plan); used != "1.00" || progress != "10.00" {
		t.Errorf("Bob's contract: used %s progress %s, want 1.00 and 10.00", used, progress)
	}

	t.Run("another contact after", func(t *testing.T) {
		alice := f.create(t, "Contacts", map[string]string{"firstname": "Alice", "lastname": "Wong"})
		resp, out := f.client(t, "agent101", "secret-password").postJSON("/api/support/link", body(alice.ID))
		if resp.StatusCode != http.StatusConflict {
			t.Errorf("got %d %s, want 409: the caller is linked already", resp.StatusCode, out)
		}
	})
}

// TestSupportTicketEditorAPI: the pop's editor reads the call's ticket
// with its choices, and saves the agent's changes; a changed hours field
// recounts the contract. Fields the editor does not offer, and bad
// values, are refused with clear errors.
func TestSupportTicketEditorAPI(t *testing.T) {
	f := newSupportFixture(t, nil)
	f.supportAgent(t)
	f.supportQueue(t)
	plan := f.contract(t, f.account.ID, "Gold support", 30)
	caller := &crm.CallerMatch{Number: "+85291234567", Records: []crm.CallerRecord{{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan"}}}
	sc := f.answerSupportCall(t, "edit.1", "+85291234567", caller)
	agent := f.client(t, "agent101", "secret-password")

	var form ticketForm
	agent.getJSON("/api/support/ticket?gateway=pbx1&uid=edit.1&ticket_id="+itoa(sc.ticket), &form)
	names := []string{}
	for _, fl := range form.Fields {
		names = append(names, fl.Name)
	}
	if strings.Join(names, ",") != strings.Join(popTicketFields, ",") || form.Ticket == nil || form.Ticket.TicketID != sc.ticket {
		t.Fatalf("got fields %v ticket %+v, want %v of ticket %d", names, form.Ticket, popTicketFields, sc.ticket)
	}
	status := form.Fields[1]
	if status.Kind != "select" || status.Value != "Open" || len(status.Options) < 4 || form.Fields[4].Kind != "number" {
		t.Errorf("got status field %+v and hours %+v, want a select on Open and a number", status, form.Fields[4])
	}
	if resp, _ := f.client(t, "agent102", "secret-password").get("/api/support/ticket?gateway=pbx1&uid=edit.1&ticket_id=" + itoa(sc.ticket)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another agent reading the editor: got %d, want 403", resp.StatusCode)
	}

	save := func(values map[string]string) (*http.Response, string) {
		return agent.postJSON("/api/support/ticket", map[string]any{"gateway": "pbx1", "uid": "edit.1", "ticket_id": sc.ticket, "values": values})
	}
	resp, out := save(map[string]string{"hours": "many"})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(out, `"hours":"This is not a whole number."`) {
		t.Errorf("bad hours: got %d %s, want 400 naming the field", resp.StatusCode, out)
	}
	resp, out = save(map[string]string{"parent_id": itoa(f.account.ID)})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(out, "cannot be changed from the call pop") {
		t.Errorf("a field the editor lacks: got %d %s, want 400", resp.StatusCode, out)
	}
	resp, out = save(map[string]string{"ticketstatus": "In Progress", "hours": "3", "description": "Toner replaced <b>twice</b>"})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("save: got %d %s, want 200", resp.StatusCode, out)
	}
	if p := decodeTicket(t, out); p.Status != "In Progress" || p.Hours != "3" || p.ContractSummary != "7 hours left" {
		t.Errorf("got %+v, want In Progress, 3 hours, 7 hours left", p)
	}
	if used, _ := f.used(t, plan); used != "3.00" {
		t.Errorf("contract after the edit: used %s, want 3.00", used)
	}
	// Hanging up adds the call's hour to what the agent typed.
	f.hangUp(t, sc, 10*time.Minute)
	if used, _ := f.used(t, plan); used != "4.00" {
		t.Errorf("contract after hang-up: used %s, want 4.00", used)
	}
}

// lateWebservice and lateTokens let a test hand the server webservice
// services built on the fixture's database.
type (
	lateWebservice struct{ crm.WebserviceStore }
	lateTokens     struct{ crm.WSTokenService }
)

// TestSupportContractRecountOnWebSaves: a support ticket's hours changed
// through the web edit form, then through the webservice, recount its
// contract (the record engine's save hook), whichever path saved them.
func TestSupportContractRecountOnWebSaves(t *testing.T) {
	ws, tokens := &lateWebservice{}, &lateTokens{}
	f := newSupportFixture(t, func(_ *Config, d *Deps) { d.Webservice, d.WSTokens = ws, tokens })
	ws.WebserviceStore, tokens.WSTokenService = mysql.NewWebserviceStore(f.db), mysql.NewWSTokenService(f.db)
	ctx := context.Background()
	f.supportQueue(t)
	plan := f.contract(t, f.account.ID, "Gold support", 30)
	caller := &crm.CallerMatch{Number: "+85291234567", Records: []crm.CallerRecord{{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan"}}}
	sc := f.answerSupportCall(t, "web.1", "+85291234567", caller)
	f.hangUp(t, sc, 10*time.Minute)
	if used, _ := f.used(t, plan); used != "1.00" {
		t.Fatalf("after the call: used %s, want 1.00", used)
	}

	page := recordHref("HelpDesk", sc.ticket) + "/edit"
	admin := f.client(t, "admin", "admin")
	status, loc, body := admin.postWithToken(page, page, url.Values{"ticket_title": {"Printer jams"},
		"assigned_user_id": {itoa(f.agent101.ID)}, "ticketstatus": {"In Progress"}, "ticketpriorities": {"High"},
		"hours": {"4"}})
	if status != http.StatusSeeOther || loc != recordHref("HelpDesk", sc.ticket) {
		t.Fatalf("web form: got %d to %q, want 303 to the ticket\n%s", status, loc, body)
	}
	if used, progress := f.used(t, plan); used != "4.00" || progress != "40.00" {
		t.Errorf("after the web form: used %s progress %s, want 4.00 and 40.00", used, progress)
	}

	var key string
	if err := f.db.GetContext(ctx, &key, `SELECT accesskey FROM vtiger_users WHERE user_name = 'admin'`); err != nil {
		t.Fatal(err)
	}
	c := &wsClient{t: t, base: f.ts.URL + "/webservice.php", http: f.ts.Client(), header: http.Header{}}
	c.login("admin", key)
	var prefix int
	if err := f.db.GetContext(ctx, &prefix, `SELECT id FROM vtiger_ws_entity WHERE name = 'HelpDesk'`); err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	c.ok(c.post("revise", url.Values{"element": {element(t, map[string]any{"id": fmt.Sprintf("%dx%d", prefix, sc.ticket), "hours": "6"})}}), &got)
	if got["hours"] != "6" {
		t.Errorf("webservice revise: got hours %q, want 6", got["hours"])
	}
	if used, progress := f.used(t, plan); used != "6.00" || progress != "60.00" {
		t.Errorf("after the webservice: used %s progress %s, want 6.00 and 60.00", used, progress)
	}
}
