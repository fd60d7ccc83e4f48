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

// chromiumPath is the browser the browser tests drive.
const chromiumPath = "/usr/bin/chromium"

// skipWithoutChromium skips a browser test on a machine without Chromium,
// saying how to get it, rather than failing it.
func skipWithoutChromium(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("browser test needs Chromium at %s (apt-get install chromium): %v", chromiumPath, err)
	}
}

// screenshotDir is where a browser test saves its screenshots:
// $TIGERLINE_SCREENSHOTS, so a person can look at them after the run,
// else a temporary folder. It logs which.
func screenshotDir(t *testing.T) string {
	t.Helper()
	shots := os.Getenv("TIGERLINE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)
	return shots
}

// browser is one headless Chromium tab for a test.
type browser struct {
	t     *testing.T
	ctx   context.Context
	shots string
	// user is who signed in, to tell a test's browsers apart in failures.
	user       string
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

// signIn signs in through the form at base and waits for the page
// behind it.
func (b *browser) signIn(base, name, password string) {
	b.t.Helper()
	b.user = name
	b.run("sign in as "+name,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#user_name"), name),
		chromedp.SendKeys(chromedp.CSS("#user_password"), password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".topbar")))
}

// run performs actions, each within 15 s, failing the test with the
// step's name and the page it was on. It first lets the page finish
// loading: a step that ended on an element of a page still loading would
// otherwise click at coordinates the page's own scroll to #related, on
// load, then moves.
func (b *browser) run(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.waitLoaded()
	for i, a := range actions {
		err := b.do(a)
		if staleNode(err) {
			// The page replaced the node between finding and using it (a
			// navigation or a script settling): the action names a selector,
			// not that node, and nothing was done to the old one; do it on
			// the new page.
			err = b.do(a)
		}
		if err != nil {
			html, _ := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("body")))
			b.t.Fatalf("%s, action %d (at %s): %v\n%s", step, i, b.location(), err, html)
		}
	}
}

// waitLoaded waits up to 15 s for the tab's document to be complete. A
// tab in the middle of a navigation cannot answer; that counts as not
// loaded yet. Timing out is left to the step's own actions to report.
func (b *browser) waitLoaded() {
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); {
		ctx, cancel := context.WithTimeout(b.ctx, time.Second)
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState`))
		cancel()
		if err == nil && state == "complete" {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// do runs one action within 15 s.
func (b *browser) do(a chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	return chromedp.Do(ctx, a)
}

// staleNode reports Chrome's answer for a node that is no longer in the
// document.
func staleNode(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "Could not find node with given id") ||
		strings.Contains(err.Error(), "No node with given id found"))
}

// waitURL waits up to 10 s until the tab's URL contains part.
func (b *browser) waitURL(part string) {
	b.t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(b.location(), part); {
		if time.Now().After(deadline) {
			b.t.Fatalf("URL %s: want it to contain %q", b.location(), part)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// location is the tab's URL.
func (b *browser) location() string {
	url, _ := chromedp.Run(b.ctx, chromedp.Location())
	return url
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

// wantNoDialogsOrExceptions fails if any page opened a JavaScript dialog
// or threw an uncaught exception. The pages open no dialogs of their own,
// so one means a record's text ran as script.
func (b *browser) wantNoDialogsOrExceptions() {
	b.t.Helper()
	if n := b.dialogs.Load(); n != 0 {
		b.t.Errorf("as %s: got %d JavaScript dialogs, want none (a record's text ran as script)", b.user, n)
	}
	if n := b.exceptions.Load(); n != 0 {
		b.t.Errorf("as %s: got %d uncaught JavaScript exceptions, want none", b.user, n)
	}
}
