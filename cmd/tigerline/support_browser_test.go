package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
	"github.com/tigerline/tigerline/web"
)

// TestSupportBrowserPop runs one node as serve wires it (web server,
// websocket hub, PBX connection to the simulator) with agent Amy on
// extension 101 in Chromium. Alice calls the support DID; her account's
// Gold contract has 10 hours, 2 used by an earlier closed ticket. While
// the call rings, the pop already says which contract applies and how it
// stands; once Amy answers, the new ticket shows; Amy edits it in the
// pop during the call and saves; after hang-up the contract's used units
// grew by the call's talk time, in whole hours as vtiger keeps a
// ticket's hours (checked in MariaDB), and the pop says so.
func TestSupportBrowserPop(t *testing.T) {
	if _, err := os.Stat(twoNodeChromium); err != nil {
		t.Skipf("browser test needs Chromium at %s (apt-get install chromium): %v", twoNodeChromium, err)
	}
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	phones, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	// Amy's role carries vtiger's Support Profile, as an admin sets up
	// support staff: the default roles' Sales Profile may not edit tickets.
	for _, q := range []string{
		`INSERT INTO vtiger_role (roleid, rolename, parentrole, depth) VALUES ('H6', 'Support Agent', 'H1::H2::H3::H4::H6', 4)`,
		`INSERT INTO vtiger_role2profile (roleid, profileid) VALUES ('H6', 3)`,
		`INSERT INTO vtiger_role2picklist (roleid, picklistvalueid, picklistid, sortid)
			SELECT 'H6', picklistvalueid, picklistid, sortid FROM vtiger_role2picklist WHERE roleid = 'H5'`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	users := mysql.NewUserService(db)
	if _, err := users.CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", FirstName: "Amy", LastName: "Chan",
		Extension: "101", RoleID: "H6"}); err != nil {
		t.Fatal(err)
	}
	admin, err := users.FindUserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	records := mysql.NewRecordService(db, phones, mysqltest.Logger())
	create := func(module string, vals map[string]string) int64 {
		t.Helper()
		r, err := records.CreateRecord(ctx, admin, module, vals)
		if err != nil {
			t.Fatalf("create %s: %v", module, err)
		}
		return r.ID
	}
	acc := create("Accounts", map[string]string{"accountname": "Acme"})
	create("Contacts", map[string]string{"firstname": "Alice", "lastname": "Wong", "phone": "+1 (415) 555-0142", "account_id": fmt.Sprint(acc)})
	due := time.Now().UTC().AddDate(0, 0, 60).Format(time.DateOnly)
	gold := create("ServiceContracts", map[string]string{"subject": "Gold support", "sc_related_to": fmt.Sprint(acc),
		"tracking_unit": "Hours", "total_units": "10", "start_date": time.Now().UTC().AddDate(0, 0, -30).Format(time.DateOnly),
		"due_date": due, "contract_status": "In Progress"})
	earlier := create("HelpDesk", map[string]string{"ticket_title": "Printer jams", "ticketstatus": "Closed", "hours": "2", "parent_id": fmt.Sprint(acc)})
	if err := records.LinkRecords(ctx, admin, "ServiceContracts", gold, "HelpDesk", earlier); err != nil {
		t.Fatal(err)
	}
	support := mysql.NewSupportService(db, records, nil, mysqltest.Logger())
	if _, err := support.AddSupportLine(ctx, crm.SupportLine{Kind: crm.SupportByDID, Value: amisim.DefaultDID, Name: "Hotline"}); err != nil {
		t.Fatal(err)
	}
	sim := addSimPBX(t, db, "sim", amisim.Config{Dialect: ami.DialectAMI2, Username: "tl", Secret: "tl", Seed: 7})
	url := startSupportNode(t, db, phones)
	waitPBXsConnected(t, db, "pbx connected", 10*time.Second)
	amy := newPopBrowser(t, url, "amy", "amy-secret-1", "/")

	const pop = "#callpop .pop"
	sim.Place(amisim.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Agent: "101",
		Ring: 6 * time.Second, Talk: 20 * time.Second, Answered: true})
	amy.do("ringing pop shows the contract", chromedp.WaitVisible(chromedp.CSS(pop+" .popcontract")))
	// Read the status and the contract line at once: both describe the
	// ringing call, before anyone answered.
	got := amy.eval(`(() => { const p = document.querySelector("#callpop .pop");
		return p.querySelector(".popstatus").textContent + " | " + p.querySelector(".popcontract").textContent; })()`)
	if want := "Ringing | Gold support — 8 hours left, ends " + due; got != want {
		t.Errorf("ringing pop: got %q, want %q", got, want)
	}
	amy.wantText(pop+" .popticket", "Support line: Hotline")

	amy.waitText(pop+" .popstatus", "On call")
	amy.do("the new ticket shows", chromedp.WaitVisible(chromedp.CSS(pop+" .popticketopen")))
	amy.wantText(pop+" .popticketlink", "Call from Alice Wong on ")
	amy.wantText(pop+" .popcontract", "Gold support — 8 hours left")
	var ticket int64
	if err := db.GetContext(ctx, &ticket, `SELECT ticketid FROM tl_support_calls`); err != nil {
		t.Fatalf("the call's ticket: %v", err)
	}

	// Amy completes the ticket in the pop while Alice is on the line.
	const editor = pop + " form.popeditor"
	amy.do("edit the ticket in the pop",
		chromedp.Click(chromedp.CSS(pop+" .popticketedit")),
		chromedp.WaitVisible(chromedp.CSS(editor+` select[name="ticketstatus"]`)),
		chromedp.SetValue(chromedp.CSS(editor+` select[name="ticketstatus"]`), "In Progress"),
		chromedp.SetValue(chromedp.CSS(editor+` select[name="ticketpriorities"]`), "Urgent"),
		chromedp.SendKeys(chromedp.CSS(editor+` textarea[name="description"]`), " Toner replaced."),
		chromedp.Click(chromedp.CSS(editor+" button.primary")),
		chromedp.WaitNotVisible(chromedp.CSS(editor)))
	amy.waitText(pop+" .popticketlink", "In Progress")
	if st := amy.eval(`document.querySelector("#callpop .pop .popstatus").textContent`); st != "On call" {
		t.Fatalf("the ticket was saved with the call %q, want it saved during the call (a very slow machine?)", st)
	}
	var status, priority, hours string
	row := db.QueryRowContext(ctx, `SELECT status, priority, COALESCE(hours, '') FROM vtiger_troubletickets WHERE ticketid = ?`, ticket)
	if err := row.Scan(&status, &priority, &hours); err != nil {
		t.Fatal(err)
	}
	if status != "In Progress" || priority != "Urgent" || hours != "" {
		t.Errorf("saved ticket: got %s/%s hours %q, want In Progress/Urgent and no hours yet", status, priority, hours)
	}

	// Hang-up: the talk time goes on the ticket and the contract.
	waitUntil(t, "the pop says the call ended", 45*time.Second, func() bool {
		return amy.eval(`String(document.querySelectorAll("#callpop .pop.ended").length)`) == "1"
	})
	var talk, billed int
	waitUntil(t, "talk time counted", 10*time.Second, func() bool {
		return db.GetContext(ctx, &talk, `SELECT talk_seconds FROM tl_support_calls WHERE ticketid = ?`, ticket) == nil && talk > 0
	})
	if err := db.GetContext(ctx, &billed, `SELECT billduration FROM vtiger_pbxmanager WHERE gateway = 'sim'`); err != nil {
		t.Fatal(err)
	}
	wantUsed := 2 + crm.TicketHours(billed)
	var used, ticketHours string
	db.GetContext(ctx, &used, `SELECT CAST(used_units AS CHAR) FROM vtiger_servicecontracts WHERE servicecontractsid = ?`, gold)
	db.GetContext(ctx, &ticketHours, `SELECT COALESCE(hours, '') FROM vtiger_troubletickets WHERE ticketid = ?`, ticket)
	if billed <= 0 || talk != billed || used != fmt.Sprintf("%d.00", wantUsed) || ticketHours != fmt.Sprint(crm.TicketHours(billed)) {
		t.Errorf("after hang-up: billed %d s, counted %d s, ticket hours %q, contract used %s; want the billed time counted, %d hour(s) on the ticket, %d.00 used",
			billed, talk, ticketHours, used, crm.TicketHours(billed), wantUsed)
	}
	amy.waitText(pop+" .popcontract", fmt.Sprintf("Gold support — %d hours left", 10-wantUsed))
	if n := amy.exceptions.Load(); n != 0 {
		t.Errorf("got %d uncaught JavaScript exceptions, want none", n)
	}
}

// startSupportNode wires one node as serve does, on an in-process bus,
// with its PBX connections, and serves it; the test's cleanup stops it.
func startSupportNode(t *testing.T, db *mysql.DB, phones *phone.Normalizer) string {
	t.Helper()
	log := mysqltest.Logger()
	bus := realtime.NewMemoryBus()
	n, err := newNode(context.Background(), db, bus, phones, web.Config{InsecureCookies: true, Version: "test"}, defaultDial, log)
	if err != nil {
		t.Fatal(err)
	}
	bg, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait(); _ = bus.Close() })
	if err := n.start(bg, &wg, true); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(n.srv.Handler())
	t.Cleanup(ts.Close)
	return ts.URL
}
