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

// selectRecords reads whole records of m, live or deleted, the way
// FindRecordByID reads one, but on any ext (a transaction included).
// where and tail are constant SQL of the caller (e the crmentity alias);
// args are their parameters.
func selectRecords(ctx context.Context, ext sqlx.QueryerContext, m *crm.Module, where, tail string, args ...any) ([]*crm.Record, error) {
	selects := []string{"e.crmid", "e.smownerid", "e.createdtime", "e.modifiedtime", "e.deleted"}
	alias := tableAliases(m)
	var fields []*crm.Field
	for _, f := range m.Fields {
		a, ok := alias[f.Table]
		if !ok {
			continue
		}
		selects = append(selects, fmt.Sprintf("CAST(%s.%s AS CHAR)", a, quoteIdent(f.Column)))
		fields = append(fields, f)
	}
	q := "SELECT " + strings.Join(selects, ", ") + " FROM vtiger_crmentity e" + joinTables(m, nil) +
		" WHERE e.setype = ? AND " + where + tail
	rows, err := ext.QueryxContext(ctx, q, append([]any{m.Name}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read %s records: %w", m.Name, err)
	}
	defer rows.Close()
	var out []*crm.Record
	for rows.Next() {
		r, err := scanRecord(rows, m, fields)
		if err != nil {
			return nil, fmt.Errorf("read %s records: %w", m.Name, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read %s records: %w", m.Name, err)
	}
	return out, nil
}

func scanRecord(rows *sqlx.Rows, m *crm.Module, fields []*crm.Field) (*crm.Record, error) {
	r := &crm.Record{Module: m.Name, Values: make(map[string]string, len(fields))}
	var created, modified time.Time
	var deleted int
	raw := make([]sql.NullString, len(fields))
	dest := []any{&r.ID, &r.OwnerID, &created, &modified, &deleted}
	for i := range raw {
		dest = append(dest, &raw[i])
	}
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	r.Created, r.Modified, r.Deleted = created, modified, deleted != 0
	for i, f := range fields {
		r.Values[f.Name] = raw[i].String
	}
	r.Label = recordLabel(m, r.Values)
	return r, nil
}

// lockRecord reads a record in tx and locks its rows until the
// transaction ends. deleted chooses a live record or one in the recycle
// bin; the other kind is not found.
func lockRecord(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, deleted bool) (*crm.Record, error) {
	del := 0
	if deleted {
		del = 1
	}
	recs, err := selectRecords(ctx, tx, m, "e.crmid = ? AND e.deleted = ?", " FOR UPDATE", id, del)
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 {
		if deleted {
			return nil, crm.Errorf(crm.ENotFound, "no %s record %d in the recycle bin", m.Name, id)
		}
		return nil, crm.Errorf(crm.ENotFound, "no %s record %d", m.Name, id)
	}
	return recs[0], nil
}

// setDeleted moves a record into or out of the recycle bin, as a save:
// with a new modified time and modifier.
func setDeleted(ctx context.Context, ext sqlx.ExecerContext, id int64, deleted int, actor *crm.User, now time.Time) error {
	const q = `UPDATE vtiger_crmentity SET deleted = ?, modifiedtime = ?, modifiedby = ? WHERE crmid = ?`
	if _, err := ext.ExecContext(ctx, q, deleted, now, actorID(actor), id); err != nil {
		return fmt.Errorf("mark record %d deleted=%d: %w", id, deleted, err)
	}
	return nil
}
