package mysql

import (
	"github.com/tigerline/tigerline/crm"
)

// listCol is a field as a list query reads it: the alias-qualified column
// (trusted SQL, built from metadata only) and the physical column's type.
type listCol struct {
	field *crm.Field
	expr  string
	info  *columnInfo // nil when information_schema does not know it
}

// kind classifies the column for comparisons: "number", "date",
// "datetime" or "text".
func (c *listCol) kind() string {
	if c.info != nil {
		switch {
		case c.info.numeric():
			return "number"
		case c.info.DataType == "date":
			return "date"
		case c.info.temporal() && c.info.DataType != "time":
			return "datetime"
		}
		return "text"
	}
	switch c.field.Type() {
	case "N", "I", "NN":
		return "number"
	case "D":
		return "date"
	case "DT":
		return "datetime"
	}
	return "text"
}

// nullable reports whether the column takes NULL (assumed when unknown).
func (c *listCol) nullable() bool { return c.info == nil || c.info.Nullable == "YES" }

// listScope resolves a module's field names to columns for one query and
// remembers which per-record tables the query must join.
type listScope struct {
	m     *crm.Module
	cols  tableColumns
	alias map[string]string
	need  map[string]bool
}

func newListScope(m *crm.Module, cols tableColumns) *listScope {
	return &listScope{m: m, cols: cols, alias: tableAliases(m), need: map[string]bool{}}
}

// column resolves a field name. Fields kept outside the per-record tables
// (relation tables such as vtiger_seactivityrel) are not listable.
func (sc *listScope) column(name string) (*listCol, bool) {
	f := sc.m.Field(name)
	if f == nil {
		return nil, false
	}
	return sc.fieldColumn(f)
}

func (sc *listScope) fieldColumn(f *crm.Field) (*listCol, bool) {
	a, ok := sc.alias[f.Table]
	if !ok {
		return nil, false
	}
	if a != entityAlias {
		sc.need[f.Table] = true
	}
	return &listCol{field: f, expr: a + "." + quoteIdent(f.Column), info: sc.cols[f.Table][f.Column]}, true
}

// joins returns the LEFT JOINs of the tables resolved so far.
func (sc *listScope) joins() string { return joinTables(sc.m, sc.need) }
