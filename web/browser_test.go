package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowser drives the real server with headless Chromium through the
// flows an agent uses: sign in, create an account and a linked contact
// through the forms, fix a validation error, search, delete and restore,
// switch to Traditional Chinese, and a record named like a script shown
// as text. It saves screenshots to $TIGERLINE_SCREENSHOTS (else a
// temporary folder, logged).
func TestBrowser(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	me := newModuleEnv(t)

	b := newBrowser(t, screenshotDir(t))
	b.signIn(me.ts.URL, "admin", "admin")
	b.shot("home")

	// An account, then a contact linked to it by typing its name.
	b.run("create account",
		chromedp.Navigate(me.ts.URL+"/m/Accounts/new"),
		chromedp.SendKeys(chromedp.CSS("#f-accountname"), "Kowloon Bay Logistics"),
		chromedp.SendKeys(chromedp.CSS("#f-bill_city"), "九龍灣"),
		chromedp.SendKeys(chromedp.CSS("#f-phone"), "+852 2111 2222"),
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "Kowloon Bay Logistics", "九龍灣")
	b.run("create contact",
		chromedp.Navigate(me.ts.URL+"/m/Contacts/new"),
		chromedp.SendKeys(chromedp.CSS("#f-firstname"), "Siu Ming"),
		chromedp.SendKeys(chromedp.CSS("#f-lastname"), "Wong"),
		chromedp.SendKeys(chromedp.CSS("#f-account_id"), "Kowloon Bay"),
		chromedp.WaitReady(chromedp.CSS(`datalist option[value="Kowloon Bay Logistics"]`)), // the picker offers it
		chromedp.SendKeys(chromedp.CSS("#f-account_id"), " Logistics"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "siuming@example.hk"),
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "Siu Ming", "Wong", "Kowloon Bay Logistics", "siuming@example.hk")
	contactURL := b.location()
	b.shot("detail")

	// Edit with a bad email: the error shows beside the field, nothing
	// typed is lost; then fix it.
	b.run("edit with an error",
		chromedp.Navigate(contactURL+"/edit"),
		chromedp.Clear(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "siuming-at-example"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Shift lead"),
		// Leaving the field says at once what is wrong (validate.js).
		chromedp.WaitVisible(chromedp.CSS(`p.fielderror[data-live]`)))
	b.wantText(".field.invalid", "This is not an email address.")
	b.run("send the form with the error",
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".fielderror:not([data-live])")))
	b.wantText(".field.invalid", "Email", "This is not an email address.")
	b.wantValue("#f-title", "Shift lead")
	b.wantValue("#f-email", "siuming-at-example")
	b.wantValue("#f-account_id", "Kowloon Bay Logistics")
	b.shot("edit-error")
	b.run("fix the error",
		chromedp.Clear(chromedp.CSS("#f-email")),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "siuming@example.hk"),
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "Shift lead", "siuming@example.hk", "Updated")

	b.run("global search",
		chromedp.SendKeys(chromedp.CSS(".globalsearch input"), "Siu Ming\n"),
		chromedp.WaitVisible(chromedp.CSS("section.searchresults")))
	b.wantText("section.searchresults", "Contacts", "Siu Ming Wong")

	b.run("delete",
		chromedp.Navigate(contactURL),
		chromedp.Click(chromedp.CSS("section.detail button.danger")),
		chromedp.WaitVisible(chromedp.CSS("section.listview")),
		chromedp.Navigate(me.ts.URL+"/recyclebin?module=Contacts"),
		chromedp.WaitVisible(chromedp.CSS("section.recyclebin")))
	b.wantText("section.recyclebin", "Siu Ming Wong")
	b.shot("recyclebin")
	b.run("restore",
		chromedp.Click(chromedp.CSS(`form[action="/recyclebin/restore"] button`)),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "Siu Ming", "Restored")

	b.run("script as a name",
		chromedp.Navigate(me.ts.URL+"/m/Accounts/new"),
		chromedp.SendKeys(chromedp.CSS("#f-accountname"), "<script>alert(1)</script>"),
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail h1", "<script>alert(1)</script>")
	b.run("list", chromedp.Navigate(me.ts.URL+"/m/Accounts"), chromedp.WaitVisible(chromedp.CSS("table.records")))
	b.wantText("table.records", "<script>alert(1)</script>", "Kowloon Bay Logistics")
	b.shot("list")

	// The English list already has a table.records, so waiting for one
	// would pass before the switch's redirect loads: wait for the table of
	// the page that came back in Chinese.
	b.run("switch to Traditional Chinese",
		chromedp.Click(chromedp.CSS(`.langswitch button[value="zh_tw"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-Hant-TW"] table.records`)))
	b.wantText("main", "客戶名稱", "新增", "匯出 CSV")
	b.wantText(".topbar", "登出", "客服")
	b.shot("list-zh_tw")
	b.run("zh_TW detail", chromedp.Navigate(contactURL), chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "聯絡人資料", "客戶名稱", "變更紀錄")

	b.wantNoDialogsOrExceptions()
}
