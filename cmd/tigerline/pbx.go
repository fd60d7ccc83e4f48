package main

import (
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func newPBXCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{Use: "pbx", Short: "Add, list and remove the Asterisk servers Tigerline connects to"}
	cmd.AddCommand(newPBXAddCmd(cfg), newPBXListCmd(cfg), newPBXRemoveCmd(cfg))
	return cmd
}

func openPBXs(cmd *cobra.Command, cfg *Config) (*mysql.PBXService, func(), error) {
	return openService(cmd, cfg, mysql.NewPBXService)
}

func newPBXAddCmd(cfg *Config) *cobra.Command {
	var p crm.PBX
	var ami, ari string
	var secretStdin bool
	cmd := &cobra.Command{
		Use:   "add --name NAME (--ami HOST:PORT | --ari URL --app APP) --user USER (--secret SECRET | --secret-stdin)",
		Short: "Add a PBX reached over AMI (any Asterisk from 1.4) or ARI (Asterisk 12+)",
		Example: `  tigerline pbx add --name main --ami 10.0.0.5:5038 --user tigerline --secret-stdin \
    --version auto --inbound-context from-pstn --outbound-context pstn-out --trunk '^PJSIP/provider-'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case ami != "" && ari != "":
				return crm.Errorf(crm.EInvalid, "give --ami or --ari, not both")
			case ari != "":
				p.Kind, p.Address, p.Version = crm.PBXKindARI, ari, ""
			default:
				p.Kind, p.Address, p.ARIApp, p.ARIMode = crm.PBXKindAMI, ami, "", ""
			}
			if p.Secret == "" && secretStdin {
				s, err := readPassword(cmd, true)
				if err != nil {
					return err
				}
				p.Secret = s
			}
			pbxs, done, err := openPBXs(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			added, err := pbxs.Add(cmd.Context(), &p)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "added PBX %s (%s %s)\n", added.Name, added.Kind, added.Address)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&p.Name, "name", "", "unique name, up to 20 characters; calls record it as their gateway")
	f.StringVar(&ami, "ami", "", "AMI address host:port (usually port 5038)")
	f.StringVar(&ari, "ari", "", "ARI base URL, e.g. http://pbx:8088")
	f.StringVar(&p.Username, "user", "", "AMI or ARI user name")
	f.StringVar(&p.Secret, "secret", "", "AMI or ARI secret (prefer --secret-stdin: flags show in ps)")
	f.BoolVar(&secretStdin, "secret-stdin", false, "read the secret from the first line of stdin")
	f.StringVar(&p.Version, "version", crm.PBXVersionAuto, "AMI dialect: 1.4, 1.6, 1.8 or auto (detect from the banner)")
	f.StringVar(&p.ARIApp, "app", "", "ARI Stasis application name")
	f.StringVar(&p.ARIMode, "mode", "monitor", "ARI mode: monitor (watch every channel, the dialplan keeps the calls) or control (answer and bridge the calls the dialplan sends to --app)")
	f.StringVar(&p.ARIMode, "ari-mode", "monitor", "old name of --mode")
	_ = f.MarkDeprecated("ari-mode", "use --mode monitor|control")
	f.StringArrayVar(&p.InboundContexts, "inbound-context", nil, "dialplan context where outside calls enter (repeatable)")
	f.StringArrayVar(&p.OutboundContexts, "outbound-context", nil, "dialplan context where calls leave (repeatable)")
	f.StringArrayVar(&p.TrunkChannels, "trunk", nil, "regular expression matching trunk channel names (repeatable)")
	f.StringArrayVar(&p.DIDs, "did", nil, "number customers dial (repeatable)")
	return cmd
}

func newPBXListCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List PBXs and their last connection state (secrets masked)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			pbxs, done, err := openPBXs(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			list, err := pbxs.List(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "NAME\tKIND\tADDRESS\tUSER\tSECRET\tVERSION/MODE\tINBOUND\tSTATE\tSINCE\tERROR")
			for _, p := range list {
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", pbxLabel(p), p.Kind, p.Address,
					p.Username, maskSecret(p.Secret), dash(p.VersionOrMode()), dash(strings.Join(p.InboundContexts, ",")),
					dash(string(p.Status.State)), sinceText(p.Status.Since), dash(p.Status.LastError))
			}
			return w.Flush()
		},
	}
}

func newPBXRemoveCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "remove NAME",
		Short: "Remove a PBX (vtiger's own PBX is changed in vtiger's settings)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pbxs, done, err := openPBXs(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			if err := pbxs.Remove(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "removed PBX %s\n", args[0])
			return nil
		},
	}
}

func pbxLabel(p *crm.PBX) string {
	switch {
	case p.FromVtiger:
		return p.Name + " (vtiger_asterisk)"
	case !p.Enabled:
		return p.Name + " (disabled)"
	}
	return p.Name
}

func maskSecret(s string) string {
	if s == "" {
		return "-"
	}
	return "****"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func sinceText(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}
