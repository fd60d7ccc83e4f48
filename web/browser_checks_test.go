package web

import (
	"context"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// text is the text of the first element matching sel.
func (b *browser) text(sel string) string {
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
	return got
}

// wantText checks that the first element matching sel shows each text.
func (b *browser) wantText(sel string, wants ...string) {
	b.t.Helper()
	got := b.text(sel)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			b.t.Errorf("%s: got text %q, want it to contain %q", sel, got, w)
		}
	}
}

// lacksText checks that the first element matching sel shows none of
// the texts.
func (b *browser) lacksText(sel string, unwanted ...string) {
	b.t.Helper()
	got := b.text(sel)
	for _, u := range unwanted {
		if strings.Contains(got, u) {
			b.t.Errorf("%s: got text %q, want it without %q", sel, got, u)
		}
	}
}

// waitText waits until the first element matching sel shows want.
func (b *browser) waitText(sel, want string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.AtLeast(0)))
		if err == nil && strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: got text %q (%v), want it to contain %q", sel, got, err, want)
		}
		time.Sleep(50 * time.Millisecond)
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

// waitFor waits until a JavaScript predicate holds on the page, failing
// the test with what it waited for.
func (b *browser) waitFor(what, predicate string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](predicate, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		html, _ := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("body")))
		b.t.Fatalf("waiting for %s: %v\n%s", what, err, html)
	}
}

// eval runs a JavaScript expression that returns a string.
func (b *browser) eval(expr string) string {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return got
}
