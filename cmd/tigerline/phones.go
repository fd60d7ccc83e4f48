package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func newPhonesCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{Use: "phones", Short: "Look up callers and rebuild the phone lookup table"}
	cmd.AddCommand(newPhonesLookupCmd(cfg), newPhonesReindexCmd(cfg))
	return cmd
}

func newPhonesLookupCmd(cfg *Config) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lookup NUMBER",
		Short: "Show what a call from NUMBER would pop (the default country comes from --country)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			phones, err := phone.New(cfg.Country)
			if err != nil {
				return crm.Errorf(crm.EInvalid, "bad --country: %v", err)
			}
			db, err := openMigratedDB(cmd, cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			m, err := mysql.NewLookupService(db, phones).LookupCaller(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(m.Records)
			}
			return printCaller(cmd.OutOrStdout(), m)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of {module, crmid, name, field, number}; [] when unknown")
	return cmd
}

func printCaller(out io.Writer, m crm.CallerMatch) error {
	switch {
	case m.Digits == "":
		fmt.Fprintf(out, "%s: withheld or unusable caller-id, unknown caller\n", m.Number)
		return nil
	case m.Unknown:
		fmt.Fprintf(out, "%s (%s): unknown caller\n", m.Number, m.Digits)
		return nil
	}
	fmt.Fprintf(out, "%s (%s):\n", m.Number, m.Digits)
	w := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "MODULE\tCRMID\tNAME\tFIELD\tSTORED")
	for _, r := range m.Records {
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\n", r.Module, r.ID, r.Name, r.Field, r.Number)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if m.Ambiguous {
		fmt.Fprintln(out, "ambiguous: several records share the best precedence; the pop lists them all")
	}
	return nil
}

func newPhonesReindexCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "reindex",
		Short: "Rebuild vtiger_pbxmanager_phonelookup from every live record's phone fields",
		Long: `reindex rewrites the phone lookup rows of every live record of every module
with phone fields (uitype 11), normalised for --country, in batches. Run it after
changing the default country, or once on a database vtiger 5.4 created.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			phones, err := phone.New(cfg.Country)
			if err != nil {
				return crm.Errorf(crm.EInvalid, "bad --country: %v", err)
			}
			db, err := openMigratedDB(cmd, cfg)
			if err != nil {
				return err
			}
			defer db.Close()
			start := time.Now()
			p := newProgress(cmd.OutOrStdout())
			if err := mysql.ReindexPhones(cmd.Context(), db, phones, p.report); err != nil {
				p.finish()
				return err
			}
			p.finish()
			fmt.Fprintf(cmd.OutOrStdout(), "reindexed the phone numbers of %d records in %s\n", p.done, time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
}

// progress draws a bar on a terminal, and otherwise prints plain counts at
// most once a second (and at the end), so logs stay short.
type progress struct {
	out         io.Writer
	tty         bool
	done, total int
	last        time.Time
	drawn       bool
}

func newProgress(out io.Writer) *progress {
	f, ok := out.(*os.File)
	return &progress{out: out, tty: ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) report(done, total int) {
	p.done, p.total = done, total
	if !p.tty {
		if time.Since(p.last) >= time.Second || done == total {
			fmt.Fprintf(p.out, "%d/%d records\n", done, total)
			p.last = time.Now()
		}
		return
	}
	const width = 40
	filled, pct := width, 100
	if total > 0 {
		filled, pct = width*done/total, 100*done/total
	}
	fmt.Fprintf(p.out, "\r[%s%s] %3d%% %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), pct, done, total)
	p.drawn = true
}

func (p *progress) finish() {
	if p.drawn {
		fmt.Fprintln(p.out)
	}
}
