package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestInlineEdit(t *testing.T) {
	t.Parallel()
	me := newDetailEnv(t)
	ctx := context.Background()
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading", "bill_city": "Kowloon", "email1": "info@acme.hk"})
	other := me.create(t, "Accounts", map[string]string{"accountname": "Other Ltd"})
	con := me.create(t, "Contacts", map[string]string{"lastname": "Chan", "account_id": itoa(acme.ID), "email": "chan@acme.hk"})
	c := me.adminClient(t)
	href := recordHref("Accounts", acme.ID)

	t.Run("the page offers editable fields", func(t *testing.T) {
		_, body := c.get(href)
		wantContains(t, "detail", body, `data-inline="`+href+`/inline?field=email1"`, `href="`+href+`/edit#f-email1"`,
			`<dd class="editable">`, `aria-label="Edit Email"`, "/static/detail.js")
		if strings.Contains(body, `data-inline="`+href+`/inline?field=account_no"`) {
			t.Error("the record number is offered for inline editing")
		}
	})

	t.Run("the input of the field's kind", func(t *testing.T) {
		resp, body := c.get(href + "/inline?field=email1")
		wantStatus(t, "inline form", resp.StatusCode, http.StatusOK, body)
		wantContains(t, "inline form", body, `<form class="inlineedit"`, `action="`+href+`/inline?field=email1"`, `type="email"`,
			`value="info@acme.hk"`, `name="csrf_token"`)
		if strings.Contains(body, "<html") {
			t.Error("the inline form comes with the page layout")
		}
		_, body = c.get(href + "/inline?field=industry")
		wantContains(t, "picklist", body, `<select id="f-industry" name="industry"`, ">Banking</option>")
		_, body = c.get(recordHref("Contacts", con.ID) + "/inline?field=account_id")
		wantContains(t, "reference", body, `data-ref-for="account_id"`, `value="Acme Trading"`)
	})

	t.Run("a validation error comes back beside the field", func(t *testing.T) {
		status, _, body := c.postToken(href+"/inline?field=email1", url.Values{"email1": {"not-an-email"}})
		wantStatus(t, "bad email", status, http.StatusBadRequest, body)
		wantContains(t, "bad email", body, "This is not an email address.", `value="not-an-email"`, `aria-invalid="true"`)
		status, _, body = c.postToken(href+"/inline?field=accountname", url.Values{"accountname": {" "}})
		wantStatus(t, "emptied name", status, http.StatusBadRequest, body)
		wantContains(t, "emptied name", body, "This field is required.")
		status, _, body = c.postToken(recordHref("Contacts", con.ID)+"/inline?field=account_id", url.Values{"account_id-label": {"Nobody Ltd"}})
		wantStatus(t, "unknown account", status, http.StatusBadRequest, body)
		wantContains(t, "unknown account", body, "No record has this name.", `value="Nobody Ltd"`)
	})

	t.Run("saving changes that field only", func(t *testing.T) {
		status, _, body := c.postToken(href+"/inline?field=email1", url.Values{"email1": {"sales@acme.hk"}})
		wantStatus(t, "save email", status, http.StatusOK, body)
		wantContains(t, "saved value", body, `<a href="mailto:sales@acme.hk">sales@acme.hk</a>`, `data-inline="`+href+`/inline?field=email1"`)
		rec, err := me.records.FindRecordByID(ctx, "Accounts", acme.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Values["email1"] != "sales@acme.hk" || rec.Values["bill_city"] != "Kowloon" || rec.Values["accountname"] != "Acme Trading" {
			t.Errorf("after inline save: got %v", rec.Values)
		}
		// A contact's email, inline: its account stays.
		status, _, body = c.postToken(recordHref("Contacts", con.ID)+"/inline?field=email", url.Values{"email": {"mei@acme.hk"}})
		wantStatus(t, "contact email", status, http.StatusOK, body)
		status, _, body = c.postToken(recordHref("Contacts", con.ID)+"/inline?field=account_id",
			url.Values{"account_id": {itoa(other.ID)}, "account_id-label": {"Other Ltd"}})
		wantStatus(t, "contact account", status, http.StatusOK, body)
		wantContains(t, "saved reference", body, `<a href="`+recordHref("Accounts", other.ID)+`">Other Ltd</a>`)
		crec, err := me.records.FindRecordByID(ctx, "Contacts", con.ID)
		if err != nil {
			t.Fatal(err)
		}
		if crec.Values["email"] != "mei@acme.hk" || crec.Values["account_id"] != itoa(other.ID) || crec.Values["lastname"] != "Chan" {
			t.Errorf("contact after inline saves: got %v", crec.Values)
		}
		status, _, body = c.postToken(href+"/inline?field=industry", url.Values{"industry": {"Banking"}})
		wantStatus(t, "picklist", status, http.StatusOK, body)
		wantContains(t, "picklist", body, "Banking")

		// The owner, and a checkbox left unticked.
		agent, err := me.users.CreateUser(ctx, userNamed("agent_owner"))
		if err != nil {
			t.Fatal(err)
		}
		_, body = c.get(href + "/inline?field=assigned_user_id")
		wantContains(t, "owner form", body, `name="assigned_user_id"`, "agent_owner")
		status, _, body = c.postToken(href+"/inline?field=assigned_user_id", url.Values{"assigned_user_id": {itoa(agent.ID)}})
		wantStatus(t, "owner", status, http.StatusOK, body)
		wantContains(t, "owner", body, "agent_owner")
		_, body = c.get(href + "/inline?field=emailoptout")
		wantContains(t, "checkbox form", body, `type="checkbox" id="f-emailoptout" name="emailoptout"`)
		status, _, body = c.postToken(href+"/inline?field=emailoptout", url.Values{})
		wantStatus(t, "checkbox", status, http.StatusOK, body)
		wantContains(t, "checkbox", body, ">No</span>")
		rec, err = me.records.FindRecordByID(ctx, "Accounts", acme.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.OwnerID != agent.ID || rec.Values["emailoptout"] != "0" || rec.Values["email1"] != "sales@acme.hk" {
			t.Errorf("after owner and checkbox: owner %d, values %v", rec.OwnerID, rec.Values)
		}
	})

	t.Run("refusals", func(t *testing.T) {
		c.noCSRF(t, href+"/inline?field=email1", url.Values{"email1": {"x@acme.hk"}})
		for _, path := range []string{href + "/inline?field=account_no", href + "/inline?field=nosuchfield", recordHref("Accounts", 999999) + "/inline?field=email1"} {
			if resp, _ := c.get(path); resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: got %d, want 404", path, resp.StatusCode)
			}
		}
		status, _, body := c.postToken(href+"/inline?field=account_no", url.Values{"account_no": {"ACC99"}})
		wantStatus(t, "record number", status, http.StatusNotFound, body)

		me.exec(t, `UPDATE vtiger_def_org_share SET permission = 0 WHERE tabid = 6`) // accounts read only
		defer me.exec(t, `UPDATE vtiger_def_org_share SET permission = 2 WHERE tabid = 6`)
		u := me.userClient(t, "agent_inline")
		_, body = u.get(href)
		wantContains(t, "read-only detail", body, "Acme Trading")
		if strings.Contains(body, "data-inline=") {
			t.Error("a read-only user is offered inline editing")
		}
		if resp, _ := u.get(href + "/inline?field=email1"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("read-only inline form: got %d, want 403", resp.StatusCode)
		}
		status, _, body = u.postToken(href+"/inline?field=email1", url.Values{"email1": {"x@acme.hk"}})
		wantStatus(t, "read-only inline save", status, http.StatusForbidden, body)
		rec, err := me.records.FindRecordByID(ctx, "Accounts", acme.ID)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Values["email1"] != "sales@acme.hk" {
			t.Errorf("after refused saves: email1 %q, want sales@acme.hk", rec.Values["email1"])
		}
	})
}
