package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.RecordLister = (*RecordService)(nil)

// FindRecords returns a page of a module's live records: the filters as
// one parameterized WHERE, joined only to the per-record tables that the
// columns, filters and sort use, plus a COUNT unless q.SkipTotal.
func (s *RecordService) FindRecords(ctx context.Context, actor *crm.User, module string, q crm.ListQuery) (*crm.RecordPage, error) {
	m, cols, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	if q.Columns == nil {
		if q.Columns, err = s.defaultColumns(ctx, actor, m); err != nil {
			return nil, err
		}
	}
	q.Offset, q.Limit = max(q.Offset, 0), listLimit(q.Limit)
	sc := newListScope(m, cols)
	w := newWhereBuilder(sc)
	where := " WHERE e.setype = ? AND e.deleted = 0"
	if hide := convertedLeadsHidden(m.Name); hide != "" {
		where += " AND " + hide
	}
	if cond := w.query(q); cond != "" {
		where += " AND " + cond
	}
	if err := w.err(); err != nil {
		return nil, err
	}
	args := append([]any{m.Name}, w.args...)
	if actor != nil && !actor.IsAdmin {
		// The one access check also scopes lists: only visible records.
		scope, scopeArgs, err := NewAccessService(s.db).ListScope(ctx, actor, m.Name)
		if err != nil {
			return nil, err
		}
		if scope != "" {
			where += " AND " + scope
			args = append(args, scopeArgs...)
		}
	}
	page := &crm.RecordPage{Module: m.Name, Total: -1, Offset: q.Offset, Limit: q.Limit}
	if !q.SkipTotal {
		// Only the filters' tables: the count reads no columns.
		// Counting stops past crm.TotalCap: the index walk is bounded.
		qc := "SELECT COUNT(*) FROM (SELECT 1 FROM vtiger_crmentity e" + sc.joins() + where + " LIMIT ?) capped"
		if err := sqlx.GetContext(ctx, s.db, &page.Total, qc, append(args, crm.TotalCap+1)...); err != nil {
			return nil, fmt.Errorf("count %s: %w", m.Name, err)
		}
		page.TotalCapped = page.Total > crm.TotalCap
	}
	order, err := listOrder(sc, q)
	if err != nil {
		return nil, err
	}
	sel, err := listSelect(sc, q.Columns)
	if err != nil {
		return nil, err
	}
	page.Columns = sel.columns
	qs := "SELECT e.crmid, e.smownerid, e.createdtime, e.modifiedtime, " + strings.Join(sel.exprs, ", ") +
		" FROM vtiger_crmentity e" + sc.joins() + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	page.Records, err = s.scanRecords(ctx, m, sel.fields, qs, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, err
	}
	return page, nil
}

// listLimit applies the default and the cap to a page size.
func listLimit(n int) int {
	switch {
	case n <= 0:
		return crm.DefaultListLimit
	case n > crm.MaxListLimit:
		return crm.MaxListLimit
	}
	return n
}

// listOrder is the ORDER BY list: the sort field, then crmid in the same
// direction so pages never overlap on ties.
func listOrder(sc *listScope, q crm.ListQuery) (string, error) {
	if q.Sort == "" {
		return "e.modifiedtime DESC, e.crmid DESC", nil
	}
	col, ok := sc.column(q.Sort)
	if !ok {
		return "", &crm.Error{Code: crm.EInvalid, Message: "cannot sort by unknown field " + q.Sort,
			Fields: map[string]string{q.Sort: "unknown field"}}
	}
	dir := " ASC"
	if q.Desc {
		dir = " DESC"
	}
	return col.expr + dir + ", e.crmid" + dir, nil
}

// selection is what a list reads of each record: the requested columns
// and the module's name fields, as CAST(... AS CHAR) expressions.
type selection struct {
	columns []string
	fields  []*crm.Field
	exprs   []string
}

func listSelect(sc *listScope, names []string) (*selection, error) {
	sel := &selection{}
	seen := map[string]bool{}
	bad := map[string]string{}
	add := func(name string, requested bool) {
		if seen[name] {
			return
		}
		col, ok := sc.column(name)
		if !ok {
			// A field kept in a relation table (Calendar's parent_id) is
			// known but not listable: skipped, not an error.
			if requested && sc.m.Field(name) == nil {
				bad[name] = "unknown field"
			}
			return
		}
		seen[name] = true
		if requested {
			sel.columns = append(sel.columns, name)
		}
		sel.fields = append(sel.fields, col.field)
		sel.exprs = append(sel.exprs, "CAST("+col.expr+" AS CHAR)")
	}
	for _, n := range names {
		add(n, true)
	}
	for _, n := range sc.m.NameFields {
		add(strings.TrimSpace(n), false)
	}
	if len(bad) > 0 {
		return nil, &crm.Error{Code: crm.EInvalid, Message: "unknown list columns", Fields: bad}
	}
	return sel, nil
}

// scanRecords runs a query whose columns are crmid, smownerid,
// createdtime, modifiedtime and then one text column per field.
func (s *RecordService) scanRecords(ctx context.Context, m *crm.Module, fields []*crm.Field, q string, args ...any) ([]*crm.Record, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", m.Name, err)
	}
	defer rows.Close()
	out := []*crm.Record{}
	raw := make([]sql.NullString, len(fields))
	for rows.Next() {
		r := &crm.Record{Module: m.Name, Values: make(map[string]string, len(fields))}
		var created, modified sql.NullTime
		dest := []any{&r.ID, &r.OwnerID, &created, &modified}
		for i := range raw {
			dest = append(dest, &raw[i])
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("list %s: %w", m.Name, err)
		}
		r.Created, r.Modified = nullTime(created), nullTime(modified)
		for i, f := range fields {
			r.Values[f.Name] = raw[i].String
		}
		r.Label = recordLabel(m, r.Values)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list %s: %w", m.Name, err)
	}
	return out, nil
}

func nullTime(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time
}
