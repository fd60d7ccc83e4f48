package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// History is kept in ModTracker's tables for every module. vtiger tracks
// only the modules listed in vtiger_modtracker_tabs, which a fresh 5.4
// install leaves empty; Tigerline ignores that list because every change
// of every record is to be recorded.

// actorID is who did a change: the actor, or the admin (id 1) for work
// done by the system, which vtiger also runs as the admin.
func actorID(actor *crm.User) int64 {
	if actor == nil {
		return 1
	}
	return actor.ID
}

// recordChange writes one ModTracker entry and a detail row per changed
// field.
func recordChange(ctx context.Context, ext sqlx.ExtContext, module string, id int64, actor *crm.User, status int, when time.Time, fields []crm.FieldChange) error {
	cid, err := nextID(ctx, ext, "vtiger_modtracker_basic_seq")
	if err != nil {
		return err
	}
	const q = `INSERT INTO vtiger_modtracker_basic (id, crmid, module, whodid, changedon, status)
		VALUES (?, ?, ?, ?, ?, ?)`
	if _, err := ext.ExecContext(ctx, q, cid, id, module, actorID(actor), when, status); err != nil {
		return fmt.Errorf("record history of %d: %w", id, err)
	}
	const d = `INSERT INTO vtiger_modtracker_detail (id, fieldname, prevalue, postvalue) VALUES (?, ?, ?, ?)`
	for _, f := range fields {
		if _, err := ext.ExecContext(ctx, d, cid, f.Field, f.Before, f.After); err != nil {
			return fmt.Errorf("record history of %d: %w", id, err)
		}
	}
	return nil
}

// diffRecords lists the fields whose stored text differs between two
// reads of a record, in field order. modifiedtime changes on every save
// and is left out, as ModTracker does.
func diffRecords(m *crm.Module, before, after *crm.Record) []crm.FieldChange {
	var out []crm.FieldChange
	for _, f := range m.Fields {
		a, ok := after.Values[f.Name]
		if !ok || f.Name == "modifiedtime" {
			continue
		}
		if b := before.Values[f.Name]; a != b {
			out = append(out, crm.FieldChange{Field: f.Name, Before: b, After: a})
		}
	}
	return out
}

type changeRow struct {
	ID       int64        `db:"id"`
	RecordID int64        `db:"crmid"`
	Module   string       `db:"module"`
	UserID   int64        `db:"whodid"`
	When     sql.NullTime `db:"changedon"`
	Status   int          `db:"status"`
}

type detailRow struct {
	ID     int64  `db:"id"`
	Field  string `db:"fieldname"`
	Before string `db:"prevalue"`
	After  string `db:"postvalue"`
}

// History returns a record's changes, newest first.
func (s *RecordService) History(ctx context.Context, module string, id int64) ([]crm.Change, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	const q = `SELECT id, COALESCE(crmid, 0) AS crmid, COALESCE(module, '') AS module,
		COALESCE(whodid, 0) AS whodid, changedon, COALESCE(status, 0) AS status
		FROM vtiger_modtracker_basic WHERE crmid = ? AND module = ?
		ORDER BY changedon DESC, id DESC`
	var rows []changeRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, id, m.Name); err != nil {
		return nil, fmt.Errorf("history of %s %d: %w", m.Name, id, err)
	}
	out := make([]crm.Change, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	index := map[int64]int{}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = crm.Change{ID: r.ID, RecordID: r.RecordID, Module: r.Module, UserID: r.UserID, When: r.When.Time, Status: r.Status}
		index[r.ID], ids[i] = i, r.ID
	}
	details, err := changeDetails(ctx, s.db, ids)
	if err != nil {
		return nil, fmt.Errorf("history of %s %d: %w", m.Name, id, err)
	}
	order := map[string]int{}
	for i, f := range m.Fields {
		order[f.Name] = i
	}
	sort.SliceStable(details, func(i, j int) bool { return order[details[i].Field] < order[details[j].Field] })
	for _, d := range details {
		c := &out[index[d.ID]]
		c.Fields = append(c.Fields, crm.FieldChange{Field: d.Field, Before: d.Before, After: d.After})
	}
	return out, nil
}

func changeDetails(ctx context.Context, ext sqlx.QueryerContext, ids []int64) ([]detailRow, error) {
	const q = `SELECT id, COALESCE(fieldname, '') AS fieldname, COALESCE(prevalue, '') AS prevalue,
		COALESCE(postvalue, '') AS postvalue FROM vtiger_modtracker_detail WHERE id IN (?)`
	query, args, err := sqlx.In(q, ids)
	if err != nil {
		return nil, err
	}
	var rows []detailRow
	return rows, sqlx.SelectContext(ctx, ext, &rows, query, args...)
}
