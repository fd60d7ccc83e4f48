// Package mysqltest gives tests a fresh, migrated vtiger database on the
// real local MariaDB, dropped when the test ends.
package mysqltest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"log/slog"
	"os"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
)

// ServerDSN is the DSN tests connect with, without a database name:
// $TIGERLINE_TEST_DB, or root on the local MariaDB.
func ServerDSN() string {
	if dsn := os.Getenv("TIGERLINE_TEST_DB"); dsn != "" {
		return dsn
	}
	return "root@tcp(127.0.0.1:3306)/"
}

// Scratch returns the DSN of a new, empty database with a unique name, and
// drops it when t ends. An unreachable server fails the test with a message
// that says how to start one.
func Scratch(t testing.TB, prefix string) string {
	t.Helper()
	b := make([]byte, 4)
	rand.Read(b)
	dsn, err := mysql.WithDatabase(ServerDSN(), "tltest_"+prefix+"_"+hex.EncodeToString(b))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := mysql.CreateDatabase(ctx, dsn); err != nil {
		t.Fatalf("%v\nTests need MariaDB: start it (`start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`, or `bash .ci/run`), or point TIGERLINE_TEST_DB at a server", err)
	}
	t.Cleanup(func() {
		if err := mysql.DropDatabase(context.Background(), dsn); err != nil {
			t.Logf("drop scratch database: %v", err)
		}
	})
	return dsn
}

// NewDB returns an open, migrated scratch database.
func NewDB(t testing.TB) (*mysql.DB, string) {
	t.Helper()
	dsn := Scratch(t, "db")
	ctx := context.Background()
	if _, err := mysql.Migrate(ctx, dsn, Logger()); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dsn
}

// Logger is a logger that keeps quiet unless TIGERLINE_TEST_LOG is set.
func Logger() *slog.Logger {
	if os.Getenv("TIGERLINE_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
