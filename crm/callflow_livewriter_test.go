package crm_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// memLive is an in-memory LiveCallStore keeping the store's contract (an
// ended call stays ended). It logs the writes it applied, as "put <uid>
// <extensions>", "end <uid>" and "replace <uids>". With gate set, each
// write first waits for gate to be closed, or fails with ctx; with fail,
// every write fails. saved, when set, tells whether a call's record was
// saved, noted in the log of its end.
type memLive struct {
	gate  chan struct{}
	fail  bool
	saved func(uid string) bool

	mu     sync.Mutex
	rows   map[string]crm.LiveCall
	ended  map[string]bool
	writes []string
	tried  int
}

func (m *memLive) write(ctx context.Context, what string, do func()) error {
	if m.gate != nil {
		select {
		case <-m.gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tried++
	if m.fail {
		return errors.New("database is down")
	}
	if m.rows == nil {
		m.rows, m.ended = make(map[string]crm.LiveCall), make(map[string]bool)
	}
	m.writes = append(m.writes, what)
	do()
	return nil
}

func (m *memLive) PutLiveCall(ctx context.Context, c crm.LiveCall) error {
	uid := c.Call.SourceUniqueID
	return m.write(ctx, "put "+uid+" "+strings.Join(c.Extensions, ","), func() {
		if !m.ended[uid] {
			m.rows[uid] = c
		}
	})
}

func (m *memLive) EndLiveCall(ctx context.Context, _, uid string) error {
	what := "end " + uid
	if m.saved != nil && !m.saved(uid) {
		what += " before its save"
	}
	return m.write(ctx, what, func() {
		delete(m.rows, uid)
		m.ended[uid] = true
	})
}

func (m *memLive) ReplaceLiveCalls(ctx context.Context, _ string, calls []crm.LiveCall) error {
	var uids []string
	for _, c := range calls {
		uids = append(uids, c.Call.SourceUniqueID)
	}
	return m.write(ctx, "replace "+strings.Join(uids, ","), func() {
		for uid := range m.rows {
			if !slices.Contains(uids, uid) {
				delete(m.rows, uid)
				m.ended[uid] = true
			}
		}
		for _, c := range calls {
			m.rows[c.Call.SourceUniqueID] = c
		}
	})
}

func (m *memLive) LiveCalls(context.Context, time.Time) ([]crm.LiveCall, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []crm.LiveCall
	for _, c := range m.rows {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b crm.LiveCall) int { return strings.Compare(a.Call.SourceUniqueID, b.Call.SourceUniqueID) })
	return out, nil
}

// log returns the writes applied so far and how many were tried.
func (m *memLive) log() ([]string, int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.writes), m.tried
}

// liveUIDs lists the calls the store holds as in progress.
func (m *memLive) liveUIDs(t *testing.T) []string {
	t.Helper()
	calls, err := m.LiveCalls(t.Context(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var uids []string
	for _, c := range calls {
		uids = append(uids, c.Call.SourceUniqueID)
	}
	return uids
}

// has reports whether the call uid was saved.
func (m *memCalls) has(uid string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, ok := m.rows[uid]
	return ok
}

// queueAgents are the agents queueRing's calls ring.
var queueAgents = []string{"201", "202", "203", "204", "205", "206", "207", "208", "209", "210"}

// newLiveFlow returns a CallFlow whose agents are queueAgents, saving to
// calls and writing live calls to live.
func newLiveFlow(calls *memCalls, live *memLive) *crm.CallFlow {
	tc := testConfig()
	tc.Agents = crm.SetOf(queueAgents...)
	return crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: calls, Live: live,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SaveTimeout: time.Second})
}

// queueRing returns a call from the trunk waiting in queue support while
// exts ring one after another (one ringing update each), and the hangups
// that end it. The call's uniqueid is id+".1"; id is a number.
func queueRing(id string, exts ...string) (ring, hangup []crm.CallEvent) {
	trunk, tuid := "SIP/trunk-"+id, id+".1"
	ring = []crm.CallEvent{
		{Time: at(0), Kind: crm.KindNewChannel, Channel: trunk, UniqueID: tuid, Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
		{Time: at(1), Kind: crm.KindQueueJoined, Channel: trunk, UniqueID: tuid, Queue: "support", Position: 1},
	}
	for i, ext := range exts {
		ch, uid := "SIP/"+ext+"-"+id, id+"."+strconv.Itoa(i+2)
		ring = append(ring,
			crm.CallEvent{Time: at(2), Kind: crm.KindNewChannel, Channel: ch, UniqueID: uid, Context: "agents"},
			crm.CallEvent{Time: at(2), Kind: crm.KindAgentCalled, Channel: trunk, UniqueID: tuid, PeerChannel: ch, PeerUniqueID: uid, Agent: "SIP/" + ext, Queue: "support"})
		hangup = append(hangup, crm.CallEvent{Time: at(9), Kind: crm.KindHangup, Channel: ch, UniqueID: uid})
	}
	hangup = append(hangup, crm.CallEvent{Time: at(9), Kind: crm.KindHangup, Channel: trunk, UniqueID: tuid})
	return ring, hangup
}

func handleAll(ctx context.Context, f *crm.CallFlow, evs []crm.CallEvent) {
	for _, ev := range evs {
		f.Handle(ctx, ev)
	}
}

// wantWrites compares the store's applied writes with want.
func wantWrites(t *testing.T, live *memLive, want ...string) {
	t.Helper()
	if got, _ := live.log(); !slices.Equal(got, want) {
		t.Errorf("writes: got %q, want %q", got, want)
	}
}

// TestLiveWriterCoalescesPuts: while the first ringing update's write is
// held up, the nine that follow leave one put, with the latest state:
// every agent the queue rings.
func TestLiveWriterCoalescesPuts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		live := &memLive{gate: make(chan struct{})}
		f := newLiveFlow(&memCalls{}, live)
		ring, _ := queueRing("600", queueAgents...)
		handleAll(t.Context(), f, ring[:4]) // rings 201
		synctest.Wait()                     // its write waits on the gate
		handleAll(t.Context(), f, ring[4:])
		close(live.gate)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		all := strings.Join(queueAgents, ",")
		wantWrites(t, live, "put 600.1 201", "put 600.1 "+all)
		c := live.rows["600.1"]
		if c.Call.Queue != "support" || !slices.Equal(c.Extensions, queueAgents) {
			t.Errorf("live row: got queue %q extensions %v, want support %v", c.Call.Queue, c.Extensions, queueAgents)
		}
	})
}

// TestLiveWriterOrderAcrossCalls: waiting ops of different calls are
// applied in queue order, a call's newer put keeping its first place,
// and a call's end replaces its waiting put and comes after its save.
func TestLiveWriterOrderAcrossCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		calls := &memCalls{}
		live := &memLive{gate: make(chan struct{}), saved: calls.has}
		f := newLiveFlow(calls, live)
		ringA, _ := queueRing("700", "201", "202")
		ringB, _ := queueRing("800", "203", "204")
		ringC, hangC := queueRing("900", "205")
		handleAll(t.Context(), f, ringA[:4]) // A rings 201
		synctest.Wait()
		handleAll(t.Context(), f, ringB[:4]) // B rings 203
		handleAll(t.Context(), f, ringC)     // C rings 205
		handleAll(t.Context(), f, ringB[4:]) // B rings 204: replaces B's put
		handleAll(t.Context(), f, ringA[4:]) // A rings 202: queued after C
		handleAll(t.Context(), f, hangC)     // C ends: replaces C's put
		close(live.gate)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		wantWrites(t, live, "put 700.1 201", "put 800.1 203,204", "end 900.1", "put 700.1 201,202")
		if got, want := live.liveUIDs(t), []string{"700.1", "800.1"}; !slices.Equal(got, want) {
			t.Errorf("live calls: got %v, want %v", got, want)
		}
		if !calls.has("900.1") {
			t.Errorf("call 900.1 not saved")
		}
	})
}

// TestLiveWriterReplace: a resync's replace drops every waiting op, holds
// the calls in progress when it was queued, with the agents ringing, and
// the ops queued after it are applied after it.
func TestLiveWriterReplace(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		live := &memLive{gate: make(chan struct{})}
		f := newLiveFlow(&memCalls{}, live)
		ringA, _ := queueRing("700", "201")
		ringB, _ := queueRing("800", "202")
		ringC, _ := queueRing("900", "203")
		ringD, _ := queueRing("950", "204")
		handleAll(t.Context(), f, ringA)
		synctest.Wait()
		handleAll(t.Context(), f, ringB)
		handleAll(t.Context(), f, ringC)
		// The PBX lists only call C's channels: A and B ended meanwhile.
		f.Resync(t.Context(), at(5), []crm.LiveChannel{
			{Channel: "SIP/trunk-900", UniqueID: "900.1", Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
			{Channel: "SIP/203-900", UniqueID: "900.2", Context: "agents"},
		})
		handleAll(t.Context(), f, ringD)
		close(live.gate)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		wantWrites(t, live, "put 700.1 201", "replace 900.1", "put 950.1 204")
		if got, want := live.liveUIDs(t), []string{"900.1", "950.1"}; !slices.Equal(got, want) {
			t.Errorf("live calls: got %v, want %v", got, want)
		}
		// The replace keeps who rings: 203's channel is listed, unanswered.
		if got := live.rows["900.1"].Extensions; !slices.Equal(got, []string{"203"}) {
			t.Errorf("replaced row 900.1: got extensions %v, want [203]", got)
		}
	})
}

// TestLiveWriterBlockedStore: a store that does not answer holds up no
// Handle (the bubble would deadlock), and what waits is one op per call:
// each call's put gave way to its end.
func TestLiveWriterBlockedStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		calls := &memCalls{}
		live := &memLive{gate: make(chan struct{})}
		f := newLiveFlow(calls, live)
		want := []string{"put 100.1 201"}
		for i := range 50 {
			id := strconv.Itoa(100 + i)
			ring, hangup := queueRing(id, queueAgents...)
			if i == 0 {
				handleAll(t.Context(), f, ring[:4])
				synctest.Wait() // the first put waits on the gate
				ring = ring[4:]
			}
			handleAll(t.Context(), f, ring)
			handleAll(t.Context(), f, hangup)
			want = append(want, "end "+id+".1")
		}
		synctest.Wait()
		if got, _ := live.log(); len(got) != 0 || len(calls.rows) != 50 {
			t.Fatalf("with the store held up: got %d writes, %d calls saved; want 0, 50", len(got), len(calls.rows))
		}
		close(live.gate)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		wantWrites(t, live, want...)
	})
}

// TestLiveWriterFailingStore: failed writes are tried once each, and
// neither the calls' saves nor later writes suffer.
func TestLiveWriterFailingStore(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		calls := &memCalls{}
		live := &memLive{fail: true}
		f := newLiveFlow(calls, live)
		ring, hangup := queueRing("600", "201")
		handleAll(t.Context(), f, ring)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		handleAll(t.Context(), f, hangup)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		if _, tried := live.log(); tried != 2 {
			t.Errorf("writes tried: got %d, want 2 (put, end), none retried", tried)
		}
		if !calls.has("600.1") {
			t.Errorf("call not saved while the live store fails")
		}
		live.mu.Lock()
		live.fail = false
		live.mu.Unlock()
		ring, _ = queueRing("700", "202")
		handleAll(t.Context(), f, ring)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		wantWrites(t, live, "put 700.1 202")
	})
}

// TestCallFlowDrainFlushesLive: Drain applies the waiting writes and
// returns once the writer's goroutine ended (synctest.Test fails on a
// goroutine left blocked).
func TestCallFlowDrainFlushesLive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		live := &memLive{gate: make(chan struct{})}
		f := newLiveFlow(&memCalls{}, live)
		ringA, hangA := queueRing("700", "201")
		ringB, _ := queueRing("800", "202")
		handleAll(t.Context(), f, ringA)
		synctest.Wait()
		handleAll(t.Context(), f, ringB)
		handleAll(t.Context(), f, hangA)
		close(live.gate)
		f.Drain(t.Context())
		wantWrites(t, live, "put 700.1 201", "put 800.1 202", "end 700.1")
	})
}

// TestCallFlowDrainDeadline: a store that never answers holds Drain only
// until its context ends; the rest is dropped, and a later call is
// written as usual.
func TestCallFlowDrainDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		live := &memLive{gate: make(chan struct{})}
		f := newLiveFlow(&memCalls{}, live)
		ringA, _ := queueRing("700", "201")
		ringB, _ := queueRing("800", "202")
		handleAll(t.Context(), f, ringA)
		handleAll(t.Context(), f, ringB)
		ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
		defer cancel()
		f.Drain(ctx)
		if _, tried := live.log(); tried != 0 {
			t.Fatalf("writes tried past the deadline: got %d, want 0", tried)
		}
		close(live.gate)
		ringC, _ := queueRing("900", "203")
		handleAll(t.Context(), f, ringC)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		wantWrites(t, live, "put 900.1 203")
	})
}

// TestLiveCallCarriesCaller: the live row holds what the flow's lookup
// found, so a page reload on any node names the caller without a lookup
// of its own; the flow looks the caller up once per call.
func TestLiveCallCarriesCaller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		live, lookup := &memLive{}, &oneCaller{}
		tc := testConfig()
		tc.Agents = crm.SetOf(queueAgents...)
		f := crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: &memCalls{}, Live: live, Lookup: lookup,
			Log: slog.New(slog.NewTextHandler(io.Discard, nil)), SaveTimeout: time.Second})
		ring, _ := queueRing("700", "201", "202")
		handleAll(t.Context(), f, ring)
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		c := live.rows["700.1"]
		if c.Caller == nil || len(c.Caller.Records) != 1 || c.Caller.Records[0].Name != "Alice Wong" {
			t.Errorf("live row caller: got %+v, want Alice Wong", c.Caller)
		}
		if lookup.lookups != 1 {
			t.Errorf("lookups: got %d, want 1 for the call", lookup.lookups)
		}

		// A resync after a reconnect rewrites the row with the match the
		// flow already has, without a second lookup.
		f.Resync(t.Context(), at(5), []crm.LiveChannel{
			{Channel: "SIP/trunk-700", UniqueID: "700.1", Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
			{Channel: "SIP/202-700", UniqueID: "700.3", Context: "agents"},
		})
		if err := f.FlushLive(t.Context()); err != nil {
			t.Fatal(err)
		}
		if c := live.rows["700.1"]; c.Caller == nil || len(c.Caller.Records) != 1 || c.Caller.Records[0].Name != "Alice Wong" {
			t.Errorf("live row caller after a resync: got %+v, want Alice Wong", c.Caller)
		}
		if lookup.lookups != 1 {
			t.Errorf("lookups after a resync: got %d, want still 1", lookup.lookups)
		}
	})
}
