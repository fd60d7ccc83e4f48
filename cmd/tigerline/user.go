package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func newUserCmd(cfg *Config) *cobra.Command {
	cmd := &cobra.Command{Use: "user", Short: "Add users, set passwords, list users"}
	cmd.AddCommand(newUserAddCmd(cfg), newUserPasswdCmd(cfg), newUserListCmd(cfg))
	return cmd
}

func openUsers(cmd *cobra.Command, cfg *Config) (*mysql.UserService, func(), error) {
	return openService(cmd, cfg, mysql.NewUserService)
}

func newUserAddCmd(cfg *Config) *cobra.Command {
	var nu crm.NewUser
	var passwordStdin bool
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: "Create a user (asks for the password, or reads it from stdin with --password-stdin)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			nu.UserName = args[0]
			pw, err := readPassword(cmd, passwordStdin)
			if err != nil {
				return err
			}
			nu.Password = pw
			users, done, err := openUsers(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			u, err := users.CreateUser(cmd.Context(), nu)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "created user %s (id %d, role %s)\n", u.UserName, u.ID, u.RoleName)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&nu.FirstName, "first-name", "", "first name")
	f.StringVar(&nu.LastName, "last-name", "", "last name (default: the user name)")
	f.StringVar(&nu.Email, "email", "", "email address")
	f.BoolVar(&nu.IsAdmin, "admin", false, "make the user an administrator")
	f.StringVar(&nu.RoleID, "role", "", "vtiger role id such as H4 (default: the lowest role)")
	f.StringVar(&nu.Extension, "extension", "", "Asterisk extension that rings this user")
	f.StringVar(&nu.Language, "language", "en_us", "language: en_us or zh_tw")
	f.BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of stdin")
	return cmd
}

func newUserPasswdCmd(cfg *Config) *cobra.Command {
	var passwordStdin bool
	cmd := &cobra.Command{
		Use:   "passwd NAME",
		Short: "Set a user's password",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			pw, err := readPassword(cmd, passwordStdin)
			if err != nil {
				return err
			}
			users, done, err := openUsers(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			if err := users.SetPassword(cmd.Context(), args[0], pw); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "password of %s changed\n", args[0])
			return nil
		},
	}
	cmd.Flags().BoolVar(&passwordStdin, "password-stdin", false, "read the password from the first line of stdin")
	return cmd
}

func newUserListCmd(cfg *Config) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List users",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			users, done, err := openUsers(cmd, cfg)
			if err != nil {
				return err
			}
			defer done()
			list, err := users.FindUsers(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tUSER\tNAME\tROLE\tADMIN\tEXTENSION\tSTATUS")
			for _, u := range list {
				admin := ""
				if u.IsAdmin {
					admin = "yes"
				}
				fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", u.ID, u.UserName, u.FullName(), u.RoleName, admin, u.Extension, u.Status)
			}
			return w.Flush()
		},
	}
}

// readPassword asks twice on a terminal, or reads one line from stdin.
func readPassword(cmd *cobra.Command, fromStdin bool) (string, error) {
	in := cmd.InOrStdin()
	if f, ok := in.(*os.File); ok && !fromStdin && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(cmd.ErrOrStderr(), "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		fmt.Fprint(cmd.ErrOrStderr(), "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(cmd.ErrOrStderr())
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", fmt.Errorf("the passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("read password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", fmt.Errorf("no password given on stdin")
	}
	return pw, nil
}
