package main

import (
	"github.com/spf13/cobra"
)

func newBenchCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure Tigerline against a real database (see `tigerline seed`)",
	}
	cmd.AddCommand(newBenchRecordsCmd(cfg))
	return cmd
}
