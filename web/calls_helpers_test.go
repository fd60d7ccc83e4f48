package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// callEnv is a server with the call API, the pop and the dashboard on a
// fresh database.
type callEnv struct {
	*testEnv
	records *mysql.RecordService
	calls   *mysql.CallService
	lookup  *mysql.LookupService
	admin   *crm.User
	server  *Server
	ts      *httptest.Server
}

// newCallEnv serves every page with the call services; edit may change
// the config and add dependencies (a realtime hub) before the server
// starts.
func newCallEnv(t *testing.T, edit func(*Config, *Deps)) *callEnv {
	t.Helper()
	env := newTestEnv(t)
	n, err := phone.New("HK")
	if err != nil {
		t.Fatal(err)
	}
	ce := &callEnv{
		testEnv: env,
		records: mysql.NewRecordService(env.db, n, mysqltest.Logger()),
		calls:   mysql.NewCallService(env.db, mysqltest.Logger()),
		lookup:  mysql.NewLookupService(env.db, n),
	}
	if ce.admin, err = env.users.FindUserByName(context.Background(), "admin"); err != nil {
		t.Fatal(err)
	}
	cfg := Config{InsecureCookies: true, Version: "test"}
	deps := Deps{
		Users: env.users, Sessions: env.sess, Logger: mysqltest.Logger(),
		Records: ce.records, Languages: env.users, Calls: ce.calls, Lookup: ce.lookup, Relations: ce.records,
	}
	if edit != nil {
		edit(&cfg, &deps)
	}
	s, err := New(cfg, deps)
	if err != nil {
		t.Fatal(err)
	}
	ce.server = s
	ce.ts = httptest.NewServer(s.Handler())
	t.Cleanup(ce.ts.Close)
	return ce
}

// create makes a record as admin, failing the test on error.
func (ce *callEnv) create(t *testing.T, module string, vals map[string]string) *crm.Record {
	t.Helper()
	rec, err := ce.records.CreateRecord(context.Background(), ce.admin, module, vals)
	if err != nil {
		t.Fatalf("create %s: %v", module, err)
	}
	return rec
}

// agent creates a plain user (the lowest role) with an extension.
func (ce *callEnv) agent(t *testing.T, name, ext string) *crm.User {
	t.Helper()
	nu := userNamed(name)
	nu.Extension = ext
	u, err := ce.users.CreateUser(context.Background(), nu)
	if err != nil {
		t.Fatalf("create user %s: %v", name, err)
	}
	return u
}

// client signs in as name and returns the client.
func (ce *callEnv) client(t *testing.T, name, password string) *client {
	t.Helper()
	c := newClient(t, ce.ts)
	c.login(name, password)
	return c
}

// saveCall stores a call, failing the test on error.
func (ce *callEnv) saveCall(t *testing.T, rec crm.CallRecord, link crm.CallLink) {
	t.Helper()
	if _, _, err := ce.calls.SaveCall(context.Background(), rec, link); err != nil {
		t.Fatalf("save call %s: %v", rec.SourceUniqueID, err)
	}
}

// inbound is an inbound call from number that started ago before now,
// rung on ext.
func inbound(uid, number, ext string, ago time.Duration) crm.CallRecord {
	return crm.CallRecord{
		Gateway: "pbx1", SourceUniqueID: uid, Direction: crm.DirectionInbound, Status: crm.CallStatusRinging,
		StartTime: time.Now().Add(-ago).UTC().Truncate(time.Second), AgentExtension: ext,
		CustomerNumber: number, DID: "+85230001000", Queue: "support",
	}
}

// ended finishes a call: answered after wait, talked for talk.
func ended(c crm.CallRecord, wait, talk time.Duration) crm.CallRecord {
	c.Status = crm.CallStatusCompleted
	c.AnswerTime = c.StartTime.Add(wait)
	c.EndTime = c.AnswerTime.Add(talk)
	c.TotalSeconds = int((wait + talk).Seconds())
	c.BillableSeconds = int(talk.Seconds())
	c.Agents = []string{c.AgentExtension}
	return c
}

// getJSON fetches path and decodes a 200 answer into v.
func (c *client) getJSON(path string, v any) {
	c.t.Helper()
	resp, body := c.do("GET", path, nil, http.Header{"Accept": {"application/json"}})
	if resp.StatusCode != http.StatusOK {
		c.t.Fatalf("GET %s: got status %d, want 200\n%s", path, resp.StatusCode, body)
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		c.t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// postJSON posts v as JSON with the session's CSRF token (read from the
// home page) and returns the answer.
func (c *client) postJSON(path string, v any) (*http.Response, string) {
	c.t.Helper()
	_, home := c.get("/")
	b, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	req, err := http.NewRequest("POST", c.base+path, strings.NewReader(string(b)))
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set(csrfHeader, csrfToken(c.t, home))
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp, string(out)
}
