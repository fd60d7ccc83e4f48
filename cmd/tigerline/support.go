package main

import (
	"fmt"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func newSupportLinesCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{Use: "support-lines", Short: "Add, list and remove the DIDs and queues whose calls open support tickets"}
	cmd.AddCommand(newSupportLinesAddCmd(cfg), newSupportLinesListCmd(cfg), newSupportLinesRemoveCmd(cfg))
	return cmd
}

func openSupport(cmd *cobra.Command, cfg *Config) (*mysql.SupportService, func(), error) {
	log, err := cfg.logger(cmd.ErrOrStderr())
	if err != nil {
		return nil, nil, err
	}
	return openService(cmd, cfg, func(db *mysql.DB) *mysql.SupportService { return mysql.NewSupportService(db, nil, nil, log) })
}

func newSupportLinesAddCmd(cfg *Config) *cobra.Command {
	var l crm.SupportLine
	var did, queue, exten string
	var window int
	cmd := &cobra.Command{
		Use:   "add (--did NUMBER | --queue NAME | --exten EXTENSION) [--name NAME] [--priority P] [--category C] [--repeat-window MINUTES]",
		Short: "Mark a DID, queue or extension as a support line: its answered calls open a ticket",
		Example: `  tigerline support-lines add --did '+1 800 555 0199' --name "Support hotline" --priority High --repeat-window 1440
  tigerline support-lines add --queue support --category "Small Problem"`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n := 0
			for kind, v := range map[crm.SupportLineKind]string{crm.SupportByDID: did, crm.SupportByQueue: queue, crm.SupportByExten: exten} {
				if v != "" {
					l.Kind, l.Value = kind, v
					n++
				}
			}
			if n != 1 {
				return crm.Errorf(crm.EInvalid, "give exactly one of --did, --queue or --exten")
			}
			l.RepeatWindow = time.Duration(window) * time.Minute
			svc, done, err := openSupport(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			added, err := svc.AddSupportLine(cmd.Context(), l)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added support line %d (%s %s)\n", added.ID, added.Kind, added.Value)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&did, "did", "", "number customers dial; matched by its digits")
	f.StringVar(&queue, "queue", "", "Asterisk queue name")
	f.StringVar(&exten, "exten", "", "agent extension that answers")
	f.StringVar(&l.Name, "name", "", "name shown in the pop and the ticket")
	f.StringVar(&l.Priority, "priority", crm.DefaultTicketPriority, "new tickets' priority (Low, Normal, High, Urgent)")
	f.StringVar(&l.Category, "category", "", "new tickets' category (Big Problem, Small Problem, Other Problem)")
	f.IntVar(&window, "repeat-window", 0, "minutes within which a caller's open ticket is offered for reuse (0: never)")
	return cmd
}

func newSupportLinesListCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List support lines",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, done, err := openSupport(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			lines, err := svc.ListSupportLines(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tKIND\tVALUE\tNAME\tPRIORITY\tCATEGORY\tREPEAT WINDOW\tCREATED")
			for _, l := range lines {
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.ID, l.Kind, l.Value, dash(l.Name), l.Priority,
					dash(l.Category), windowText(l.RepeatWindow), sinceText(l.Created))
			}
			return w.Flush()
		},
	}
}

func windowText(d time.Duration) string {
	if d <= 0 {
		return "-"
	}
	return strconv.Itoa(int(d/time.Minute)) + " min"
}

func newSupportLinesRemoveCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID",
		Short: "Remove a support line (tickets already opened stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return crm.Errorf(crm.EInvalid, "support line id %q is not a number", args[0])
			}
			svc, done, err := openSupport(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			if err := svc.RemoveSupportLine(cmd.Context(), id); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "removed support line %d\n", id)
			return nil
		},
	}
}
