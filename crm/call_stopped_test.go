package crm_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// feedAudience applies evs and describes each update with whom its event
// reaches, as "kind pops ringing stopped=… to=…", e.g.
// "call.ringing [] 202 stopped=[201] to=[202 201]".
func feedAudience(t *testing.T, tr *crm.CallTracker, evs ...[]crm.CallEvent) []string {
	t.Helper()
	var got []string
	for _, ev := range slices.Concat(evs...) {
		for _, u := range tr.Feed(ev) {
			e, err := crm.CallUpdateEvent(u, nil)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintf("%s %v %s stopped=%v to=%v", u.Kind, u.Extensions, strings.Join(u.Ringing, ","), u.Stopped, e.Audience.Extensions))
		}
	}
	return got
}

// TestRingingStoppedSequential: a linear queue rings 201, then 202. The
// update that drops an agent from the ringing set names it in Stopped and
// its event reaches that agent, though it pops nobody: 202 is not the
// call's agent (201, rung first, is), yet hears that its ring ended.
func TestRingingStoppedSequential(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	wantUpdates(t, "201 rung", feedAudience(t, tr, q.join(0), q.ring(1, "201")),
		"call.ringing [201] 201 stopped=[] to=[201]")
	wantUpdates(t, "201 times out", feedAudience(t, tr, q.hangup(16, "201", "NOANSWER")),
		"call.ringing []  stopped=[201] to=[201]")
	wantUpdates(t, "202 rung", feedAudience(t, tr, q.ring(18, "202")),
		"call.ringing [202] 202 stopped=[] to=[202 201]")
	wantUpdates(t, "202 times out", feedAudience(t, tr, q.hangup(33, "202", "NOANSWER")),
		"call.ringing []  stopped=[202] to=[202 201]")
	// 202 rung again pops nobody, yet reaches 202: its pop comes back.
	wantUpdates(t, "202 rung again", feedAudience(t, tr, q.ring(35, "202")),
		"call.ringing [] 202 stopped=[] to=[202 201]")
}

// TestRingingStoppedRingall: a queue rings 201, 202 and 203 at once; 202
// answers and the others are cancelled, each reaching the agent cancelled;
// the answer names 202, which stopped ringing by answering.
func TestRingingStoppedRingall(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	feedAudience(t, tr, q.join(0), q.ring(1, "201"), q.ring(1, "202"), q.ring(1, "203"))
	got := feedAudience(t, tr, q.answer(5, "202"), q.hangup(5, "201", "CANCEL"), q.hangup(5, "203", "CANCEL"), q.connect(5, "202"))
	wantUpdates(t, "202 answers", got,
		"call.ringing [] 202,203 stopped=[201] to=[202 203 201]",
		"call.ringing [] 202 stopped=[203] to=[202 203 201]",
		"call.answered [202]  stopped=[202] to=[202]")
}

// TestRingingStoppedEnded: the caller of a ringall queue hangs up; the
// members' channels go one by one, the last with the call: the final
// update names that member, so its pop hears the call ended too.
func TestRingingStoppedEnded(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	feedAudience(t, tr, q.join(0), q.ring(1, "201"), q.ring(1, "202"))
	caller := []crm.CallEvent{{Time: at(4), Kind: crm.KindHangup, Channel: queueTrunk, UniqueID: queueTrunkUID}}
	got := feedAudience(t, tr, caller, q.hangup(4, "201", "CANCEL"), q.hangup(4, "202", "CANCEL"))
	wantUpdates(t, "the caller hangs up", got,
		"call.ringing [] 202 stopped=[201] to=[202 201]",
		"call.ended []  stopped=[202] to=[202 201]")
}
