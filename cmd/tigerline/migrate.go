package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm/mysql"
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
