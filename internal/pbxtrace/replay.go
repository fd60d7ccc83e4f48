package pbxtrace

import (
	"reflect"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// Case is the outcome the pbx-traces README gives for one recording.
// Durations are checked ±1 s against the README's Cdr seconds: Total runs
// from the first channel to the last hangup, Billable is talk time with
// an agent (the agent phone's Cdr where the trunk leg's Cdr also counts
// queue wait, as in the queue scenarios).
type Case struct {
	Name       string // the recording, as its adapter's Decode takes it
	Calls      int    // call records it ends with; the rest apply when 1
	Dir        crm.CallDirection
	Status     crm.CallStatus
	Agent      string
	Agents     []string
	Customer   string
	Queue      string
	Source     string // SourceUniqueID
	Total      int
	Billable   int
	RingsFirst []string // extensions the ringing updates pop, in order; nil skips the check
	// Ringing are the agents ringing as each ringing or answered update
	// says, in order, joined by commas ("" for none); nil skips the check.
	Ringing []string
}

// Decode turns the recording a Case names into call events, as one
// adapter's path does.
type Decode func(tb testing.TB, name string) []crm.CallEvent

// TestReplay replays each case's recording through a tracker and checks
// the records it ends with, whom it rang and who was ringing when.
func TestReplay(t *testing.T, cases []Case, decode Decode) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			ups := Track(decode(t, tc.Name))
			recs := Ended(ups)
			if len(recs) != tc.Calls {
				t.Fatalf("got %d call records, want %d: %+v", len(recs), tc.Calls, recs)
			}
			if tc.Calls == 0 {
				return
			}
			CheckRecord(t, recs[0], tc)
			var rings []string
			for _, u := range ups {
				if u.Kind == crm.CallRinging {
					rings = append(rings, u.Extensions...)
				}
			}
			if tc.RingsFirst != nil && !reflect.DeepEqual(rings, tc.RingsFirst) {
				t.Errorf("ringing pops for %v, want %v", rings, tc.RingsFirst)
			}
			if got := RingingSets(ups); tc.Ringing != nil && !reflect.DeepEqual(got, tc.Ringing) {
				t.Errorf("ringing sets %q, want %q", got, tc.Ringing)
			}
		})
	}
}

// TestDuplicates feeds every event twice: the records must not change.
func TestDuplicates(t *testing.T, cases []Case, decode Decode) {
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			evs := decode(t, tc.Name)
			doubled := make([]crm.CallEvent, 0, 2*len(evs))
			for _, ev := range evs {
				doubled = append(doubled, ev, ev)
			}
			got, want := Ended(Track(doubled)), Ended(Track(evs))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with duplicates got %+v, want %+v", got, want)
			}
		})
	}
}

// CheckRecord compares a call record with the outcome tc expects.
func CheckRecord(t *testing.T, r crm.CallRecord, tc Case) {
	t.Helper()
	if r.Direction != tc.Dir {
		t.Errorf("direction: got %s, want %s", r.Direction, tc.Dir)
	}
	if r.Status != tc.Status {
		t.Errorf("status: got %s, want %s", r.Status, tc.Status)
	}
	if r.AgentExtension != tc.Agent {
		t.Errorf("agent: got %q, want %q", r.AgentExtension, tc.Agent)
	}
	if !reflect.DeepEqual(r.Agents, tc.Agents) {
		t.Errorf("agents: got %v, want %v", r.Agents, tc.Agents)
	}
	if r.CustomerNumber != tc.Customer {
		t.Errorf("customer: got %q, want %q", r.CustomerNumber, tc.Customer)
	}
	if r.Queue != tc.Queue {
		t.Errorf("queue: got %q, want %q", r.Queue, tc.Queue)
	}
	if r.SourceUniqueID != tc.Source {
		t.Errorf("source uniqueid: got %q, want %q", r.SourceUniqueID, tc.Source)
	}
	if r.Gateway != Gateway {
		t.Errorf("gateway: got %q, want %s", r.Gateway, Gateway)
	}
	if d := r.TotalSeconds - tc.Total; d < -1 || d > 1 {
		t.Errorf("total seconds: got %d, want %d ±1", r.TotalSeconds, tc.Total)
	}
	if d := r.BillableSeconds - tc.Billable; d < -1 || d > 1 {
		t.Errorf("billable seconds: got %d, want %d ±1", r.BillableSeconds, tc.Billable)
	}
	if len(tc.Agents) > 0 && r.AnswerTime.IsZero() {
		t.Errorf("answer time: got zero, want set")
	}
	if !r.EndTime.After(r.StartTime) {
		t.Errorf("end %v not after start %v", r.EndTime, r.StartTime)
	}
}
