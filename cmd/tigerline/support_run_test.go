package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
)

// supportEnv is one support test's world: a fresh database with an agent
// on extension 101, a support line on the simulator's DID, the simulator
// and the in-process bus.
type supportEnv struct {
	t       *testing.T
	ctx     context.Context
	db      *mysql.DB
	records *mysql.RecordService
	support *mysql.SupportService
	admin   *crm.User
	agent   *crm.User
	phones  *phone.Normalizer
	users   *mysql.UserService
	sim     *amisim.Server
	bus     *realtime.MemoryBus
	events  *busLog
	gw      string
}

func newSupportEnv(t *testing.T, window time.Duration) *supportEnv {
	t.Helper()
	e := &supportEnv{t: t, ctx: context.Background(), gw: "sim"}
	e.db, _ = mysqltest.NewDB(t)
	var err error
	if e.phones, err = phone.New("US"); err != nil {
		t.Fatal(err)
	}
	e.users = mysql.NewUserService(e.db)
	if e.agent, err = e.users.CreateUser(e.ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", FirstName: "Amy", LastName: "Chan", Extension: "101"}); err != nil {
		t.Fatal(err)
	}
	if e.admin, err = e.users.FindUserByName(e.ctx, "admin"); err != nil {
		t.Fatal(err)
	}
	e.records = mysql.NewRecordService(e.db, e.phones, mysqltest.Logger())
	e.bus = realtime.NewMemoryBus()
	t.Cleanup(func() { e.bus.Close() })
	e.events = subscribe(t, e.bus)
	e.support = mysql.NewSupportService(e.db, e.records, e.bus, mysqltest.Logger())
	if _, err := e.support.AddSupportLine(e.ctx, crm.SupportLine{Kind: crm.SupportByDID, Value: "+1 (800) 555-0100",
		Name: "Hotline", Priority: "High", Category: "Small Problem", RepeatWindow: window}); err != nil {
		t.Fatal(err)
	}
	e.sim = addSimPBX(t, e.db, e.gw, amisim.Config{Dialect: ami.DialectAMI2, Username: "tl", Secret: "tl", Seed: 7})
	return e
}

// startNode starts serve's PBX wiring, as one node does.
func (e *supportEnv) startNode() {
	e.t.Helper()
	ctx, stop := context.WithCancel(e.ctx)
	var wg sync.WaitGroup
	e.t.Cleanup(func() { stop(); wg.Wait() })
	if err := startPBXs(ctx, &wg, e.db, e.users, e.phones, e.bus, mysqltest.Logger()); err != nil {
		e.t.Fatal(err)
	}
}

// waitConnected waits for n AMI logins.
func (e *supportEnv) waitConnected(n int) {
	e.t.Helper()
	waitUntil(e.t, "pbx connected", 5*time.Second, func() bool { return e.sim.Logins() >= n })
}

func (e *supportEnv) make(module string, vals map[string]string) int64 {
	e.t.Helper()
	r, err := e.records.CreateRecord(e.ctx, e.admin, module, vals)
	if err != nil {
		e.t.Fatalf("create %s: %v", module, err)
	}
	return r.ID
}

// customer makes an account and its contact Alice with the caller's phone.
func (e *supportEnv) customer() (account, contact int64) {
	account = e.make("Accounts", map[string]string{"accountname": "Acme"})
	contact = e.make("Contacts", map[string]string{"firstname": "Alice", "lastname": "Wong",
		"phone": "+1 (415) 555-0142", "account_id": fmt.Sprint(account)})
	return account, contact
}

func day(offset int) string { return time.Now().UTC().AddDate(0, 0, offset).Format("2006-01-02") }

func (e *supportEnv) contract(related int64, unit, total, start, due string) int64 {
	return e.make("ServiceContracts", map[string]string{"subject": "Support " + due, "sc_related_to": fmt.Sprint(related),
		"tracking_unit": unit, "total_units": total, "start_date": start, "due_date": due, "contract_status": "In Progress"})
}

const aliceNumber = "+14155550142"

// call places an answered call on the support line from number and
// waits until its talk time is counted on its ticket.
func (e *supportEnv) call(number string) supportCallRow {
	e.t.Helper()
	before := len(e.supportCalls())
	e.sim.Place(amisim.Call{CallerNum: number, Agent: "101", Ring: 500 * time.Millisecond, Talk: 1500 * time.Millisecond, Answered: true})
	var row supportCallRow
	waitUntil(e.t, "support call counted", 10*time.Second, func() bool {
		rows := e.supportCalls()
		if len(rows) <= before {
			return false
		}
		row = rows[len(rows)-1]
		return row.Talk > 0 && row.PBX.Valid
	})
	return row
}

type supportCallRow struct {
	UUID    string
	Ticket  sql.NullInt64
	Talk    int
	PBX     sql.NullInt64
	Created bool
}

func (e *supportEnv) supportCalls() []supportCallRow {
	e.t.Helper()
	rows, err := e.db.QueryContext(e.ctx, `SELECT sourceuuid, ticketid, talk_seconds, pbxmanagerid, created_ticket
		FROM tl_support_calls ORDER BY id`)
	if err != nil {
		e.t.Fatal(err)
	}
	defer rows.Close()
	var out []supportCallRow
	for rows.Next() {
		var r supportCallRow
		if err := rows.Scan(&r.UUID, &r.Ticket, &r.Talk, &r.PBX, &r.Created); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// ticketRow is a live ticket's stored fields.
type ticketRow struct {
	Title, Status, Priority, Category, Parent, Hours, Description string
	Owner                                                         int64
}

func (e *supportEnv) ticket(id int64) ticketRow {
	e.t.Helper()
	var r ticketRow
	const q = `SELECT t.title, COALESCE(t.status, ''), COALESCE(t.priority, ''), COALESCE(t.category, ''),
		COALESCE(t.parent_id, ''), COALESCE(t.hours, ''), COALESCE(e.description, ''), e.smownerid
		FROM vtiger_troubletickets t JOIN vtiger_crmentity e ON e.crmid = t.ticketid AND e.deleted = 0 WHERE t.ticketid = ?`
	if err := e.db.QueryRowContext(e.ctx, q, id).Scan(&r.Title, &r.Status, &r.Priority, &r.Category, &r.Parent,
		&r.Hours, &r.Description, &r.Owner); err != nil {
		e.t.Fatalf("ticket %d: %v", id, err)
	}
	return r
}

func (e *supportEnv) liveTickets() int {
	var n int
	e.db.QueryRowContext(e.ctx, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype = 'HelpDesk' AND deleted = 0`).Scan(&n)
	return n
}

// related reports whether two records are linked in vtiger_crmentityrel.
func (e *supportEnv) related(a, b int64) bool {
	var n int
	e.db.QueryRowContext(e.ctx, `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE (crmid = ? AND relcrmid = ?) OR (crmid = ? AND relcrmid = ?)`,
		a, b, b, a).Scan(&n)
	return n > 0
}

func (e *supportEnv) contactLinked(contact, ticket int64) bool {
	var n int
	e.db.QueryRowContext(e.ctx, `SELECT COUNT(*) FROM vtiger_seticketsrel WHERE crmid = ? AND ticketid = ?`, contact, ticket).Scan(&n)
	return n > 0
}

// usage returns a contract's used units and progress as stored.
func (e *supportEnv) usage(id int64) (used, progress string) {
	e.t.Helper()
	const q = `SELECT COALESCE(CAST(used_units AS CHAR), ''), COALESCE(CAST(progress AS CHAR), '')
		FROM vtiger_servicecontracts WHERE servicecontractsid = ?`
	if err := e.db.QueryRowContext(e.ctx, q, id).Scan(&used, &progress); err != nil {
		e.t.Fatal(err)
	}
	return used, progress
}

// ticketEvents returns the ticket events sent to extension 101.
func (e *supportEnv) ticketEvents(typ string) []crm.TicketPayload {
	var out []crm.TicketPayload
	for _, ev := range e.events.all() {
		if ev.Type != typ || !slices.Contains(ev.Audience.Extensions, "101") {
			continue
		}
		var p crm.TicketPayload
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			e.t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func (e *supportEnv) created(ticket int64) crm.TicketPayload {
	e.t.Helper()
	var got crm.TicketPayload
	waitUntil(e.t, "ticket.created", 2*time.Second, func() bool {
		for _, p := range e.ticketEvents(crm.EventTicketCreated) {
			if p.TicketID == ticket {
				got = p
				return true
			}
		}
		return false
	})
	return got
}

// ringingPreview returns the support preview of the call.ringing event
// of call uuid, nil when it had none.
func (e *supportEnv) ringingPreview(uuid string) *crm.SupportPreview {
	e.t.Helper()
	for _, ev := range e.events.all() {
		if ev.Type != crm.EventCallRinging {
			continue
		}
		var p struct {
			Call    crm.CallRecord      `json:"call"`
			Support *crm.SupportPreview `json:"support"`
		}
		if err := json.Unmarshal(ev.Payload, &p); err != nil {
			e.t.Fatal(err)
		}
		if p.Call.SourceUniqueID == uuid {
			return p.Support
		}
	}
	e.t.Fatalf("no call.ringing event for call %s", uuid)
	return nil
}

// TestSupportCallOneContract: a call on the support DID from a contact
// with one Hours contract opens one ticket for the account, linked to
// the contact, the contract and the call record; its talk time adds an
// hour, which the contract counts while the ticket is open.
func TestSupportCallOneContract(t *testing.T) {
	t.Parallel()
	e := newSupportEnv(t, 0)
	acc, contact := e.customer()
	sc := e.contract(acc, "Hours", "10", day(-30), day(30))
	e.startNode()
	e.waitConnected(1)
	row := e.call(aliceNumber)

	tk := e.ticket(row.Ticket.Int64)
	if !strings.HasPrefix(tk.Title, "Call from Alice Wong on ") || tk.Status != "Open" || tk.Priority != "High" ||
		tk.Category != "Small Problem" || tk.Parent != fmt.Sprint(acc) || tk.Hours != "1" || tk.Owner != e.agent.ID {
		t.Errorf("ticket: got %+v, want Alice's open High/Small Problem ticket for account %d, 1 hour, owned by %d", tk, acc, e.agent.ID)
	}
	if !strings.Contains(tk.Description, aliceNumber) {
		t.Errorf("description %q lacks the caller's number", tk.Description)
	}
	if !e.related(row.Ticket.Int64, sc) || !e.related(row.Ticket.Int64, row.PBX.Int64) || !e.contactLinked(contact, row.Ticket.Int64) {
		t.Errorf("links: contract %v, call record %v, contact %v; want all", e.related(row.Ticket.Int64, sc),
			e.related(row.Ticket.Int64, row.PBX.Int64), e.contactLinked(contact, row.Ticket.Int64))
	}
	if used, progress := e.usage(sc); used != "1.00" || progress != "10.00" {
		t.Errorf("contract: got used %s progress %s, want 1.00 and 10.00", used, progress)
	}
	p := e.created(row.Ticket.Int64)
	if p.ContractState != crm.ContractActive || p.ContractSummary != "10 hours left" || p.Contract == nil || p.Contract.ID != sc {
		t.Errorf("ticket.created: got %s %q %+v, want active, 10 hours left, contract %d", p.ContractState, p.ContractSummary, p.Contract, sc)
	}
	waitUntil(t, "ticket.updated", 2*time.Second, func() bool {
		ups := e.ticketEvents(crm.EventTicketUpdated)
		return len(ups) > 0 && ups[len(ups)-1].Hours == "1" && ups[len(ups)-1].ContractSummary == "9 hours left"
	})
	if n := e.liveTickets(); n != 1 {
		t.Errorf("tickets: got %d, want 1", n)
	}
	// The agent corrects the time: the contract follows.
	if _, err := e.support.CorrectTicketTime(e.ctx, e.admin, row.Ticket.Int64, 3); err != nil {
		t.Fatal(err)
	}
	if used, progress := e.usage(sc); used != "3.00" || progress != "30.00" {
		t.Errorf("after correction: got used %s progress %s, want 3.00 and 30.00", used, progress)
	}
}

// TestSupportCallContractChoice covers the contract rule and the pop's
// plain words for each case.
func TestSupportCallContractChoice(t *testing.T) {
	cases := []struct {
		name      string
		contracts func(e *supportEnv, acc int64) (want int64)
		state     crm.ContractState
		summary   string
		linked    bool
		marker    string
	}{
		{"soonest with units", func(e *supportEnv, acc int64) int64 {
			e.contract(acc, "Hours", "10", day(-30), day(60))
			used := e.contract(acc, "Hours", "5", day(-30), day(5))
			accExecT(e, `UPDATE vtiger_servicecontracts SET used_units = 5 WHERE servicecontractsid = ?`, used)
			return e.contract(acc, "Hours", "20", day(-30), day(20))
		}, crm.ContractActive, "20 hours left", true, "counts against it"},
		{"none", func(e *supportEnv, acc int64) int64 { return 0 }, crm.ContractNone, "no active contract", false, "NO ACTIVE SERVICE CONTRACT"},
		{"expired", func(e *supportEnv, acc int64) int64 {
			e.contract(acc, "Hours", "10", day(-90), day(-40))
			return e.contract(acc, "Hours", "10", day(-60), day(-2))
		}, crm.ContractExpired, "expired on " + day(-2), false, "CONTRACT EXPIRED"},
		{"used up", func(e *supportEnv, acc int64) int64 {
			sc := e.contract(acc, "Incidents", "3", day(-30), day(30))
			accExecT(e, `UPDATE vtiger_servicecontracts SET used_units = 3 WHERE servicecontractsid = ?`, sc)
			return sc
		}, crm.ContractUsedUp, "0 incidents left", false, "NO UNITS LEFT"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			e := newSupportEnv(t, 0)
			acc, _ := e.customer()
			want := c.contracts(e, acc)
			var usedBefore string
			if want > 0 {
				usedBefore, _ = e.usage(want)
			}
			e.startNode()
			e.waitConnected(1)
			row := e.call(aliceNumber)
			p := e.created(row.Ticket.Int64)
			gotID := int64(0)
			if p.Contract != nil {
				gotID = p.Contract.ID
			}
			if p.ContractState != c.state || p.ContractSummary != c.summary || gotID != want {
				t.Errorf("pop: got %s %q contract %d, want %s %q contract %d", p.ContractState, p.ContractSummary, gotID, c.state, c.summary, want)
			}
			// The ringing pop said the same before the agent answered.
			if pre := e.ringingPreview(row.UUID); pre == nil || pre.Line != "Hotline" || pre.Standing != p.Standing ||
				pre.Standing.State != c.state || pre.Standing.ID != want {
				t.Errorf("ringing preview: got %+v, want line Hotline and the ticket's standing %+v", pre, p.Standing)
			}
			tk := e.ticket(row.Ticket.Int64)
			if !strings.Contains(tk.Description, c.marker) || tk.Hours != "1" {
				t.Errorf("ticket: got description %q hours %q, want %q and 1 hour", tk.Description, tk.Hours, c.marker)
			}
			if want == 0 {
				return
			}
			if e.related(row.Ticket.Int64, want) != c.linked {
				t.Errorf("ticket linked to contract %d: got %v, want %v", want, !c.linked, c.linked)
			}
			used, _ := e.usage(want)
			if c.linked && used != "1.00" || !c.linked && used != usedBefore {
				t.Errorf("contract used units: got %s (before %s), linked %v", used, usedBefore, c.linked)
			}
		})
	}
}

func accExecT(e *supportEnv, q string, args ...any) {
	e.t.Helper()
	if _, err := e.db.ExecContext(e.ctx, q, args...); err != nil {
		e.t.Fatal(err)
	}
}

// TestSupportCallUnknownThenLinked: an unknown caller's ticket keeps the
// number; linking the contact later sets the parent and charges the
// contact's contract with the call's time.
func TestSupportCallUnknownThenLinked(t *testing.T) {
	t.Parallel()
	e := newSupportEnv(t, 0)
	e.startNode()
	e.waitConnected(1)
	row := e.call("+16175550111")
	tk := e.ticket(row.Ticket.Int64)
	if tk.Parent != "" || !strings.Contains(tk.Title, "+16175550111") || !strings.Contains(tk.Description, "unknown caller") {
		t.Errorf("unknown caller's ticket: got %+v", tk)
	}
	if p := e.created(row.Ticket.Int64); p.ContractState != crm.ContractNone || p.ContractSummary != "no active contract" {
		t.Errorf("pop: got %s %q, want none", p.ContractState, p.ContractSummary)
	}
	acc := e.make("Accounts", map[string]string{"accountname": "Globex"})
	contact := e.make("Contacts", map[string]string{"firstname": "Bob", "lastname": "Ray", "account_id": fmt.Sprint(acc)})
	sc := e.contract(contact, "Hours", "4", day(-1), day(10))
	p, err := e.support.LinkTicketToContact(e.ctx, row.Ticket.Int64, contact)
	if err != nil {
		t.Fatal(err)
	}
	if tk := e.ticket(row.Ticket.Int64); tk.Parent != fmt.Sprint(acc) || !e.contactLinked(contact, row.Ticket.Int64) || !e.related(row.Ticket.Int64, sc) {
		t.Errorf("after linking: parent %q, contact linked %v, contract linked %v", tk.Parent, e.contactLinked(contact, row.Ticket.Int64), e.related(row.Ticket.Int64, sc))
	}
	if used, progress := e.usage(sc); used != "1.00" || progress != "25.00" || p.ContractSummary != "3 hours left" {
		t.Errorf("contract: got used %s progress %s summary %q, want 1.00, 25.00, 3 hours left", used, progress, p.ContractSummary)
	}
}

// TestSupportCallRepeatCaller: a second call within the window opens a
// new ticket (the default) whose pop offers the first; attaching the
// call to it discards the new ticket and moves the call's time.
func TestSupportCallRepeatCaller(t *testing.T) {
	t.Parallel()
	e := newSupportEnv(t, time.Hour)
	acc, _ := e.customer()
	sc := e.contract(acc, "Hours", "10", day(-30), day(30))
	e.startNode()
	e.waitConnected(1)
	first := e.call(aliceNumber)
	second := e.call(aliceNumber)
	if first.Ticket == second.Ticket {
		t.Fatalf("second call: got ticket %d again, want a new one by default", second.Ticket.Int64)
	}
	p := e.created(second.Ticket.Int64)
	if len(p.Recent) != 1 || p.Recent[0].TicketID != first.Ticket.Int64 {
		t.Errorf("recent tickets offered: got %+v, want the first ticket %d", p.Recent, first.Ticket.Int64)
	}
	if used, _ := e.usage(sc); used != "2.00" {
		t.Errorf("two tickets: used %s, want 2.00", used)
	}
	if _, err := e.support.AttachCallToTicket(e.ctx, e.gw, second.UUID, first.Ticket.Int64); err != nil {
		t.Fatal(err)
	}
	if n := e.liveTickets(); n != 1 {
		t.Errorf("live tickets after attaching: got %d, want 1 (the new one discarded)", n)
	}
	if tk := e.ticket(first.Ticket.Int64); tk.Hours != "1" {
		t.Errorf("first ticket hours: got %q, want 1 (two short calls round up together)", tk.Hours)
	}
	if !e.related(first.Ticket.Int64, second.PBX.Int64) || e.related(second.Ticket.Int64, second.PBX.Int64) {
		t.Errorf("call record link did not move to ticket %d", first.Ticket.Int64)
	}
	if used, _ := e.usage(sc); used != "1.00" {
		t.Errorf("after attaching: used %s, want 1.00", used)
	}
}

// TestSupportCallTwoNodes: two nodes on the same database hear the same
// PBX; the call still has exactly one ticket and its time counts once.
func TestSupportCallTwoNodes(t *testing.T) {
	t.Parallel()
	e := newSupportEnv(t, 0)
	acc, _ := e.customer()
	sc := e.contract(acc, "Hours", "10", day(-30), day(30))
	e.startNode()
	e.startNode()
	e.waitConnected(2)
	row := e.call(aliceNumber)
	time.Sleep(500 * time.Millisecond) // a second ticket would show by now
	if n, rows := e.liveTickets(), e.supportCalls(); n != 1 || len(rows) != 1 {
		t.Fatalf("got %d tickets and %d support calls, want 1 and 1", n, len(rows))
	}
	if tk := e.ticket(row.Ticket.Int64); tk.Hours != "1" {
		t.Errorf("hours: got %q, want 1", tk.Hours)
	}
	if used, _ := e.usage(sc); used != "1.00" {
		t.Errorf("used: got %s, want 1.00", used)
	}
	if n := len(e.ticketEvents(crm.EventTicketCreated)); n != 1 {
		t.Errorf("ticket.created events: got %d, want 1", n)
	}
}

// TestSupportCallReplayed feeds one call's events to a call flow, then
// again to a fresh flow (a restarted node replaying them): one ticket,
// time counted once.
func TestSupportCallReplayed(t *testing.T) {
	t.Parallel()
	e := newSupportEnv(t, 0)
	acc, _ := e.customer()
	sc := e.contract(acc, "Hours", "10", day(-30), day(30))
	gen := amisim.NewGenerator(ami.DialectAMI2, 3)
	start := time.Now().Add(-time.Minute)
	frames := gen.Frames(amisim.Call{CallerNum: aliceNumber, Agent: "101", Ring: time.Second, Talk: 20 * time.Second, Answered: true}, start)
	for range 2 {
		tc, err := trackerConfig(&crm.PBX{Name: e.gw, InboundContexts: []string{"from-pstn"}, DIDs: []string{amisim.DefaultDID}})
		if err != nil {
			t.Fatal(err)
		}
		tc.Agents["101"] = true
		flow := crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: mysql.NewCallService(e.db, mysqltest.Logger()),
			Lookup: mysql.NewLookupService(e.db, e.phones), Publisher: e.bus, Support: e.support, Log: mysqltest.Logger()})
		norm := ami.Normalizer{Gateway: e.gw, Dialect: ami.DialectAMI2}
		for _, f := range frames {
			for _, ev := range norm.Normalize(f.Msg, start.Add(f.At)) {
				flow.Handle(e.ctx, ev)
			}
		}
		if flow.Pending() != 0 {
			t.Fatalf("flow left %d saves pending", flow.Pending())
		}
	}
	rows := e.supportCalls()
	if n := e.liveTickets(); n != 1 || len(rows) != 1 {
		t.Fatalf("got %d tickets and %d support calls, want 1 and 1", n, len(rows))
	}
	if rows[0].Talk != 20 || !rows[0].PBX.Valid {
		t.Errorf("support call: got %+v, want 20 s counted and the call record linked", rows[0])
	}
	if tk := e.ticket(rows[0].Ticket.Int64); tk.Hours != "1" {
		t.Errorf("hours: got %q, want 1", tk.Hours)
	}
	if used, _ := e.usage(sc); used != "1.00" {
		t.Errorf("used: got %s, want 1.00", used)
	}
}
