package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func newSeedCmd(cfg *Config) *cobra.Command {
	var o mysql.BulkOptions
	cmd := &cobra.Command{
		Use:   "seed",
		Short: "Add many realistic accounts and contacts quickly, for load tests",
		Long: `seed adds --accounts accounts and then --contacts contacts (most of them linked
to the new accounts) to the --db database, with the rows vtiger and Tigerline
write for a record: crmentity, module tables, record numbers, phone lookup rows and
history. Each batch is one transaction. The database must be migrated first.`,
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
			out := cmd.OutOrStdout()
			bar := newSeedProgress(out, isTerminal(out))
			o.Progress = bar.update
			start := time.Now()
			err = mysql.BulkSeed(ctx, db, phones, o)
			bar.finish()
			if err != nil {
				return err
			}
			took := time.Since(start)
			n := o.Accounts + o.Contacts
			fmt.Fprintf(out, "seeded %d accounts and %d contacts into %s in %s: %.0f records/s\n",
				o.Accounts, o.Contacts, db.Name, took.Round(time.Second), float64(n)/took.Seconds())
			return nil
		},
	}
	cmd.Flags().IntVar(&o.Accounts, "accounts", 0, "number of accounts to add")
	cmd.Flags().IntVar(&o.Contacts, "contacts", 0, "number of contacts to add")
	cmd.Flags().IntVar(&o.Batch, "batch", mysql.DefaultBulkBatch, "records per transaction")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 0, "random seed, for repeatable data (0: random)")
	return cmd
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// seedProgress shows a module's progress: a redrawn bar on a terminal,
// otherwise a plain line every ten seconds and at the end of each module.
type seedProgress struct {
	w        io.Writer
	tty      bool
	module   string
	start    time.Time
	lastLine time.Time
	drawn    bool
}

func newSeedProgress(w io.Writer, tty bool) *seedProgress {
	return &seedProgress{w: w, tty: tty}
}

func (p *seedProgress) update(module string, done, total int) {
	now := time.Now()
	if module != p.module {
		p.finish()
		p.module, p.start, p.lastLine = module, now, now
	}
	rate := float64(done) / max(now.Sub(p.start).Seconds(), 1e-3)
	eta := time.Duration(float64(total-done)/max(rate, 1e-3)) * time.Second
	if p.tty {
		const width = 30
		fill := width * done / max(total, 1)
		fmt.Fprintf(p.w, "\r%-8s [%s%s] %3d%% %d/%d  %.0f/s  ETA %s ", module,
			strings.Repeat("#", fill), strings.Repeat("-", width-fill), 100*done/max(total, 1), done, total, rate, eta.Round(time.Second))
		p.drawn = true
		return
	}
	if done == total || now.Sub(p.lastLine) >= 10*time.Second {
		p.lastLine = now
		fmt.Fprintf(p.w, "%s: %d/%d (%d%%), %.0f records/s\n", module, done, total, 100*done/max(total, 1), rate)
	}
}

// finish ends the bar's line.
func (p *seedProgress) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
