package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// relatedOf lists the ids of a record's related records through rel.
func (me *moduleEnv) relatedOf(t *testing.T, module string, id int64, rel int) []int64 {
	t.Helper()
	page, err := me.records.FindRelated(context.Background(), me.admin, module, id, rel, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, r := range page.Records {
		out = append(out, r.ID)
	}
	return out
}

func TestDetailRelatedTabs(t *testing.T) {
	t.Parallel()
	me := newDetailEnv(t)
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading"})
	for i := range 12 {
		me.create(t, "Contacts", map[string]string{"lastname": fmt.Sprintf("Chan %02d", i), "account_id": itoa(acme.ID),
			"email": fmt.Sprintf("chan%02d@example.hk", i)})
	}
	me.create(t, "Contacts", map[string]string{"lastname": "<script>alert(1)</script>", "account_id": itoa(acme.ID)})
	contacts := me.relationID(t, "Accounts", "Contacts")
	potentials := me.relationID(t, "Accounts", "Potentials")
	c := me.adminClient(t)
	href := recordHref("Accounts", acme.ID)

	resp, body := c.get(href)
	wantStatus(t, "detail", resp.StatusCode, http.StatusOK, body)
	base := href + "/related/" + strconv.Itoa(contacts)
	wantContains(t, "first tab", body, `id="related"`, `aria-current="page" class="selected">Contacts</a>`,
		`>Potentials</a>`, `>Tickets</a>`, `href="`+base+`/new"`, "Contacts · 13",
		"&lt;script&gt;alert(1)&lt;/script&gt;", "Email", `href="mailto:chan11@example.hk"`,
		`action="`+base+`/unlink"`, "Page 1 of 2 · 13 records", `href="`+href+`?tab=`+strconv.Itoa(contacts)+`&amp;rpage=2#related"`)
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("a related record's name shows as markup")
	}
	if strings.Contains(body, base+"/link") {
		t.Error("Accounts' contacts list takes new contacts only, but offers linking")
	}
	if strings.Count(body, `<tr>`) != 11 { // the header and a page of ten
		t.Errorf("got %d table rows, want a header and 10 contacts", strings.Count(body, "<tr>"))
	}

	_, body = c.get(href + "?tab=" + strconv.Itoa(contacts) + "&rpage=2")
	wantContains(t, "second page", body, "Page 2 of 2 · 13 records", `rel="prev"`, "Chan 00")

	_, body = c.get(href + "?tab=" + strconv.Itoa(potentials))
	wantContains(t, "potentials tab", body, `aria-current="page" class="selected">Potentials</a>`, "No related records.")

	resp, body = c.get(href + "?tab=999999")
	wantStatus(t, "unknown tab", resp.StatusCode, http.StatusOK, body)
	wantContains(t, "unknown tab", body, `aria-current="page" class="selected">Contacts</a>`)

	// Every tab of the main modules shows its list.
	for module, vals := range map[string]map[string]string{
		"Contacts":   {"lastname": "Tab"},
		"Leads":      {"lastname": "Tab", "company": "Tab Ltd"},
		"HelpDesk":   {"ticket_title": "Tab", "ticketstatus": "Open"},
		"Potentials": {"potentialname": "Tab", "related_to": itoa(acme.ID), "closingdate": "2030-01-31", "sales_stage": "Prospecting"},
		"Campaigns":  {"campaignname": "Tab", "closingdate": "2030-01-31"},
		"Vendors":    {"vendorname": "Tab"},
		"Faq":        {"question": "Tab?", "faq_answer": "Yes.", "faqstatus": "Draft"},
	} {
		rec := me.create(t, module, vals)
		me.wantEveryTab(t, c, module, rec.ID)
	}
	me.wantEveryTab(t, c, "Accounts", acme.ID)

	// Line items are no links: a product's quotes can be neither linked
	// nor unlinked by hand.
	product := me.create(t, "Products", map[string]string{"productname": "Headset"})
	quotes := me.relationID(t, "Products", "Quotes")
	_, body = c.get(recordHref("Products", product.ID) + "?tab=" + strconv.Itoa(quotes))
	qbase := recordHref("Products", product.ID) + "/related/" + strconv.Itoa(quotes)
	if strings.Contains(body, qbase+"/link") || strings.Contains(body, qbase+"/unlink") {
		t.Error("a product's quotes offer link or unlink")
	}
}

func TestRelatedAdd(t *testing.T) {
	t.Parallel()
	me := newDetailEnv(t)
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading"})
	contacts := me.relationID(t, "Accounts", "Contacts")
	c := me.adminClient(t)
	base := recordHref("Accounts", acme.ID) + "/related/" + strconv.Itoa(contacts)

	t.Run("the form points back at the account", func(t *testing.T) {
		resp, body := c.get(base + "/new")
		wantStatus(t, "add form", resp.StatusCode, http.StatusOK, body)
		wantContains(t, "add form", body, `action="`+base+`/new"`, `name="account_id" value="`+itoa(acme.ID)+`"`,
			`value="Acme Trading"`, `href="`+recordHref("Accounts", acme.ID)+`?tab=`+strconv.Itoa(contacts)+`#related"`)
	})

	t.Run("validation error keeps the form", func(t *testing.T) {
		form := url.Values{"firstname": {"Siu Ming"}, "account_id": {itoa(acme.ID)}, "account_id-label": {"Acme Trading"},
			"assigned_user_id": {"1"}}
		status, _, body := c.postToken(base+"/new", form)
		wantStatus(t, "no last name", status, http.StatusBadRequest, body)
		wantContains(t, "form with error", body, "This field is required.", `value="Siu Ming"`, `action="`+base+`/new"`)
	})

	t.Run("saving returns to the tab", func(t *testing.T) {
		form := url.Values{"firstname": {"Siu Ming"}, "lastname": {"Wong"}, "account_id": {itoa(acme.ID)},
			"account_id-label": {"Acme Trading"}, "assigned_user_id": {"1"}}
		status, loc, body := c.postToken(base+"/new", form)
		want := recordHref("Accounts", acme.ID) + "?tab=" + strconv.Itoa(contacts) + "#related"
		if status != http.StatusSeeOther || loc != want {
			t.Fatalf("got %d to %q, want 303 to %q\n%s", status, loc, want, body)
		}
		if got := me.relatedOf(t, "Accounts", acme.ID, contacts); len(got) != 1 {
			t.Fatalf("account has contacts %v, want the new one", got)
		}
		_, body = c.get(want)
		wantContains(t, "tab after add", body, "Siu Ming Wong")
	})

	t.Run("a link table is written too", func(t *testing.T) {
		con := me.create(t, "Contacts", map[string]string{"lastname": "Lee"})
		rel := me.relationID(t, "Contacts", "Potentials")
		pbase := recordHref("Contacts", con.ID) + "/related/" + strconv.Itoa(rel)
		_, body := c.get(pbase + "/new")
		wantContains(t, "potential form", body, `name="related_to" value="`+itoa(con.ID)+`"`)
		form := url.Values{"potentialname": {"Headsets for 40 seats"}, "related_to": {itoa(con.ID)}, "related_to-label": {"Lee"},
			"closingdate": {"2030-01-31"}, "sales_stage": {"Prospecting"}, "assigned_user_id": {"1"}}
		status, _, body := c.postToken(pbase+"/new", form)
		wantStatus(t, "add potential", status, http.StatusSeeOther, body)
		if n := dbValue[int](t, me.db, `SELECT COUNT(*) FROM vtiger_contpotentialrel WHERE contactid = ?`, con.ID); n != 1 {
			t.Errorf("got %d vtiger_contpotentialrel rows for the contact, want 1", n)
		}
	})

	t.Run("an activity is linked in vtiger_seactivityrel", func(t *testing.T) {
		rel := me.relationID(t, "Accounts", "Calendar")
		abase := recordHref("Accounts", acme.ID) + "/related/" + strconv.Itoa(rel)
		resp, body := c.get(abase + "/new")
		wantStatus(t, "task form", resp.StatusCode, http.StatusOK, body)
		form := url.Values{"subject": {"Call back"}, "date_start": {"2030-01-31T10:00"}, "time_start": {"10:00"},
			"due_date": {"2030-01-31"}, "taskstatus": {"Not Started"}, "assigned_user_id": {"1"}}
		status, _, body := c.postToken(abase+"/new", form)
		wantStatus(t, "add task", status, http.StatusSeeOther, body)
		if n := dbValue[int](t, me.db, `SELECT COUNT(*) FROM vtiger_seactivityrel WHERE crmid = ?`, acme.ID); n != 1 {
			t.Errorf("got %d vtiger_seactivityrel rows for the account, want 1", n)
		}
	})

	t.Run("refusals", func(t *testing.T) {
		c.noCSRF(t, base+"/new", url.Values{"lastname": {"Nobody"}})
		products := me.relationID(t, "Accounts", "Products")
		resp, _ := c.get(recordHref("Accounts", acme.ID) + "/related/" + strconv.Itoa(products) + "/new")
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("add to a select-only list: got %d, want 400", resp.StatusCode)
		}
		for _, path := range []string{recordHref("Accounts", acme.ID) + "/related/999999/new", recordHref("Accounts", 999999) + "/related/" + strconv.Itoa(contacts) + "/new"} {
			if resp, _ := c.get(path); resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: got %d, want 404", path, resp.StatusCode)
			}
		}
		me.exec(t, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 6`) // accounts private
		u := me.userClient(t, "agent_add")
		if resp, _ := u.get(base + "/new"); resp.StatusCode != http.StatusForbidden {
			t.Errorf("another's private account: got %d, want 403", resp.StatusCode)
		}
		me.exec(t, `UPDATE vtiger_def_org_share SET permission = 2 WHERE tabid = 6`)
	})
}

func TestRelatedLinkUnlink(t *testing.T) {
	t.Parallel()
	me := newDetailEnv(t)
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading"})
	headset := me.create(t, "Products", map[string]string{"productname": "Headset"})
	cable1 := me.create(t, "Products", map[string]string{"productname": "Cable"})
	me.create(t, "Products", map[string]string{"productname": "Cable"})
	products := me.relationID(t, "Accounts", "Products")
	c := me.adminClient(t)
	href := recordHref("Accounts", acme.ID)
	base := href + "/related/" + strconv.Itoa(products)
	back := href + "?tab=" + strconv.Itoa(products) + "#related"

	_, body := c.get(href + "?tab=" + strconv.Itoa(products))
	wantContains(t, "products tab", body, `action="`+base+`/link"`, `data-ref-modules="Products"`, "No related records.")

	t.Run("link by typed name", func(t *testing.T) {
		status, loc, body := c.postToken(base+"/link", url.Values{"related_label": {"Headset"}})
		if status != http.StatusSeeOther || loc != back {
			t.Fatalf("got %d to %q, want 303 to %q\n%s", status, loc, back, body)
		}
		if got := me.relatedOf(t, "Accounts", acme.ID, products); !slices.Equal(got, []int64{headset.ID}) {
			t.Errorf("linked products: got %v, want the headset", got)
		}
	})

	t.Run("link by picked id", func(t *testing.T) {
		status, _, body := c.postToken(base+"/link", url.Values{"related_id": {itoa(cable1.ID)}, "related_label": {"Cable"}})
		wantStatus(t, "link cable", status, http.StatusSeeOther, body)
		if got := me.relatedOf(t, "Accounts", acme.ID, products); !slices.Contains(got, cable1.ID) {
			t.Errorf("linked products: got %v, want the picked cable", got)
		}
		_, body = c.get(back)
		wantContains(t, "tab", body, "Headset", "Cable", `action="`+base+`/unlink"`, `name="related_id" value="`+itoa(cable1.ID)+`"`)
	})

	t.Run("names that match none or several", func(t *testing.T) {
		for label, want := range map[string]string{"Cable": "Several records have this name", "Speaker": "No record has this name.",
			"": "Type the name of a record to link."} {
			status, _, body := c.postToken(base+"/link", url.Values{"related_label": {label}})
			wantStatus(t, "link "+label, status, http.StatusBadRequest, body)
			wantContains(t, "link "+label, body, want, `value="`+label+`"`, `aria-invalid="true"`, `class="selected">Products</a>`)
		}
	})

	t.Run("unlink", func(t *testing.T) {
		status, loc, body := c.postToken(base+"/unlink", url.Values{"related_id": {itoa(cable1.ID)}})
		if status != http.StatusSeeOther || loc != back {
			t.Fatalf("got %d to %q, want 303 to %q\n%s", status, loc, back, body)
		}
		if got := me.relatedOf(t, "Accounts", acme.ID, products); !slices.Equal(got, []int64{headset.ID}) {
			t.Errorf("after unlink: got %v, want only the headset", got)
		}
		status, _, body = c.postToken(base+"/unlink", url.Values{"related_id": {"x"}})
		wantStatus(t, "unlink without an id", status, http.StatusBadRequest, body)
	})

	t.Run("refusals", func(t *testing.T) {
		c.noCSRF(t, base+"/link", url.Values{"related_label": {"Headset"}})
		c.noCSRF(t, base+"/unlink", url.Values{"related_id": {itoa(headset.ID)}})
		contacts := me.relationID(t, "Accounts", "Contacts")
		status, _, body := c.postToken(href+"/related/"+strconv.Itoa(contacts)+"/link", url.Values{"related_label": {"Headset"}})
		wantStatus(t, "link to an add-only list", status, http.StatusBadRequest, body)
		status, _, body = c.postToken(recordHref("Accounts", 999999)+"/related/"+strconv.Itoa(products)+"/link", url.Values{"related_label": {"Headset"}})
		wantStatus(t, "link on a missing record", status, http.StatusNotFound, body)
		status, _, body = c.postToken(href+"/related/999999/unlink", url.Values{"related_id": {itoa(headset.ID)}})
		wantStatus(t, "unknown list", status, http.StatusNotFound, body)

		// Organisation-wide read only: others may see the account, not link to it.
		me.exec(t, `UPDATE vtiger_def_org_share SET permission = 0 WHERE tabid = 6`)
		defer me.exec(t, `UPDATE vtiger_def_org_share SET permission = 2 WHERE tabid = 6`)
		u := me.userClient(t, "agent_link")
		_, body = u.get(back)
		wantContains(t, "read-only tab", body, "Headset")
		if strings.Contains(body, base+"/link") || strings.Contains(body, base+"/unlink") {
			t.Error("a read-only user is offered link or unlink")
		}
		status, _, body = u.postToken(base+"/link", url.Values{"related_id": {itoa(cable1.ID)}})
		wantStatus(t, "read-only link", status, http.StatusForbidden, body)
		status, _, body = u.postToken(base+"/unlink", url.Values{"related_id": {itoa(headset.ID)}})
		wantStatus(t, "read-only unlink", status, http.StatusForbidden, body)
		if got := me.relatedOf(t, "Accounts", acme.ID, products); !slices.Equal(got, []int64{headset.ID}) {
			t.Errorf("after refused changes: got %v, want only the headset", got)
		}
	})
}

// wantEveryTab opens each related list of a record and checks it shows.
func (me *moduleEnv) wantEveryTab(t *testing.T, c *client, module string, id int64) {
	t.Helper()
	rels, err := me.records.Relations(context.Background(), module)
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range rels {
		if rel.RelatedModule == "" {
			continue
		}
		path := recordHref(module, id) + "?tab=" + strconv.Itoa(rel.ID)
		resp, body := c.get(path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s (%s): got %d, want 200", path, rel.Label, resp.StatusCode)
			continue
		}
		wantContains(t, module+" tab "+rel.Label, body, `data-relation="`+strconv.Itoa(rel.ID)+`"`)
		if strings.Contains(body, "This list cannot be shown.") {
			t.Errorf("%s tab %s (%s): the list cannot be shown", module, rel.Label, rel.RelatedModule)
		}
	}
}
