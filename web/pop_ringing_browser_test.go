package web

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPopRingStopped drives a queue call going round its members
// through a real call flow and the pops of agents 101 and 102 in headless
// Chromium: the queue rings 101, whose pop says Ringing; 101's ring stops
// and 102 rings: 101's pop closes, as when another agent answers, and
// stays closed on a reload, while 102's pop says Ringing; 102's ring stops
// too (102 is not the call's agent, only the update naming it as stopped
// reaches it) and its pop closes. The caller hangs up: the call joins
// 101's recent calls as abandoned.
func TestBrowserPopRingStopped(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	f, handle := newFlowFixture(t, "101", "102")
	var q queueEvents

	shots := screenshotDir(t)
	a101 := signedInBrowser(t, f.ts.URL, shots, "agent101", "secret-password", "/")
	a102 := signedInBrowser(t, f.ts.URL, shots, "agent102", "secret-password", "/")
	pop := `#callpop .pop[data-call="pbx1|` + qTrunkUID + `"]`

	handle(q.join()...)
	handle(q.ring("101")...)
	a101.run("101's pop shows", chromedp.WaitVisible(chromedp.CSS(pop)))
	a101.wantText(pop+" .popstatus", "Ringing")
	a101.wantText(pop+" .popname", "+85291234567")

	handle(q.hangup("101")...)
	handle(q.ring("102")...)
	a102.run("102's pop shows", chromedp.WaitVisible(chromedp.CSS(pop)))
	a102.wantText(pop+" .popstatus", "Ringing")
	a102.shot("pop-ring-moved-102")
	a101.run("101's pop closes", chromedp.WaitNotPresent(chromedp.CSS(pop)))
	a101.shot("pop-ring-stopped-101")

	again := signedInBrowser(t, f.ts.URL, shots, "agent101", "secret-password", "/")
	if n := again.eval(`String(document.querySelectorAll("#callpop .pop").length)`); n != "0" {
		t.Errorf("101 reloaded while 102 rings: got %s pops (%q), want none", n, again.text("#callpop"))
	}

	handle(q.hangup("102")...)
	a102.run("102's pop closes", chromedp.WaitNotPresent(chromedp.CSS(pop)))

	handle(q.end()...)
	a101.run("the call joins 101's recent calls", chromedp.WaitVisible(chromedp.CSS("#callpop .poprecent")),
		chromedp.Click(chromedp.CSS("#callpop .poprecent summary")))
	a101.wantText("#callpop .poprecent", "Recent calls (1)", "+85291234567", "Abandoned")
	if n := a101.eval(`String(document.querySelectorAll("#callpop .pop").length)`); n != "0" {
		t.Errorf("101 after the call ended: got %s pops, want none", n)
	}
	for _, b := range []*browser{a101, a102, again} {
		b.wantNoDialogsOrExceptions()
	}
}
