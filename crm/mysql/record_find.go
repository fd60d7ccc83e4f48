package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// FindRecordByID reads a live record: the crmentity row joined with every
// per-record table of its module, in one query.
func (s *RecordService) FindRecordByID(ctx context.Context, module string, id int64) (*crm.Record, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	selects := []string{"e.smownerid", "e.createdtime", "e.modifiedtime"}
	var fields []*crm.Field
	joins := joinTables(m, nil)
	alias := tableAliases(m)
	for _, f := range m.Fields {
		a, ok := alias[f.Table]
		if !ok {
			continue
		}
		// CAST gives every type the text vtiger shows (2026-11-27, 12.50).
		selects = append(selects, fmt.Sprintf("CAST(%s.%s AS CHAR)", a, quoteIdent(f.Column)))
		fields = append(fields, f)
	}
	q := "SELECT " + strings.Join(selects, ", ") + " FROM vtiger_crmentity e" + joins +
		" WHERE e.crmid = ? AND e.setype = ? AND e.deleted = 0"
	raw := make([]sql.NullString, len(fields))
	var owner int64
	var created, modified time.Time
	dest := []any{&owner, &created, &modified}
	for i := range raw {
		dest = append(dest, &raw[i])
	}
	err = s.db.QueryRowContext(ctx, q, id, m.Name).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no %s record %d", m.Name, id)
	}
	if err != nil {
		return nil, fmt.Errorf("find %s %d: %w", m.Name, id, err)
	}
	r := &crm.Record{ID: id, Module: m.Name, OwnerID: owner, Created: created, Modified: modified, Values: map[string]string{}}
	for i, f := range fields {
		r.Values[f.Name] = raw[i].String
	}
	r.Label = recordLabel(m, r.Values)
	return r, nil
}

func recordLabel(m *crm.Module, vals map[string]string) string {
	var parts []string
	for _, n := range m.NameFields {
		if v := vals[strings.TrimSpace(n)]; v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " ")
}
