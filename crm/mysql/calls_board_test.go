package mysql_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// boardCall is an inbound call on extension 101 that started at start,
// in status st; a status other than ringing and in-progress ends it after
// wait and talk.
func boardCall(uid string, start time.Time, st crm.CallStatus, wait, talk time.Duration) crm.CallRecord {
	rec := crm.CallRecord{
		Gateway: "main", SourceUniqueID: uid, Direction: crm.DirectionInbound, Status: st,
		StartTime: start, AgentExtension: "101", CustomerNumber: "+14155550142",
	}
	if st != crm.CallStatusRinging && st != crm.CallStatusInProgress {
		rec.EndTime = start.Add(wait + talk)
		rec.TotalSeconds, rec.BillableSeconds = int((wait + talk).Seconds()), int(talk.Seconds())
	}
	return rec
}

func (f *callFixture) save(t *testing.T, recs ...crm.CallRecord) {
	t.Helper()
	for _, rec := range recs {
		if _, _, err := f.calls.SaveCall(context.Background(), rec, crm.CallLink{}); err != nil {
			t.Fatalf("save %s: %v", rec.SourceUniqueID, err)
		}
	}
}

func (f *callFixture) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := f.db.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func TestFindCallBySource(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	link := crm.CallLink{CustomerID: f.contact.ID, CustomerModule: "Contacts"}
	if _, _, err := f.calls.SaveCall(ctx, callInbound("1772442900.1"), link); err != nil {
		t.Fatal(err)
	}
	f.save(t, boardCall("1772442900.2", callStart, crm.CallStatusCompleted, 0, time.Minute))
	got, err := f.calls.FindCallBySource(ctx, "main", "1772442900.1")
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceUniqueID != "1772442900.1" || got.Link.CustomerID != f.contact.ID || got.Link.UserID != f.agent.ID ||
		got.AgentExtension != "101" || !got.EndTime.Equal(callStart.Add(192*time.Second)) {
		t.Errorf("got %+v, want call .1 linked to the contact and to amy", got)
	}
	for _, key := range [][2]string{{"main", "1772442900.3"}, {"other", "1772442900.1"}} {
		if _, err := f.calls.FindCallBySource(ctx, key[0], key[1]); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("%s/%s: got %v, want not_found", key[0], key[1], err)
		}
	}
	f.exec(t, `UPDATE vtiger_crmentity SET deleted = 1 WHERE crmid = ?`, got.ID)
	if _, err := f.calls.FindCallBySource(ctx, "main", "1772442900.1"); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("deleted call: got %v, want not_found", err)
	}
}

func TestFindOpenCalls(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	since := callStart.Add(-time.Hour)
	f.save(t,
		boardCall("ringing", callStart, crm.CallStatusRinging, 0, 0),
		boardCall("talking", callStart.Add(time.Minute), crm.CallStatusInProgress, 0, 0),
		boardCall("done", callStart.Add(2*time.Minute), crm.CallStatusCompleted, 5*time.Second, time.Minute),
		boardCall("missed", callStart.Add(3*time.Minute), crm.CallStatusNoAnswer, 20*time.Second, 0),
		boardCall("stale", since.Add(-time.Second), crm.CallStatusInProgress, 0, 0),
		boardCall("zero-date", callStart.Add(4*time.Minute), crm.CallStatusRinging, 0, 0),
	)
	// A ringing row that has an end time is not open; nor is a deleted one.
	ended := boardCall("ended-ringing", callStart.Add(5*time.Minute), crm.CallStatusRinging, 0, 0)
	ended.EndTime = ended.StartTime.Add(time.Second)
	deleted := boardCall("deleted", callStart.Add(6*time.Minute), crm.CallStatusRinging, 0, 0)
	f.save(t, ended, deleted)
	f.exec(t, `UPDATE vtiger_crmentity e JOIN vtiger_pbxmanager p ON p.pbxmanagerid = e.crmid
		SET e.deleted = 1 WHERE p.sourceuuid = 'deleted'`)
	// What MySQL stores for vtiger's empty end time outside strict mode.
	f.exec(t, `UPDATE vtiger_pbxmanager SET endtime = '0000-00-00 00:00:00' WHERE sourceuuid = 'zero-date'`)

	open, err := f.calls.FindOpenCalls(ctx, since)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := callUIDs(open), []string{"zero-date", "talking", "ringing"}; !slices.Equal(got, want) {
		t.Errorf("open calls: got %v, want %v", got, want)
	}
	if len(open) > 0 && !open[0].EndTime.IsZero() {
		t.Errorf("zero-date call: got end %v, want none", open[0].EndTime)
	}
}

func TestFindCompletedCalls(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	midnight := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	now := callStart.Add(time.Hour)
	f.save(t,
		// ended 10 s and 40 s before now
		boardCall("recent", now.Add(-70*time.Second), crm.CallStatusCompleted, 0, time.Minute),
		boardCall("earlier", now.Add(-100*time.Second), crm.CallStatusCompleted, 0, time.Minute),
		boardCall("long-ago", now.Add(-time.Hour), crm.CallStatusCompleted, 0, time.Minute),
		boardCall("missed", now.Add(-30*time.Second), crm.CallStatusNoAnswer, 20*time.Second, 0),
		boardCall("talking", now.Add(-time.Minute), crm.CallStatusInProgress, 0, 0),
		// started yesterday, ended 20 s before now
		boardCall("overnight", midnight.Add(-time.Second), crm.CallStatusCompleted, 0, now.Sub(midnight)-19*time.Second),
	)
	done, err := f.calls.FindCompletedCalls(ctx, midnight, now.Add(-40*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := callUIDs(done), []string{"recent", "earlier"}; !slices.Equal(got, want) {
		t.Errorf("completed calls: got %v, want %v", got, want)
	}
}

func TestCallsTodayWithin(t *testing.T) {
	f := newCallFixture(t)
	ctx := context.Background()
	at := func(i int) time.Time { return callStart.Add(time.Duration(i) * time.Minute) }
	f.save(t,
		boardCall("fast", at(0), crm.CallStatusCompleted, 10*time.Second, time.Minute),
		boardCall("edge", at(1), crm.CallStatusCompleted, 20*time.Second, time.Minute),
		boardCall("slow", at(2), crm.CallStatusCompleted, 21*time.Second, time.Minute),
		boardCall("no-answer", at(3), crm.CallStatusNoAnswer, 30*time.Second, 0),
		boardCall("busy", at(4), crm.CallStatusBusy, 0, 0),
		boardCall("failed", at(5), crm.CallStatusFailed, 0, 0),
		boardCall("abandoned", at(6), crm.CallStatusAbandoned, 40*time.Second, 0),
		boardCall("talking", at(7), crm.CallStatusInProgress, 0, 0),
		boardCall("ringing", at(8), crm.CallStatusRinging, 0, 0),
	)
	out := boardCall("outbound", at(9), crm.CallStatusCompleted, 0, time.Minute)
	out.Direction = crm.DirectionOutbound
	yesterday := boardCall("yesterday", callStart.AddDate(0, 0, -1), crm.CallStatusCompleted, 0, time.Minute)
	f.save(t, out, yesterday)

	st, err := f.calls.CallsTodayWithin(ctx, callStart, 20500*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	want := crm.ServiceLevelStats{
		CallStats: crm.CallStats{Day: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Inbound: 9, Outbound: 1,
			Answered: 4, Missed: 3, Abandoned: 1, AvgWait: 17 * time.Second, AvgTalk: time.Minute},
		Level: 20500 * time.Millisecond, Completed: 3, Offered: 7, AnsweredInTime: 2,
	}
	if *st != want {
		t.Errorf("CallsTodayWithin:\n got %+v\nwant %+v", *st, want)
	}
	plain, err := f.calls.CallsToday(ctx, callStart)
	if err != nil {
		t.Fatal(err)
	}
	if *plain != want.CallStats {
		t.Errorf("CallsToday: got %+v, want %+v", *plain, want.CallStats)
	}
}
