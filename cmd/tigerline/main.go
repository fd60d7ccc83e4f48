// Command tigerline is the Tigerline contact-center CRM: one binary that
// migrates vtiger's database, serves the web UI and the APIs, talks to
// Asterisk, and manages users from the command line.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/tigerline/tigerline/crm"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tigerline:", errorLine(err))
		os.Exit(1)
	}
}

// run builds the command tree and executes it with args.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	return root.ExecuteContext(ctx)
}

// errorLine is the one line a user sees: a crm error's message, or the
// whole chain of anything else.
func errorLine(err error) string {
	if code := crm.ErrorCode(err); code != crm.EInternal {
		return crm.ErrorMessage(err)
	}
	return err.Error()
}
