package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var createdLocRe = regexp.MustCompile(`^/m/Contacts\?created=(\d+)$`)

func TestQuickCreate(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Harbour"})
	c := me.adminClient(t)
	const page = "/m/Contacts/quick?return=%2Fm%2FContacts"

	t.Run("the list links to it", func(t *testing.T) {
		_, body := c.get("/m/Contacts?sort=lastname")
		wantContains(t, "list", body, `href="/m/Contacts/quick?return=%2Fm%2FContacts%3Fdir%3Dasc%26sort%3Dlastname"`)
	})

	t.Run("vtiger's quick-create fields in order", func(t *testing.T) {
		resp, body := c.get(page)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got %d, want 200\n%s", resp.StatusCode, body)
		}
		wantContains(t, "quick form", body, "Quick create", `action="/m/Contacts/quick"`, `name="return" value="/m/Contacts"`)
		last := -1
		for _, id := range []string{"f-firstname", "f-lastname", "f-account_id", "f-phone", "f-email", "f-assigned_user_id"} {
			i := strings.Index(body, `id="`+id+`"`)
			if i < last {
				t.Errorf("%s: got it before the previous field or missing, want quickcreatesequence order", id)
			}
			last = i
		}
		if strings.Contains(body, `id="f-mobile"`) || strings.Contains(body, `id="f-mailingcity"`) {
			t.Error("the quick form shows a field vtiger leaves out of quick-create")
		}
	})

	t.Run("an error comes back filled", func(t *testing.T) {
		form := url.Values{"firstname": {"Ka Yan"}, "lastname": {""}, "email": {"kayan@example.hk"},
			"account_id-label": {"Acme Harbour"}, "assigned_user_id": {"1"}, "return": {"/m/Contacts"}}
		status, _, body := c.postWithToken(page, "/m/Contacts/quick", form)
		if status != http.StatusBadRequest {
			t.Fatalf("got %d, want 400", status)
		}
		wantContains(t, "quick form with error", body, "This field is required.", `value="Ka Yan"`,
			`value="kayan@example.hk"`, `value="Acme Harbour"`, `name="return" value="/m/Contacts"`)
	})

	t.Run("success returns where the user was", func(t *testing.T) {
		form := url.Values{"firstname": {"Ka Yan"}, "lastname": {"Lee"}, "email": {"kayan@example.hk"},
			"account_id-label": {"Acme Harbour"}, "assigned_user_id": {"1"}, "return": {"/m/Contacts"}}
		status, loc, body := c.postWithToken(page, "/m/Contacts/quick", form)
		m := createdLocRe.FindStringSubmatch(loc)
		if status != http.StatusSeeOther || m == nil {
			t.Fatalf("got %d to %q, want 303 back to the list\n%s", status, loc, body)
		}
		rec, err := me.records.FindRecordByID(ctx, "Contacts", mustInt(t, m[1]))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Values["account_id"] != itoa(acme.ID) || rec.Values["lastname"] != "Lee" {
			t.Errorf("got %v, want Lee of Acme Harbour", rec.Values)
		}
		_, body = c.get(loc)
		wantContains(t, "list after quick-create", body, "Created:", `href="/m/Contacts/`+m[1]+`">Ka Yan Lee</a>`)
		// Without a return address it opens the record.
		delete(form, "return")
		_, loc, _ = c.postWithToken(page, "/m/Contacts/quick", form)
		if !locationIDRe.MatchString(loc) {
			t.Errorf("no return: got %q, want the new record", loc)
		}
	})

	t.Run("every module's quick form renders", func(t *testing.T) {
		for _, mod := range []string{"Accounts", "Leads", "HelpDesk", "Potentials", "Calendar", "Products", "ServiceContracts"} {
			if resp, body := c.get("/m/" + mod + "/quick"); resp.StatusCode != http.StatusOK {
				t.Errorf("%s: got %d, want 200\n%s", mod, resp.StatusCode, body)
			}
		}
	})
}

// mustInt parses a decimal id from a test's own regexp match.
func mustInt(t *testing.T, s string) int64 {
	t.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
