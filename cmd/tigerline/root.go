package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd() *cobra.Command {
	cfg := &Config{}
	root := &cobra.Command{
		Use:           "tigerline",
		Short:         "Tigerline: a contact-center CRM on vtiger's database, wired to Asterisk",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cfg.bindFlags(root.PersistentFlags())
	root.AddCommand(
		newServeCmd(cfg),
		newMigrateCmd(cfg),
		newDemoCmd(cfg),
		newSeedCmd(cfg), newBenchCmd(cfg),
		newUserCmd(cfg), newRoleCmd(cfg),
		newPhonesCmd(cfg), newPBXCmd(cfg), newPBXSimCmd(cfg), newSupportLinesCmd(cfg),
		newVersionCmd(),
	)
	return root
}
