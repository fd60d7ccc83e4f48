package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// filterPost is a posted saved-filter form: name, columns, and one group
// of conditions given as field, comparator, value triples.
func filterPost(name string, columns []string, conds ...[3]string) url.Values {
	f := url.Values{"name": {name}, "column": columns}
	for _, c := range conds {
		f.Add("cond_group", "0")
		f.Add("cond_field", c[0])
		f.Add("cond_op", c[1])
		f.Add("cond_value", c[2])
	}
	return f
}

var viewLocRe = regexp.MustCompile(`^/m/Accounts\?viewname=(\d+)$`)

func TestFilterPages(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	me.create(t, "Accounts", map[string]string{"accountname": "Berlin Bakery", "bill_city": "Berlin", "employees": "12"})
	me.create(t, "Accounts", map[string]string{"accountname": "Paris Patisserie", "bill_city": "Paris", "employees": "40"})
	c := me.adminClient(t)
	var berlin int

	t.Run("new filter form", func(t *testing.T) {
		resp, body := c.get("/m/Accounts/filters/new")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got %d, want 200\n%s", resp.StatusCode, body)
		}
		wantContains(t, "filter form", body, `name="name"`, `id="cv-col-8"`, `name="std_field"`, `value="last7days"`,
			`name="cond_field"`, `<option value="ew">ends with</option>`, `<option value="b">before</option>`,
			// the new filter starts with the columns of the default one
			`<option value="accountname" selected>Account Name</option>`)
	})

	t.Run("create narrows the list", func(t *testing.T) {
		form := filterPost("Berlin only", []string{"accountname", "bill_city", "", "employees"},
			[3]string{"bill_city", "e", "Berlin"}, [3]string{"", "e", ""})
		status, loc, body := c.postWithToken("/m/Accounts/filters/new", "/m/Accounts/filters/new", form)
		m := viewLocRe.FindStringSubmatch(loc)
		if status != http.StatusSeeOther || m == nil {
			t.Fatalf("got %d to %q, want 303 to the list with the filter\n%s", status, loc, body)
		}
		berlin, _ = strconv.Atoi(m[1])
		_, body = c.get(loc)
		wantContains(t, "filtered list", body, "Berlin Bakery", `<option value="`+m[1]+`" selected>Berlin only</option>`,
			`href="/m/Accounts/filters/`+m[1]+`/edit"`, `action="/m/Accounts/filters/`+m[1]+`/remove"`)
		if strings.Contains(body, "Paris Patisserie") {
			t.Error("the filter bill_city equals Berlin lists the Paris account")
		}
		cv, err := me.records.CustomView(ctx, berlin)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(cv.Columns, ","); got != "accountname,bill_city,employees" {
			t.Errorf("columns: got %s, want accountname,bill_city,employees (blank slot skipped)", got)
		}
		if cv.Status != crm.ViewPrivate || cv.OwnerID != me.admin.ID {
			t.Errorf("got status %d owner %d, want private to admin", cv.Status, cv.OwnerID)
		}
	})

	t.Run("vtiger's own filters load into the form", func(t *testing.T) {
		// Fresh vtiger 5.4: 5 Prospect Accounts (Type equals Prospect), 6 New
		// This Week (created this week); both public, owned by admin.
		_, body := c.get("/m/Accounts/filters/5/edit")
		wantContains(t, "Prospect Accounts", body, `value="Prospect Accounts"`, `<option value="accounttype" selected>`,
			`<option value="e" selected>equals</option>`, `value="Prospect"`, `id="cv-public" name="public" value="1" checked`)
		_, body = c.get("/m/Accounts/filters/6/edit")
		wantContains(t, "New This Week", body, `<option value="createdtime" selected>Created Time</option>`,
			`<option value="thisweek" selected>Current Week</option>`)
	})

	t.Run("validation errors keep the form", func(t *testing.T) {
		form := filterPost("", nil, [3]string{"employees", "l", "a dozen"}, [3]string{"accountname", "b", "2024-01-01"})
		form.Set("std_field", "createdtime")
		form.Set("std_range", "custom")
		form.Set("std_start", "2024-05-01")
		form.Set("std_end", "2024-04-01")
		status, _, body := c.postWithToken("/m/Accounts/filters/new", "/m/Accounts/filters/new", form)
		if status != http.StatusBadRequest {
			t.Fatalf("got %d, want 400", status)
		}
		wantContains(t, "invalid filter", body, "Please correct the marked fields.", "Give the filter a name.",
			"Choose at least one column.", "Enter a number.", "Before and after compare dates",
			"The first day comes after the last one.", `value="a dozen"`, `value="2024-05-01"`,
			`<option value="employees" selected>`, `<option value="l" selected>`)
		form = filterPost("berlin ONLY", []string{"accountname", "accountname"})
		_, _, body = c.postWithToken("/m/Accounts/filters/new", "/m/Accounts/filters/new", form)
		wantContains(t, "duplicate filter", body, "Another filter of this module has this name.", "Each column can be chosen once.",
			`value="berlin ONLY"`)
	})

	t.Run("more conditions redraws without saving", func(t *testing.T) {
		form := filterPost("Draft", []string{"accountname"}, [3]string{"bill_city", "c", "Ber"})
		form.Set("more", "group")
		status, _, body := c.postWithToken("/m/Accounts/filters/new", "/m/Accounts/filters/new", form)
		if status != http.StatusOK {
			t.Fatalf("got %d, want 200", status)
		}
		wantContains(t, "redrawn form", body, `value="Ber"`, `name="group_any_1"`, `name="groups_any"`)
		views, _ := me.records.CustomViews(ctx, me.admin, "Accounts")
		for _, v := range views {
			if v.Name == "Draft" {
				t.Error("asking for more conditions saved the filter")
			}
		}
	})

	t.Run("edit", func(t *testing.T) {
		page := "/m/Accounts/filters/" + strconv.Itoa(berlin) + "/edit"
		_, body := c.get(page)
		wantContains(t, "edit form", body, `value="Berlin only"`, `value="Berlin"`, `<option value="bill_city" selected>`)
		form := filterPost("Paris only", []string{"accountname"}, [3]string{"bill_city", "s", "Par"})
		form.Set("setdefault", "1")
		status, loc, body := c.postWithToken(page, page, form)
		if status != http.StatusSeeOther {
			t.Fatalf("got %d, want 303\n%s", status, body)
		}
		_, body = c.get("/m/Accounts") // the default filter now
		wantContains(t, "list with the new default", body, "Paris Patisserie", `selected>Paris only</option>`)
		if strings.Contains(body, "Berlin Bakery") {
			t.Errorf("%s: the edited filter still lists Berlin", loc)
		}
	})

	t.Run("only the owner or an admin", func(t *testing.T) {
		if _, err := me.users.CreateUser(ctx, userNamed("cv_bob")); err != nil {
			t.Fatal(err)
		}
		bob := newClient(t, me.ts)
		bob.login("cv_bob", "secret-password")
		page := "/m/Accounts/filters/" + strconv.Itoa(berlin) + "/edit"
		if resp, _ := bob.get(page); resp.StatusCode != http.StatusForbidden {
			t.Errorf("another user's filter: got %d, want 403", resp.StatusCode)
		}
		status, _, _ := bob.postWithToken("/m/Accounts", "/m/Accounts/filters/"+strconv.Itoa(berlin)+"/remove", url.Values{})
		if status != http.StatusForbidden {
			t.Errorf("deleting another user's filter: got %d, want 403", status)
		}
		// The built-in All (cvid 4) is nobody's, not even an admin's.
		if resp, body := c.get("/m/Accounts/filters/4/edit"); resp.StatusCode != http.StatusForbidden ||
			!strings.Contains(body, "built-in filter cannot be changed") {
			t.Errorf("editing All: got %d, want 403", resp.StatusCode)
		}
		status, _, _ = c.postWithToken("/m/Accounts", "/m/Accounts/filters/4/remove", url.Values{})
		if status != http.StatusForbidden {
			t.Errorf("deleting All: got %d, want 403", status)
		}
		if resp, _ := c.get("/m/Contacts/filters/" + strconv.Itoa(berlin) + "/edit"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("a filter under another module: got %d, want 404", resp.StatusCode)
		}
		// A non-admin's public filter waits for an administrator.
		form := filterPost("Bob's public", []string{"accountname"})
		form.Set("public", "1")
		status, loc, _ := bob.postWithToken("/m/Accounts/filters/new", "/m/Accounts/filters/new", form)
		m := viewLocRe.FindStringSubmatch(loc)
		if status != http.StatusSeeOther || m == nil {
			t.Fatalf("bob's filter: got %d to %q", status, loc)
		}
		_, body := bob.get("/m/Accounts/filters/" + m[1] + "/edit")
		wantContains(t, "pending filter", body, "Waiting for an administrator to make it public.")
		if _, owned := bob.get("/m/Accounts?viewname=" + m[1]); !strings.Contains(owned, "Edit filter") {
			t.Error("bob's list does not offer to edit his own filter")
		}
		if _, all := c.get("/m/Accounts?viewname=4"); strings.Contains(all, "Edit filter") {
			t.Error("the list offers to edit the built-in filter")
		}
	})

	t.Run("delete", func(t *testing.T) {
		status, loc, _ := c.postWithToken("/m/Accounts", "/m/Accounts/filters/"+strconv.Itoa(berlin)+"/remove", url.Values{})
		if status != http.StatusSeeOther || loc != "/m/Accounts" {
			t.Fatalf("got %d to %q, want 303 to /m/Accounts", status, loc)
		}
		if _, err := me.records.CustomView(ctx, berlin); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("deleted filter: got %v, want not found", err)
		}
		if resp, _ := c.get("/m/Accounts/filters/" + strconv.Itoa(berlin) + "/edit"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("deleted filter's form: got %d, want 404", resp.StatusCode)
		}
	})

	t.Run("in Traditional Chinese", func(t *testing.T) {
		if _, err := me.users.CreateUser(ctx, userNamed("cv_mei")); err != nil {
			t.Fatal(err)
		}
		mei := newClient(t, me.ts)
		mei.login("cv_mei", "secret-password")
		mei.postWithToken("/m/Accounts", "/settings/language", url.Values{"language": {"zh_tw"}, "next": {"/"}})
		_, body := mei.get("/m/Accounts/filters/new")
		wantContains(t, "zh_TW filter form", body, "新增篩選條件", "篩選條件名稱", "進階篩選", ">等於</option>", ">過去 7 天</option>")
		_, body = mei.get("/m/Accounts")
		wantContains(t, "zh_TW list", body, "快速新增", "為已選取的紀錄加標籤", "編輯已選取的紀錄")
	})

	t.Run("every module's filter form renders", func(t *testing.T) {
		for _, mod := range []string{"Contacts", "Leads", "HelpDesk", "Potentials", "Calendar", "Invoice", "ServiceContracts"} {
			if resp, body := c.get("/m/" + mod + "/filters/new"); resp.StatusCode != http.StatusOK {
				t.Errorf("%s: got %d, want 200\n%s", mod, resp.StatusCode, body)
			}
		}
	})
}
