package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// convertForm is a filled Convert Lead form making all three records.
func convertForm() url.Values {
	return url.Values{
		"create_account": {"1"}, "accountname": {"Lee Imports"}, "industry": {"Banking"},
		"create_contact": {"1"}, "firstname": {"Annie"}, "lastname": {"Lee"}, "email": {"annie@lee.example"},
		"create_potential": {"1"}, "potentialname": {"Lee deal"}, "closingdate": {"2030-01-31"},
		"sales_stage": {"Prospecting"}, "amount": {"1500"},
		"assigned_user_id": {"1"}, "transfer_to": {"Contacts"},
	}
}

func TestConvertLeadPage(t *testing.T) {
	me := newDetailEnv(t)
	c := me.adminClient(t)
	lead := me.create(t, "Leads", map[string]string{"firstname": "Ann", "lastname": "Lee", "company": "Lee Imports",
		"email": "ann@lee.example"})
	leadHref := "/m/Leads/" + itoa(lead.ID)
	action := leadHref + "/convert"

	_, body := c.get(leadHref)
	wantContains(t, "lead page", body, `href="`+action+`"`, "Convert Lead")
	if _, body := c.get("/m/Accounts"); strings.Contains(body, "Convert Lead") {
		t.Errorf("a list page offers Convert Lead")
	}

	resp, body := c.get(action)
	wantStatus(t, "GET convert", resp.StatusCode, http.StatusOK, body)
	wantContains(t, "convert form", body, `name="create_account" value="1" checked`, `name="create_contact" value="1" checked`,
		`value="Lee Imports"`, `value="ann@lee.example"`, `value="Ann"`, `name="transfer_to" value="Contacts" checked`)
	if strings.Contains(body, `name="create_potential" value="1" checked`) {
		t.Errorf("the potential is chosen before the user chose it")
	}

	t.Run("csrf", func(t *testing.T) {
		c.noCSRF(t, action, convertForm())
	})

	t.Run("mandatory fields of a chosen section", func(t *testing.T) {
		form := convertForm()
		form.Set("potentialname", "")
		form.Set("closingdate", "")
		status, _, body := c.postToken(action, form)
		wantStatus(t, "POST without potential name", status, http.StatusBadRequest, body)
		wantContains(t, "refused form", body, `id="e-potentialname"`, `id="e-closingdate"`, `value="Annie"`,
			`name="create_potential" value="1" checked`, "This field is required.")
	})

	t.Run("bad value from the engine", func(t *testing.T) {
		form := convertForm()
		form.Set("amount", "lots")
		status, _, body := c.postToken(action, form)
		wantStatus(t, "POST bad amount", status, http.StatusBadRequest, body)
		wantContains(t, "refused form", body, `id="e-amount"`, "This is not a number.", `value="lots"`)
	})

	t.Run("nothing chosen", func(t *testing.T) {
		form := convertForm()
		form.Del("create_account")
		form.Del("create_contact")
		status, _, body := c.postToken(action, form)
		wantStatus(t, "POST nothing chosen", status, http.StatusBadRequest, body)
		wantContains(t, "refused form", body, `id="e-entities"`, "A potential cannot be made alone")
	})

	var n int
	if err := me.db.GetContext(context.Background(), &n, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype IN ('Accounts', 'Contacts', 'Potentials')`); err != nil || n != 0 {
		t.Fatalf("refused forms made %d records (%v)", n, err)
	}

	status, loc, body := c.postToken(action, convertForm())
	wantStatus(t, "POST convert", status, http.StatusSeeOther, body)
	m := regexp.MustCompile(`^/m/Contacts/(\d+)\?converted=` + itoa(lead.ID) + `$`).FindStringSubmatch(loc)
	if m == nil {
		t.Fatalf("got Location %q, want the new contact with a notice", loc)
	}
	_, body = c.get(loc)
	wantContains(t, "contact page", body, "Lead converted:", `href="`+leadHref+`"`, "Annie", "annie@lee.example")

	_, body = c.get(leadHref)
	if strings.Contains(body, `href="`+action+`"`) {
		t.Errorf("a converted lead still offers Convert Lead")
	}
	if _, body := c.get("/m/Leads"); strings.Contains(body, leadHref+`"`) {
		t.Errorf("the leads list shows the converted lead")
	}
	resp, body = c.get(action)
	wantStatus(t, "GET convert of a converted lead", resp.StatusCode, http.StatusBadRequest, body)
	// A notice is only for a lead that was converted.
	other := me.create(t, "Leads", map[string]string{"lastname": "Other", "company": "Other Co"})
	if _, body := c.get("/m/Contacts/" + m[1] + "?converted=" + itoa(other.ID)); strings.Contains(body, "Lead converted:") {
		t.Errorf("a notice names a lead that was not converted")
	}
}
