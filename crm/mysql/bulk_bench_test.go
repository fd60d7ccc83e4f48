package mysql_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// seededBench is a database filled by `tigerline seed`, shared by the
// benchmarks below, which only read it (bar BenchmarkCreate).
type seededBench struct {
	records *mysql.RecordService
	lookup  *mysql.LookupService
	admin   *crm.User
	sample  *mysql.BulkSample
	cities  []mysql.CityCount
}

var (
	seededOnce sync.Once
	seeded     *seededBench
	seededErr  error
)

// openSeeded returns the database named by TIGERLINE_BENCH_DSN, or skips:
// these benchmarks need a million-record database, which no test builds.
func openSeeded(b *testing.B) *seededBench {
	b.Helper()
	dsn := os.Getenv("TIGERLINE_BENCH_DSN")
	if dsn == "" {
		b.Skip("set TIGERLINE_BENCH_DSN to a database filled by `tigerline seed` to run the record benchmarks")
	}
	seededOnce.Do(func() {
		ctx := context.Background()
		db, err := mysql.Open(ctx, dsn)
		if err != nil {
			seededErr = err
			return
		}
		phones, err := phone.New("US")
		if err != nil {
			seededErr = err
			return
		}
		s := &seededBench{records: mysql.NewRecordService(db, phones, mysqltest.Logger()), lookup: mysql.NewLookupService(db, phones)}
		if s.admin, err = mysql.NewUserService(db).FindUserByName(ctx, "admin"); err != nil {
			seededErr = err
			return
		}
		if s.sample, err = mysql.SampleBulk(ctx, db, 5000, rand.New(rand.NewPCG(1, 2))); err != nil {
			seededErr = err
			return
		}
		s.cities = s.sample.CitiesNear(100, 10)
		seeded = s
	})
	if seededErr != nil {
		b.Fatalf("open seeded database: %v", seededErr)
	}
	return seeded
}

// timeEach runs op once per b.Loop iteration and reports the p50 and p99
// latency, which matter more to a waiting agent than the mean.
func timeEach(b *testing.B, op func(ctx context.Context, i int) error) {
	b.Helper()
	ctx := context.Background()
	var d []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		if err := op(ctx, i); err != nil {
			b.Fatal(err)
		}
		d = append(d, time.Since(start))
	}
	slices.Sort(d)
	at := func(p int) float64 {
		i := max((len(d)*p+99)/100-1, 0)
		return float64(d[i]) / float64(time.Microsecond)
	}
	b.ReportMetric(at(50), "p50-us")
	b.ReportMetric(at(99), "p99-us")
}

func BenchmarkRetrieve(b *testing.B) {
	s := openSeeded(b)
	ids := s.sample.AccountIDs
	timeEach(b, func(ctx context.Context, i int) error {
		_, err := s.records.FindRecordByID(ctx, "Accounts", ids[i%len(ids)])
		return err
	})
}

func BenchmarkPhoneLookup(b *testing.B) {
	s := openSeeded(b)
	numbers := s.sample.Phones
	timeEach(b, func(ctx context.Context, i int) error {
		m, err := s.lookup.LookupCaller(ctx, numbers[i%len(numbers)])
		if err == nil && m.Unknown {
			err = fmt.Errorf("stored number %q not found", numbers[i%len(numbers)])
		}
		return err
	})
}

func benchListPage(b *testing.B, skipTotal bool) {
	s := openSeeded(b)
	timeEach(b, func(ctx context.Context, i int) error {
		_, err := s.records.FindRecords(ctx, s.admin, "Accounts", crm.ListQuery{Sort: "modifiedtime", Desc: true, Limit: 25, SkipTotal: skipTotal})
		return err
	})
}

func BenchmarkListPage(b *testing.B)      { benchListPage(b, true) }
func BenchmarkListPageTotal(b *testing.B) { benchListPage(b, false) }

func BenchmarkFilteredList(b *testing.B) {
	s := openSeeded(b)
	timeEach(b, func(ctx context.Context, i int) error {
		_, err := s.records.FindRecords(ctx, s.admin, "Accounts", crm.ListQuery{
			Filters: []crm.Condition{{Field: "bill_city", Op: crm.OpEquals, Values: []string{s.cities[i%len(s.cities)].City}}},
			Sort:    "modifiedtime", Desc: true, Limit: 25,
		})
		return err
	})
}

func BenchmarkVTQL(b *testing.B) {
	s := openSeeded(b)
	timeEach(b, func(ctx context.Context, i int) error {
		city := strings.ReplaceAll(s.cities[i%len(s.cities)].City, "'", "''")
		_, err := s.records.QueryVTQL(ctx, s.admin, "SELECT accountname, bill_city FROM Accounts WHERE bill_city = '"+city+"' ORDER BY accountname LIMIT 25;")
		return err
	})
}

// BenchmarkCreate adds accounts to the seeded database.
func BenchmarkCreate(b *testing.B) {
	s := openSeeded(b)
	stamp := time.Now().Unix()
	timeEach(b, func(ctx context.Context, i int) error {
		_, err := s.records.CreateRecord(ctx, s.admin, "Accounts", map[string]string{
			"accountname": fmt.Sprintf("Go Bench %d-%d Ltd", stamp, i),
			"phone":       fmt.Sprintf("+1 415 %03d %04d", 200+i%800, i%10000),
			"bill_city":   s.cities[i%len(s.cities)].City,
		})
		return err
	})
}
