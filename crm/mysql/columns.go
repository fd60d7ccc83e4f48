package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"
)

// columnInfo is what the engine needs to know of a physical column to
// validate and write a value: its type, size and whether it takes NULL.
type columnInfo struct {
	Table     string  `db:"table_name"`
	Column    string  `db:"column_name"`
	DataType  string  `db:"data_type"`
	MaxChars  *int64  `db:"max_chars"`
	Nullable  string  `db:"is_nullable"`
	Default   *string `db:"column_default"`
	ColumnKey string  `db:"column_key"`
	Extra     string  `db:"extra"`
}

func (c *columnInfo) numeric() bool {
	switch c.DataType {
	case "int", "tinyint", "smallint", "mediumint", "bigint", "decimal", "float", "double":
		return true
	}
	return false
}

func (c *columnInfo) temporal() bool {
	switch c.DataType {
	case "date", "datetime", "timestamp", "time":
		return true
	}
	return false
}

// needsValue says whether an INSERT must name the column under strict SQL
// mode: NOT NULL without a default and not filled by the server.
func (c *columnInfo) needsValue() bool {
	return c.Nullable == "NO" && c.Default == nil && c.Extra != "auto_increment"
}

// tableColumns maps table → column → info for the whole database.
type tableColumns map[string]map[string]*columnInfo

func loadColumns(ctx context.Context, db sqlx.QueryerContext) (tableColumns, error) {
	const q = `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type,
		CHARACTER_MAXIMUM_LENGTH AS max_chars, IS_NULLABLE AS is_nullable,
		COLUMN_DEFAULT AS column_default, COLUMN_KEY AS column_key, EXTRA AS extra
		FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
		ORDER BY TABLE_NAME, ORDINAL_POSITION`
	var rows []*columnInfo
	if err := sqlx.SelectContext(ctx, db, &rows, q); err != nil {
		return nil, fmt.Errorf("read columns: %w", err)
	}
	out := tableColumns{}
	for _, c := range rows {
		if out[c.Table] == nil {
			out[c.Table] = map[string]*columnInfo{}
		}
		out[c.Table][c.Column] = c
	}
	return out, nil
}

// primaryKey returns the single-column primary key of a table, or "".
func (tc tableColumns) primaryKey(table string) string {
	pk := ""
	for name, c := range tc[table] {
		if c.ColumnKey == "PRI" {
			if pk != "" {
				return "" // composite: not a one-row-per-record table
			}
			pk = name
		}
	}
	return pk
}
