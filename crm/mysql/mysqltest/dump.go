package mysqltest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
)

// SharedDir returns the path of the repository's sibling shared/ folder of
// reference data, or skips the test with a clear message when it is absent
// (as in a user's clone).
func SharedDir(t testing.TB, sub string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	// file is <repo>/crm/mysql/mysqltest/dump.go; shared/ sits beside <repo>.
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	dir := filepath.Join(repo, "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("reference data %s is absent (it ships beside the repository for developers and CI, not in a user's clone)", filepath.Clean(dir))
	}
	return dir
}

// LoadDump executes a mysqldump file into the database named by dsn. It
// understands what mysqldump writes: one statement per line group ending in
// ';', comments, and /*!...*/ version comments (which the server runs).
func LoadDump(ctx context.Context, dsn, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx) // session settings of the dump must stick
	if err != nil {
		return err
	}
	defer conn.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var stmt strings.Builder
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if stmt.Len() == 0 && (line == "" || strings.HasPrefix(line, "--")) {
			continue
		}
		stmt.WriteString(line)
		stmt.WriteByte('\n')
		if !strings.HasSuffix(line, ";") {
			continue
		}
		n++
		if _, err := conn.ExecContext(ctx, stmt.String()); err != nil {
			return fmt.Errorf("statement %d of %s: %w", n, path, err)
		}
		stmt.Reset()
	}
	return sc.Err()
}
