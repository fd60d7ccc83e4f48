package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/ami/amitest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/realtime"
)

// busLog collects what a bus delivers.
type busLog struct {
	mu  sync.Mutex
	evs []crm.Event
}

func (b *busLog) add(e crm.Event) {
	b.mu.Lock()
	b.evs = append(b.evs, e)
	b.mu.Unlock()
}

func (b *busLog) all() []crm.Event {
	b.mu.Lock()
	defer b.mu.Unlock()
	return slices.Clone(b.evs)
}

func subscribe(t *testing.T, bus realtime.Bus) *busLog {
	t.Helper()
	got := &busLog{}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = bus.Subscribe(ctx, got.add, nil) })
	t.Cleanup(func() { cancel(); wg.Wait() })
	return got
}

func waitUntil(t *testing.T, what string, within time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// storedCall is a vtiger_pbxmanager row, both column sets.
type storedCall struct {
	CallFrom, CallTo, Status, TimeOfCall    string
	Direction, CallStatus, SourceUUID       string
	StartTime                               time.Time
	EndTime                                 sql.NullTime
	TotalDuration, BillDuration             int
	Customer                                sql.NullInt64
	User, CustomerNumber, CustomerType, Gwy sql.NullString
}

func storedCalls(t *testing.T, db *mysql.DB, gateway string) []storedCall {
	t.Helper()
	const q = `SELECT p.callfrom, p.callto, p.status, p.timeofcall, p.direction, p.callstatus, p.sourceuuid,
		p.starttime, p.endtime, p.totalduration, p.billduration, p.customer, p.user, p.customernumber,
		p.customertype, p.gateway
		FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid
		WHERE p.gateway = ? AND e.deleted = 0 ORDER BY p.starttime`
	rows, err := db.QueryContext(context.Background(), q, gateway)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []storedCall
	for rows.Next() {
		var c storedCall
		if err := rows.Scan(&c.CallFrom, &c.CallTo, &c.Status, &c.TimeOfCall, &c.Direction, &c.CallStatus, &c.SourceUUID,
			&c.StartTime, &c.EndTime, &c.TotalDuration, &c.BillDuration, &c.Customer, &c.User, &c.CustomerNumber,
			&c.CustomerType, &c.Gwy); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	return out
}

// TestPBXEndToEnd runs the simulator in AMI 2 and in 1.4 against serve's
// PBX wiring on a real database and the in-process bus: each call gives
// exactly one vtiger_pbxmanager row with both column sets, linked to the
// contact with the caller's phone and to the agent's user, and the agent's
// extension receives call.ringing then call.ended.
func TestPBXEndToEnd(t *testing.T) {
	for _, d := range []ami.Dialect{ami.DialectAMI2, ami.Dialect14} {
		t.Run(d.String(), func(t *testing.T) {
			t.Parallel()
			testEndToEnd(t, d)
		})
	}
}

func testEndToEnd(t *testing.T, d ami.Dialect) {
	parties := newCallParties(t)
	db, phones, users, agent, alice := parties.db, parties.phones, parties.users, parties.agent, parties.alice
	gw := "sim-" + strings.ReplaceAll(d.String(), ".", "")
	sim := addSimPBX(t, db, gw, amisim.Config{Dialect: d, Username: "tigerline", Secret: "tigerline", Seed: 5})
	bus := realtime.NewMemoryBus()
	t.Cleanup(func() { bus.Close() })
	got := subscribe(t, bus)

	runTestPBXs(t, db, users, phones, bus, defaultDial)

	sim.Place(amisim.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Agent: "101",
		Ring: time.Second, Talk: 2 * time.Second, Answered: true})
	sim.Place(amisim.Call{CallerNum: "+16175550111", Agent: "101", Ring: time.Second})
	waitUntil(t, "two calls stored", 10*time.Second, func() bool { return len(storedCalls(t, db, gw)) >= 2 })
	time.Sleep(300 * time.Millisecond) // a duplicate would show by now
	calls := storedCalls(t, db, gw)
	if len(calls) != 2 {
		t.Fatalf("rows: got %d, want exactly 2 (one per call): %+v", len(calls), calls)
	}
	checkAnswered(t, calls, alice.ID, agent.ID)
	checkMissed(t, calls, agent.ID)
	checkPops(t, got.all(), alice.ID)
}

func findCall(calls []storedCall, from string) *storedCall {
	for i := range calls {
		if calls[i].CallFrom == from {
			return &calls[i]
		}
	}
	return nil
}

func checkAnswered(t *testing.T, calls []storedCall, contact, user int64) {
	t.Helper()
	c := findCall(calls, "+14155550142")
	if c == nil {
		t.Fatalf("no row for +14155550142 in %+v", calls)
	}
	if c.Direction != "inbound" || c.CallStatus != "completed" || c.CallTo != "101" || c.Status != "incoming-received" {
		t.Errorf("answered call: got direction %s callstatus %s callto %s status %s, want inbound completed 101 incoming-received",
			c.Direction, c.CallStatus, c.CallTo, c.Status)
	}
	if !c.Customer.Valid || c.Customer.Int64 != contact || c.CustomerType.String != "Contacts" || c.CustomerNumber.String != "+14155550142" {
		t.Errorf("customer: got %v %v %v, want contact %d", c.Customer, c.CustomerType, c.CustomerNumber, contact)
	}
	if c.User.String != itoa64(user) {
		t.Errorf("user: got %v, want the agent %d", c.User, user)
	}
	if d := c.TotalDuration - 3; d < -1 || d > 1 {
		t.Errorf("totalduration: got %d, want 3 ±1", c.TotalDuration)
	}
	if d := c.BillDuration - 2; d < -1 || d > 1 {
		t.Errorf("billduration: got %d, want 2 ±1", c.BillDuration)
	}
	if !c.EndTime.Valid || c.EndTime.Time.Before(c.StartTime) || c.TimeOfCall != c.StartTime.Format(time.DateTime) {
		t.Errorf("times: start %v end %v timeofcall %q", c.StartTime, c.EndTime, c.TimeOfCall)
	}
}

func checkMissed(t *testing.T, calls []storedCall, user int64) {
	t.Helper()
	c := findCall(calls, "+16175550111")
	if c == nil {
		t.Fatalf("no row for +16175550111 in %+v", calls)
	}
	if c.Direction != "inbound" || c.CallStatus != "no-answer" || c.BillDuration != 0 || c.Customer.Valid && c.Customer.Int64 != 0 {
		t.Errorf("missed call: got %+v, want inbound no-answer, no talk, no customer", c)
	}
	if c.User.String != itoa64(user) {
		t.Errorf("missed call user: got %v, want the agent rung %d", c.User, user)
	}
}

// checkPops wants, for extension 101, call.ringing with Alice's contact
// before call.ended of the same call.
func checkPops(t *testing.T, evs []crm.Event, contact int64) {
	t.Helper()
	var seq []string
	popped := false
	for _, e := range evs {
		if !slices.Contains(e.Audience.Extensions, "101") {
			continue
		}
		var p struct {
			Call   crm.CallRecord  `json:"call"`
			Caller crm.CallerMatch `json:"caller"`
		}
		if err := json.Unmarshal(e.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if p.Call.CustomerNumber != "+14155550142" {
			continue
		}
		seq = append(seq, e.Type)
		if r, ok := p.Caller.Best(); e.Type == crm.EventCallRinging && ok && r.ID == contact {
			popped = true
		}
	}
	if len(seq) < 2 || seq[0] != crm.EventCallRinging || seq[len(seq)-1] != crm.EventCallEnded || slices.Index(seq, crm.EventCallEnded) != len(seq)-1 {
		t.Errorf("events to 101 for the answered call: got %v, want call.ringing first and call.ended once, last", seq)
	}
	if !popped {
		t.Errorf("call.ringing did not carry the contact %d", contact)
	}
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

// statusLog records PBX states in memory.
type statusLog struct {
	mu  sync.Mutex
	sts []crm.PBXStatus
}

func (s *statusLog) SetStatus(_ context.Context, _ string, st crm.PBXStatus) error {
	s.mu.Lock()
	s.sts = append(s.sts, st)
	s.mu.Unlock()
	return nil
}

func (s *statusLog) last() crm.PBXStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sts) == 0 {
		return crm.PBXStatus{}
	}
	return s.sts[len(s.sts)-1]
}

// TestPBXDeadConnection silences a connected PBX: the runner's keepalive
// notices within 2 s, records it as unreachable, and dials again within 5.
func TestPBXDeadConnection(t *testing.T) {
	srv, err := amitest.Start(amitest.Config{Username: "tl", Secret: "s"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	st := &statusLog{}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait() })
	p := &crm.PBX{Name: "hung", Kind: crm.PBXKindAMI, Address: srv.Addr(), Username: "tl", Secret: "s", Version: "auto", Enabled: true}
	wg.Go(func() {
		runPBXs(ctx, []*crm.PBX{p}, pbxRunConfig{Status: st, Calls: &memStore{}, Log: mysqltest.Logger()})
	})
	waitUntil(t, "connected", 5*time.Second, func() bool { return st.last().State == crm.PBXStateConnected })

	srv.SetSilent(true)
	silent := time.Now()
	waitUntil(t, "dead connection noticed", 2*time.Second, func() bool { return st.last().State == crm.PBXStateUnreachable })
	noticed := time.Since(silent)
	if e := st.last().LastError; !strings.Contains(e, "nothing received") {
		t.Errorf("last error: got %q, want the dead-connection reason", e)
	}
	waitUntil(t, "reconnect attempted", 5*time.Second-noticed, func() bool { return srv.Accepted() >= 2 })
	srv.SetSilent(false)
	waitUntil(t, "connected again", 5*time.Second, func() bool { return st.last().State == crm.PBXStateConnected })
}

// TestPBXAuthFailed records a wrong secret as auth_failed.
func TestPBXAuthFailed(t *testing.T) {
	sim, err := amisim.Start(context.Background(), amisim.Config{Username: "tl", Secret: "right"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sim.Close() })
	st := &statusLog{}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait() })
	pbxs := []*crm.PBX{
		{Name: "wrong", Kind: crm.PBXKindAMI, Address: sim.Addr(), Username: "tl", Secret: "wrong", Version: "auto", Enabled: true},
		{Name: "ari", Kind: crm.PBXKindARI, Address: "http://127.0.0.1:1", Enabled: true},
	}
	wg.Go(func() { runPBXs(ctx, pbxs, pbxRunConfig{Status: st, Calls: &memStore{}, Log: mysqltest.Logger()}) })
	waitUntil(t, "auth failure recorded", 5*time.Second, func() bool { return st.last().State == crm.PBXStateAuthFailed })
	if e := st.last().LastError; !strings.Contains(e, "Authentication failed") {
		t.Errorf("last error: got %q, want Asterisk's message", e)
	}
}

// memStore is an in-memory crm.CallStore, idempotent on (gateway,
// uniqueid) like the real one, counting saves.
type memStore struct {
	mu    sync.Mutex
	saves int
	rows  map[string]crm.CallRecord
}

func (m *memStore) SaveCall(_ context.Context, rec crm.CallRecord, _ crm.CallLink) (int64, bool, error) {
	if rec.Gateway == "" || rec.SourceUniqueID == "" {
		return 0, false, errors.New("invalid call")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.rows == nil {
		m.rows = make(map[string]crm.CallRecord)
	}
	m.saves++
	key := rec.Gateway + "/" + rec.SourceUniqueID
	_, had := m.rows[key]
	m.rows[key] = rec
	return int64(len(m.rows)), !had, nil
}

func (m *memStore) FindCalls(context.Context, crm.CallFilter) ([]*crm.StoredCall, error) {
	return nil, nil
}

func (m *memStore) CallsToday(context.Context, time.Time) (*crm.CallStats, error) {
	return &crm.CallStats{}, nil
}

func (m *memStore) records() (saves int, recs []crm.CallRecord) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.rows {
		recs = append(recs, r)
	}
	return m.saves, recs
}
