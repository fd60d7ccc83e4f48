// Package mysql is Tigerline's storage: vtiger's own tables in MariaDB or
// MySQL, reached through sqlx. It runs the migrations, owns every SQL
// statement, and maps driver errors to crm errors in one place (errors.go).
package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// DB is a connection pool to one vtiger database.
type DB struct {
	*sqlx.DB
	// Name is the database (schema) name from the DSN.
	Name string
	// Addr is host:port or the socket, for messages.
	Addr string
}

// ParseDSN parses a go-sql-driver DSN and applies what Tigerline relies on:
// parseTime, utf8mb4, and UTC on both sides of the connection, so times
// read back are the times written.
func ParseDSN(dsn string) (*driver.Config, error) {
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		return nil, crm.Errorf(crm.EInvalid, "bad database DSN %q: %v (expected user:password@tcp(host:3306)/dbname)", maskDSN(dsn), err)
	}
	if cfg.DBName == "" {
		return nil, crm.Errorf(crm.EInvalid, "bad database DSN %q: no database name (expected user:password@tcp(host:3306)/dbname)", maskDSN(dsn))
	}
	cfg.ParseTime = true
	// One round trip per statement instead of prepare, execute and close:
	// the driver escapes the arguments itself, for utf8mb4 correctly.
	cfg.InterpolateParams = true
	cfg.Loc = time.UTC
	cfg.Collation = "utf8mb4_general_ci"
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	cfg.Params["time_zone"] = "'+00:00'"
	if cfg.Timeout == 0 {
		cfg.Timeout = 5 * time.Second
	}
	return cfg, nil
}

// Open connects to the database named by dsn and checks that it answers.
// Its errors are one line that says what to fix: a bad DSN, a server that
// is down, wrong credentials, a missing database.
func Open(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	return openConfig(ctx, cfg)
}

func openConfig(ctx context.Context, cfg *driver.Config) (*DB, error) {
	conn, err := driver.NewConnector(cfg)
	if err != nil {
		return nil, crm.Errorf(crm.EInvalid, "bad database DSN: %v", err)
	}
	db := sqlx.NewDb(sql.OpenDB(conn), "mysql")
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(16)
	db.SetConnMaxLifetime(30 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, cfg.Timeout+time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, connectError(cfg, err)
	}
	return &DB{DB: db, Name: cfg.DBName, Addr: cfg.Addr}, nil
}

// CreateDatabase creates the database named by dsn if it does not exist,
// with utf8mb4 as its default character set.
func CreateDatabase(ctx context.Context, dsn string) error {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return err
	}
	server := cfg.Clone()
	server.DBName = ""
	db, err := openConfig(ctx, server)
	if err != nil {
		return err
	}
	defer db.Close()
	q := fmt.Sprintf("CREATE DATABASE IF NOT EXISTS %s CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci", quoteIdent(cfg.DBName))
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("create database %s: %w", cfg.DBName, mapError(err))
	}
	return nil
}

// DropDatabase drops the database named by dsn. Tests and the demo use it
// for databases of their own; nothing else should.
func DropDatabase(ctx context.Context, dsn string) error {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return err
	}
	server := cfg.Clone()
	server.DBName = ""
	db, err := openConfig(ctx, server)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(cfg.DBName)); err != nil {
		return fmt.Errorf("drop database %s: %w", cfg.DBName, mapError(err))
	}
	return nil
}

// WithDatabase returns dsn with its database name replaced by name.
func WithDatabase(dsn, name string) (string, error) {
	cfg, err := driver.ParseDSN(dsn)
	if err != nil {
		return "", crm.Errorf(crm.EInvalid, "bad database DSN %q: %v", maskDSN(dsn), err)
	}
	cfg.DBName = name
	return cfg.FormatDSN(), nil
}

// quoteIdent quotes a MySQL identifier. Only names from configuration and
// metadata reach it, never user input, but a backtick is still escaped.
func quoteIdent(name string) string {
	out := []byte{'`'}
	for i := 0; i < len(name); i++ {
		if name[i] == '`' {
			out = append(out, '`')
		}
		out = append(out, name[i])
	}
	return string(append(out, '`'))
}
