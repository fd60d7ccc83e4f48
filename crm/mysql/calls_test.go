package mysql_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// callFixture is a fresh database with an agent "amy" on extension 101
// and a contact to link calls to.
type callFixture struct {
	db      *mysql.DB
	dsn     string
	calls   *mysql.CallService
	agent   *crm.User
	contact *crm.Record
}

func newCallFixture(t *testing.T) *callFixture {
	t.Helper()
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	agent, err := mysql.NewUserService(db).CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", Extension: "101"})
	if err != nil {
		t.Fatal(err)
	}
	con, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"firstname": "Mei", "lastname": "Chan", "phone": "+1 (415) 555-0142"})
	if err != nil {
		t.Fatal(err)
	}
	return &callFixture{db: db, dsn: callDSN(t, db), calls: mysql.NewCallService(db, mysqltest.Logger()), agent: agent, contact: con}
}

// callDSN rebuilds the DSN of db's database, for a second pool (a second node).
func callDSN(t *testing.T, db *mysql.DB) string {
	dsn, err := mysql.WithDatabase(mysqltest.ServerDSN(), db.Name)
	if err != nil {
		t.Fatal(err)
	}
	return dsn
}

var callStart = time.Date(2026, 3, 2, 9, 15, 0, 0, time.UTC)

func callInbound(uid string) crm.CallRecord {
	return crm.CallRecord{
		Gateway: "main", SourceUniqueID: uid, Direction: crm.DirectionInbound, Status: crm.CallStatusCompleted,
		StartTime: callStart, AnswerTime: callStart.Add(12 * time.Second), EndTime: callStart.Add(192 * time.Second),
		TotalSeconds: 192, BillableSeconds: 180, AgentExtension: "101", Agents: []string{"101"},
		CustomerNumber: "+14155550142", DID: "2125550100", Queue: "support",
	}
}

// callColumns is every column SaveCall writes, read back.
type callColumns struct {
	CallFrom, CallTo, TimeOfCall, Status string
	Direction, CallStatus                string
	StartTime                            time.Time
	EndTime                              sql.NullTime
	TotalDuration, BillDuration          int
	SourceUUID, Gateway                  string
	Customer                             sql.NullInt64
	User, CustomerNumber, CustomerType   sql.NullString
	Setype                               string
	Owner                                int64
	CFRows                               int
}

func readCall(t *testing.T, db *mysql.DB, id int64) callColumns {
	t.Helper()
	const q = `SELECT p.callfrom, p.callto, p.timeofcall, p.status, p.direction, p.callstatus, p.starttime,
		p.endtime, p.totalduration, p.billduration, p.sourceuuid, p.gateway, p.customer, p.user,
		p.customernumber, p.customertype, e.setype, e.smownerid,
		(SELECT COUNT(*) FROM vtiger_pbxmanagercf cf WHERE cf.pbxmanagerid = p.pbxmanagerid)
		FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid WHERE p.pbxmanagerid = ?`
	var r callColumns
	err := db.QueryRowContext(context.Background(), q, id).Scan(&r.CallFrom, &r.CallTo, &r.TimeOfCall, &r.Status,
		&r.Direction, &r.CallStatus, &r.StartTime, &r.EndTime, &r.TotalDuration, &r.BillDuration, &r.SourceUUID,
		&r.Gateway, &r.Customer, &r.User, &r.CustomerNumber, &r.CustomerType, &r.Setype, &r.Owner, &r.CFRows)
	if err != nil {
		t.Fatalf("read call %d: %v", id, err)
	}
	return r
}

func callCount(t *testing.T, db *mysql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.GetContext(context.Background(), &n, q, args...); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSaveCallInboundAnswered(t *testing.T) {
	f := newCallFixture(t)
	link := crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"}
	id, created, err := f.calls.SaveCall(context.Background(), callInbound("1772442900.42"), link)
	if err != nil || !created || id == 0 {
		t.Fatalf("SaveCall: got id %d created %v err %v, want a new row", id, created, err)
	}
	got := readCall(t, f.db, id)
	want := callColumns{
		CallFrom: "+14155550142", CallTo: "101", TimeOfCall: "2026-03-02 09:15:00", Status: "incoming-received",
		Direction: "inbound", CallStatus: "completed", StartTime: callStart,
		EndTime:       sql.NullTime{Time: callStart.Add(192 * time.Second), Valid: true},
		TotalDuration: 192, BillDuration: 180, SourceUUID: "1772442900.42", Gateway: "main",
		Customer:       sql.NullInt64{Int64: f.contact.ID, Valid: true},
		User:           sql.NullString{String: fmt.Sprint(f.agent.ID), Valid: true},
		CustomerNumber: sql.NullString{String: "+14155550142", Valid: true},
		CustomerType:   sql.NullString{String: "Contacts", Valid: true},
		Setype:         "PBXManager", Owner: f.agent.ID, CFRows: 1,
	}
	if got != want {
		t.Errorf("stored call:\n got %+v\nwant %+v", got, want)
	}
}

func TestSaveCallMissedAndOutbound(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	missed := callInbound("1772442900.50")
	missed.Status, missed.AgentExtension, missed.BillableSeconds, missed.AnswerTime = crm.CallStatusNoAnswer, "199", 0, time.Time{}
	id, _, err := f.calls.SaveCall(ctx, missed, crm.CallLink{})
	if err != nil {
		t.Fatal(err)
	}
	got := readCall(t, f.db, id)
	if got.Status != "incoming-missed" || got.CallStatus != "no-answer" || got.CallTo != "199" {
		t.Errorf("missed call: got status %q callstatus %q callto %q", got.Status, got.CallStatus, got.CallTo)
	}
	if got.Owner != 1 || got.User.Valid || got.Customer.Valid {
		t.Errorf("missed call of an unknown extension: got owner %d user %v customer %v, want admin (1), NULL, NULL", got.Owner, got.User, got.Customer)
	}

	out := crm.CallRecord{
		Gateway: "main", SourceUniqueID: "1772442900.60", Direction: crm.DirectionOutbound, Status: crm.CallStatusCompleted,
		StartTime: callStart, EndTime: callStart.Add(65 * time.Second), TotalSeconds: 65, BillableSeconds: 50,
		AgentExtension: "101", CustomerNumber: "4155550142",
	}
	id, _, err = f.calls.SaveCall(ctx, out, crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"})
	if err != nil {
		t.Fatal(err)
	}
	got = readCall(t, f.db, id)
	if got.Status != "outgoing" || got.Direction != "outbound" || got.CallFrom != "101" || got.CallTo != "4155550142" || got.Owner != f.agent.ID {
		t.Errorf("outbound call: got %+v", got)
	}
}

func TestSaveCallIdempotent(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	rec := callInbound("1772442900.70")
	ringing := rec
	ringing.Status, ringing.EndTime, ringing.TotalSeconds, ringing.BillableSeconds = crm.CallStatusRinging, time.Time{}, 0, 0
	link := crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"}

	id, created, err := f.calls.SaveCall(ctx, ringing, link)
	if err != nil || !created {
		t.Fatalf("first save: created %v err %v", created, err)
	}
	if s := readCall(t, f.db, id).Status; s != "incoming-ringing" {
		t.Errorf("ringing snapshot: got status %q, want incoming-ringing", s)
	}
	id2, created, err := f.calls.SaveCall(ctx, rec, crm.CallLink{}) // final record, link not repeated
	if err != nil || created || id2 != id {
		t.Fatalf("final save: got id %d created %v err %v, want id %d updated in place", id2, created, err, id)
	}
	// A replay of the final record changes nothing, not even modifiedtime.
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	f.db.ExecContext(ctx, `UPDATE vtiger_crmentity SET modifiedtime = ? WHERE crmid = ?`, old, id)
	if _, _, err := f.calls.SaveCall(ctx, rec, link); err != nil {
		t.Fatal(err)
	}
	// A late replay of the ringing snapshot does not undo the end.
	if _, _, err := f.calls.SaveCall(ctx, ringing, link); err != nil {
		t.Fatal(err)
	}
	got := readCall(t, f.db, id)
	if got.CallStatus != "completed" || got.Status != "incoming-received" || !got.EndTime.Valid || got.Customer.Int64 != f.contact.ID {
		t.Errorf("after replays: got %+v, want the completed call linked to the contact", got)
	}
	var mod time.Time
	f.db.GetContext(ctx, &mod, `SELECT modifiedtime FROM vtiger_crmentity WHERE crmid = ?`, id)
	if !mod.Equal(old) {
		t.Errorf("replay touched modifiedtime: got %v, want %v", mod, old)
	}
	assertOneCall(t, f.db, rec.SourceUniqueID)
}

func assertOneCall(t *testing.T, db *mysql.DB, uid string) {
	t.Helper()
	if n := callCount(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanager WHERE sourceuuid = ?`, uid); n != 1 {
		t.Errorf("vtiger_pbxmanager rows for %s: got %d, want 1", uid, n)
	}
	if n := callCount(t, db, `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype = 'PBXManager'`); n != 1 {
		t.Errorf("PBXManager crmentity rows: got %d, want 1", n)
	}
	if n := callCount(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanagercf`); n != 1 {
		t.Errorf("vtiger_pbxmanagercf rows: got %d, want 1", n)
	}
}

// TestSaveCallConcurrentNodes saves one call from two nodes (two pools)
// at once, several times each: one row, one crmentity, one creator.
func TestSaveCallConcurrentNodes(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	other, err := mysql.Open(ctx, f.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	nodes := []*mysql.CallService{f.calls, mysql.NewCallService(other, mysqltest.Logger())}
	rec := callInbound("1772442900.80")
	var wg sync.WaitGroup
	var mu sync.Mutex
	ids, creators := map[int64]bool{}, 0
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(node *mysql.CallService) {
			defer wg.Done()
			id, created, err := node.SaveCall(ctx, rec, crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"})
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				t.Errorf("SaveCall: %v", err)
				return
			}
			ids[id] = true
			if created {
				creators++
			}
		}(nodes[i%2])
	}
	wg.Wait()
	if len(ids) != 1 || creators != 1 {
		t.Errorf("concurrent saves: got ids %v and %d creators, want one id and one creator", ids, creators)
	}
	assertOneCall(t, f.db, rec.SourceUniqueID)
}

func TestSaveCallInvalid(t *testing.T) {
	f := newCallFixture(t)
	for name, rec := range map[string]crm.CallRecord{
		"no gateway":       {SourceUniqueID: "1.1", StartTime: callStart},
		"no uniqueid":      {Gateway: "main", StartTime: callStart},
		"gateway too long": {Gateway: "a-gateway-name-over-twenty", SourceUniqueID: "1.1", StartTime: callStart},
		"no start":         {Gateway: "main", SourceUniqueID: "1.1"},
	} {
		if _, _, err := f.calls.SaveCall(context.Background(), rec, crm.CallLink{}); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("%s: got %v, want invalid", name, err)
		}
	}
}

func TestFindCallsAndStats(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	link := crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"}
	for i := 0; i < 5; i++ {
		rec := callInbound(fmt.Sprintf("1772442900.%d", 100+i))
		rec.StartTime = callStart.Add(time.Duration(i) * time.Minute)
		l := link
		if i == 4 {
			rec.Status, rec.BillableSeconds, rec.AgentExtension = crm.CallStatusAbandoned, 0, ""
			l = crm.CallLink{}
		}
		if i == 3 {
			rec.Status, rec.BillableSeconds = crm.CallStatusNoAnswer, 0
		}
		if _, _, err := f.calls.SaveCall(ctx, rec, l); err != nil {
			t.Fatal(err)
		}
	}
	byCustomer, err := f.calls.FindCalls(ctx, crm.CallFilter{CustomerID: &f.contact.ID, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(byCustomer) != 2 || byCustomer[0].SourceUniqueID != "1772442900.103" || byCustomer[1].SourceUniqueID != "1772442900.102" {
		t.Fatalf("customer's calls page 1: got %v, want .103 then .102", callUIDs(byCustomer))
	}
	if c := byCustomer[0]; c.Link.CustomerModule != "Contacts" || c.Link.UserID != f.agent.ID || c.AgentExtension != "101" || c.CustomerNumber != "+14155550142" {
		t.Errorf("stored call: got %+v", c)
	}
	page2, _ := f.calls.FindCalls(ctx, crm.CallFilter{CustomerID: &f.contact.ID, Limit: 2, Offset: 2})
	if len(page2) != 2 || page2[0].SourceUniqueID != "1772442900.101" {
		t.Errorf("customer's calls page 2: got %v", callUIDs(page2))
	}
	byAgent, _ := f.calls.FindCalls(ctx, crm.CallFilter{UserID: &f.agent.ID})
	if len(byAgent) != 4 {
		t.Errorf("agent's calls: got %v, want 4 (the abandoned call had no agent)", callUIDs(byAgent))
	}

	st, err := f.calls.CallsToday(ctx, callStart.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	want := crm.CallStats{Day: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Inbound: 5, Answered: 3, Missed: 1, Abandoned: 1,
		AvgWait: 12 * time.Second, AvgTalk: 180 * time.Second}
	if *st != want {
		t.Errorf("CallsToday:\n got %+v\nwant %+v", *st, want)
	}
	if st, _ := f.calls.CallsToday(ctx, callStart.AddDate(0, 0, 1)); st.Inbound != 0 {
		t.Errorf("next day: got %+v, want no calls", *st)
	}

	// A call linked while in progress is stored open: Ended leaves it out.
	open := callInbound("1772442900.200")
	open.StartTime, open.EndTime = callStart.Add(10*time.Minute), time.Time{}
	open.Status, open.TotalSeconds, open.BillableSeconds = crm.CallStatusInProgress, 0, 0
	if _, _, err := f.calls.SaveCall(ctx, open, link); err != nil {
		t.Fatal(err)
	}
	if all, _ := f.calls.FindCalls(ctx, crm.CallFilter{UserID: &f.agent.ID}); len(all) != 5 || all[0].SourceUniqueID != "1772442900.200" {
		t.Errorf("agent's calls with the open one: got %v, want .200 first of 5", callUIDs(all))
	}
	ended, err := f.calls.FindCalls(ctx, crm.CallFilter{UserID: &f.agent.ID, Ended: true, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(ended) != 2 || ended[0].SourceUniqueID != "1772442900.103" {
		t.Errorf("agent's ended calls: got %v, want .103 and .102", callUIDs(ended))
	}
}

func callUIDs(calls []*crm.StoredCall) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.SourceUniqueID)
	}
	return out
}
