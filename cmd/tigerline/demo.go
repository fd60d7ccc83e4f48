package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/demo"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

func newDemoCmd(cfg *Config) *cobra.Command {
	opts := &serveOptions{}
	var database string
	var reset, overARI bool
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Build a demo database with realistic data and serve it",
		Long: `demo migrates a database of its own (tigerline_demo on the server of --db),
fills it with demo agents, customers, contracts and tickets the first time, and
serves it. Log in as agent101 (agents agent101 to agent105, extensions 101 to 105)
or supervisor with password "tigerline", or as admin with password "admin".`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := cfg.logger(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			dsn, err := mysql.WithDatabase(cfg.DB, database)
			if err != nil {
				return err
			}
			if err := prepareDemo(cmd.Context(), dsn, cfg.Country, reset, cmd.OutOrStdout(), log); err != nil {
				return err
			}
			demoCfg := *cfg
			demoCfg.DB = dsn
			var sims sync.WaitGroup
			simCtx, stopSim := context.WithCancel(cmd.Context())
			defer func() { stopSim(); sims.Wait() }()
			if err := startDemoSim(simCtx, &sims, dsn, overARI, log); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "\nTigerline demo: open http://%s and log in as agent101 / %s (or supervisor, or admin / admin)\n\n", cfg.HTTP, demo.Password)
			return serve(cmd.Context(), &demoCfg, opts, log)
		},
	}
	opts.bindFlags(cmd)
	cmd.Flags().StringVar(&database, "database", "tigerline_demo", "name of the demo database on the --db server")
	cmd.Flags().BoolVar(&reset, "reset", false, "drop the demo database and build it again")
	cmd.Flags().BoolVar(&overARI, "ari", false, "connect to the built-in PBX simulator over ARI (monitor mode) instead of AMI")
	return cmd
}

// prepareDemo migrates the demo database and seeds it once.
func prepareDemo(ctx context.Context, dsn, country string, reset bool, out io.Writer, log *slog.Logger) error {
	if reset {
		if err := mysql.DropDatabase(ctx, dsn); err != nil {
			return err
		}
	}
	if err := mysql.CreateDatabase(ctx, dsn); err != nil {
		return err
	}
	if _, err := mysql.Migrate(ctx, dsn, log); err != nil {
		return err
	}
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	users := mysql.NewUserService(db)
	if _, err := users.FindUserByName(ctx, "agent101"); err == nil {
		fmt.Fprintln(out, "demo database is ready (use --reset to build it again)")
		return nil
	} else if crm.ErrorCode(err) != crm.ENotFound {
		return err
	}
	phones, err := phone.New(country)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "seeding demo data...")
	// The agents take support calls: their role gets vtiger's Support
	// Profile, which may edit tickets (the default roles' Sales Profile
	// may not).
	role, err := mysql.NewRoleService(db).CreateRole(ctx, crm.NewRole{Name: "Support Agent", Parent: "H4", Profile: "Support Profile"})
	if err != nil {
		return err
	}
	opts := demo.DefaultOptions
	opts.AgentRole = role.ID
	sum, err := demo.Seed(ctx, users, mysql.NewRecordService(db, phones, log), opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "demo data: %d users, %d accounts, %d contacts, %d leads, %d products, %d service contracts, %d tickets\n",
		sum.Users, sum.Accounts, sum.Contacts, sum.Leads, sum.Products, sum.Contracts, sum.Tickets)
	return nil
}
