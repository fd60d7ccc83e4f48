package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestModulePages(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading", "bill_city": "Kowloon", "phone": "+852 2345 6789"})
	me.create(t, "Accounts", map[string]string{"accountname": "=HYPERLINK(\"http://evil\")", "bill_city": "Taipei"})
	xss := me.create(t, "Accounts", map[string]string{"accountname": "<script>alert(1)</script>"})
	c := me.adminClient(t)

	t.Run("list", func(t *testing.T) {
		resp, body := c.get("/m/Accounts")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got %d, want 200\n%s", resp.StatusCode, body)
		}
		wantContains(t, "list", body, "Acme Trading", "Account Name", `href="/m/Accounts/`, `action="/m/Accounts/delete"`,
			"export.csv", "&lt;script&gt;alert(1)&lt;/script&gt;")
		if strings.Contains(body, "<script>alert(1)") {
			t.Error("list shows a record name as markup")
		}
		_, body = c.get("/m/Accounts?qf=bill_city&qv=kowl")
		if !strings.Contains(body, "Acme Trading") || strings.Contains(body, "Taipei") {
			t.Error("quick filter bill_city contains kowl: want Acme only")
		}
		_, body = c.get("/m/Accounts?sort=accountname&dir=asc")
		if strings.Index(body, "Acme Trading") < strings.Index(body, "&lt;script") {
			t.Error("sort by name ascending: got Acme before <script>")
		}
		_, body = c.get("/m/Accounts?sort=accountname&dir=desc")
		if strings.Index(body, "Acme Trading") > strings.Index(body, "&lt;script") {
			t.Error("sort by name descending: got <script> before Acme")
		}
		wantContains(t, "sorted list", body, `aria-sort="descending"`)
	})

	t.Run("export is csv-injection safe", func(t *testing.T) {
		resp, body := c.get("/m/Accounts/export.csv?sort=accountname")
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Fatalf("got Content-Type %q, want text/csv", ct)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 {
			t.Fatalf("got %d rows, want header and 3", len(rows))
		}
		found := false
		for _, r := range rows {
			for _, cell := range r {
				if strings.HasPrefix(cell, "=") {
					t.Errorf("cell %q starts with =", cell)
				}
				found = found || cell == `'=HYPERLINK("http://evil")`
			}
		}
		if !found {
			t.Error("the formula name is not exported with a leading quote")
		}
	})

	t.Run("detail", func(t *testing.T) {
		resp, body := c.get(recordHref("Accounts", acme.ID))
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got %d, want 200", resp.StatusCode)
		}
		wantContains(t, "detail", body, "Acme Trading", "Account Information", "Billing City", "Kowloon",
			"Administrator", "Created", "No tags yet.")
		_, body = c.get(recordHref("Accounts", xss.ID))
		if strings.Contains(body, "<script>alert(1)") {
			t.Error("detail shows a record name as markup")
		}
		resp, _ = c.get("/m/Accounts/999999")
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("missing record: got %d, want 404", resp.StatusCode)
		}
	})

	t.Run("create with a validation error keeps the form", func(t *testing.T) {
		form := url.Values{"lastname": {"Chan"}, "firstname": {"Tai Man"}, "email": {"not-an-email"},
			"account_id-label": {"Acme Trading"}, "assigned_user_id": {"1"}, "mailingcity": {"旺角"}}
		status, _, body := c.postWithToken("/m/Contacts/new", "/m/Contacts/new", form)
		if status != http.StatusBadRequest {
			t.Fatalf("got %d, want 400", status)
		}
		wantContains(t, "form with error", body, "This is not an email address.", `value="not-an-email"`,
			`value="Tai Man"`, `value="旺角"`, `value="Acme Trading"`, `aria-invalid="true"`)
		form.Set("email", "tm.chan@example.hk")
		status, loc, body := c.postWithToken("/m/Contacts/new", "/m/Contacts/new", form)
		m := locationIDRe.FindStringSubmatch(loc)
		if status != http.StatusSeeOther || m == nil {
			t.Fatalf("got %d to %q, want 303 to the contact\n%s", status, loc, body)
		}
		_, body = c.get(loc)
		wantContains(t, "new contact", body, "tm.chan@example.hk", `href="`+recordHref("Accounts", acme.ID)+`">Acme Trading</a>`)
	})

	t.Run("ticket for an account picked by name", func(t *testing.T) {
		_, body := c.get("/m/HelpDesk/new")
		wantContains(t, "ticket form", body, `data-ref-modules="Accounts,Contacts"`, `<select id="f-ticketstatus"`, ">Open</option>")
		form := url.Values{"ticket_title": {"Printer jam"}, "parent_id-label": {"Acme Trading"}, "ticketstatus": {"Open"},
			"assigned_user_id": {"1"}, "hours": {"2"}}
		status, loc, body := c.postWithToken("/m/HelpDesk/new", "/m/HelpDesk/new", form)
		if status != http.StatusSeeOther {
			t.Fatalf("got %d, want 303\n%s", status, body)
		}
		_, body = c.get(loc)
		wantContains(t, "ticket", body, "Printer jam", `href="`+recordHref("Accounts", acme.ID)+`">Acme Trading</a>`)
		form.Set("parent_id-label", "Nobody Ltd")
		status, _, body = c.postWithToken("/m/HelpDesk/new", "/m/HelpDesk/new", form)
		if status != http.StatusBadRequest || !strings.Contains(body, "No record has this name.") {
			t.Errorf("unknown account: got %d, want 400 with the reference's error", status)
		}
	})

	t.Run("edit", func(t *testing.T) {
		page := recordHref("Accounts", acme.ID) + "/edit"
		_, body := c.get(page)
		wantContains(t, "edit form", body, `name="accountname" value="Acme Trading"`, `type="email"`, `type="url"`,
			`<textarea id="f-bill_street"`, `<select id="f-industry"`, `<span class="required"`)
		status, loc, _ := c.postWithToken(page, page, url.Values{"accountname": {"Acme Trading Ltd"}, "assigned_user_id": {"1"}, "bill_city": {"Kowloon"}})
		if status != http.StatusSeeOther || loc != recordHref("Accounts", acme.ID) {
			t.Fatalf("got %d to %q, want 303 to the account", status, loc)
		}
		_, body = c.get(loc)
		wantContains(t, "edited account", body, "Acme Trading Ltd", "Updated")
		status, _, body = c.postWithToken(page, page, url.Values{"accountname": {""}, "assigned_user_id": {"1"}})
		if status != http.StatusBadRequest || !strings.Contains(body, "This field is required.") {
			t.Errorf("emptying the name: got %d, want 400 with the field's error", status)
		}
	})

	t.Run("posts need the CSRF token", func(t *testing.T) {
		resp, _ := c.post("/m/Accounts/new", url.Values{"accountname": {"Forged"}, "csrf_token": {"forged"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("create: got %d, want 403", resp.StatusCode)
		}
		resp, _ = c.post(recordHref("Accounts", acme.ID)+"/delete", url.Values{})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("delete: got %d, want 403", resp.StatusCode)
		}
		if _, err := me.records.FindRecordByID(ctx, "Accounts", acme.ID); err != nil {
			t.Errorf("the account is gone after a forged delete: %v", err)
		}
	})

	t.Run("tags", func(t *testing.T) {
		page := recordHref("Accounts", acme.ID)
		status, _, _ := c.postWithToken(page, page+"/tags", url.Values{"tags": {"vip 香港"}})
		if status != http.StatusSeeOther {
			t.Fatalf("tag: got %d, want 303", status)
		}
		_, body := c.get("/tags")
		wantContains(t, "tag cloud", body, "vip", "香港")
		_, body = c.get("/tags?tag=vip")
		wantContains(t, "tagged records", body, "Acme Trading Ltd")
		c.postWithToken(page, page+"/tags/delete", url.Values{"tag": {"vip"}})
		_, body = c.get(page)
		if strings.Contains(body, ">vip<") {
			t.Error("removed tag still shown")
		}
	})

	t.Run("search", func(t *testing.T) {
		_, body := c.get("/search?q=Acme")
		wantContains(t, "search", body, "Acme Trading Ltd", `href="/m/Accounts"`)
		resp, body := c.do("GET", "/m/Accounts/search.json?q=acme", nil, http.Header{"Accept": {"application/json"}})
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `"label":"Acme Trading Ltd"`) {
			t.Errorf("search.json: got %d %s", resp.StatusCode, body)
		}
	})

	t.Run("delete, recycle bin, restore", func(t *testing.T) {
		page := recordHref("Accounts", xss.ID)
		status, loc, _ := c.postWithToken(page, page+"/delete", url.Values{})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/m/Accounts") {
			t.Fatalf("delete: got %d to %q", status, loc)
		}
		_, body := c.get("/recyclebin?module=Accounts")
		wantContains(t, "recycle bin", body, "&lt;script&gt;alert(1)&lt;/script&gt;", `action="/recyclebin/restore"`, `action="/recyclebin/purge"`)
		status, loc, _ = c.postWithToken("/recyclebin?module=Accounts", "/recyclebin/restore", url.Values{"module": {"Accounts"}, "id": {itoa(xss.ID)}})
		if status != http.StatusSeeOther || loc != page {
			t.Fatalf("restore: got %d to %q, want 303 to %s", status, loc, page)
		}
		if _, err := me.records.FindRecordByID(ctx, "Accounts", xss.ID); err != nil {
			t.Errorf("restored account: %v", err)
		}
	})

	t.Run("mass delete", func(t *testing.T) {
		status, loc, _ := c.postWithToken("/m/Accounts", "/m/Accounts/delete", url.Values{"id": {itoa(xss.ID)}})
		if status != http.StatusSeeOther || loc != "/m/Accounts?deleted=1" {
			t.Fatalf("got %d to %q, want 303 to /m/Accounts?deleted=1", status, loc)
		}
		_, body := c.get(loc)
		wantContains(t, "list after delete", body, "1 records moved to the recycle bin.")
	})

	t.Run("language", func(t *testing.T) {
		u := newClient(t, me.ts)
		if _, err := me.users.CreateUser(ctx, userNamed("agent_tw")); err != nil {
			t.Fatal(err)
		}
		u.login("agent_tw", "secret-password")
		_, body := u.get("/recyclebin")
		if strings.Contains(body, `action="/recyclebin/purge"`) {
			t.Error("a non-admin sees the purge button")
		}
		status, loc, _ := u.postWithToken("/m/Accounts", "/settings/language", url.Values{"language": {"zh_tw"}, "next": {"/m/Accounts"}})
		if status != http.StatusSeeOther || loc != "/m/Accounts" {
			t.Fatalf("got %d to %q, want 303 to /m/Accounts", status, loc)
		}
		_, body = u.get("/m/Accounts")
		wantContains(t, "zh_TW list", body, `lang="zh-Hant-TW"`, "客戶名稱", "客戶", "登出", "新增")
		_, body = u.get(recordHref("Accounts", acme.ID))
		wantContains(t, "zh_TW detail", body, "帳單城市", "客戶資料")
		status, _, _ = u.postWithToken("/", "/settings/language", url.Values{"language": {"xx_yy"}})
		if status != http.StatusBadRequest {
			t.Errorf("unknown language: got %d, want 400", status)
		}
	})
}

func TestEveryModuleRenders(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	c := me.adminClient(t)
	for _, sec := range navTable {
		for _, it := range sec.Items {
			if pseudoModules[it.Module] {
				continue
			}
			if _, err := me.records.Module(context.Background(), it.Module); err != nil {
				continue // not a record module of this schema
			}
			for _, path := range []string{"/m/" + it.Module, "/m/" + it.Module + "/new", "/recyclebin?module=" + it.Module} {
				if resp, body := c.get(path); resp.StatusCode != http.StatusOK {
					t.Errorf("GET %s: got %d, want 200\n%s", path, resp.StatusCode, body)
				}
			}
		}
	}
	for _, path := range []string{"/search?q=a", "/tags", "/recyclebin"} {
		if resp, _ := c.get(path); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: got %d, want 200", path, resp.StatusCode)
		}
	}
}
