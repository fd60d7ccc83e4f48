package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// callFixture is a contact with an account, two agents and their calls.
type callFixture struct {
	*callEnv
	account, contact *crm.Record
	agent101         *crm.User
	agent102         *crm.User
}

func newCallFixture(t *testing.T, edit func(*Config, *Deps)) *callFixture {
	t.Helper()
	ce := newCallEnv(t, edit)
	f := &callFixture{callEnv: ce}
	f.account = ce.create(t, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics", "phone": "+852 2111 2222"})
	f.contact = ce.create(t, "Contacts", map[string]string{
		"firstname": "Tai Man", "lastname": "Chan", "mobile": "+852 9123 4567", "account_id": itoa(f.account.ID),
	})
	f.agent101 = ce.agent(t, "agent101", "101")
	f.agent102 = ce.agent(t, "agent102", "102")
	return f
}

func TestLiveCallsAPI(t *testing.T) {
	f := newCallFixture(t, nil)
	f.saveCall(t, inbound("live-101", "+85291234567", "101", 5*time.Second), crm.CallLink{})
	f.saveCall(t, inbound("live-102", "+85229998888", "102", 3*time.Second), crm.CallLink{})
	done := ended(inbound("done-101", "+85291234567", "101", time.Hour), 4*time.Second, 90*time.Second)
	f.saveCall(t, done, crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts", UserID: f.agent101.ID})

	t.Run("signed out", func(t *testing.T) {
		resp, body := newClient(t, f.ts).get("/api/calls/live")
		if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, `"code":"unauthorized"`) {
			t.Errorf("got %d %s, want 401 with a JSON error", resp.StatusCode, body)
		}
	})

	var got liveCallsBody
	f.client(t, "agent101", "secret-password").getJSON("/api/calls/live", &got)
	if got.Extension != "101" || got.UserID != f.agent101.ID {
		t.Errorf("got user %d extension %q, want %d and 101", got.UserID, got.Extension, f.agent101.ID)
	}
	if len(got.Live) != 1 || got.Live[0].SourceUniqueID != "live-101" {
		t.Fatalf("got live calls %+v, want live-101 only", got.Live)
	}
	c := got.Live[0]
	if c.Status != crm.CallStatusRinging || c.Caller == nil || len(c.Caller.Records) == 0 ||
		c.Caller.Records[0].ID != f.contact.ID || c.Caller.Records[0].Name != "Tai Man Chan" {
		t.Errorf("got live call %+v caller %+v, want ringing, caller contact %d Tai Man Chan", c.CallRecord, c.Caller, f.contact.ID)
	}
	if len(got.Recent) != 1 || got.Recent[0].SourceUniqueID != "done-101" || got.Recent[0].Link == nil ||
		got.Recent[0].Link.Name != "Tai Man Chan" || got.Recent[0].Link.Href != recordHref("Contacts", f.contact.ID) {
		t.Errorf("got recent %+v, want done-101 linked to Tai Man Chan", got.Recent)
	}
	if got.Strings["Unknown caller"] != "Unknown caller" {
		t.Errorf("got strings %v, want the pop's texts", got.Strings)
	}

	var other liveCallsBody
	f.client(t, "agent102", "secret-password").getJSON("/api/calls/live", &other)
	if len(other.Live) != 1 || other.Live[0].SourceUniqueID != "live-102" || len(other.Recent) != 0 {
		t.Errorf("agent102: got live %+v recent %+v, want live-102 only", other.Live, other.Recent)
	}
	if other.Live[0].Caller == nil || !other.Live[0].Caller.Unknown {
		t.Errorf("agent102: got caller %+v, want unknown", other.Live[0].Caller)
	}
}

func TestCallerSummary(t *testing.T) {
	f := newCallFixture(t, nil)
	open := f.create(t, "HelpDesk", map[string]string{"ticket_title": "Printer jams", "parent_id": itoa(f.contact.ID), "ticketstatus": "Open"})
	f.create(t, "HelpDesk", map[string]string{"ticket_title": "Old issue", "parent_id": itoa(f.contact.ID), "ticketstatus": "Closed"})
	f.create(t, "HelpDesk", map[string]string{"ticket_title": "Account wide outage", "parent_id": itoa(f.account.ID), "ticketstatus": "In Progress"})
	sc := f.create(t, "ServiceContracts", map[string]string{
		"subject": "Gold support", "sc_related_to": itoa(f.account.ID), "contract_status": "In Progress",
		"tracking_unit": "Hours", "total_units": "10", "used_units": "3",
	})
	f.create(t, "ServiceContracts", map[string]string{"subject": "Finished", "sc_related_to": itoa(f.contact.ID), "contract_status": "Complete"})
	for i, uid := range []string{"s1", "s2"} {
		rec := ended(inbound(uid, "+85291234567", "101", time.Duration(i+1)*time.Hour), 3*time.Second, time.Minute)
		f.saveCall(t, rec, crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"})
	}
	task := f.create(t, "Calendar", map[string]string{
		"subject": "Call back about toner", "date_start": "2026-03-02 10:00:00", "due_date": "2026-03-02",
		"taskstatus": "Not Started", "assigned_user_id": itoa(f.agent101.ID),
	})
	if err := f.records.LinkRecords(context.Background(), f.admin, "Contacts", f.contact.ID, "Calendar", task.ID); err != nil {
		t.Fatalf("link the task: %v", err)
	}
	path := "/api/callers/Contacts/" + itoa(f.contact.ID) + "/summary"

	t.Run("signed out", func(t *testing.T) {
		if resp, _ := newClient(t, f.ts).get(path); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("got status %d, want 401", resp.StatusCode)
		}
	})

	var got callerSummary
	f.client(t, "agent101", "secret-password").getJSON(path, &got)
	if got.Record.Name != "Tai Man Chan" || got.Record.Href != recordHref("Contacts", f.contact.ID) {
		t.Errorf("got record %+v, want Tai Man Chan", got.Record)
	}
	if got.Account == nil || got.Account.ID != f.account.ID || got.Account.Name != "Kowloon Bay Logistics" {
		t.Errorf("got account %+v, want Kowloon Bay Logistics", got.Account)
	}
	titles := map[string]bool{}
	for _, tk := range got.Tickets {
		titles[tk.Title] = true
	}
	if len(got.Tickets) != 2 || !titles["Printer jams"] || !titles["Account wide outage"] {
		t.Errorf("got tickets %+v, want the two open ones of the contact and its account", got.Tickets)
	}
	if len(got.Contracts) != 1 {
		t.Fatalf("got contracts %+v, want Gold support only", got.Contracts)
	}
	if c := got.Contracts[0]; c.ID != sc.ID || !c.Active || c.UnitsLeft == nil || *c.UnitsLeft != 7 {
		t.Errorf("got contract %+v, want Gold support active with 7 units left", c)
	}
	if len(got.Calls) != 2 || got.Calls[0].SourceUniqueID != "s1" {
		t.Errorf("got calls %+v, want s1 then s2", got.Calls)
	}
	if len(got.Activities) != 1 || got.Activities[0].Subject != "Call back about toner" || got.Activities[0].Status != "Not Started" {
		t.Errorf("got activities %+v, want the follow-up task", got.Activities)
	}
	if !strings.Contains(got.NewTicket, "parent_id="+itoa(f.contact.ID)) || !strings.Contains(got.NewTicket, "ticket_title=") {
		t.Errorf("got new ticket link %q, want it prefilled for the contact", got.NewTicket)
	}
	if len(got.Phones) != 1 || got.Phones[0].Number != "+852 9123 4567" {
		t.Errorf("got phones %+v, want the mobile", got.Phones)
	}
	_ = open

	t.Run("lead", func(t *testing.T) {
		lead := f.create(t, "Leads", map[string]string{"lastname": "Lau", "company": "Lau Trading", "phone": "+852 2333 4444"})
		var ls callerSummary
		f.client(t, "agent102", "secret-password").getJSON("/api/callers/Leads/"+itoa(lead.ID)+"/summary", &ls)
		if ls.Record.Name != "Lau" || ls.NewTicket != "" || ls.Account != nil {
			t.Errorf("got %+v, want the lead without account or ticket link", ls)
		}
	})
	t.Run("missing record", func(t *testing.T) {
		resp, _ := f.client(t, "agent101", "secret-password").get("/api/callers/Contacts/999999/summary")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("got status %d, want 404", resp.StatusCode)
		}
	})
}

// TestCallerSummaryAccess: the summary shows a record's tickets,
// contracts and calls, so it is refused where the record's page is.
func TestCallerSummaryAccess(t *testing.T) {
	f := newCallFixture(t, nil)
	f.server.deps.Access = mysql.NewAccessService(f.db) // as serve wires it; no request is in flight yet
	path := "/api/callers/Contacts/" + itoa(f.contact.ID) + "/summary"
	if resp, _ := f.client(t, "agent101", "secret-password").get(path); resp.StatusCode != http.StatusOK {
		t.Fatalf("contacts shared publicly: got %d, want 200", resp.StatusCode)
	}
	// Contacts made private: the admin's contact is no longer the agent's to see.
	if _, err := f.db.ExecContext(context.Background(),
		`UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = (SELECT tabid FROM vtiger_tab WHERE name = 'Contacts')`); err != nil {
		t.Fatal(err)
	}
	if resp, _ := f.client(t, "agent101", "secret-password").get(path); resp.StatusCode != http.StatusForbidden {
		t.Errorf("private contact of another user: got %d, want 403", resp.StatusCode)
	}
}

func TestCallJSONEscapes(t *testing.T) {
	f := newCallFixture(t, nil)
	evil := f.create(t, "Contacts", map[string]string{"lastname": "<img src=x onerror=alert(1)>", "phone": "+852 2777 8888"})
	f.saveCall(t, inbound("evil", "+85227778888", "101", time.Second), crm.CallLink{})
	c := f.client(t, "agent101", "secret-password")
	for _, path := range []string{"/api/calls/live", "/api/callers/Contacts/" + itoa(evil.ID) + "/summary"} {
		resp, body := c.get(path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: got status %d", path, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: got Content-Type %q, want JSON", path, ct)
		}
		if strings.Contains(body, "<img") || !strings.Contains(body, `\u003cimg src=x onerror=alert(1)\u003e`) {
			t.Errorf("GET %s: got %s, want the name with < and > escaped", path, body)
		}
	}
}

func TestDashboardAccess(t *testing.T) {
	// The trackers know a queued caller nobody was rung for yet; stored
	// calls carry no queue (vtiger_pbxmanager has no column for it).
	queued := inbound("queued", "+85220000009", "", 12*time.Second)
	f := newCallFixture(t, func(c *Config, d *Deps) {
		c.ServiceLevel = 10 * time.Second
		d.LiveCalls = func(context.Context) ([]crm.LiveCall, error) { return []crm.LiveCall{{Call: queued}}, nil }
	})
	f.saveCall(t, inbound("ring", "+85291234567", "101", 8*time.Second), crm.CallLink{})
	talking := inbound("talk", "+85229998888", "102", time.Minute)
	talking.Status, talking.AnswerTime = crm.CallStatusInProgress, talking.StartTime.Add(5*time.Second)
	f.saveCall(t, talking, crm.CallLink{})
	f.saveCall(t, ended(inbound("quick", "+85220000001", "102", 2*time.Hour), 5*time.Second, time.Minute), crm.CallLink{})
	f.saveCall(t, ended(inbound("slow", "+85220000002", "102", 3*time.Hour), 30*time.Second, time.Minute), crm.CallLink{})
	missed := inbound("missed", "+85220000003", "101", 4*time.Hour)
	missed.Status, missed.EndTime, missed.TotalSeconds = crm.CallStatusNoAnswer, missed.StartTime.Add(20*time.Second), 20
	f.saveCall(t, missed, crm.CallLink{})
	if h := time.Now().Hour(); h < 5 {
		t.Logf("before 05:00 some of today's calls fall on yesterday; counts are checked loosely")
	}

	agent := f.client(t, "agent101", "secret-password")
	for _, path := range []string{"/dashboard", "/api/dashboard"} {
		if resp, _ := agent.get(path); resp.StatusCode != http.StatusForbidden {
			t.Errorf("agent GET %s: got status %d, want 403", path, resp.StatusCode)
		}
	}
	if _, home := agent.get("/"); strings.Contains(home, `href="/dashboard"`) {
		t.Errorf("an agent's navigation offers the dashboard")
	}
	if resp, _ := newClient(t, f.ts).get("/api/dashboard"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("signed out: got status %d, want 401", resp.StatusCode)
	}

	admin := f.client(t, "admin", "admin")
	resp, page := admin.get("/dashboard")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("admin GET /dashboard: got status %d\n%s", resp.StatusCode, page)
	}
	wantContains(t, "dashboard page", page, "Calls in progress", "Answered within 10 s", `href="/dashboard"`, "/static/dashboard.js?v=")

	var got dashboardBody
	admin.getJSON("/api/dashboard", &got)
	if got.ServiceLevelSeconds != 10 || got.WrapUpSeconds != 30 {
		t.Errorf("got service level %d s, wrap-up %d s, want 10 and 30", got.ServiceLevelSeconds, got.WrapUpSeconds)
	}
	uids := map[string]bool{}
	for _, c := range got.Calls {
		uids[c.SourceUniqueID] = true
	}
	if len(got.Calls) != 3 || !uids["ring"] || !uids["talk"] || !uids["queued"] {
		t.Errorf("got calls %+v, want queued, ring and talk", got.Calls)
	}
	want := []queueWait{{Queue: "", Waiting: 1, LongestWaitSeconds: 8}, {Queue: "support", Waiting: 1, LongestWaitSeconds: 12}}
	if len(got.Queues) != 2 || got.Queues[0].Queue != want[0].Queue || got.Queues[1].Queue != want[1].Queue ||
		got.Queues[0].LongestWaitSeconds < 8 || got.Queues[1].LongestWaitSeconds < 12 {
		t.Errorf("got queues %+v, want about %+v", got.Queues, want)
	}
	states := map[string]string{}
	for _, a := range got.Agents {
		states[a.Extension] = a.State
	}
	if states["101"] != agentRinging || states["102"] != agentOnCall || len(got.Agents) != 2 {
		t.Errorf("got agents %+v, want 101 ringing and 102 on call", got.Agents)
	}
	if time.Now().Hour() >= 5 {
		td := got.Today
		if td.Answered != 3 || td.Missed != 1 || td.Completed != 2 || td.Offered != 3 || td.AnsweredInTime != 1 {
			t.Errorf("got today %+v, want 3 answered (one in progress), 1 missed, 1 of 3 in time", td)
		}
		if td.ServiceLevel == nil || *td.ServiceLevel < 0.33 || *td.ServiceLevel > 0.34 {
			t.Errorf("got service level %v, want 1/3", td.ServiceLevel)
		}
		if td.AvgTalkSeconds != 60 || td.AvgWaitSeconds != 17.5 {
			t.Errorf("got averages wait %v talk %v, want 17.5 and 60", td.AvgWaitSeconds, td.AvgTalkSeconds)
		}
	}
}

func TestCallNoteAndLink(t *testing.T) {
	f := newCallFixture(t, nil)
	twin := f.create(t, "Contacts", map[string]string{"lastname": "Chan Twin", "mobile": "+852 9123 4567"})
	f.saveCall(t, inbound("amb", "+85291234567", "101", 5*time.Second), crm.CallLink{})
	c := f.client(t, "agent101", "secret-password")

	var live liveCallsBody
	c.getJSON("/api/calls/live", &live)
	if len(live.Live) != 1 || live.Live[0].Caller == nil || !live.Live[0].Caller.Ambiguous {
		t.Fatalf("got %+v, want one ambiguous call", live.Live)
	}

	resp, body := c.postJSON("/api/calls/pbx1/amb/link", map[string]any{"module": "Contacts", "crmid": twin.ID})
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"Chan Twin"`) {
		t.Fatalf("link: got %d %s, want 200 naming Chan Twin", resp.StatusCode, body)
	}
	stored, err := f.calls.FindCalls(context.Background(), crm.CallFilter{CustomerID: &twin.ID})
	if err != nil || len(stored) != 1 || stored[0].SourceUniqueID != "amb" || stored[0].Status != crm.CallStatusRinging {
		t.Fatalf("got stored %+v, %v, want the ringing call linked to the twin", stored, err)
	}
	c.getJSON("/api/calls/live", &live)
	if cl := live.Live[0].Caller; cl == nil || cl.Ambiguous || cl.Records[0].ID != twin.ID {
		t.Errorf("after the link: got caller %+v, want the twin only", cl)
	}
	if resp, _ := f.client(t, "agent102", "secret-password").postJSON("/api/calls/pbx1/amb/link",
		map[string]any{"module": "Contacts", "crmid": f.contact.ID}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another agent's link: got status %d, want 403", resp.StatusCode)
	}
	if resp, _ := c.postJSON("/api/calls/pbx1/nosuch/link", map[string]any{"module": "Contacts", "crmid": twin.ID}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown call: got status %d, want 404", resp.StatusCode)
	}

	resp, body = c.postJSON("/api/calls/pbx1/amb/note", map[string]any{"module": "Contacts", "crmid": twin.ID, "text": "Wants a callback <b>tomorrow</b>"})
	if resp.StatusCode != http.StatusCreated || !strings.Contains(body, `"saved_as":"ModComments"`) {
		t.Fatalf("note: got %d %s, want 201 saved as ModComments", resp.StatusCode, body)
	}
	page, err := f.records.FindRecords(context.Background(), f.admin, "ModComments", crm.ListQuery{
		Filters: []crm.Condition{{Field: "related_to", Op: crm.OpEquals, Values: []string{itoa(twin.ID)}}},
		Columns: []string{"commentcontent", "related_to"},
	})
	if err != nil || len(page.Records) != 1 || page.Records[0].Values["commentcontent"] != "Wants a callback <b>tomorrow</b>" {
		t.Errorf("got comments %+v, %v, want the note on the twin", page, err)
	}
	if resp, _ := c.postJSON("/api/calls/pbx1/amb/note", map[string]any{"module": "Contacts", "crmid": twin.ID, "text": "  "}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("empty note: got status %d, want 400", resp.StatusCode)
	}

	// A ticket has no comments relation here: the note goes to its
	// description.
	tk := f.create(t, "HelpDesk", map[string]string{"ticket_title": "Printer jams", "ticketstatus": "Open",
		"description": "First line"})
	resp, body = f.client(t, "admin", "admin").postJSON("/api/calls/pbx1/amb/note", map[string]any{"module": "HelpDesk", "crmid": tk.ID, "text": "Still jams"})
	if resp.StatusCode != http.StatusCreated || !strings.Contains(body, `"saved_as":"description"`) {
		t.Fatalf("ticket note: got %d %s", resp.StatusCode, body)
	}
	rec, err := f.records.FindRecordByID(context.Background(), "HelpDesk", tk.ID)
	if err != nil || !strings.HasPrefix(rec.Values["description"], "First line\n\n") || !strings.HasSuffix(rec.Values["description"], f.admin.FullName()+": Still jams") {
		t.Errorf("got description %q, %v, want the note appended", rec.Values["description"], err)
	}

	// Without the CSRF token the post is refused.
	resp, _ = c.do("POST", "/api/calls/pbx1/amb/note", nil, http.Header{"Content-Type": {"application/json"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("no CSRF token: got status %d, want 403", resp.StatusCode)
	}
}

func TestClickToCall(t *testing.T) {
	var dialled []string
	f := newCallFixture(t, func(_ *Config, d *Deps) {
		d.Originate = func(_ context.Context, u *crm.User, number string) error {
			dialled = append(dialled, u.Extension+">"+number)
			return nil
		}
	})
	c := f.client(t, "agent101", "secret-password")
	_, detail := c.get(recordHref("Contacts", f.contact.ID))
	wantContains(t, "contact page", detail, `href="/calls/dial?number=%2B852&#43;9123&#43;4567"`)
	_, list := c.get("/m/Accounts")
	wantContains(t, "account list", list, `href="/calls/dial?number=%2B852&#43;2111&#43;2222"`)

	resp, body := c.postJSON("/api/calls/originate", map[string]string{"number": "+852 9123 4567"})
	if resp.StatusCode != http.StatusAccepted || len(dialled) != 1 || dialled[0] != "101>+852 9123 4567" {
		t.Errorf("got %d %s, dialled %v, want 202 and 101 calling the number", resp.StatusCode, body, dialled)
	}
	admin := f.client(t, "admin", "admin")
	if resp, body := admin.postJSON("/api/calls/originate", map[string]string{"number": "123"}); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("no extension: got %d %s, want 400", resp.StatusCode, body)
	}

	// The dial page works without script.
	_, form := c.get("/calls/dial?number=%2B852+2111+2222")
	wantContains(t, "dial page", form, `name="number" value="&#43;852 2111 2222"`)
	status, _, page := c.postWithToken("/calls/dial?number=1", "/calls/dial", map[string][]string{"number": {"+852 2111 2222"}})
	if status != http.StatusOK || !strings.Contains(page, "Your phone will ring first.") || dialled[len(dialled)-1] != "101>+852 2111 2222" {
		t.Errorf("dial form: got %d, dialled %v\n%s", status, dialled, page)
	}
}

func TestClickToCallNotWired(t *testing.T) {
	f := newCallFixture(t, nil)
	resp, body := f.client(t, "agent101", "secret-password").postJSON("/api/calls/originate", map[string]string{"number": "+852 9123 4567"})
	if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "Click-to-call is not set up on this server.") {
		t.Errorf("got %d %s, want 503 saying click-to-call is not set up", resp.StatusCode, body)
	}
}
