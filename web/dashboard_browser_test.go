package web

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserDashboardRingall drives a queue call through a real call
// flow (tracker, events on the hub's bus, live rows in the database) and
// a supervisor's dashboard in headless Chromium: the queue rings agents
// 101, 102 and 103 at once and all three show Ringing, live and on a
// dashboard opened afterwards; 101's ring times out and 101 is available
// again while the others ring; 103 answers, 102 is cancelled.
func TestBrowserDashboardRingall(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	f, handle := newFlowFixture(t, "101", "102", "103")
	f.agent(t, "agent103", "103")
	var q queueEvents

	shots := screenshotDir(t)
	sup := signedInBrowser(t, f.ts.URL, shots, "admin", "admin", "/dashboard")
	sup.run("dashboard synced", chromedp.WaitReady(chromedp.CSS(`#dashboard[data-synced="1"]`)))

	handle(q.join()...)
	for _, ext := range []string{"101", "102", "103"} {
		handle(q.ring(ext)...)
	}
	want := map[string]string{"101": "Ringing", "102": "Ringing", "103": "Ringing"}
	waitAgents(sup, "the queue rings three agents", want)
	sup.wantText("#dash-calls", "agent101 (101), ", "agent102 (102), ", "agent103 (103)")
	sup.wantText("#dash-queues", "support")
	sup.shot("dashboard-ringall")

	late := signedInBrowser(t, f.ts.URL, shots, "admin", "admin", "/dashboard")
	late.run("dashboard opened while it rings", chromedp.WaitReady(chromedp.CSS(`#dashboard[data-synced="1"]`)))
	waitAgents(late, "a reload shows the three ringing", want)

	handle(q.hangup("101")...)
	want["101"] = "Available"
	for _, b := range []*browser{sup, late} {
		waitAgents(b, "101's ring timed out", want)
	}

	handle(slices.Concat(q.answer("103"), q.hangup("102"), q.connect("103"))...)
	want["102"], want["103"] = "Available", "On call"
	for _, b := range []*browser{sup, late} {
		waitAgents(b, "103 answered, 102 cancelled", want)
	}
	sup.shot("dashboard-ringall-answered")

	handle(q.hangup("103")...)
	handle(q.end()...)
	sup.run("dashboard drops the call", chromedp.WaitNotPresent(chromedp.CSS(`#dash-calls tr[data-call]`)))
	for _, b := range []*browser{sup, late} {
		b.wantNoDialogsOrExceptions()
	}
}

// waitAgents waits until the dashboard's agents table shows each
// extension in want with its state label, failing with what it shows.
func waitAgents(b *browser, step string, want map[string]string) {
	b.t.Helper()
	var conds []string
	for _, ext := range slices.Sorted(maps.Keys(want)) {
		conds = append(conds, fmt.Sprintf("s[%q] === %q", ext, want[ext]))
	}
	const states = `const s = {}; for (const tr of document.querySelectorAll("#dash-agents tbody tr")) if (tr.cells.length > 2) s[tr.cells[1].textContent] = tr.cells[2].textContent;`
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b.eval(`(() => { `+states+` return String(`+strings.Join(conds, " && ")+`); })()`) == "true" {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s (%s): got agents %s, want %v", step, b.user, b.eval(`(() => { `+states+` return JSON.stringify(s); })()`), want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
