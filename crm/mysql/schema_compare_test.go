package mysql_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm/mysql"
)

// tableShape is what information_schema says of one table: its columns and
// indexes, each rendered as one comparable line.
type tableShape struct {
	columns map[string]string
	indexes map[string]string
}

func schemaShapes(t *testing.T, db *mysql.DB) map[string]*tableShape {
	t.Helper()
	ctx := context.Background()
	shapes := map[string]*tableShape{}
	get := func(name string) *tableShape {
		if shapes[name] == nil {
			shapes[name] = &tableShape{columns: map[string]string{}, indexes: map[string]string{}}
		}
		return shapes[name]
	}
	var cols []struct {
		Table, Column, Type, Nullable, Extra string
		Default                              *string
		Pos                                  int
	}
	const qc = `SELECT TABLE_NAME AS "table", COLUMN_NAME AS "column", COLUMN_TYPE AS "type",
		IS_NULLABLE AS nullable, EXTRA AS extra, COLUMN_DEFAULT AS "default", ORDINAL_POSITION AS pos
		FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()`
	if err := sqlx.SelectContext(ctx, db.Unsafe(), &cols, strings.ReplaceAll(qc, `"`, "`")); err != nil {
		t.Fatal(err)
	}
	for _, c := range cols {
		def := "<none>"
		if c.Default != nil {
			def = *c.Default
		}
		get(c.Table).columns[c.Column] = fmt.Sprintf("#%d %s null=%s default=%s %s", c.Pos, c.Type, c.Nullable, def, c.Extra)
	}
	var idx []struct {
		Table, Index, Column string
		NonUnique, Seq       int
		SubPart              *int
	}
	const qi = `SELECT TABLE_NAME AS "table", INDEX_NAME AS "index", COLUMN_NAME AS "column",
		NON_UNIQUE AS nonunique, SEQ_IN_INDEX AS seq, SUB_PART AS subpart
		FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY SEQ_IN_INDEX`
	if err := sqlx.SelectContext(ctx, db.Unsafe(), &idx, strings.ReplaceAll(qi, `"`, "`")); err != nil {
		t.Fatal(err)
	}
	for _, i := range idx {
		s := get(i.Table)
		part := i.Column
		if i.SubPart != nil {
			part += fmt.Sprintf("(%d)", *i.SubPart)
		}
		if s.indexes[i.Index] == "" {
			s.indexes[i.Index] = fmt.Sprintf("unique=%v:", i.NonUnique == 0)
		}
		s.indexes[i.Index] += " " + part
	}
	return shapes
}

// tableRows renders every row of a table, sorted, for comparing contents.
func tableRows(t *testing.T, db *mysql.DB, table string) []string {
	t.Helper()
	rows, err := db.QueryxContext(context.Background(), "SELECT * FROM `"+table+"`")
	if err != nil {
		t.Fatalf("read %s: %v", table, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals, err := rows.SliceScan()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, v := range vals {
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprintf(&b, "%v|", v)
		}
		out = append(out, b.String())
	}
	sort.Strings(out)
	return out
}

func tableNames(shapes map[string]*tableShape) []string {
	var names []string
	for n := range shapes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// vtiger6Addition says whether a table, column or index is one of the
// documented additions: vtiger 6's PBX columns and tables (with Tigerline's
// indexes beside them) and the sequence tables vtiger creates lazily.
func vtiger6Addition(table, column, index string) bool {
	if _, ok := mysql.Vtiger6PBXTables[table]; ok {
		return true
	}
	if _, ok := mysql.LazySequenceTables[table]; ok {
		return true // vtiger creates it on first use; see LazySequenceTables
	}
	if strings.HasPrefix(index, "tl_") {
		return true // Tigerline's indexes; see TigerlineIndexes
	}
	if table != "vtiger_pbxmanager" {
		return false
	}
	for _, c := range mysql.Vtiger6PBXColumns {
		if c.Name == column && column != "" {
			return true
		}
	}
	for _, ix := range mysql.Vtiger6PBXIndexes {
		if ix.Name == index && index != "" {
			return true
		}
	}
	return false
}
