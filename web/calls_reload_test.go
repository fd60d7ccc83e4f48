package web

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// busyCalls is more calls than the pop and the dashboard once read
// (the newest 500 of the live window).
const busyCalls = 520

// busyCall is the i-th of busyCalls ended calls on extension 199 (no
// agent), started evenly from from to to.
func busyCall(i int, from, to time.Time) crm.CallRecord {
	c := inbound(fmt.Sprintf("busy-%d", i), "+85220000000", "199", 0)
	c.StartTime = spread(from, to, i, busyCalls)
	return ended(c, 3*time.Second, 30*time.Second)
}

// A call that ended hours ago, with hundreds of calls after it, can still
// be linked; one older than the live window cannot.
func TestCallLinkBehindBusyHours(t *testing.T) {
	f := newCallFixture(t, nil)
	f.saveCall(t, ended(inbound("early", "+85291234567", "101", 3*time.Hour), 5*time.Second, time.Minute), crm.CallLink{})
	f.saveCall(t, ended(inbound("ancient", "+85291234567", "101", liveWindow+time.Hour), 5*time.Second, time.Minute), crm.CallLink{})
	now := time.Now()
	seedCalls(t, f.calls, busyCalls, func(i int) crm.CallRecord { return busyCall(i, now.Add(-2*time.Hour), now.Add(-time.Minute)) })

	c := f.client(t, "agent101", "secret-password")
	resp, body := c.postJSON("/api/calls/pbx1/early/link", map[string]any{"module": "Contacts", "crmid": f.contact.ID})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("link the early call: got %d %s, want 200", resp.StatusCode, body)
	}
	got, err := f.calls.FindCallBySource(context.Background(), "pbx1", "early")
	if err != nil {
		t.Fatal(err)
	}
	if got.Link.CustomerID != f.contact.ID || got.Link.UserID != f.agent101.ID || got.Status != crm.CallStatusCompleted {
		t.Errorf("got %+v linked %+v, want the completed call linked to the contact and agent101", got.CallRecord, got.Link)
	}
	if resp, _ := c.postJSON("/api/calls/pbx1/ancient/link", map[string]any{"module": "Contacts", "crmid": f.contact.ID}); resp.StatusCode != http.StatusNotFound {
		t.Errorf("link a call older than the live window: got status %d, want 404", resp.StatusCode)
	}
}

// A call an agent linked while it rang stays on the pop and the dashboard
// however many calls started after it.
func TestOpenCallBehindBusyHours(t *testing.T) {
	f := newCallFixture(t, nil)
	open := inbound("open", "+85291234567", "101", time.Hour)
	open.Status, open.AnswerTime = crm.CallStatusInProgress, open.StartTime.Add(5*time.Second)
	f.saveCall(t, open, crm.CallLink{CustomerID: f.account.ID, CustomerModule: "Accounts", UserID: f.agent101.ID})
	now := time.Now()
	seedCalls(t, f.calls, busyCalls, func(i int) crm.CallRecord { return busyCall(i, now.Add(-50*time.Minute), now.Add(-time.Minute)) })

	var pop liveCallsBody
	f.client(t, "agent101", "secret-password").getJSON("/api/calls/live", &pop)
	if len(pop.Live) != 1 || pop.Live[0].SourceUniqueID != "open" {
		t.Fatalf("pop: got live calls %v, want the open call", liveUIDs(pop.Live))
	}
	if cl := pop.Live[0].Caller; cl == nil || len(cl.Records) != 1 || cl.Records[0].ID != f.account.ID {
		t.Errorf("pop: got caller %+v, want the account the agent linked", cl)
	}
	var board dashboardBody
	f.client(t, "admin", "admin").getJSON("/api/dashboard", &board)
	if len(board.Calls) != 1 || board.Calls[0].SourceUniqueID != "open" {
		t.Errorf("dashboard: got calls %v, want the open call", liveUIDs(board.Calls))
	}
	for _, a := range board.Agents {
		if a.Extension == "101" && a.State != agentOnCall {
			t.Errorf("dashboard: got agent 101 %s, want on_call", a.State)
		}
	}
}

// The service level and wrap-up come right with more of today's calls
// than a page of them.
func TestDashboardTodayBusy(t *testing.T) {
	f := newCallFixture(t, func(c *Config, _ *Deps) { c.ServiceLevel = 10 * time.Second })
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	startedAt := func(uid, ext string, start time.Time) crm.CallRecord {
		c := inbound(uid, "+85229998888", ext, 0)
		c.StartTime = start
		return c
	}
	// 102 hung up 5 s ago on a call older than the day's newest 500;
	// 101 hung up 40 s ago, past the wrap-up's 30 s.
	wrap := ended(startedAt("wrap", "102", now.Add(-10*time.Minute)), 2*time.Second, 10*time.Minute-7*time.Second)
	f.saveCall(t, wrap, crm.CallLink{})
	f.saveCall(t, ended(startedAt("done", "101", now.Add(-5*time.Minute)), 3*time.Second, 257*time.Second), crm.CallLink{})
	f.saveCall(t, ended(startedAt("yesterday", "101", now.Add(-13*time.Hour)), 3*time.Second, time.Minute), crm.CallLink{})
	// A quarter each missed, abandoned, answered within 10 s, answered late.
	seedCalls(t, f.calls, busyCalls, func(i int) crm.CallRecord {
		c := startedAt(fmt.Sprintf("busy-%d", i), "199", spread(now.Add(-9*time.Minute), now.Add(-time.Minute), i, busyCalls))
		switch i % 4 {
		case 0:
			c.Status, c.EndTime, c.TotalSeconds = crm.CallStatusNoAnswer, c.StartTime.Add(20*time.Second), 20
		case 1:
			c.Status, c.AgentExtension, c.EndTime, c.TotalSeconds = crm.CallStatusAbandoned, "", c.StartTime.Add(40*time.Second), 40
		case 2:
			c = ended(c, 5*time.Second, 30*time.Second)
		default:
			c = ended(c, 15*time.Second, 30*time.Second)
		}
		return c
	})

	b, err := f.server.dashboard(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	q := busyCalls / 4
	want := todayStats{Inbound: busyCalls + 2, Answered: 2*q + 2, Missed: q, Abandoned: q, Completed: 2*q + 2,
		AnsweredInTime: q + 2, Offered: busyCalls + 2}
	got := b.Today
	got.AvgWaitSeconds, got.AvgTalkSeconds, got.ServiceLevel = 0, 0, nil
	if got != want {
		t.Errorf("today:\n got %+v\nwant %+v (averages and level aside)", got, want)
	}
	if sl := b.Today.ServiceLevel; sl == nil || *sl != float64(q+2)/float64(busyCalls+2) {
		t.Errorf("service level: got %v, want %d/%d", sl, q+2, busyCalls+2)
	}
	states := map[string]agentStatus{}
	for _, a := range b.Agents {
		states[a.Extension] = a
	}
	if a := states["102"]; a.State != agentWrapUp || !a.Since.Equal(wrap.EndTime) {
		t.Errorf("agent 102: got %s since %v, want wrap_up since %v", a.State, a.Since, wrap.EndTime)
	}
	if a := states["101"]; a.State != agentAvailable {
		t.Errorf("agent 101: got %s, want available", a.State)
	}
}

func liveUIDs(calls []popCall) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.SourceUniqueID)
	}
	return out
}
