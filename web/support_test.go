package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// lateSupport lets a test hand the server a support service built on
// the records service the server's fixture creates.
type lateSupport struct{ Support }

// supportFixture is a call fixture whose server has the support desk.
type supportFixture struct {
	*callFixture
	support *mysql.SupportService
}

func newSupportFixture(t *testing.T, edit func(*Config, *Deps)) *supportFixture {
	t.Helper()
	late := &lateSupport{}
	f := newCallFixture(t, func(c *Config, d *Deps) {
		d.Support = late
		if edit != nil {
			edit(c, d)
		}
	})
	sf := &supportFixture{callFixture: f, support: mysql.NewSupportService(f.db, f.records, nil, mysqltest.Logger())}
	late.Support = sf.support
	return sf
}

// postForm posts form with the CSRF token of the page at from.
func (c *client) postForm(from, path string, form url.Values) (*http.Response, string) {
	c.t.Helper()
	_, page := c.get(from)
	form.Set(csrfField, csrfToken(c.t, page))
	return c.post(path, form)
}

func TestSupportLinesPage(t *testing.T) {
	f := newSupportFixture(t, nil)
	const page = "/settings/support-lines"

	t.Run("agents may not", func(t *testing.T) {
		c := f.client(t, "agent101", "secret-password")
		if resp, _ := c.get(page); resp.StatusCode != http.StatusForbidden {
			t.Errorf("GET: got status %d, want 403", resp.StatusCode)
		}
		resp, _ := c.postForm("/", page, url.Values{"kind": {"queue"}, "value": {"sales"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST: got status %d, want 403", resp.StatusCode)
		}
	})
	t.Run("signed out", func(t *testing.T) {
		resp, _ := newClient(t, f.ts).get(page)
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("got status %d, want 303 to the sign-in page", resp.StatusCode)
		}
	})

	admin := f.client(t, "admin", "admin")
	resp, body := admin.get(page)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "There are no support lines yet.") {
		t.Fatalf("empty list: got %d, want 200 saying there are no lines\n%s", resp.StatusCode, body)
	}
	for _, want := range []string{`<option value="High">`, `<option value="Big Problem">`, `name="repeat_window"`} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}

	resp, body = admin.postForm(page, page, url.Values{"kind": {"did"}, "value": {"+852 3000-1000"}, "name": {"Hotline"},
		"priority": {"High"}, "category": {"Big Problem"}, "repeat_window": {"120"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != page {
		t.Fatalf("add: got %d to %q, want 303 to %s\n%s", resp.StatusCode, resp.Header.Get("Location"), page, body)
	}
	lines, err := f.support.ListSupportLines(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || lines[0].Kind != crm.SupportByDID || lines[0].Value != "85230001000" || lines[0].Name != "Hotline" ||
		lines[0].Priority != "High" || lines[0].Category != "Big Problem" || lines[0].RepeatWindow != 2*time.Hour {
		t.Fatalf("got lines %+v, want one DID line 85230001000 Hotline High/Big Problem 2h", lines)
	}
	_, body = admin.get(page)
	for _, want := range []string{"85230001000", "Hotline", "Number dialled (DID)", "<td>120</td>"} {
		if !strings.Contains(body, want) {
			t.Errorf("list lacks %q", want)
		}
	}

	for _, tc := range []struct {
		name   string
		form   url.Values
		status int
		msg    string
	}{
		{"no digits", url.Values{"kind": {"did"}, "value": {"abc"}}, http.StatusBadRequest, "has no digits"},
		{"bad window", url.Values{"kind": {"queue"}, "value": {"sales"}, "repeat_window": {"-5"}}, http.StatusBadRequest, "repeat window is a number of minutes"},
		{"bad priority", url.Values{"kind": {"queue"}, "value": {"sales"}, "priority": {"Whenever"}}, http.StatusBadRequest, "is not a value of ticketpriorities"},
		{"duplicate", url.Values{"kind": {"did"}, "value": {"85230001000"}}, http.StatusConflict, "exists"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := admin.postForm(page, page, tc.form)
			if resp.StatusCode != tc.status || !strings.Contains(body, `class="alert"`) || !strings.Contains(body, tc.msg) {
				t.Errorf("got %d, want %d with an alert saying %q\n%s", resp.StatusCode, tc.status, tc.msg, body)
			}
			if !strings.Contains(body, `value="`+tc.form.Get("value")+`"`) {
				t.Errorf("the form lost the value typed, %q", tc.form.Get("value"))
			}
		})
	}

	t.Run("remove without token", func(t *testing.T) {
		resp, _ := admin.post(page+"/"+itoa(lines[0].ID)+"/remove", url.Values{})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("got status %d, want 403", resp.StatusCode)
		}
	})
	resp, _ = admin.postForm(page, page+"/"+itoa(lines[0].ID)+"/remove", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: got status %d, want 303", resp.StatusCode)
	}
	if lines, _ := f.support.ListSupportLines(context.Background()); len(lines) != 0 {
		t.Errorf("after remove: got lines %+v, want none", lines)
	}
	if resp, _ := admin.postForm(page, page+"/"+itoa(lines[0].ID)+"/remove", url.Values{}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("remove again: got status %d, want 404", resp.StatusCode)
	}
}

func TestAttachCallToTicket(t *testing.T) {
	f := newSupportFixture(t, nil)
	ctx := context.Background()
	if _, err := f.support.AddSupportLine(ctx, crm.SupportLine{Kind: crm.SupportByQueue, Value: "support", RepeatWindow: 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	old := f.create(t, "HelpDesk", map[string]string{"ticket_title": "Printer jams", "parent_id": itoa(f.contact.ID), "ticketstatus": "Open"})
	call := inbound("attach.1", "+85291234567", "101", 10*time.Second)
	call.Status, call.AnswerTime = crm.CallStatusInProgress, call.StartTime.Add(5*time.Second)
	f.saveCall(t, call, crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts", UserID: f.agent101.ID})
	caller := &crm.CallerMatch{Number: call.CustomerNumber, Records: []crm.CallerRecord{{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan"}}}
	err := f.support.SupportCallAnswered(ctx, crm.CallUpdate{Kind: crm.CallAnswered, Time: time.Now(), Call: call, Extensions: []string{"101"}}, caller)
	if err != nil {
		t.Fatalf("answer support call: %v", err)
	}
	body := map[string]any{"gateway": "pbx1", "uid": "attach.1", "ticket_id": old.ID}

	for _, tc := range []struct {
		name   string
		user   string
		body   map[string]any
		status int
	}{
		{"another agent", "agent102", body, http.StatusForbidden},
		{"no ticket", "agent101", map[string]any{"gateway": "pbx1", "uid": "attach.1"}, http.StatusBadRequest},
		{"no such ticket", "agent101", map[string]any{"gateway": "pbx1", "uid": "attach.1", "ticket_id": 999999}, http.StatusNotFound},
		{"no such call", "agent101", map[string]any{"gateway": "pbx1", "uid": "nope", "ticket_id": old.ID}, http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, out := f.client(t, tc.user, "secret-password").postJSON("/api/support/attach", tc.body)
			if resp.StatusCode != tc.status {
				t.Errorf("got %d %s, want %d", resp.StatusCode, out, tc.status)
			}
		})
	}
	t.Run("without token", func(t *testing.T) {
		c := f.client(t, "agent101", "secret-password")
		resp, _ := c.do("POST", "/api/support/attach", url.Values{"gateway": {"pbx1"}}, nil)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("got status %d, want 403", resp.StatusCode)
		}
	})

	resp, out := f.client(t, "agent101", "secret-password").postJSON("/api/support/attach", body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("attach: got %d %s, want 200", resp.StatusCode, out)
	}
	var p crm.TicketPayload
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.TicketID != old.ID || p.Title != "Printer jams" || p.Gateway != "pbx1" || p.SourceUniqueID != "attach.1" || p.ContractSummary == "" {
		t.Errorf("got %+v, want ticket %d Printer jams for call pbx1/attach.1 with a contract summary", p, old.ID)
	}
}
