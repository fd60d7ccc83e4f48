package mysql

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// sqlDB is the handle goose passes to Go migrations.
type sqlDB = sql.DB

// seedFresh inserts the rows of a fresh vtiger 5.4 install, in one
// transaction, when vtiger_tab is empty. A database that already has vtiger
// metadata (an existing vtiger install, or one seeded before) is left
// alone: its modules, fields and picklists are its owner's.
func seedFresh(ctx context.Context, db *sql.DB, seed fs.FS) (bool, error) {
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM vtiger_tab").Scan(&n); err != nil {
		return false, fmt.Errorf("seed: count modules: %w", err)
	}
	if n > 0 {
		return false, nil
	}
	files, err := fs.Glob(seed, "seed/*.sql")
	if err != nil {
		return false, err
	}
	sort.Strings(files)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("seed: %w", err)
	}
	defer tx.Rollback()
	for _, name := range files {
		data, err := fs.ReadFile(seed, name)
		if err != nil {
			return false, err
		}
		stmts, err := splitInserts(data)
		if err != nil {
			return false, fmt.Errorf("seed %s: %w", name, err)
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return false, fmt.Errorf("seed %s: %w", name, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("seed: commit: %w", err)
	}
	return true, nil
}

// splitInserts splits a seed file into statements. The files are written by
// migrations/gen: comment lines, then INSERT statements whose rows each sit
// on one line (mysqldump escapes newlines inside values), the last ending
// in ");".
func splitInserts(data []byte) ([]string, error) {
	var out []string
	var cur strings.Builder
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		if cur.Len() == 0 && (line == "" || strings.HasPrefix(line, "--")) {
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(line)
		if strings.HasSuffix(line, ");") {
			out = append(out, strings.TrimSuffix(cur.String(), ";"))
			cur.Reset()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if cur.Len() > 0 {
		return nil, fmt.Errorf("unterminated statement at end of file")
	}
	return out, nil
}
