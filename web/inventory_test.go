package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
)

// newInventoryEnv is newModuleEnv with the inventory service, so the
// forms and pages of quotes, orders and invoices have line items.
func newInventoryEnv(t *testing.T) *moduleEnv {
	t.Helper()
	return newModuleEnvWith(t, func(me *moduleEnv, d *Deps) {
		d.Access = mysql.NewAccessService(me.db)
		d.Inventory = mysql.NewInventoryService(me.records)
	})
}

// quoteForm is a new quote's form with two lines: the worked example of
// crm's TestComputeTotals (group mode, both discount kinds, S&H taxes and
// a deduction), total 376.57. The second item is given by name only, as
// a browser without script posts it.
func quoteForm(headset int64) url.Values {
	return url.Values{
		"subject": {"Call center refit"}, "quotestage": {"Created"}, "account_id-label": {"Kowloon Bay Logistics"},
		"bill_street": {"1 Wang Chiu Rd"}, "ship_street": {"1 Wang Chiu Rd"}, "assigned_user_id": {"1"},
		"inv-currency": {"1"}, "inv-taxtype": {"group"}, "inv-line": {"1", "2"},
		"inv-1-product": {itoa(headset)}, "inv-1-product-label": {"Headset H200"}, "inv-1-qty": {"3"},
		"inv-1-price": {"19.99"}, "inv-1-disctype": {"percent"}, "inv-1-discount": {"10"}, "inv-1-comment": {"Grey <b>cushions</b>"},
		"inv-2-product-label": {"On-site setup"}, "inv-2-qty": {"2"}, "inv-2-price": {"125.50"},
		"inv-2-disctype": {"amount"}, "inv-2-discount": {"11"},
		"inv-disctype": {"percent"}, "inv-discount": {"5"},
		"inv-grouptax-1": {"4.5"}, "inv-grouptax-2": {"10"}, "inv-grouptax-3": {"12.5"},
		"inv-shipping": {"20"}, "inv-shtax-1": {"4.5"}, "inv-shtax-2": {"10"}, "inv-shtax-3": {"12.5"},
		"inv-adjustment": {"-3.50"},
		"hdnGrandTotal":  {"1"}, // not a form field: never trusted
	}
}

// TestInventoryQuoteForm creates a quote with two lines through the form,
// reads the totals back on its detail page, fixes nothing lost after a
// failed save, and edits it.
func TestInventoryQuoteForm(t *testing.T) {
	me := newInventoryEnv(t)
	me.create(t, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics"})
	headset := me.create(t, "Products", map[string]string{"productname": "Headset H200", "unit_price": "59.90", "qtyinstock": "40"})
	me.create(t, "Services", map[string]string{"servicename": "On-site setup", "unit_price": "120"})
	c := me.adminClient(t)

	for _, module := range []string{"Quotes", "SalesOrder", "Invoice", "PurchaseOrder"} {
		resp, body := c.get("/m/" + module + "/new")
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `data-lineitems`) {
			t.Errorf("new %s form: got %d, want 200 with line items", module, resp.StatusCode)
		}
	}
	_, body := c.get("/m/Quotes/new")
	wantContains(t, "new quote form", body, "Item Details", `name="inv-line" value="1"`, `data-li-blank`,
		`name="inv-grouptax-2" value="10"`, `name="inv-shtax-3" value="12.5"`, "lineitems.js")

	form := quoteForm(headset.ID)
	form.Set("inv-2-qty", "0")
	form.Del("subject")
	status, _, body := c.postWithToken("/m/Quotes/new", "/m/Quotes/new", form)
	if status != http.StatusBadRequest {
		t.Fatalf("invalid quote: got %d, want 400\n%s", status, body)
	}
	wantContains(t, "form after a failed save", body, "Quantity must be more than 0.", `<tr class="lineitem invalid" data-li-row="2">`,
		`value="On-site setup"`, `value="Headset H200"`, `Grey &lt;b&gt;cushions&lt;/b&gt;</textarea>`, `name="inv-adjustment" value="-3.50"`,
		`value="Kowloon Bay Logistics"`)
	if !strings.Contains(body, `id="e-subject"`) {
		t.Error("the missing subject is not shown beside its field")
	}
	if n := dbValue[int](t, me.db, `SELECT COUNT(*) FROM vtiger_quotes`); n != 0 {
		t.Fatalf("quotes after a failed save: %d, want 0", n)
	}

	status, loc, body := c.postWithToken("/m/Quotes/new", "/m/Quotes/new", quoteForm(headset.ID))
	m := locationIDRe.FindStringSubmatch(loc)
	if status != http.StatusSeeOther || m == nil {
		t.Fatalf("got %d to %q, want 303 to the quote\n%s", status, loc, body)
	}
	_, body = c.get(loc)
	wantContains(t, "quote detail", body, "Item Details", "Headset H200", "On-site setup", "Grey &lt;b&gt;cushions&lt;/b&gt;",
		`<td class="num">53.97</td>`, `<td class="num">240.00</td>`,
		`data-total="subtotal">293.97<`, `data-total="discount">14.70<`, `data-total="shipping">20.00<`,
		`data-total="adjustment">-3.50<`, `data-total="total">376.57 USD<`)
	if total := dbValue[string](t, me.db, `SELECT CAST(total AS CHAR) FROM vtiger_quotes WHERE quoteid = ?`, m[1]); total != "376.570" {
		t.Errorf("stored total %s, want 376.570", total)
	}

	_, body = c.get(loc + "/edit")
	wantContains(t, "edit form", body, `name="inv-1-qty" value="3"`, `name="inv-1-price" value="19.99"`,
		`name="inv-2-product-label" value="On-site setup"`, `data-li-out="total">376.57<`)
	edit := quoteForm(headset.ID)
	edit.Set("inv-line", "1")
	edit.Set("inv-1-qty", "1")
	status, _, body = c.postWithToken(loc+"/edit", loc+"/edit", edit)
	if status != http.StatusSeeOther {
		t.Fatalf("edit: got %d, want 303\n%s", status, body)
	}
	// 19.99 − 2.00 = 17.99; − 0.90 = 17.09; tax 27 % = 4.6143 → 4.61;
	// total 17.99 − 0.90 + 4.61 + 20 + 5.40 − 3.50 = 43.60.
	_, body = c.get(loc)
	wantContains(t, "edited quote", body, `data-total="total">43.60 USD<`)
	if strings.Contains(body, "On-site setup") {
		t.Error("the removed line is still shown")
	}
}

// TestInventoryRelatedAdd: a quote added from an account's Quotes tab
// is made on the full form, which has line items and points back at the
// account; a post to the related list, which has none, is refused.
func TestInventoryRelatedAdd(t *testing.T) {
	me := newModuleEnvWith(t, func(me *moduleEnv, d *Deps) {
		d.Relations, d.Access = me.records, mysql.NewAccessService(me.db)
		d.Inventory = mysql.NewInventoryService(me.records)
	})
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading"})
	c := me.adminClient(t)
	qbase := recordHref("Accounts", acme.ID) + "/related/" + strconv.Itoa(me.relationID(t, "Accounts", "Quotes"))
	resp, body := c.get(qbase + "/new")
	want := "/m/Quotes/new?account_id=" + itoa(acme.ID)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != want {
		t.Fatalf("add quote: got %d to %q, want 303 to %q\n%s", resp.StatusCode, resp.Header.Get("Location"), want, body)
	}
	resp, body = c.get(want)
	wantStatus(t, "quote form", resp.StatusCode, http.StatusOK, body)
	wantContains(t, "quote form", body, `data-lineitems`, `name="account_id" value="`+itoa(acme.ID)+`"`, `value="Acme Trading"`)

	form := url.Values{"subject": {"No lines"}, "account_id": {itoa(acme.ID)}, "quotestage": {"Created"}, "assigned_user_id": {"1"}}
	status, _, body := c.postToken(qbase+"/new", form)
	wantStatus(t, "quote posted to the related list", status, http.StatusBadRequest, body)
	if n := dbValue[int](t, me.db, `SELECT COUNT(*) FROM vtiger_quotes`); n != 0 {
		t.Errorf("a quote without line items was saved from the related list (%d rows)", n)
	}
}

// TestInventoryItemJSON: the line-items script's price lookup.
func TestInventoryItemJSON(t *testing.T) {
	me := newInventoryEnv(t)
	headset := me.create(t, "Products", map[string]string{"productname": "Headset H200", "unit_price": "59.90", "qtyinstock": "40"})
	acc := me.create(t, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics"})
	me.exec(t, `INSERT INTO vtiger_producttaxrel (productid, taxid, taxpercentage) VALUES (?, 2, 8)`, headset.ID)
	c := me.adminClient(t)

	resp, body := c.get("/inventory/item.json?id=" + itoa(headset.ID))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("got %d, want 200: %s", resp.StatusCode, body)
	}
	var got lineItemJSON
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Name != "Headset H200" || got.Module != "Products" || got.UnitPrice != "59.90" || got.Stock != "40" ||
		len(got.Taxes) != 1 || got.Taxes[0].Percent != "8" || got.Taxes[0].Label != "Sales" {
		t.Errorf("got %+v", got)
	}
	for _, path := range []string{"/inventory/item.json?id=" + itoa(acc.ID), "/inventory/item.json?id=abc", "/inventory/item.json?id=1&currency=9"} {
		if resp, _ := c.get(path); resp.StatusCode == http.StatusOK {
			t.Errorf("%s: got 200, want an error", path)
		}
	}
}
