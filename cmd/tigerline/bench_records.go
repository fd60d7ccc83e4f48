package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

// benchWarmup runs of each operation are not measured: they fill the
// statement and metadata caches that a running server has warm.
const benchWarmup = 20

// benchOp is one measured operation and the target the issue sets for it.
type benchOp struct {
	name   string
	n      int
	target time.Duration // for p99; 0 when there is none
	run    func(ctx context.Context, i int) error
}

func newBenchRecordsCmd(cfg *Config) *cobra.Command {
	var iterations int
	var seed uint64
	cmd := &cobra.Command{
		Use:   "records",
		Short: "Time record reads, creates, lists, VTQL and phone lookups on a seeded database",
		Long: `records measures, one at a time against the --db database, the record engine's
operations agents wait on, and prints p50, p99 and max of each beside the target.
Seed the database first (tigerline seed); the create test adds --iterations accounts.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			db, err := openMigratedDB(cmd, cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			phones, err := phone.New(cfg.Country)
			if err != nil {
				return err
			}
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			admin, err := mysql.NewUserService(db).FindUserByName(ctx, "admin")
			if err != nil {
				return err
			}
			if seed == 0 {
				seed = rand.Uint64()
			}
			r := rand.New(rand.NewPCG(seed, seed+1))
			sample, err := mysql.SampleBulk(ctx, db, iterations, r)
			if err != nil {
				return err
			}
			b := &recordBench{
				db: db, records: mysql.NewRecordService(db, phones, log), lookup: mysql.NewLookupService(db, phones),
				admin: admin, sample: sample, r: r,
			}
			return b.run(ctx, cmd.OutOrStdout(), db.Name, iterations)
		},
	}
	cmd.Flags().IntVar(&iterations, "iterations", 2000, "measured runs of each operation (fewer for the list with a total)")
	cmd.Flags().Uint64Var(&seed, "seed", 0, "random seed for the choice of records (0: random)")
	return cmd
}

type recordBench struct {
	db      *mysql.DB
	records *mysql.RecordService
	lookup  *mysql.LookupService
	admin   *crm.User
	sample  *mysql.BulkSample
	r       *rand.Rand
}

func (b *recordBench) run(ctx context.Context, out io.Writer, dbName string, n int) error {
	// The exact size of the table, not a list's total, which stops at
	// crm.TotalCap.
	total, err := mysql.CountLive(ctx, b.db, "Accounts")
	if err != nil {
		return err
	}
	cities := b.sample.CitiesNear(100, 10)
	if len(cities) == 0 || len(b.sample.Phones) == 0 {
		return crm.Errorf(crm.EInvalid, "database %s has no cities or phone numbers to look up: run `tigerline seed` first", dbName)
	}
	var counts []string
	for _, c := range cities {
		counts = append(counts, fmt.Sprint(c.Count))
	}
	fmt.Fprintf(out, "database %s: %d accounts; %d CPUs; single-threaded; %d warm-up runs each\n", dbName, total, runtime.NumCPU(), benchWarmup)
	fmt.Fprintf(out, "filtered list: %d cities of %s accounts\n\n", len(cities), strings.Join(counts, ", "))
	ops := b.ops(n, cities)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "operation\tn\tp50\tp99\tmax\ttarget (p99)\t\t")
	for _, op := range ops {
		d, err := measure(ctx, op)
		if err != nil {
			return fmt.Errorf("%s: %w", op.name, err)
		}
		p50, p99 := percentile(d, 50), percentile(d, 99)
		target, verdict := "-", ""
		if op.target > 0 {
			target, verdict = "< "+ms(op.target), "ok"
			if p99 >= op.target {
				verdict = "MISSED"
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", op.name, len(d), ms(p50), ms(p99), ms(d[len(d)-1]), target, verdict)
	}
	return tw.Flush()
}

// ops lists the operations in the order they run; create runs after the
// reads so the records it adds do not shift what they measure.
func (b *recordBench) ops(n int, cities []mysql.CityCount) []benchOp {
	ids, phones := b.sample.AccountIDs, b.sample.Phones
	page := func(skipTotal bool) func(ctx context.Context, i int) error {
		return func(ctx context.Context, i int) error {
			_, err := b.records.FindRecords(ctx, b.admin, "Accounts", crm.ListQuery{Sort: "modifiedtime", Desc: true, Limit: 25, SkipTotal: skipTotal})
			return err
		}
	}
	return []benchOp{
		{name: "retrieve by id", n: n, target: 2 * time.Millisecond, run: func(ctx context.Context, i int) error {
			_, err := b.records.FindRecordByID(ctx, "Accounts", ids[i%len(ids)])
			return err
		}},
		{name: "phone lookup", n: n, target: 2 * time.Millisecond, run: func(ctx context.Context, i int) error {
			m, err := b.lookup.LookupCaller(ctx, phones[i%len(phones)])
			if err == nil && m.Unknown {
				err = fmt.Errorf("stored number %q not found", phones[i%len(phones)])
			}
			return err
		}},
		{name: "list page (25, by modified)", n: n, target: 20 * time.Millisecond, run: page(true)},
		{name: "list page + total", n: max(10, n/40), target: 20 * time.Millisecond, run: page(false)},
		{name: "filtered list (city ~100) + total", n: n, target: 20 * time.Millisecond, run: func(ctx context.Context, i int) error {
			_, err := b.records.FindRecords(ctx, b.admin, "Accounts", crm.ListQuery{
				Filters: []crm.Condition{{Field: "bill_city", Op: crm.OpEquals, Values: []string{cities[i%len(cities)].City}}},
				Sort:    "modifiedtime", Desc: true, Limit: 25,
			})
			return err
		}},
		{name: "VTQL city query", n: n, run: func(ctx context.Context, i int) error {
			city := strings.ReplaceAll(cities[i%len(cities)].City, "'", "''")
			_, err := b.records.QueryVTQL(ctx, b.admin, "SELECT accountname, bill_city FROM Accounts WHERE bill_city = '"+city+"' ORDER BY accountname LIMIT 25;")
			return err
		}},
		{name: "create account", n: n, target: 5 * time.Millisecond, run: func(ctx context.Context, i int) error {
			c := cities[i%len(cities)]
			_, err := b.records.CreateRecord(ctx, b.admin, "Accounts", map[string]string{
				"accountname": fmt.Sprintf("Bench Trading %d-%d Ltd", time.Now().Unix(), i),
				"phone":       fmt.Sprintf("+1 415 %03d %04d", 200+b.r.IntN(800), b.r.IntN(10000)),
				"bill_city":   c.City, "email1": "bench@example.com",
			})
			return err
		}},
	}
}

// measure runs op's warm-up and then op.n timed runs, and returns the
// sorted durations.
func measure(ctx context.Context, op benchOp) ([]time.Duration, error) {
	for i := 0; i < benchWarmup; i++ {
		if err := op.run(ctx, op.n+i); err != nil {
			return nil, err
		}
	}
	d := make([]time.Duration, op.n)
	for i := range d {
		start := time.Now()
		if err := op.run(ctx, i); err != nil {
			return nil, err
		}
		d[i] = time.Since(start)
	}
	slices.Sort(d)
	return d, nil
}

// percentile returns the p-th percentile of sorted durations (nearest
// rank).
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)]
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
