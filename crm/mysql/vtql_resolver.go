package mysql

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/vtql"
)

// VTQLResolver maps the webservice field names of one module (vtiger's
// fieldname) to alias-qualified columns of the record query, and "id" to
// the crmid. It remembers which per-record tables the query must join.
type VTQLResolver struct {
	sc *listScope
}

// NewVTQLResolver returns a resolver for m's fields.
func NewVTQLResolver(m *crm.Module) *VTQLResolver {
	return &VTQLResolver{sc: newListScope(m, nil)}
}

var _ vtql.Resolver = (*VTQLResolver)(nil)

// Column implements vtql.Resolver. The expression is built from metadata
// only, never from field.
func (r *VTQLResolver) Column(field string) (string, bool) {
	if field == "id" {
		return "e.crmid", true
	}
	col, ok := r.sc.column(field)
	if !ok {
		return "", false
	}
	return col.expr, true
}

// joins returns the LEFT JOINs of the tables resolved so far.
func (r *VTQLResolver) joins() string { return r.sc.joins() }

// QueryVTQL runs a VTQL query as parameterized SQL: SELECT * (every
// listable field plus id), a field list or count(*), with WHERE, ORDER BY
// and LIMIT, at most vtql.MaxLimit rows. Values are text as vtiger
// returns them; id is the plain crmid (the webservice layer adds its
// "<entity>x" prefix).
func (s *RecordService) QueryVTQL(ctx context.Context, actor *crm.User, query string) (crm.VTQLResult, error) {
	var res crm.VTQLResult
	q, err := vtql.Parse(query)
	if err != nil {
		return res, crm.Errorf(crm.EInvalid, "bad query: %v", err)
	}
	m, _, err := s.meta.get(ctx, s.db, q.Module)
	if err != nil || m.Presence == 1 {
		return res, crm.Errorf(crm.ENotFound, "no module %q", q.Module)
	}
	res.Module = m.Name
	r := NewVTQLResolver(m)
	where, args, err := q.WhereSQL(r)
	if err != nil {
		return res, vtqlError(err)
	}
	sql := " FROM vtiger_crmentity e"
	cond := " WHERE e.setype = ? AND e.deleted = 0"
	if hide := convertedLeadsHidden(m.Name); hide != "" {
		cond += " AND " + hide
	}
	if where != "" {
		cond += " AND " + where
	}
	args = append([]any{m.Name}, args...)
	if q.Count {
		var n int
		if err := s.db.GetContext(ctx, &n, "SELECT COUNT(*)"+sql+r.joins()+cond, args...); err != nil {
			return res, fmt.Errorf("vtql count %s: %w", m.Name, err)
		}
		res.Fields = []string{"count"}
		res.Rows = []map[string]string{{"count": strconv.Itoa(n)}}
		return res, nil
	}
	return s.vtqlRows(ctx, res, q, r, sql+"%s"+cond, args)
}

// vtqlRows runs a SELECT * or field-list query; tmpl has a %s where the
// joins go, known only once every column is resolved.
func (s *RecordService) vtqlRows(ctx context.Context, res crm.VTQLResult, q *vtql.Query, r *VTQLResolver, tmpl string, args []any) (crm.VTQLResult, error) {
	res.Fields = q.Fields
	if q.Star {
		res.Fields = []string{"id"}
		for _, f := range r.sc.m.Fields {
			if _, ok := r.sc.alias[f.Table]; ok {
				res.Fields = append(res.Fields, f.Name)
			}
		}
	}
	exprs := make([]string, len(res.Fields))
	for i, f := range res.Fields {
		col, ok := r.Column(f)
		if !ok {
			return res, vtqlError(&vtql.UnknownFieldError{Field: f})
		}
		exprs[i] = "CAST(" + col + " AS CHAR)"
	}
	order, err := q.OrderSQL(r)
	if err != nil {
		return res, vtqlError(err)
	}
	if order == "" {
		order = "e.crmid"
	}
	offset, count := q.Page()
	sql := "SELECT " + strings.Join(exprs, ", ") + fmt.Sprintf(tmpl, r.joins()) + " ORDER BY " + order + " LIMIT ? OFFSET ?"
	rows, err := s.db.QueryContext(ctx, sql, append(args, count, offset)...)
	if err != nil {
		return res, fmt.Errorf("vtql %s: %w", res.Module, err)
	}
	defer rows.Close()
	res.Rows = []map[string]string{}
	raw := make([]*string, len(exprs))
	dest := make([]any, len(exprs))
	for rows.Next() {
		for i := range raw {
			dest[i] = &raw[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return res, fmt.Errorf("vtql %s: %w", res.Module, err)
		}
		row := make(map[string]string, len(raw))
		for i, f := range res.Fields {
			if raw[i] != nil {
				row[f] = *raw[i]
			} else {
				row[f] = ""
			}
		}
		res.Rows = append(res.Rows, row)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("vtql %s: %w", res.Module, err)
	}
	return res, nil
}

// vtqlError turns an unknown field into an invalid error naming it.
func vtqlError(err error) error {
	var uf *vtql.UnknownFieldError
	if errors.As(err, &uf) {
		return &crm.Error{Code: crm.EInvalid, Message: fmt.Sprintf("unknown field %q", uf.Field),
			Fields: map[string]string{uf.Field: "unknown field"}}
	}
	return crm.Errorf(crm.EInvalid, "bad query: %v", err)
}
