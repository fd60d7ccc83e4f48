package loadtest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// Fanout's clients may run in a second process (FanoutConfig.ClientCommand):
// then each process holds one end of every connection, so 10,000 clients
// fit in an open-file limit of 20,000, and the node's memory is measured
// without the clients'. The two talk over the child's stdout, one line
// per step:
//
//	ready <connected>     every client is connected and has its hello
//	read <k>              every client has read dashboard update k
//	error <message>       a client failed; the child then exits
//
// Env names the child's settings, so a test binary can re-run itself as
// the client process (see ClientMain).
const (
	EnvClientAddr    = "TIGERLINE_LOADTEST_ADDR"
	EnvClientCount   = "TIGERLINE_LOADTEST_CLIENTS"
	EnvClientUpdates = "TIGERLINE_LOADTEST_UPDATES"
	EnvClientDialers = "TIGERLINE_LOADTEST_DIALERS"
)

// ClientMain runs the client side of Fanout when the environment asks
// for it (getenv reads EnvClient*), writing its steps to out, and
// reports whether it did: a TestMain calls it first and exits when true.
func ClientMain(ctx context.Context, getenv func(string) string, out io.Writer) (bool, error) {
	addr := getenv(EnvClientAddr)
	if addr == "" {
		return false, nil
	}
	n, err1 := strconv.Atoi(getenv(EnvClientCount))
	updates, err2 := strconv.Atoi(getenv(EnvClientUpdates))
	dialers, err3 := strconv.Atoi(getenv(EnvClientDialers))
	if err1 != nil || err2 != nil || err3 != nil || n <= 0 || updates <= 0 || dialers <= 0 {
		return true, fmt.Errorf("loadtest client: bad settings %s=%q %s=%q %s=%q", EnvClientCount, getenv(EnvClientCount),
			EnvClientUpdates, getenv(EnvClientUpdates), EnvClientDialers, getenv(EnvClientDialers))
	}
	if _, err := RaiseFileLimit(uint64(n + 256)); err != nil {
		return true, err
	}
	return true, runClients(ctx, addr, n, updates, dialers, out)
}

// runClients connects n clients to addr and reports each update that all
// of them have read.
func runClients(ctx context.Context, addr string, n, updates, dialers int, out io.Writer) error {
	clients, err := connect(ctx, addr, n, dialers)
	defer func() {
		for _, c := range clients {
			c.close()
		}
	}()
	if err != nil {
		fmt.Fprintf(out, "error %s\n", oneLine(err))
		return err
	}
	waitRead := readAll(ctx, clients, updates)
	fmt.Fprintf(out, "ready %d\n", len(clients))
	for k := range updates {
		if err := waitRead(k); err != nil {
			fmt.Fprintf(out, "error %s\n", oneLine(err))
			return err
		}
		fmt.Fprintf(out, "read %d\n", k)
	}
	return nil
}

func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", " ") }

// childClients is Fanout's view of a client process.
type childClients struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
}

// startChild starts the client process cmd and waits for its ready line.
func startChild(cmd *exec.Cmd) (*childClients, int, error) {
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, 0, err
	}
	if err := cmd.Start(); err != nil {
		return nil, 0, fmt.Errorf("start client process: %w", err)
	}
	c := &childClients{cmd: cmd, lines: bufio.NewScanner(stdout)}
	line, err := c.next()
	if err != nil {
		c.stop()
		return nil, 0, err
	}
	var n int
	if _, err := fmt.Sscanf(line, "ready %d", &n); err != nil {
		c.stop()
		return nil, 0, fmt.Errorf("client process: %s", line)
	}
	return c, n, nil
}

// next returns the child's next step line, or why there is none.
func (c *childClients) next() (string, error) {
	for c.lines.Scan() {
		l := c.lines.Text()
		if strings.HasPrefix(l, "error ") {
			return "", fmt.Errorf("client process: %s", l[6:])
		}
		if strings.HasPrefix(l, "ready ") || strings.HasPrefix(l, "read ") {
			return l, nil
		}
		// anything else is the test binary's own output: skip it
	}
	if err := c.lines.Err(); err != nil {
		return "", fmt.Errorf("client process: %w", err)
	}
	return "", fmt.Errorf("client process exited early")
}

// stop ends the child and reaps it.
func (c *childClients) stop() {
	if c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
	}
	_ = c.cmd.Wait()
}
