package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func newMigrateCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "migrate",
		Short: "Create or update the database (safe on an existing vtiger 5.4 database)",
		Long: `migrate creates the database if it does not exist and brings it up to date.
On an empty database it builds vtiger 5.4's tables with the rows of a fresh vtiger
install (admin user admin/admin); on an existing vtiger 5.4 database it only adds
what is missing and changes no existing row. Running it again changes nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if err := mysql.CreateDatabase(ctx, cfg.DB); err != nil {
				return err
			}
			res, err := mysql.Migrate(ctx, cfg.DB, log)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if res.PhonesUnindexed {
				if err := reindexAfterMigrate(cmd, cfg); err != nil {
					return err
				}
			}
			switch {
			case len(res.Applied) == 0:
				fmt.Fprintf(out, "database is up to date (%s)\n", res.Took.Round(1e6))
			case res.Seeded:
				fmt.Fprintf(out, "built a fresh database: %d migrations in %s; log in as admin/admin and change that password\n", len(res.Applied), res.Took.Round(1e6))
			default:
				fmt.Fprintf(out, "applied %d migrations in %s; existing rows untouched\n", len(res.Applied), res.Took.Round(1e6))
			}
			return nil
		},
	}
}

// reindexAfterMigrate fills the phone lookup table that migrate has just
// added to an existing vtiger database, so its callers are found at once.
func reindexAfterMigrate(cmd *cobra.Command, cfg *Config) error {
	phones, err := phone.New(cfg.Country)
	if err != nil {
		return err
	}
	db, err := mysql.Open(cmd.Context(), cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	fmt.Fprintf(cmd.OutOrStdout(), "indexing the phone numbers of existing records (country %s)\n", cfg.Country)
	p := newProgress(cmd.OutOrStdout())
	if err := mysql.ReindexPhones(cmd.Context(), db, phones, p.report); err != nil {
		return err
	}
	p.finish()
	return nil
}
