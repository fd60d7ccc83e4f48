package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestOwnerGroups checks the assigned-to picker: a group chosen with the
// user-or-group radio becomes the record's owner (smownerid), and list,
// detail and the edit form name the group.
func TestOwnerGroups(t *testing.T) {
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	groups, err := me.records.FindGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	support := ""
	for _, g := range groups {
		if g.Name == "Support Group" {
			support = itoa(g.ID)
		}
	}
	if support == "" {
		t.Fatalf("no Support Group among %v", groups)
	}
	c := me.adminClient(t)

	t.Run("the picker offers users and groups", func(t *testing.T) {
		_, body := c.get("/m/Accounts/new")
		wantContains(t, "new account form", body, `name="assigned_user_id-type" value="U" data-owner-for="assigned_user_id" checked`,
			`name="assigned_user_id-type" value="T"`, `<select id="f-assigned_user_id-group" name="assigned_user_id-group"`,
			`<option value="`+support+`">Support Group</option>`, `<option value="1" selected>Administrator</option>`)
	})

	var id string
	t.Run("a group owner is saved and shown", func(t *testing.T) {
		form := url.Values{"accountname": {"Group Owned Ltd"}, "assigned_user_id": {"1"},
			"assigned_user_id-type": {"T"}, "assigned_user_id-group": {support}}
		status, loc, body := c.postWithToken("/m/Accounts/new", "/m/Accounts/new", form)
		m := locationIDRe.FindStringSubmatch(loc)
		if status != http.StatusSeeOther || m == nil {
			t.Fatalf("got %d to %q, want 303 to the account\n%s", status, loc, body)
		}
		id = m[1]
		rec, err := me.records.FindRecordByID(ctx, "Accounts", mustInt(t, id))
		if err != nil {
			t.Fatal(err)
		}
		if rec.OwnerID != mustInt(t, support) || rec.Values["assigned_user_id"] != support {
			t.Errorf("owner: got %d (%s), want the group %s", rec.OwnerID, rec.Values["assigned_user_id"], support)
		}
		_, body = c.get(loc)
		wantContains(t, "detail", body, "Support Group")
		_, body = c.get("/m/Accounts")
		wantContains(t, "list", body, "Support Group")
		if strings.Contains(body, "Group "+support) {
			t.Error("the list shows the group's id, not its name")
		}
		_, body = c.get(loc + "/edit")
		wantContains(t, "edit form", body, `name="assigned_user_id-type" value="T" data-owner-for="assigned_user_id" checked`,
			`<option value="`+support+`" selected>Support Group</option>`)
	})

	t.Run("back to a user", func(t *testing.T) {
		page := "/m/Accounts/" + id + "/edit"
		form := url.Values{"accountname": {"Group Owned Ltd"}, "assigned_user_id": {"1"},
			"assigned_user_id-type": {"U"}, "assigned_user_id-group": {support}}
		if status, _, body := c.postWithToken(page, page, form); status != http.StatusSeeOther {
			t.Fatalf("got %d, want 303\n%s", status, body)
		}
		rec, _ := me.records.FindRecordByID(ctx, "Accounts", mustInt(t, id))
		if rec.OwnerID != 1 {
			t.Errorf("owner: got %d, want the admin (1)", rec.OwnerID)
		}
	})

	t.Run("errors", func(t *testing.T) {
		form := url.Values{"accountname": {"No Group Ltd"}, "assigned_user_id": {"1"}, "assigned_user_id-type": {"T"}}
		status, _, body := c.postWithToken("/m/Accounts/new", "/m/Accounts/new", form)
		if status != http.StatusBadRequest || !strings.Contains(body, "Choose a group.") {
			t.Errorf("group type without a group: got %d, want 400 with Choose a group.", status)
		}
		wantContains(t, "form kept", body, `value="No Group Ltd"`)
		form.Set("assigned_user_id-group", "987654")
		status, _, body = c.postWithToken("/m/Accounts/new", "/m/Accounts/new", form)
		if status != http.StatusBadRequest || !strings.Contains(body, "Choose an active user or a group.") {
			t.Errorf("unknown group: got %d, want 400 with the owner's error", status)
		}
	})
}
