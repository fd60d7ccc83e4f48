package web

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is the browser the browser test drives.
const chromiumPath = "/usr/bin/chromium"

// TestBrowser drives the real server with headless Chromium through the
// flows an agent uses: sign in, create an account and a linked contact
// through the forms, fix a validation error, search, delete and restore,
// switch to Traditional Chinese, and a record named like a script shown
// as text. It saves screenshots to $TIGERLINE_SCREENSHOTS (else a
// temporary folder, logged).
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test needs Chromium at %s (apt-get install chromium): %v", chromiumPath, err)
	}
	t.Parallel()
	me := newModuleEnv(t)
	shots := os.Getenv("TIGERLINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)

	b := newBrowser(t, shots)
	b.run("sign in",
		chromedp.Navigate(me.ts.URL+"/login"),
		chromedp.SendKeys(chromedp.CSS("#user_name"), "admin"),
		chromedp.SendKeys(chromedp.CSS("#user_password"), "admin"),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".topbar")))
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

	if n := b.dialogs.Load(); n != 0 {
		t.Errorf("got %d JavaScript dialogs, want none (a record name ran as script)", n)
	}
	if n := b.exceptions.Load(); n != 0 {
		t.Errorf("got %d uncaught JavaScript exceptions, want none", n)
	}
}

// browser is one headless Chromium tab for a test.
type browser struct {
	t          *testing.T
	ctx        context.Context
	shots      string
	dialogs    atomic.Int32
	exceptions atomic.Int32
}

// newBrowser starts Chromium with a fresh profile and no background
// traffic, for at most a minute and a half. It counts JavaScript dialogs
// (dismissing them) and uncaught exceptions.
func newBrowser(t *testing.T, shots string) *browser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	timeout, cancelTime := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(timeout, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc(); cancelTime() })
	b := &browser{t: t, ctx: ctx, shots: shots}
	if _, err := chromedp.Run(ctx, chromedp.Location()); err != nil {
		t.Fatalf("start %s: %v", chromiumPath, err)
	}
	go func() {
		for _, err := range chromedp.Events(ctx, cdpage.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			b.dialogs.Add(1)
			chromedp.Call(ctx, cdpage.HandleJavaScriptDialog, cdpage.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ExceptionThrown) {
			if err != nil {
				return
			}
			b.exceptions.Add(1)
			t.Logf("javascript exception: %s %s", ev.ExceptionDetails.Text, ev.ExceptionDetails.URL)
		}
	}()
	return b
}

// run performs actions, each within 15 s, failing the test with the
// step's name and the page it was on.
func (b *browser) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	for i, a := range actions {
		ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
		err := chromedp.Do(ctx, a)
		cancel()
		if err != nil {
			html, _ := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("body")))
			b.t.Fatalf("%s, action %d (at %s): %v\n%s", step, i, b.location(), err, html)
		}
	}
}

// location is the tab's URL.
func (b *browser) location() string {
	url, _ := chromedp.Run(b.ctx, chromedp.Location())
	return url
}

// wantText checks that the first element matching sel shows each text.
func (b *browser) wantText(sel string, wants ...string) {
	b.t.Helper()
	// A node found a moment ago can be replaced before its text is read
	// (a page's script settling after load): read again until the
	// document answers, for a few seconds at most.
	var got string
	var err error
	for deadline := time.Now().Add(5 * time.Second); ; {
		if got, err = chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel))); err == nil || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	for _, w := range wants {
		if !strings.Contains(got, w) {
			b.t.Errorf("%s: got text %q, want it to contain %q", sel, got, w)
		}
	}
}

// wantValue checks an input's value.
func (b *browser) wantValue(sel, want string) {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	if got != want {
		b.t.Errorf("%s: got value %q, want %q", sel, got, want)
	}
}

// shot saves a full-page PNG screenshot as name.png.
func (b *browser) shot(name string) {
	b.t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), buf, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
