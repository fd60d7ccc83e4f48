package mysql

import (
	"context"
	"strconv"
	"strings"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm/phone"
)

// labelledModules are the modules whose record labels the lookup query
// reads in the same statement, by LEFT JOINs on their entity tables: the
// ones vtiger indexes phone numbers of. A pop then costs one round trip;
// records of other modules are labelled afterwards.
var labelledModules = []string{"Contacts", "Accounts", "Leads"}

// lookupQueries are a LookupService's two SQL shapes with the label
// joins, built from vtiger_entityname on the first lookup that reads it.
type lookupQueries struct {
	mu       sync.Mutex
	built    bool
	byForms  string
	byRange  string
	labelled map[string]bool // modules the queries label
}

// Both shapes join vtiger_crmentity so deleted records (the recycle bin)
// are never popped; their lookup rows stay for a restore. They join
// vtiger_leaddetails too, so a converted lead is never popped: vtiger
// hides converted leads everywhere, and the contact or account made from
// it carries the number now.
const (
	lookupSelect = `SELECT l.crmid, l.setype, l.fieldname, l.fnumber`
	lookupFrom   = ` FROM vtiger_pbxmanager_phonelookup l JOIN vtiger_crmentity e ON e.crmid = l.crmid` +
		` LEFT JOIN vtiger_leaddetails cv ON l.setype = 'Leads' AND cv.leadid = l.crmid`
	lookupLive    = ` AND e.deleted = 0 AND COALESCE(cv.converted, 0) = 0`
	lookupByForms = ` WHERE l.fnumber IN (?)` + lookupLive
	lookupByRange = ` WHERE l.rnumber LIKE CONCAT(?, '%')` + lookupLive
)

// build writes the queries. Table and column names come from
// vtiger_entityname, never from input.
func (lq *lookupQueries) build(ctx context.Context, db sqlx.QueryerContext, names *entityNames) error {
	lq.mu.Lock()
	defer lq.mu.Unlock()
	if lq.built {
		return nil
	}
	byName, err := names.get(ctx, db) // a failure is tried again on the next lookup
	if err != nil {
		return err
	}
	var label, joins strings.Builder
	lq.labelled = map[string]bool{}
	for i, module := range labelledModules {
		e, ok := byName[module]
		if !ok {
			continue
		}
		cols := labelColumns(e)
		if len(cols) == 0 {
			continue
		}
		alias := "n" + strconv.Itoa(i)
		for j := range cols {
			cols[j] = "NULLIF(" + alias + "." + cols[j] + ", '')"
		}
		label.WriteString(" WHEN " + quoteString(module) + " THEN CONCAT_WS(' ', " + strings.Join(cols, ", ") + ")")
		joins.WriteString(" LEFT JOIN " + quoteIdent(e.Table) + " " + alias + " ON l.setype = " + quoteString(module) +
			" AND " + alias + "." + quoteIdent(e.IDColumn) + " = l.crmid")
		lq.labelled[module] = true
	}
	sel := lookupSelect + ", NULL AS label"
	if label.Len() > 0 {
		sel = lookupSelect + ", CASE l.setype" + label.String() + " END AS label"
	}
	lq.byForms = sel + lookupFrom + joins.String() + lookupByForms
	lq.byRange = sel + lookupFrom + joins.String() + lookupByRange
	lq.built = true
	return nil
}

// labelColumns returns the quoted label columns of an entity name.
func labelColumns(e entityName) []string {
	var out []string
	for _, c := range strings.Split(e.Columns, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, quoteIdent(c))
		}
	}
	return out
}

// quoteString quotes a module name known to be plain letters.
func quoteString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// query returns the SQL and arguments of a strategy for q.
func (lq *lookupQueries) query(st LookupStrategy, q phone.Query, forms []string) (string, []any, error) {
	if st == LookupByReversedRange {
		return lq.byRange, []any{phone.ScanPrefix(q)}, nil
	}
	return sqlx.In(lq.byForms, forms)
}
