package main

import (
	"bytes"
	"context"
	"slices"
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
