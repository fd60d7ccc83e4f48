package mysql_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// lkFillBase is the first crmid the filler uses, far above what the
// fixtures' vtiger_crmentity_seq hands out.
const lkFillBase = 10_000_000

// lkFill inserts n live Accounts crmentity rows, each with one phone
// lookup row, straight into the tables with multi-row INSERTs: mostly
// E.164 US numbers, some stored nationally (10 digits), some Hong Kong
// numbers and some 7-digit locals, as a US contact center's CRM holds them.
// It returns the stored E.164 US numbers, for picking callers.
func lkFill(tb testing.TB, db *mysql.DB, n int, seed int64) []string {
	tb.Helper()
	ctx := context.Background()
	rnd := rand.New(rand.NewSource(seed))
	areas := []string{"212", "213", "312", "305", "415", "510", "617", "646", "702", "718", "801", "917"}
	var e164 []string
	const chunk = 2000
	for start := 0; start < n; start += chunk {
		end := min(start+chunk, n)
		var ent, look strings.Builder
		var entArgs, lookArgs []any
		for i := start; i < end; i++ {
			id := lkFillBase + i
			sub := fmt.Sprintf("%d%02d%04d", 2+rnd.Intn(8), rnd.Intn(100), rnd.Intn(10000))
			var f string
			switch k := rnd.Intn(100); {
			case k < 70:
				f = "1" + areas[rnd.Intn(len(areas))] + sub
				e164 = append(e164, f)
			case k < 85:
				f = areas[rnd.Intn(len(areas))] + sub
			case k < 95:
				f = fmt.Sprintf("852%d%07d", 5+rnd.Intn(5), rnd.Intn(10000000))
			default:
				f = sub
			}
			if i > start {
				ent.WriteString(", ")
				look.WriteString(", ")
			}
			ent.WriteString("(?, 1, 1, 1, 'Accounts', NOW(), NOW(), 1, 0, 0)")
			look.WriteString("(?, 'Accounts', ?, ?, 'phone')")
			entArgs = append(entArgs, id)
			lookArgs = append(lookArgs, id, f, phone.Reverse(f))
		}
		qe := `INSERT INTO vtiger_crmentity (crmid, smcreatorid, smownerid, modifiedby, setype, createdtime, modifiedtime, presence, deleted, version) VALUES ` + ent.String()
		ql := `INSERT INTO vtiger_pbxmanager_phonelookup (crmid, setype, fnumber, rnumber, fieldname) VALUES ` + look.String()
		if _, err := db.ExecContext(ctx, qe, entArgs...); err != nil {
			tb.Fatalf("fill crmentity: %v", err)
		}
		if _, err := db.ExecContext(ctx, ql, lookArgs...); err != nil {
			tb.Fatalf("fill phone lookup: %v", err)
		}
	}
	return e164
}

// BenchmarkLookupCaller times caller lookups against a table of
// $TIGERLINE_BENCH_PHONES numbers (default 100000) filled for the run, or
// against the database $TIGERLINE_BENCH_DSN names (one `tigerline seed`
// filled: 1,000,000 accounts and contacts hold over 3,000,000 numbers),
// reporting p50 and p99
// latency per shape: LookupCaller end to end for both strategies, each
// strategy's bare query, and vtiger 6's own query shape
// (fnumber LIKE 'n%' OR rnumber LIKE 'reversed%'), with our indexes and
// with vtiger's alone. Callers come as E.164, as 10 national digits, and
// as an internal extension.
//
//	go test ./crm/mysql -run '^$' -bench BenchmarkLookupCaller -benchtime 2000x
func BenchmarkLookupCaller(b *testing.B) {
	ctx := context.Background()
	n := 100000
	if v, err := strconv.Atoi(os.Getenv("TIGERLINE_BENCH_PHONES")); err == nil && v > 0 {
		n = v
	}
	db, e164 := lkBenchDB(b, n)
	norm, err := phone.New("US")
	if err != nil {
		b.Fatal(err)
	}
	callers := map[string][]string{"e164": nil, "national": nil, "extension": {"101", "2002", "345"}}
	for i := 0; i < 500 && i < len(e164); i++ {
		f := e164[(i*7919)%len(e164)]
		callers["e164"] = append(callers["e164"], "+"+f)
		callers["national"] = append(callers["national"], f[1:])
	}
	for _, kind := range []string{"e164", "national", "extension"} {
		nums := callers[kind]
		for _, st := range lookupStrategies {
			svc := mysql.NewLookupService(db, norm, mysql.WithLookupStrategy(st))
			b.Run(kind+"/"+st.String(), func(b *testing.B) {
				lkMeasure(b, func(i int) error { _, err := svc.LookupCaller(ctx, nums[i%len(nums)]); return err })
			})
			b.Run(kind+"/"+st.String()+"-sql", func(b *testing.B) {
				lkMeasure(b, func(i int) error {
					q, args, err := svc.LookupSQL(ctx, nums[i%len(nums)])
					if err != nil {
						return err
					}
					return lkDrain(ctx, db, q, args)
				})
			})
		}
		for _, shape := range []struct{ name, hint string }{{"vtiger-sql", ""}, {"vtiger-sql-vtiger-indexes", " IGNORE INDEX (tl_rnumber)"}} {
			q := `SELECT crmid, setype, fieldname FROM vtiger_pbxmanager_phonelookup` + shape.hint +
				` WHERE fnumber LIKE CONCAT(?, '%') OR rnumber LIKE CONCAT(?, '%')`
			b.Run(kind+"/"+shape.name, func(b *testing.B) {
				lkMeasureAtMost(b, vtigerRuns, func(i int) error {
					f := lkVtigerDigits(nums[i%len(nums)])
					return lkDrain(ctx, db, q, []any{f, phone.Reverse(f)})
				})
			})
		}
	}
}

// lkBenchDB returns the database to look callers up in and E.164 US
// numbers stored in it: $TIGERLINE_BENCH_DSN's as seeded, or a scratch
// database filled with n numbers.
func lkBenchDB(b *testing.B, n int) (*mysql.DB, []string) {
	ctx := context.Background()
	if dsn := os.Getenv("TIGERLINE_BENCH_DSN"); dsn != "" {
		db, err := mysql.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		var total int
		if err := db.GetContext(ctx, &total, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup`); err != nil {
			b.Fatal(err)
		}
		var e164 []string
		err = db.SelectContext(ctx, &e164, `SELECT fnumber FROM vtiger_pbxmanager_phonelookup
			WHERE fnumber LIKE '1__________' ORDER BY RAND(42) LIMIT 500`)
		if err != nil || len(e164) == 0 {
			b.Fatalf("pick callers in %s: %v (%d found; seed it with tigerline seed)", db.Name, err, len(e164))
		}
		b.Logf("looking up in %s: %d numbers", db.Name, total)
		return db, e164
	}
	db, _ := mysqltest.NewDB(b)
	start := time.Now()
	e164 := lkFill(b, db, n, 42)
	if _, err := db.ExecContext(ctx, `ANALYZE TABLE vtiger_pbxmanager_phonelookup, vtiger_crmentity`); err != nil {
		b.Fatal(err)
	}
	b.Logf("filled %d numbers in %s", n, time.Since(start).Round(time.Millisecond))
	return db, e164
}

// lkVtigerDigits strips a number the way vtiger 6 does before its lookup:
// dashes, parentheses, '+' and spaces removed.
func lkVtigerDigits(s string) string {
	return strings.NewReplacer("-", "", "(", "", ")", "", "+", "", " ", "").Replace(s)
}

func lkDrain(ctx context.Context, db *mysql.DB, q string, args []any) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
	}
	return rows.Err()
}

// vtigerRuns caps the runs of vtiger's own query shape: it scans the
// whole table (about a second per run on millions of numbers), so its
// p50 and p99 come from this many runs whatever -benchtime says.
const vtigerRuns = 40

// lkMeasure runs f b.N times and reports the p50 and p99 latency.
func lkMeasure(b *testing.B, f func(i int) error) { lkMeasureAtMost(b, b.N, f) }

// lkMeasureAtMost runs f min(b.N, most) times and reports the p50 and
// p99 latency.
func lkMeasureAtMost(b *testing.B, most int, f func(i int) error) {
	b.Helper()
	n := min(b.N, most)
	took := make([]time.Duration, 0, n)
	b.ResetTimer()
	for i := 0; i < n; i++ {
		t0 := time.Now()
		if err := f(i); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(took, func(i, j int) bool { return took[i] < took[j] })
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) }
	b.ReportMetric(pct(0.50), "p50-us")
	b.ReportMetric(pct(0.99), "p99-us")
}
