package crm_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// queueTracker returns a tracker whose agents are queueAgents.
func queueTracker() *crm.CallTracker {
	tc := testConfig()
	tc.Agents = crm.SetOf(queueAgents...)
	return crm.NewCallTracker(tc)
}

// queueCall builds the events of one caller (trunk channel "SIP/trunk-1",
// uniqueid 1.1) in queue support; its members' channels are named
// "SIP/<ext>-<n>" with uniqueid "1.<n>", n counting from 2 per ring.
type queueCall struct {
	n     int
	chans map[string]crm.CallEvent // ext → its ringing channel, as a hangup's names
}

const queueTrunk, queueTrunkUID = "SIP/trunk-1", "1.1"

func (q *queueCall) join(s float64) []crm.CallEvent {
	q.chans = map[string]crm.CallEvent{}
	return []crm.CallEvent{
		{Time: at(s), Kind: crm.KindNewChannel, Channel: queueTrunk, UniqueID: queueTrunkUID, Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
		{Time: at(s), Kind: crm.KindQueueJoined, Channel: queueTrunk, UniqueID: queueTrunkUID, Queue: "support", Position: 1},
	}
}

// ring is the queue ringing ext on a new channel, as 12+ tells it.
func (q *queueCall) ring(s float64, ext string) []crm.CallEvent {
	q.n++
	ch, uid := fmt.Sprintf("SIP/%s-%d", ext, q.n+1), fmt.Sprintf("1.%d", q.n+1)
	q.chans[ext] = crm.CallEvent{Channel: ch, UniqueID: uid}
	return []crm.CallEvent{
		{Time: at(s), Kind: crm.KindNewChannel, Channel: ch, UniqueID: uid, Context: "agents", State: "Down"},
		{Time: at(s), Kind: crm.KindAgentCalled, Channel: queueTrunk, UniqueID: queueTrunkUID, PeerChannel: ch, PeerUniqueID: uid, Agent: "SIP/" + ext, Queue: "support"},
		{Time: at(s), Kind: crm.KindDialBegin, Channel: queueTrunk, UniqueID: queueTrunkUID, PeerChannel: ch, PeerUniqueID: uid},
		{Time: at(s), Kind: crm.KindRinging, Channel: ch, UniqueID: uid, State: "Ringing"},
	}
}

// hangup is ext's ringing channel hanging up: the queue gave up on it.
func (q *queueCall) hangup(s float64, ext string, cause string) []crm.CallEvent {
	ch := q.chans[ext]
	return []crm.CallEvent{
		{Time: at(s), Kind: crm.KindDialEnd, Channel: queueTrunk, UniqueID: queueTrunkUID, PeerChannel: ch.Channel, PeerUniqueID: ch.UniqueID, DialStatus: cause},
		{Time: at(s), Kind: crm.KindHangup, Channel: ch.Channel, UniqueID: ch.UniqueID},
	}
}

// answer is ext picking up and the queue connecting it to the caller.
func (q *queueCall) answer(s float64, ext string) []crm.CallEvent {
	ch := q.chans[ext]
	return []crm.CallEvent{
		{Time: at(s), Kind: crm.KindAnswered, Channel: ch.Channel, UniqueID: ch.UniqueID, State: "Up"},
		{Time: at(s), Kind: crm.KindDialEnd, Channel: queueTrunk, UniqueID: queueTrunkUID, PeerChannel: ch.Channel, PeerUniqueID: ch.UniqueID, DialStatus: "ANSWER"},
	}
}

func (q *queueCall) connect(s float64, ext string) []crm.CallEvent {
	ch := q.chans[ext]
	return []crm.CallEvent{
		{Time: at(s), Kind: crm.KindQueueLeft, Channel: queueTrunk, UniqueID: queueTrunkUID, Queue: "support"},
		{Time: at(s), Kind: crm.KindAgentConnected, Channel: queueTrunk, UniqueID: queueTrunkUID, PeerChannel: ch.Channel, PeerUniqueID: ch.UniqueID, Agent: "SIP/" + ext, Queue: "support"},
		{Time: at(s), Kind: crm.KindBridged, Channel: ch.Channel, UniqueID: ch.UniqueID, BridgeID: "b1"},
		{Time: at(s), Kind: crm.KindBridged, Channel: queueTrunk, UniqueID: queueTrunkUID, BridgeID: "b1"},
	}
}

// feed applies evs and describes each update as "kind pops ringing", e.g.
// "call.ringing [202] 201,202".
func feed(tr *crm.CallTracker, evs ...[]crm.CallEvent) []string {
	var got []string
	for _, ev := range slices.Concat(evs...) {
		for _, u := range tr.Feed(ev) {
			got = append(got, fmt.Sprintf("%s %v %s", u.Kind, u.Extensions, strings.Join(u.Ringing, ",")))
		}
	}
	return got
}

func wantUpdates(t *testing.T, step string, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s: got updates\n\t%s\nwant\n\t%s", step, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestRingingRingall: a queue ringing all ten members pops each once and
// reports all ten ringing; when 205 answers, the PBX hangs up the other
// nine one by one and each leaves the ringing set without a pop; the
// answer itself leaves nobody ringing.
func TestRingingRingall(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	var evs [][]crm.CallEvent
	evs = append(evs, q.join(0))
	for _, ext := range queueAgents {
		evs = append(evs, q.ring(1, ext))
	}
	var want []string
	for i, ext := range queueAgents {
		want = append(want, fmt.Sprintf("call.ringing [%s] %s", ext, strings.Join(queueAgents[:i+1], ",")))
	}
	wantUpdates(t, "ten members rung", feed(tr, evs...), want...)

	got := feed(tr, q.answer(5, "205"))
	ringing := slices.Clone(queueAgents)
	want = nil
	for _, ext := range queueAgents {
		if ext == "205" {
			continue
		}
		got = append(got, feed(tr, q.hangup(5, ext, "CANCEL"))...)
		ringing = slices.DeleteFunc(ringing, func(e string) bool { return e == ext })
		want = append(want, "call.ringing [] "+strings.Join(ringing, ","))
	}
	// 205 picked up but the queue has not connected it yet: still its ring.
	wantUpdates(t, "205 picks up, the others are cancelled", got, want...)

	wantUpdates(t, "205 connected", feed(tr, q.connect(5, "205")), "call.answered [205] ")
	snap := tr.Snapshot()
	if len(snap) != 1 || snap[0].AgentExtension != "205" || snap[0].Status != crm.CallStatusInProgress {
		t.Errorf("snapshot: got %+v, want the call in progress with 205", snap)
	}
	end := feed(tr, []crm.CallEvent{
		{Time: at(20), Kind: crm.KindHangup, Channel: q.chans["205"].Channel, UniqueID: q.chans["205"].UniqueID},
		{Time: at(20), Kind: crm.KindHangup, Channel: queueTrunk, UniqueID: queueTrunkUID},
	})
	wantUpdates(t, "hangup", end, "call.ended [] ")
}

// TestRingingSequential: a queue ringing one member at a time (rrmemory,
// linear). When 201's ring times out it leaves the ringing set while the
// call waits; 202 rings next and pops; 201 rung again rings without a
// second pop; 201 answers.
func TestRingingSequential(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	wantUpdates(t, "201 rung", feed(tr, q.join(0), q.ring(1, "201")), "call.ringing [201] 201")

	noAnswer := []crm.CallEvent{{Time: at(16), Kind: crm.KindAgentRingNoAnswer, Channel: queueTrunk, UniqueID: queueTrunkUID,
		PeerChannel: q.chans["201"].Channel, PeerUniqueID: q.chans["201"].UniqueID, Agent: "SIP/201", RingSeconds: 15}}
	wantUpdates(t, "201 times out", feed(tr, noAnswer, q.hangup(16, "201", "NOANSWER")), "call.ringing [] ")
	snap := tr.Snapshot()
	if len(snap) != 1 || snap[0].Status != crm.CallStatusRinging {
		t.Fatalf("snapshot after the timeout: got %+v, want the call still waiting", snap)
	}

	wantUpdates(t, "202 rung", feed(tr, q.ring(18, "202")), "call.ringing [202] 202")
	wantUpdates(t, "202 times out", feed(tr, q.hangup(33, "202", "NOANSWER")), "call.ringing [] ")
	wantUpdates(t, "201 rung again", feed(tr, q.ring(35, "201")), "call.ringing [] 201")
	wantUpdates(t, "201 answers", feed(tr, q.answer(37, "201"), q.connect(37, "201")), "call.answered [201] ")
}

// TestRingingResync: a ringing member whose channel is gone from the
// PBX's list after a reconnect stops ringing; one still listed rings on.
func TestRingingResync(t *testing.T) {
	tr, q := queueTracker(), &queueCall{}
	feed(tr, q.join(0), q.ring(1, "201"), q.ring(1, "202"))
	var got []string
	for _, u := range tr.Resync(at(5), []crm.LiveChannel{
		{Channel: queueTrunk, UniqueID: queueTrunkUID, State: "Up", Context: "from-pstn", Exten: "+18005550100"},
		{Channel: q.chans["202"].Channel, UniqueID: q.chans["202"].UniqueID, State: "Ringing", Context: "agents"},
	}) {
		got = append(got, fmt.Sprintf("%s %v %s", u.Kind, u.Extensions, strings.Join(u.Ringing, ",")))
	}
	wantUpdates(t, "resync without 201", got, "call.ringing [] 202")
}
