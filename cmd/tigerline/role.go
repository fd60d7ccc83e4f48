package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func newRoleCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{Use: "role", Short: "List roles and add one (vtiger's Settings > Roles)"}
	cmd.AddCommand(newRoleAddCmd(cfg), newRoleListCmd(cfg))
	return cmd
}

// openRoles opens the database for a role command.
func openRoles(cmd *cobra.Command, cfg *Config) (*mysql.RoleService, func(), error) {
	return openService(cmd, cfg, mysql.NewRoleService)
}

func newRoleAddCmd(cfg *Config) *cobra.Command {
	var nr crm.NewRole
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Add a role under --parent whose users get --profile",
		Long: `add creates a role as vtiger's Settings > Roles does. Support agents, for
example, need a role with the Support Profile to edit tickets:

  tigerline role add "Support Agent" --parent H4 --profile "Support Profile"
  tigerline user add amy --extension 101 --role H6`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			nr.Name = args[0]
			roles, done, err := openRoles(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			r, err := roles.CreateRole(cmd.Context(), nr)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "created role %s (%s, under %s, profile %s)\n", r.ID, r.Name, nr.Parent, nr.Profile)
			return nil
		},
	}
	cmd.Flags().StringVar(&nr.Parent, "parent", "H4", "id of the parent role (see tigerline role list)")
	cmd.Flags().StringVar(&nr.Profile, "profile", "Support Profile", "profile of the role's users")
	return cmd
}

func newRoleListCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List roles with their place in the hierarchy and their profiles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			roles, done, err := openRoles(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			list, err := roles.FindRoles(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tNAME\tHIERARCHY\tPROFILES")
			for _, r := range list {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, strings.Repeat("  ", r.Depth)+r.Name, r.ParentPath, strings.Join(r.Profiles, ", "))
			}
			return w.Flush()
		},
	}
}
