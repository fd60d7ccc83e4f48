package web

import (
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tigerline/tigerline/crm"
)

// TestBrowserPop drives three headless Chromiums against one server whose
// realtime hub runs on a memory bus: agents 101 and 102 on their home
// pages and the admin on the dashboard. Call events published on the bus
// pop the caller for agent 101 only, update the pop as the call is
// answered and ends, and come and go on the dashboard. A caller named
// like markup shows as text.
func TestBrowserPop(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	hub := newLiveHub()
	f := newCallFixture(t, hub.serve)
	hub.start(t, f.server)
	f.create(t, "HelpDesk", map[string]string{"ticket_title": "Printer jams", "parent_id": itoa(f.contact.ID), "ticketstatus": "Open"})
	f.create(t, "ServiceContracts", map[string]string{
		"subject": "Gold support", "sc_related_to": itoa(f.account.ID), "contract_status": "In Progress",
		"tracking_unit": "Hours", "total_units": "10", "used_units": "3",
	})
	evil := f.create(t, "Contacts", map[string]string{"lastname": "<img src=x onerror=alert(1)>", "phone": "+852 2777 8888"})

	shots := screenshotDir(t)
	a101 := signedInBrowser(t, f.ts.URL, shots, "agent101", "secret-password", "/")
	a102 := signedInBrowser(t, f.ts.URL, shots, "agent102", "secret-password", "/")
	sup := signedInBrowser(t, f.ts.URL, shots, "admin", "admin", "/dashboard")
	sup.run("dashboard synced", chromedp.WaitReady(chromedp.CSS(`#dashboard[data-synced="1"]`)))

	start := time.Now().Add(-2 * time.Second).UTC()
	call := crm.CallRecord{
		Gateway: "pbx1", SourceUniqueID: "1772442902.311", Direction: crm.DirectionInbound, Status: crm.CallStatusRinging,
		StartTime: start, AgentExtension: "101", CustomerNumber: "+85291234567", DID: "+85230001000", Queue: "support",
	}
	caller := crm.CallerMatch{Number: "+85291234567", Digits: "85291234567", Records: []crm.CallerRecord{
		{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan", Field: "mobile", Number: "+852 9123 4567"},
	}}
	pop := `#callpop .pop[data-call="pbx1|1772442902.311"]`

	published := hub.publishCall(t, crm.CallRinging, call, []string{"101"}, caller)
	a101.run("pop shows", chromedp.WaitVisible(chromedp.CSS(pop)))
	t.Logf("pop visible %v after the ringing event", time.Since(published).Round(time.Millisecond))
	a101.wantText(pop+" .popname", "Tai Man Chan")
	a101.wantText(pop+" .popstatus", "Ringing")
	a101.run("summary loads", chromedp.WaitVisible(chromedp.CSS(pop+" .popaccount")))
	a101.wantText(pop+" .popsummary", "Kowloon Bay Logistics", "Printer jams", "Gold support", "7 Hours remaining")
	a101.wantText(pop+" .popactions", "Open record", "Create ticket", "Add note")
	a101.shot("pop-ringing")
	sup.run("dashboard shows the call", chromedp.WaitVisible(chromedp.CSS(`#dash-calls tr[data-call="pbx1|1772442902.311"]`)))
	sup.wantText("#dash-calls", "Tai Man Chan", "Ringing", "support")
	sup.wantText("#dash-agents", "agent101", "Ringing")
	sup.wantText("#dash-queues", "support")

	call.Status, call.AnswerTime = crm.CallStatusInProgress, time.Now().Add(-3*time.Second).UTC()
	hub.publishCall(t, crm.CallAnswered, call, []string{"101"}, caller)
	a101.waitText(pop+" .popstatus", "On call")
	a101.run("timer runs", chromedp.Sleep(1100*time.Millisecond))
	if got := a101.text(pop + " .poptimer"); !regexp.MustCompile(`^0:0[3-9]$`).MatchString(got) {
		t.Errorf("got timer %q, want the seconds since the answer (0:03 or more)", got)
	}
	sup.waitText(`#dash-calls tr[data-call="pbx1|1772442902.311"]`, "On call")
	sup.waitText("#dash-agents", "On call")
	sup.shot("dashboard-on-call")

	call.Status, call.EndTime = crm.CallStatusCompleted, time.Now().UTC()
	call.TotalSeconds, call.BillableSeconds, call.Agents = 12, 7, []string{"101"}
	hub.publishCall(t, crm.CallEnded, call, nil, caller)
	a101.run("pop ends", chromedp.WaitVisible(chromedp.CSS(pop+".ended")))
	a101.wantText(pop+" .popstatus", "Call ended")
	a101.wantText(pop+" .poptimer", "0:07")
	a101.run("open recent calls", chromedp.Click(chromedp.CSS("#callpop .poprecent summary")))
	a101.wantText("#callpop .poprecent", "Recent calls (1)", "Tai Man Chan", "Completed", "0:07")
	a101.shot("pop-ended")
	sup.run("dashboard drops the call", chromedp.WaitNotPresent(chromedp.CSS(`#dash-calls tr[data-call]`)))
	sup.wantText("#kpi-answered", "1")
	sup.waitText("#dash-agents", "Wrap-up")

	// A caller named like markup, and an unknown caller.
	bad := crm.CallRecord{Gateway: "pbx1", SourceUniqueID: "evil.1", Direction: crm.DirectionInbound,
		Status: crm.CallStatusRinging, StartTime: time.Now().UTC(), AgentExtension: "101", CustomerNumber: "+85227778888"}
	hub.publishCall(t, crm.CallRinging, bad, []string{"101"}, crm.CallerMatch{Number: bad.CustomerNumber, Records: []crm.CallerRecord{
		{Module: "Contacts", ID: evil.ID, Name: "<img src=x onerror=alert(1)>"},
	}})
	unknown := crm.CallRecord{Gateway: "pbx1", SourceUniqueID: "unknown.1", Direction: crm.DirectionInbound,
		Status: crm.CallStatusRinging, StartTime: time.Now().UTC(), AgentExtension: "101", CustomerNumber: "+85261234567",
		CustomerName: "WONG SIU"}
	hub.publishCall(t, crm.CallRinging, unknown, []string{"101"}, crm.CallerMatch{Number: unknown.CustomerNumber, Unknown: true, Records: []crm.CallerRecord{}})
	a101.run("markup caller pops", chromedp.WaitVisible(chromedp.CSS(`#callpop .pop[data-call="pbx1|evil.1"]`)))
	a101.wantText(`#callpop .pop[data-call="pbx1|evil.1"] .popname`, "<img src=x onerror=alert(1)>")
	a101.run("unknown caller pops", chromedp.WaitVisible(chromedp.CSS(`#callpop .pop[data-call="pbx1|unknown.1"]`)))
	a101.wantText(`#callpop .pop[data-call="pbx1|unknown.1"]`, "Unknown caller", "+85261234567", "Create lead", "Create contact")
	href := a101.eval(`document.querySelector('#callpop .pop[data-call="pbx1|unknown.1"] .popcreate a').getAttribute("href")`)
	if href != "/m/Leads/new?phone=%2B85261234567&lastname=WONG+SIU" {
		t.Errorf("got create-lead link %q, want the number and name prefilled", href)
	}
	sup.waitText("#dash-calls", "<img src=x onerror=alert(1)>")
	a101.shot("pop-markup-and-unknown")
	for _, b := range []*browser{a101, sup} {
		if n := b.eval(`String(document.querySelectorAll("#callpop img, #dashboard img").length)`); n != "0" {
			t.Errorf("got %s img elements, want none (a name became markup)", n)
		}
	}

	// Agent 102 saw none of it.
	if n := a102.eval(`String(document.querySelectorAll("#callpop .pop").length) + String(document.getElementById("callpop").hidden)`); n != "0true" {
		t.Errorf("agent102: got pops+hidden %q, want 0true", n)
	}
	a102.shot("agent102-home")
	for _, b := range []*browser{a101, a102, sup} {
		b.wantNoDialogsOrExceptions()
	}
}
