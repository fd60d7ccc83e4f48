package web

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tigerline/tigerline/crm"
)

// TestBrowserTicketPop publishes ticket events for agent 101's ringing
// call: the pop shows how the contract stands, the new ticket with its
// edit link and the caller's recent open ticket to attach the call to,
// and ticket.updated changes the units left.
func TestBrowserTicketPop(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	hub := newLiveHub()
	f := newCallFixture(t, hub.serve)
	hub.start(t, f.server)
	a101 := signedInBrowser(t, f.ts.URL, screenshotDir(t), "agent101", "secret-password", "/")

	call := crm.CallRecord{
		Gateway: "pbx1", SourceUniqueID: "1772442999.5", Direction: crm.DirectionInbound, Status: crm.CallStatusRinging,
		StartTime: time.Now().Add(-2 * time.Second).UTC(), AgentExtension: "101", CustomerNumber: "+85291234567", Queue: "support",
	}
	caller := crm.CallerMatch{Number: call.CustomerNumber, Records: []crm.CallerRecord{{Module: "Contacts", ID: f.contact.ID, Name: "Tai Man Chan"}}}
	pop := `#callpop .pop[data-call="pbx1|1772442999.5"]`
	hub.publishCall(t, crm.CallRinging, call, []string{"101"}, caller)
	a101.run("pop shows", chromedp.WaitVisible(chromedp.CSS(pop)))

	p := crm.TicketPayload{
		TicketID: 9120, TicketNo: "TT42", Title: "Call from Tai Man Chan on 2026-11-27", Status: "Open",
		Gateway: call.Gateway, SourceUniqueID: call.SourceUniqueID, CustomerNumber: call.CustomerNumber,
		ContractState: crm.ContractActive, ContractSummary: "3 hours left",
		Recent: []crm.RecentTicket{{TicketID: 9001, TicketNo: "TT7", Title: "<b>Printer jams</b>", Status: "Open", CalledAt: time.Now().Add(-time.Hour)}},
	}
	hub.publishTicket(t, crm.EventTicketCreated, p)
	a101.run("ticket shows", chromedp.WaitVisible(chromedp.CSS(pop+" .popticket")))
	a101.wantText(pop+" .popcontract", "3 hours left")
	a101.wantText(pop+" .popticket", "TT42 Call from Tai Man Chan", "Edit ticket", "Recent open tickets", "TT7 <b>Printer jams</b>", "Attach this call")
	if got := a101.eval(`document.querySelector('` + pop + ` .popticketopen').getAttribute("href")`); got != "/m/HelpDesk/9120" {
		t.Errorf("got ticket link %q, want /m/HelpDesk/9120", got)
	}
	if got := a101.eval(`document.querySelector('` + pop + ` .popticketedit').getAttribute("href")`); got != "/m/HelpDesk/9120/edit" {
		t.Errorf("got edit link %q, want /m/HelpDesk/9120/edit", got)
	}

	p.ContractState, p.ContractSummary, p.Recent = crm.ContractUsedUp, "0 hours left", nil
	hub.publishTicket(t, crm.EventTicketUpdated, p)
	a101.waitText(pop+" .popcontract", "0 hours left")
	a101.wantText(pop+" .popticket", "Attach this call")
	a101.shot("pop-ticket")
	if n := a101.eval(`String(document.querySelectorAll("#callpop b").length)`); n != "0" {
		t.Errorf("got %s b elements, want none (a title became markup)", n)
	}
	a101.wantNoDialogsOrExceptions()
}

// publishTicket publishes a ticket event to extension 101, as the
// support desk does for the call's agent.
func (h *liveHub) publishTicket(t *testing.T, typ string, p crm.TicketPayload) {
	t.Helper()
	e, err := crm.NewEvent(typ, 1, time.Now(), p, crm.Audience{Extensions: []string{"101"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.bus.Publish(context.Background(), e); err != nil {
		t.Fatal(err)
	}
}
