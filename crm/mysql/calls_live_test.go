package mysql_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// liveUIDs lists the uniqueids of the calls in progress, oldest first.
func liveUIDs(t *testing.T, s *mysql.LiveCallService) []string {
	t.Helper()
	calls, err := s.LiveCalls(context.Background(), time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range calls {
		out = append(out, c.Call.SourceUniqueID)
	}
	return out
}

func ringingCall(uid string, start time.Time) crm.LiveCall {
	return crm.LiveCall{
		Call: crm.CallRecord{Gateway: "main", SourceUniqueID: uid, Direction: crm.DirectionInbound,
			Status: crm.CallStatusRinging, StartTime: start, CustomerNumber: "+14155550142", Queue: "support"},
		Extensions: []string{"101", "102"},
	}
}

func TestLiveCalls(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	s := mysql.NewLiveCallService(db)
	start := time.Now().Add(-time.Minute).UTC().Truncate(time.Second)

	first, second := ringingCall("1700000000.1", start), ringingCall("1700000000.2", start.Add(time.Second))
	for _, c := range []crm.LiveCall{first, second} {
		if err := s.PutLiveCall(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	answered := first
	answered.Call.Status, answered.Call.AnswerTime, answered.Call.AgentExtension = crm.CallStatusInProgress, start.Add(5*time.Second), "102"
	answered.Extensions = []string{"102"}
	answered.Caller = &crm.CallerMatch{Number: "+14155550142", Records: []crm.CallerRecord{{Module: "Contacts", ID: 7, Name: "Mei Chan", Field: "phone"}}}
	if err := s.PutLiveCall(ctx, answered); err != nil {
		t.Fatal(err)
	}
	calls, err := s.LiveCalls(ctx, time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 {
		t.Fatalf("live calls: got %d, want 2: %+v", len(calls), calls)
	}
	got := calls[0]
	if got.Call.Status != crm.CallStatusInProgress || !got.Call.AnswerTime.Equal(answered.Call.AnswerTime) ||
		got.Call.Queue != "support" || !slices.Equal(got.Extensions, []string{"102"}) ||
		got.Caller == nil || len(got.Caller.Records) != 1 || got.Caller.Records[0].Name != "Mei Chan" {
		t.Errorf("first call: got %+v, want the answered snapshot with its queue, agent and caller", got)
	}

	// An ended call stays ended, whatever snapshot of it comes late.
	if err := s.EndLiveCall(ctx, "main", "1700000000.1"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutLiveCall(ctx, first); err != nil {
		t.Fatal(err)
	}
	if got := liveUIDs(t, s); !slices.Equal(got, []string{"1700000000.2"}) {
		t.Errorf("after the first ended and a late snapshot: got %v, want only the second", got)
	}
	// Ending a call never seen shuts out its snapshots too.
	if err := s.EndLiveCall(ctx, "main", "1700000000.9"); err != nil {
		t.Fatal(err)
	}
	if err := s.PutLiveCall(ctx, ringingCall("1700000000.9", start)); err != nil {
		t.Fatal(err)
	}
	if got := liveUIDs(t, s); !slices.Equal(got, []string{"1700000000.2"}) {
		t.Errorf("after a snapshot of a call that ended unseen: got %v, want only the second", got)
	}

	// A resync replaces the gateway's calls and leaves other gateways alone.
	other := ringingCall("1700000000.3", start.Add(2*time.Second))
	other.Call.Gateway = "branch"
	if err := s.PutLiveCall(ctx, other); err != nil {
		t.Fatal(err)
	}
	adopted := ringingCall("1700000000.4", start.Add(3*time.Second))
	if err := s.ReplaceLiveCalls(ctx, "main", []crm.LiveCall{adopted}); err != nil {
		t.Fatal(err)
	}
	if got := liveUIDs(t, s); !slices.Equal(got, []string{"1700000000.3", "1700000000.4"}) {
		t.Errorf("after resync of main: got %v, want branch's call and the adopted one", got)
	}
	if err := s.ReplaceLiveCalls(ctx, "main", nil); err != nil {
		t.Fatal(err)
	}
	if got := liveUIDs(t, s); !slices.Equal(got, []string{"1700000000.3"}) {
		t.Errorf("after resync of main with no calls: got %v, want branch's call only", got)
	}

	// Bad input is refused with the field named, and nothing written.
	bad := ringingCall("", start)
	if err := s.PutLiveCall(ctx, bad); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("call without uniqueid: got %v, want invalid", err)
	}
	if err := s.ReplaceLiveCalls(ctx, "main", []crm.LiveCall{other}); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("resync with another gateway's call: got %v, want invalid", err)
	}
	// since leaves out calls not updated for a long time.
	if calls, err := s.LiveCalls(ctx, time.Now().Add(time.Minute)); err != nil || len(calls) != 0 {
		t.Errorf("calls updated after a minute from now: got %d (%v), want none", len(calls), err)
	}
}
