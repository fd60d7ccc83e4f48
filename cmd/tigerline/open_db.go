package main

import (
	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm/mysql"
)

// openMigratedDB opens the database and refuses an outdated schema, as
// every command that reads or writes records must.
func openMigratedDB(cmd *cobra.Command, cfg *Config) (*mysql.DB, error) {
	db, err := mysql.Open(cmd.Context(), cfg.DB)
	if err != nil {
		return nil, err
	}
	if err := mysql.RequireCurrentSchema(cmd.Context(), db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openService opens the migrated database for a command and builds on it
// the service the command works with; done closes the database.
func openService[S any](cmd *cobra.Command, cfg *Config, newService func(*mysql.DB) S) (svc S, done func(), err error) {
	db, err := openMigratedDB(cmd, cfg)
	if err != nil {
		return svc, nil, err
	}
	return newService(db), func() { db.Close() }, nil
}
