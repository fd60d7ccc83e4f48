package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestMassEditAndTag(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	a := me.create(t, "Accounts", map[string]string{"accountname": "Harbour Foods", "bill_city": "Kowloon"})
	b := me.create(t, "Accounts", map[string]string{"accountname": "Peak Traders", "bill_city": "Central"})
	gone := me.create(t, "Accounts", map[string]string{"accountname": "Gone Ltd", "bill_city": "Sha Tin"})
	if err := me.records.DeleteRecord(ctx, me.admin, "Accounts", gone.ID); err != nil {
		t.Fatal(err)
	}
	c := me.adminClient(t)
	ids := []string{itoa(a.ID), itoa(b.ID)}
	city := func(id int64) string {
		t.Helper()
		rec, err := me.records.FindRecordByID(ctx, "Accounts", id)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Values["bill_city"]
	}

	t.Run("list offers the mass actions", func(t *testing.T) {
		_, body := c.get("/m/Accounts")
		wantContains(t, "list", body, `formaction="/m/Accounts/masstag"`, `formaction="/m/Accounts/massedit"`,
			`name="tags"`, `name="return" value="/m/Accounts"`, `data-select-all`)
		if strings.Index(body, `formaction="/m/Accounts/masstag"`) > strings.Index(body, `formaction="/m/Accounts/delete"`) {
			t.Error("the delete button comes before the tag button: Enter in the tag box would delete")
		}
	})

	t.Run("form of the mass-editable fields", func(t *testing.T) {
		status, _, body := c.postWithToken("/m/Accounts", "/m/Accounts/massedit", url.Values{"id": ids, "return": {"/m/Accounts?page=1"}})
		if status != http.StatusOK {
			t.Fatalf("got %d, want 200\n%s", status, body)
		}
		wantContains(t, "mass edit form", body, "Edit 2 records", `name="pick" value="bill_city"`, `id="f-bill_city"`,
			`name="id" value="`+ids[0]+`"`, `name="id" value="`+ids[1]+`"`, `name="apply" value="1"`)
		// vtiger marks the account name and number not mass-editable.
		if strings.Contains(body, `id="f-accountname"`) || strings.Contains(body, `id="f-account_no"`) {
			t.Error("the mass edit form offers a field vtiger marks not mass-editable")
		}
	})

	t.Run("nothing ticked", func(t *testing.T) {
		form := url.Values{"id": ids, "apply": {"1"}, "bill_city": {"Mong Kok"}, "assigned_user_id": {"1"}}
		status, _, body := c.postWithToken("/m/Accounts", "/m/Accounts/massedit", form)
		if status != http.StatusBadRequest || !strings.Contains(body, "Tick at least one field to change.") {
			t.Errorf("got %d, want 400 asking to tick a field", status)
		}
		wantContains(t, "form kept", body, `value="Mong Kok"`)
	})

	t.Run("a bad value changes no record", func(t *testing.T) {
		form := url.Values{"id": ids, "apply": {"1"}, "pick": {"email1", "bill_city"}, "email1": {"not-an-email"},
			"bill_city": {"Tsuen Wan"}, "assigned_user_id": {"1"}}
		status, _, body := c.postWithToken("/m/Accounts", "/m/Accounts/massedit", form)
		if status != http.StatusBadRequest {
			t.Fatalf("got %d, want 400", status)
		}
		wantContains(t, "invalid mass edit", body, "This is not an email address.", `value="not-an-email"`,
			`value="Tsuen Wan"`, `data-pick="email1" aria-label="Change Email" checked>`)
		if got := city(a.ID); got != "Kowloon" {
			t.Errorf("bill_city: got %q, want Kowloon unchanged (one record half-written)", got)
		}
	})

	t.Run("one bad record", func(t *testing.T) {
		form := url.Values{"id": append(slices.Clone(ids), itoa(gone.ID)), "apply": {"1"}, "pick": {"bill_city"},
			"bill_city": {"Tsim Sha Tsui"}, "assigned_user_id": {"1"}, "return": {"/m/Accounts"}}
		status, _, body := c.postWithToken("/m/Accounts", "/m/Accounts/massedit", form)
		if status != http.StatusOK {
			t.Fatalf("got %d, want 200 with the failure\n%s", status, body)
		}
		wantContains(t, "partial mass edit", body, "2 records updated.", "These records were not changed:",
			"#"+itoa(gone.ID)+": This record no longer exists.", `name="id" value="`+itoa(gone.ID)+`"`)
		if strings.Contains(body, `name="id" value="`+ids[0]+`"`) {
			t.Error("the form still holds a record that was updated")
		}
		for _, id := range []int64{a.ID, b.ID} {
			if got := city(id); got != "Tsim Sha Tsui" {
				t.Errorf("record %d: got bill_city %q, want Tsim Sha Tsui", id, got)
			}
		}
	})

	t.Run("all good goes back to the list", func(t *testing.T) {
		form := url.Values{"id": ids, "apply": {"1"}, "pick": {"bill_city"}, "bill_city": {"Wan Chai"},
			"assigned_user_id": {"1"}, "return": {"/m/Accounts?sort=accountname&dir=asc&deleted=3"}}
		status, loc, _ := c.postWithToken("/m/Accounts", "/m/Accounts/massedit", form)
		if status != http.StatusSeeOther || loc != "/m/Accounts?dir=asc&sort=accountname&updated=2" {
			t.Fatalf("got %d to %q, want 303 back to the sorted list", status, loc)
		}
		_, body := c.get(loc)
		wantContains(t, "list after mass edit", body, "2 records updated.", "Wan Chai")
	})

	t.Run("mass tag", func(t *testing.T) {
		form := url.Values{"id": append(slices.Clone(ids), itoa(gone.ID)), "tags": {"vip 旺角"}, "return": {"//evil.example/"}}
		status, loc, _ := c.postWithToken("/m/Accounts", "/m/Accounts/masstag", form)
		want := "/m/Accounts?tag=vip+%E6%97%BA%E8%A7%92&tagged=2&untagged=1"
		if status != http.StatusSeeOther || loc != want {
			t.Fatalf("got %d to %q, want 303 to %s", status, loc, want)
		}
		for _, id := range []int64{a.ID, b.ID} {
			tags, err := me.records.RecordTags(ctx, me.admin, id)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tags, []string{"vip", "旺角"}) {
				t.Errorf("record %d: got tags %q, want vip and 旺角", id, tags)
			}
		}
		_, body := c.get(loc)
		wantContains(t, "list after tagging", body, "2 records tagged vip 旺角.", "1 records could not be tagged")
		status, _, body = c.postWithToken("/m/Accounts", "/m/Accounts/masstag", url.Values{"id": ids, "tags": {"  "}})
		if status != http.StatusBadRequest || !strings.Contains(body, "Type a tag") {
			t.Errorf("no tag: got %d, want 400 asking for a tag", status)
		}
		status, _, _ = c.postWithToken("/m/Accounts", "/m/Accounts/masstag", url.Values{"tags": {"vip"}})
		if status != http.StatusBadRequest {
			t.Errorf("no record: got %d, want 400", status)
		}
	})
}
