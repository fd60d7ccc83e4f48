package mysql

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"time"

	"github.com/pressly/goose/v3"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/migrations"
)

// VersionTable is the bookkeeping table of applied migrations. It is ours,
// so it carries the tl_ prefix.
const VersionTable = "tl_schema_migrations"

// Go migrations share one version sequence with the numbered SQL files.
// A new migration always takes a number above every existing one: goose
// refuses to apply one below a version a database already has.
const (
	versionSeed     = 290
	versionVtiger6  = 300
	versionLazySeqs = 430
	versionIndexes  = 440
	versionIndexes2 = 450 // history, tags and generic relations
	versionIndexes3 = 480 // comment threads
	migrateLockName = "tigerline_migrate"
)

// MigrateResult says what a migration run did.
type MigrateResult struct {
	// Applied lists the migrations run this time, by source name.
	Applied []string
	// Seeded is true when the database had no vtiger metadata and got the
	// rows of a fresh vtiger 5.4 install.
	Seeded bool
	// Took is the wall time of the run.
	Took time.Duration
	// PhonesUnindexed is true when an existing database got the phone
	// lookup table just now, empty: vtiger 5.4 has none. The caller fills
	// it with ReindexPhones, which needs the configured country.
	PhonesUnindexed bool
}

// Migrate brings the database named by dsn up to date. It is idempotent: on
// an empty database it builds everything; on an existing vtiger 5.4
// database it adds only what is missing and changes no existing row.
// Concurrent runs (several nodes starting at once) are serialised with a
// server-side lock.
func Migrate(ctx context.Context, dsn string, log *slog.Logger) (*MigrateResult, error) {
	start := time.Now()
	db, err := openForMigration(ctx, dsn)
	if err != nil {
		return nil, err
	}
	defer db.Close()

	unlock, err := acquireLock(ctx, db)
	if err != nil {
		return nil, err
	}
	defer unlock()

	hadLookup, err := tableExists(ctx, db, "vtiger_pbxmanager_phonelookup")
	if err != nil {
		return nil, err
	}
	seeded := false
	p, err := newProvider(db, &seeded, log)
	if err != nil {
		return nil, err
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate %s: %w", db.Name, err)
	}
	res := &MigrateResult{Seeded: seeded, Took: time.Since(start), PhonesUnindexed: !hadLookup && !seeded}
	for _, r := range results {
		res.Applied = append(res.Applied, r.Source.Path)
	}
	return res, nil
}

// Pending reports how many migrations the database named by db still
// lacks. serve refuses to start unless it is zero.
func Pending(ctx context.Context, db *DB) (int, error) {
	var unused bool
	p, err := newProvider(db, &unused, nil)
	if err != nil {
		return 0, err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return 0, fmt.Errorf("read migration status: %w", err)
	}
	n := 0
	for _, s := range st {
		if s.State == goose.StatePending {
			n++
		}
	}
	return n, nil
}

// RequireCurrentSchema returns an error telling the operator to run
// `tigerline migrate` when migrations are pending.
func RequireCurrentSchema(ctx context.Context, db *DB) error {
	n, err := Pending(ctx, db)
	if err != nil {
		return err
	}
	if n > 0 {
		return crm.Errorf(crm.EUnavailable, "database %s lacks %d migration(s): run `tigerline migrate` first", db.Name, n)
	}
	return nil
}

func newProvider(db *DB, seeded *bool, log *slog.Logger) (*goose.Provider, error) {
	seed := goose.NewGoMigration(versionSeed, &goose.GoFunc{RunDB: func(ctx context.Context, sdb *sqlDB) error {
		ok, err := seedFresh(ctx, sdb, migrations.Seed)
		*seeded = ok
		return err
	}}, nil)
	v6 := goose.NewGoMigration(versionVtiger6, &goose.GoFunc{RunDB: addVtiger6PBX}, nil)
	seqs := goose.NewGoMigration(versionLazySeqs, &goose.GoFunc{RunDB: addLazySequences}, nil)
	indexes := goose.NewGoMigration(versionIndexes, &goose.GoFunc{RunDB: addTigerlineIndexes}, nil)
	indexes2 := goose.NewGoMigration(versionIndexes2, &goose.GoFunc{RunDB: addTigerlineIndexes}, nil)
	indexes3 := goose.NewGoMigration(versionIndexes3, &goose.GoFunc{RunDB: addTigerlineIndexes}, nil)
	calls := goose.NewGoMigration(versionCallIndexes, &goose.GoFunc{RunDB: addCallIndexes}, nil)
	calls2 := goose.NewGoMigration(versionCallIndexes2, &goose.GoFunc{RunDB: addCallIndexes}, nil)
	opts := []goose.ProviderOption{
		goose.WithTableName(VersionTable),
		goose.WithDisableGlobalRegistry(true),
		goose.WithGoMigrations(seed, v6, seqs, indexes, calls, indexes2, indexes3, calls2),
	}
	if log != nil {
		opts = append(opts, goose.WithSlog(log.With("component", "migrate")))
	}
	p, err := goose.NewProvider(goose.DialectMySQL, db.DB.DB, fs.FS(migrations.Schema), opts...)
	if err != nil {
		return nil, fmt.Errorf("load migrations: %w", err)
	}
	return p, nil
}

// openForMigration opens a separate pool whose sessions load vtiger's DDL
// and rows the way mysqldump does: foreign keys unchecked (tables are
// created in file order, not dependency order) and the sql_mode vtiger's
// installer ran with. The application's own pool keeps strict defaults.
func openForMigration(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	cfg.Params["foreign_key_checks"] = "0"
	cfg.Params["sql_mode"] = "'NO_AUTO_VALUE_ON_ZERO'"
	cfg.MultiStatements = false
	return openConfig(ctx, cfg)
}

func acquireLock(ctx context.Context, db *DB) (func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	var got int
	if err := conn.QueryRowContext(ctx, "SELECT GET_LOCK(?, 120)", migrateLockName).Scan(&got); err != nil || got != 1 {
		conn.Close()
		if err == nil {
			err = fmt.Errorf("another migration held the lock for 2 minutes")
		}
		return nil, fmt.Errorf("migration lock: %w", err)
	}
	return func() {
		conn.ExecContext(context.Background(), "SELECT RELEASE_LOCK(?)", migrateLockName)
		conn.Close()
	}, nil
}

func tableExists(ctx context.Context, db *DB, table string) (bool, error) {
	const q = `SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?`
	var n int
	if err := db.QueryRowContext(ctx, q, table).Scan(&n); err != nil {
		return false, fmt.Errorf("inspect table %s: %w", table, err)
	}
	return n > 0, nil
}
