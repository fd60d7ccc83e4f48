package mysql_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

func TestMigrateTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	db, dsn := mysqltest.NewDB(t)
	shapes := schemaShapes(t, db)
	rows := map[string][]string{}
	for _, name := range tableNames(shapes) {
		if name != mysql.VersionTable {
			rows[name] = tableRows(t, db, name)
		}
	}
	res, err := mysql.Migrate(ctx, dsn, mysqltest.Logger())
	if err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	if len(res.Applied) != 0 || res.Seeded || res.PhonesUnindexed {
		t.Errorf("second migrate: applied %v seeded %v, want nothing", res.Applied, res.Seeded)
	}
	if got := schemaShapes(t, db); !reflect.DeepEqual(got, shapes) {
		t.Error("second migrate changed the schema")
	}
	for name, want := range rows {
		if got := tableRows(t, db, name); !reflect.DeepEqual(got, want) {
			t.Errorf("second migrate changed rows of %s", name)
		}
	}
	if err := mysql.RequireCurrentSchema(ctx, db); err != nil {
		t.Errorf("RequireCurrentSchema after migrate: %v", err)
	}
}

func TestRequireCurrentSchemaOnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	dsn := mysqltest.Scratch(t, "empty")
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = mysql.RequireCurrentSchema(ctx, db)
	if err == nil {
		t.Fatal("empty database: got nil, want an error telling to migrate")
	}
}

func TestSeededAdminLogsIn(t *testing.T) {
	db, _ := mysqltest.NewDB(t)
	u, err := mysql.NewUserService(db).Authenticate(context.Background(), "admin", "admin")
	if err != nil {
		t.Fatalf("admin/admin on a fresh database: %v", err)
	}
	if u.UserName != "admin" || !u.IsAdmin {
		t.Errorf("got %+v, want the admin", u)
	}
}

func BenchmarkMigrateEmptyDatabase(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		dsn := mysqltest.Scratch(b, "bench")
		if _, err := mysql.Migrate(ctx, dsn, mysqltest.Logger()); err != nil {
			b.Fatal(err)
		}
	}
}

// A lazily created sequence that already exists keeps its one counter.
func TestLazySequenceKeepsExistingCounter(t *testing.T) {
	ctx := context.Background()
	db, dsn := mysqltest.NewDB(t)
	if _, err := db.ExecContext(ctx, `UPDATE vtiger_modtracker_basic_seq SET id = 41`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `DELETE FROM tl_schema_migrations WHERE version_id >= 430`); err != nil {
		t.Fatal(err)
	}
	if _, err := mysql.Migrate(ctx, dsn, mysqltest.Logger()); err != nil {
		t.Fatal(err)
	}
	var ids []int
	if err := db.SelectContext(ctx, &ids, `SELECT id FROM vtiger_modtracker_basic_seq`); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] != 41 {
		t.Errorf("sequence rows: got %v, want [41]", ids)
	}
}
