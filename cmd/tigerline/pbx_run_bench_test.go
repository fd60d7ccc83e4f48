package main

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// savedAt wraps the real CallStore to note when a save committed.
type savedAt struct {
	crm.CallStore
	n    atomic.Int64
	last atomic.Int64 // UnixNano of the last commit
}

func (s *savedAt) SaveCall(ctx context.Context, rec crm.CallRecord, link crm.CallLink) (int64, bool, error) {
	id, created, err := s.CallStore.SaveCall(ctx, rec, link)
	if err == nil {
		s.last.Store(time.Now().UnixNano())
		s.n.Add(1)
	}
	return id, created, err
}

// BenchmarkEventToCommit measures, per call, the time from the arrival of
// the frame that ends it (parse, normalize, track, look up, save on the
// real MariaDB) to the committed vtiger_pbxmanager row; it reports p50 and
// p99. Calls are AMI 2 frames from the simulator, alternating a known
// contact and an unknown number, answered and missed.
func BenchmarkEventToCommit(b *testing.B) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(b)
	phones, err := phone.New("US")
	if err != nil {
		b.Fatal(err)
	}
	users := mysql.NewUserService(db)
	if _, err := users.CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", Extension: "101"}); err != nil {
		b.Fatal(err)
	}
	admin, _ := users.FindUserByName(ctx, "admin")
	records := mysql.NewRecordService(db, phones, mysqltest.Logger())
	if _, err := records.CreateRecord(ctx, admin, "Contacts", map[string]string{"lastname": "Wong", "phone": "+1 (415) 555-0142"}); err != nil {
		b.Fatal(err)
	}
	store := &savedAt{CallStore: mysql.NewCallService(db, mysqltest.Logger())}
	tc, _ := trackerConfig(faultPBX("bench", ""))
	tc.Agents = crm.SetOf("101")
	flow := crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: store, Lookup: mysql.NewLookupService(db, phones), Log: mysqltest.Logger()})
	gen := amisim.NewGenerator(ami.DialectAMI2, 1)
	norm := ami.Normalizer{Gateway: "bench", Dialect: ami.DialectAMI2}
	callers := []string{"+14155550142", "+16175550111"}
	lat := make([]time.Duration, 0, b.N)
	start := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := amisim.Call{CallerNum: callers[i%2], Agent: "101", Ring: time.Second, Talk: 2 * time.Second, Answered: i%3 != 0}
		for _, f := range gen.Frames(c, start.Add(time.Duration(i)*time.Minute)) {
			raw := f.Bytes()
			before := store.n.Load()
			t0 := time.Now()
			r := ami.NewReader(bytes.NewReader(raw), ami.Limits{})
			m, err := r.ReadMessage()
			if err != nil {
				b.Fatal(err)
			}
			for _, ev := range norm.Normalize(m, start.Add(f.At)) {
				flow.Handle(ctx, ev)
			}
			if store.n.Load() > before {
				lat = append(lat, time.Unix(0, store.last.Load()).Sub(t0))
			}
		}
	}
	b.StopTimer()
	if len(lat) != b.N {
		b.Fatalf("committed %d calls, want %d", len(lat), b.N)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkQueueRingLive measures what the PBX's event loop spends on a
// queue call ringing ten agents, with calls in progress written to the
// real MariaDB tl_live_calls: ns/ring-handle is one AgentCalled event's
// Handle (track, publish, hand the live row over), the op one whole call
// including its save and, through FlushLive, every live write it caused.
func BenchmarkQueueRingLive(b *testing.B) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(b)
	live := mysql.NewLiveCallService(db)
	tc, _ := trackerConfig(faultPBX("bench", ""))
	agents := make([]string, 10)
	for i := range agents {
		agents[i] = strconv.Itoa(201 + i)
	}
	tc.Agents = crm.SetOf(agents...)
	flow := crm.NewCallFlow(crm.CallFlowConfig{Tracker: tc, Store: mysql.NewCallService(db, mysqltest.Logger()),
		Live: live, Log: mysqltest.Logger()})
	start := time.Now().Add(-time.Minute)
	var ringing time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		setup, rings, hangups := queueRingEvents(strconv.Itoa(1000+i), start, agents)
		for _, ev := range setup {
			flow.Handle(ctx, ev)
		}
		t0 := time.Now()
		for _, ev := range rings {
			flow.Handle(ctx, ev)
		}
		ringing += time.Since(t0)
		for _, ev := range hangups {
			flow.Handle(ctx, ev)
		}
		if err := flow.FlushLive(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(ringing.Nanoseconds())/float64(b.N*len(agents)), "ns/ring-handle")
	if left, err := live.LiveCalls(ctx, start.Add(-time.Hour)); err != nil || len(left) != 0 {
		b.Fatalf("live calls after every call ended: got %d (%v), want 0", len(left), err)
	}
}

// queueRingEvents is a call from the trunk joining queue support, whose
// agents' channels exist (setup), are rung one after another by the queue
// (rings: one ringing update each), then all hang up unanswered.
func queueRingEvents(id string, at time.Time, agents []string) (setup, rings, hangups []crm.CallEvent) {
	trunk, tuid := "SIP/trunk-"+id, id+".1"
	setup = []crm.CallEvent{
		{Time: at, Kind: crm.KindNewChannel, Channel: trunk, UniqueID: tuid, Context: "from-pstn", Exten: "+18005550100", CallerNum: "+14155550142"},
		{Time: at, Kind: crm.KindQueueJoined, Channel: trunk, UniqueID: tuid, Queue: "support", Position: 1},
	}
	for i, ext := range agents {
		ch, uid := "SIP/"+ext+"-"+id, id+"."+strconv.Itoa(i+2)
		setup = append(setup, crm.CallEvent{Time: at, Kind: crm.KindNewChannel, Channel: ch, UniqueID: uid, Context: "agents"})
		rings = append(rings, crm.CallEvent{Time: at.Add(time.Second), Kind: crm.KindAgentCalled, Channel: trunk, UniqueID: tuid,
			PeerChannel: ch, PeerUniqueID: uid, Agent: "SIP/" + ext, Queue: "support"})
		hangups = append(hangups, crm.CallEvent{Time: at.Add(20 * time.Second), Kind: crm.KindHangup, Channel: ch, UniqueID: uid})
	}
	hangups = append(hangups, crm.CallEvent{Time: at.Add(20 * time.Second), Kind: crm.KindHangup, Channel: trunk, UniqueID: tuid})
	return setup, rings, hangups
}
