package web

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDetailBrowser drives an account's detail page in headless
// Chromium: add a contact from the Contacts tab and find it listed there,
// link a product by typing its name, add a comment, and edit a field in
// place, first with a validation error and then fixed. Screenshots go
// where TestBrowser's do.
func TestDetailBrowser(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	me := newDetailEnv(t)
	acc := me.create(t, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics", "email1": "info@kbl.hk"})
	me.create(t, "Products", map[string]string{"productname": "Headset H200"})
	contacts := me.relationID(t, "Accounts", "Contacts")
	products := me.relationID(t, "Accounts", "Products")
	accURL := me.ts.URL + recordHref("Accounts", acc.ID)

	b := newBrowser(t, screenshotDir(t))
	b.signIn(me.ts.URL, "admin", "admin")

	// Add a contact from the Contacts tab: the form starts linked to the
	// account, and saving comes back to the tab.
	panel := `.relatedpanel[data-relation="` + strconv.Itoa(contacts) + `"]`
	// Contacts is the first tab, shown on arrival; clicking it swaps the
	// panel for a fresh copy, so wait for the URL the swap writes before
	// using the panel.
	b.run("open the contacts tab",
		chromedp.Navigate(accURL),
		chromedp.WaitVisible(chromedp.CSS("section.detail")),
		chromedp.Click(chromedp.CSS(`.relatedtabs a[href*="tab=`+strconv.Itoa(contacts)+`#"]`)),
		chromedp.WaitVisible(chromedp.CSS(panel)))
	b.waitURL("tab=" + strconv.Itoa(contacts))
	b.run("add a contact from the tab",
		chromedp.Click(chromedp.CSS(panel+` a.button[href$="/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.recordform")))
	b.wantValue("#f-account_id", "Kowloon Bay Logistics")
	b.run("save the contact",
		chromedp.SendKeys(chromedp.CSS("#f-firstname"), "Siu Ming"),
		chromedp.SendKeys(chromedp.CSS("#f-lastname"), "Wong"),
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS(panel)))
	b.wantText(panel, "Siu Ming Wong")
	if loc := b.location(); !strings.HasSuffix(loc, "?tab="+strconv.Itoa(contacts)+"#related") {
		t.Errorf("after saving: at %s, want the account's contacts tab", loc)
	}
	b.shot("detail-related")

	// Link a product by typing its name into the picker.
	ppanel := `.relatedpanel[data-relation="` + strconv.Itoa(products) + `"]`
	b.run("link a product",
		chromedp.Click(chromedp.CSS(`.relatedtabs a[href*="tab=`+strconv.Itoa(products)+`#"]`)),
		chromedp.WaitVisible(chromedp.CSS(ppanel+" .linkform")),
		chromedp.SendKeys(chromedp.CSS(ppanel+` input[name="related_label"]`), "Headset"),
		chromedp.WaitReady(chromedp.CSS(`datalist option[value="Headset H200"]`)), // the picker offers it
		chromedp.SendKeys(chromedp.CSS(ppanel+` input[name="related_label"]`), " H200"),
		chromedp.Click(chromedp.CSS(ppanel+" .linkform button")),
		chromedp.WaitVisible(chromedp.CSS(ppanel+" td.rowactions")))
	b.wantText(ppanel, "Headset H200")

	// A comment, shown in the thread as typed.
	b.run("comment",
		chromedp.SendKeys(chromedp.CSS("#comment"), "Call back after 2 pm <b>sharp</b>"),
		chromedp.Click(chromedp.CSS(".commentform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("ol.thread .commenttext")))
	b.wantText("ol.thread", "Call back after 2 pm <b>sharp</b>", "Administrator")
	b.shot("detail-comment")

	// Inline edit: a bad email stays in the field with the error beside
	// it; the fixed one replaces the value.
	field := `div[data-field="email1"]`
	b.run("inline edit with an error",
		chromedp.Click(chromedp.CSS(field+" a.pencil")),
		chromedp.WaitVisible(chromedp.CSS(field+" form.inlineedit")),
		chromedp.Clear(chromedp.CSS("#f-email1")),
		chromedp.SendKeys(chromedp.CSS("#f-email1"), "ops-at-kbl"),
		chromedp.Click(chromedp.CSS(field+" form.inlineedit button.primary")),
		chromedp.WaitVisible(chromedp.CSS(field+" .fielderror")))
	b.wantText(field, "This is not an email address.")
	b.wantValue("#f-email1", "ops-at-kbl")
	b.shot("detail-inline-error")
	b.run("fix it",
		chromedp.Clear(chromedp.CSS("#f-email1")),
		chromedp.SendKeys(chromedp.CSS("#f-email1"), "ops@kbl.hk"),
		chromedp.Click(chromedp.CSS(field+" form.inlineedit button.primary")))
	b.waitText(field+" dd .value", "ops@kbl.hk")
	if n := b.eval(`String(document.querySelectorAll('` + field + ` form').length)`); n != "0" {
		t.Errorf("after saving: %s inline forms left, want none", n)
	}
	b.run("reload", chromedp.Navigate(accURL), chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText(field, "ops@kbl.hk")
	b.shot("detail-inline-saved")

	b.wantNoDialogsOrExceptions()
}
