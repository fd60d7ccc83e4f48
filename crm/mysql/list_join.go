package mysql

import (
	"fmt"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// entityAlias is the alias of vtiger_crmentity in record queries.
const entityAlias = "e"

// tableAliases maps vtiger_crmentity and each per-record table of m to its
// alias in record queries: "e", then t0, t1, ... in the order of m.Tables.
// An alias depends only on the table's position, so a query may join any
// subset of the tables.
func tableAliases(m *crm.Module) map[string]string {
	alias := map[string]string{"vtiger_crmentity": entityAlias}
	for i, t := range m.Tables {
		alias[t.Name] = fmt.Sprintf("t%d", i)
	}
	return alias
}

// joinTables returns the LEFT JOINs of m's per-record tables onto
// vtiger_crmentity e: all of them when need is nil, else those need names.
func joinTables(m *crm.Module, need map[string]bool) string {
	var b strings.Builder
	for i, t := range m.Tables {
		if need != nil && !need[t.Name] {
			continue
		}
		fmt.Fprintf(&b, " LEFT JOIN %s t%d ON t%d.%s = e.crmid", quoteIdent(t.Name), i, i, quoteIdent(t.IDColumn))
	}
	return b.String()
}
