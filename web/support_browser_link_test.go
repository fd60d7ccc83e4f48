package web

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tigerline/tigerline/crm"
)

// TestSupportBrowserLinkAndSwitch: agent 101 is on a support call from
// an unknown number whose ticket is open. The pop (loaded from the live
// calls, as after a page reload) offers a contact search; the agent
// finds Bob and links him, which picks the contract of his account due
// first; then the agent switches the ticket to the account's other
// contract. MariaDB holds each change.
func TestSupportBrowserLinkAndSwitch(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	hub := newLiveHub()
	f := newSupportFixture(t, hub.serve)
	hub.start(t, f.server)
	f.supportAgent(t)
	f.supportQueue(t)
	globex := f.create(t, "Accounts", map[string]string{"accountname": "Globex"})
	bob := f.create(t, "Contacts", map[string]string{"firstname": "Bob", "lastname": "Rayburn", "account_id": itoa(globex.ID)})
	hours := f.contract(t, globex.ID, "Globex hours", 10)
	gold := f.contract(t, globex.ID, "Globex gold", 40)
	sc := f.answerSupportCall(t, "ui.1", "+85261110000", &crm.CallerMatch{Number: "+85261110000", Unknown: true})

	b := signedInBrowser(t, f.ts.URL, screenshotDir(t), "agent101", "secret-password", "/")
	pop := `#callpop .pop[data-call="pbx1|ui.1"]`
	b.run("the ticket of the unknown caller shows", chromedp.WaitVisible(chromedp.CSS(pop+" .popcontactsearch")))
	b.wantText(pop+" .popcontract", "No active contract")
	b.run("find Bob",
		chromedp.SendKeys(chromedp.CSS(pop+" .popcontactsearch"), "Rayb"),
		chromedp.WaitVisible(chromedp.CSS(pop+` .poplinkcontact[data-contact="`+itoa(bob.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(pop+` .poplinkcontact[data-contact="`+itoa(bob.ID)+`"]`)))
	day := func(d int) string { return time.Now().UTC().AddDate(0, 0, d).Format(time.DateOnly) }
	b.waitText(pop+" .popcontract", "Globex hours — 10 hours left, ends "+day(10))
	b.waitText(pop+" .popname", "Bob Rayburn")
	if n := b.eval(`String(document.querySelector('` + pop + ` .poplinkcaller').hidden)`); n != "true" {
		t.Errorf("the contact search is still offered after linking (hidden %s)", n)
	}
	if !f.linked(t, sc.ticket, hours) {
		t.Fatalf("after linking Bob, the ticket is not linked to %d, the contract due first", hours)
	}

	b.waitText(pop+" .popticketmore", "Globex gold — 10 hours left, ends "+day(40))
	b.run("switch to the other contract", chromedp.Click(chromedp.CSS(pop+` .popcontractpick[data-contract="`+itoa(gold)+`"]`)))
	b.waitText(pop+" .popcontract", "Globex gold — 10 hours left")
	b.waitText(pop+" .popticketmore", "Globex hours — 10 hours left")
	b.shot("support-switched")
	if f.linked(t, sc.ticket, hours) || !f.linked(t, sc.ticket, gold) {
		t.Errorf("after switching: linked to %d %v, to %d %v; want only %d", hours, f.linked(t, sc.ticket, hours),
			gold, f.linked(t, sc.ticket, gold), gold)
	}
	// The call's time now counts against the contract chosen.
	f.hangUp(t, sc, 30*time.Minute)
	if used, _ := f.used(t, gold); used != "1.00" {
		t.Errorf("Globex gold after hang-up: used %s, want 1.00", used)
	}
	if used, _ := f.used(t, hours); used != "0.00" {
		t.Errorf("Globex hours after hang-up: used %s, want 0.00", used)
	}
	b.wantNoDialogsOrExceptions()
}
