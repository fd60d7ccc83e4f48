package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestInventoryBrowser drives a new invoice in headless Chromium: pick two
// products by typing their names (each fills its price), add the second
// line with "Add line", watch the totals preview, save, and find the same
// total on the saved invoice and in stock. Screenshots go where
// TestBrowser's do.
func TestInventoryBrowser(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	me := newInventoryEnv(t)
	me.create(t, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics"})
	headset := me.create(t, "Products", map[string]string{"productname": "Headset H200", "unit_price": "59.90", "qtyinstock": "40"})
	me.create(t, "Products", map[string]string{"productname": "USB cable", "unit_price": "3", "qtyinstock": "100"})

	b := newBrowser(t, screenshotDir(t))
	b.signIn(me.ts.URL, "admin", "admin")
	b.run("header",
		chromedp.Navigate(me.ts.URL+"/m/Invoice/new"),
		chromedp.WaitVisible(chromedp.CSS("[data-lineitems]")),
		chromedp.SendKeys(chromedp.CSS("#f-subject"), "Refit invoice"),
		chromedp.SendKeys(chromedp.CSS("#f-account_id"), "Kowloon Bay Logistics"),
		chromedp.SendKeys(chromedp.CSS("#f-bill_street"), "1 Wang Chiu Rd"),
		chromedp.SendKeys(chromedp.CSS("#f-ship_street"), "1 Wang Chiu Rd"))

	// The first row is there; typing a name offers the product, and the
	// exact name picks it and fills its price.
	b.run("first line",
		chromedp.SendKeys(chromedp.CSS("#inv-1-product-label"), "Headset"),
		chromedp.Sleep(300*time.Millisecond), // the picker's suggestions
		chromedp.SendKeys(chromedp.CSS("#inv-1-product-label"), " H200"))
	b.waitFor("the headset's price", `document.querySelector('[name="inv-1-price"]').value === "59.90"`)
	b.run("first quantity", chromedp.SendKeys(chromedp.CSS(`[name="inv-1-qty"]`), "2"))

	b.run("second line",
		chromedp.Click(chromedp.CSS("[data-li-add]")),
		chromedp.WaitVisible(chromedp.CSS("#inv-n1-product-label")),
		chromedp.SendKeys(chromedp.CSS("#inv-n1-product-label"), "USB"),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.SendKeys(chromedp.CSS("#inv-n1-product-label"), " cable"))
	b.waitFor("the cable's price", `document.querySelector('[name="inv-n1-price"]').value === "3.00"`)
	b.run("second quantity", chromedp.SendKeys(chromedp.CSS(`[name="inv-n1-qty"]`), "5"))

	// Group mode at the seeded 4.5 + 10 + 12.5 %: 2 × 59.90 + 5 × 3 =
	// 134.80, taxed 36.396 → 36.40, total 171.20.
	b.waitFor("the preview", `document.querySelector('[data-li-out="total"]').textContent === "171.20"`)
	b.wantText(`[data-li-out="subtotal"]`, "134.80")
	b.shot("invoice-lines")

	b.run("save",
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("#lineitems", "Headset H200", "USB cable", "134.80")
	b.wantText(`[data-total="total"]`, "171.20")
	b.shot("invoice-detail")
	if got := dbValue[string](t, me.db, `SELECT CAST(total AS CHAR) FROM vtiger_invoice`); got != "171.200" {
		t.Errorf("stored total %s, want 171.200", got)
	}
	if got := dbValue[string](t, me.db, `SELECT CAST(qtyinstock AS CHAR) FROM vtiger_products WHERE productid = ?`, headset.ID); got != "38.000" {
		t.Errorf("headsets in stock %s, want 38.000", got)
	}
	b.wantNoDialogsOrExceptions()
}
