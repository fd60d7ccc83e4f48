package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// maxPlaceholders keeps a multi-row INSERT under the protocol's limit of
// 65,535 parameters per prepared statement.
const maxPlaceholders = 60000

// bulkTable is the INSERT shape of one per-record table, worked out as
// insertRow does: the id column, the columns of the module's fields that
// live there, then the NOT NULL columns strict mode wants named.
type bulkTable struct {
	name    string
	columns []string
	fields  []*crm.Field // per column; nil for the id and filler columns
	infos   []*columnInfo
}

// bulkPlan is how a batch of one module is written.
type bulkPlan struct {
	m      *crm.Module
	tables []bulkTable
	number *crm.Field // the record number field (uitype 4), or nil
}

func newBulkPlan(m *crm.Module, cols tableColumns) *bulkPlan {
	p := &bulkPlan{m: m}
	for _, f := range m.Fields {
		if f.UIType == 4 {
			p.number = f
			break
		}
	}
	for _, t := range m.Tables {
		bt := bulkTable{name: t.Name, columns: []string{t.IDColumn}, fields: []*crm.Field{nil}, infos: []*columnInfo{nil}}
		set := map[string]bool{t.IDColumn: true}
		for _, f := range m.Fields {
			c := cols[t.Name][f.Column]
			if f.Table != t.Name || set[f.Column] || c == nil {
				continue
			}
			set[f.Column] = true
			bt.columns, bt.fields, bt.infos = append(bt.columns, f.Column), append(bt.fields, f), append(bt.infos, c)
		}
		var fillers []string
		for name, c := range cols[t.Name] {
			if !set[name] && c.needsValue() {
				fillers = append(fillers, name)
			}
		}
		sort.Strings(fillers)
		for _, name := range fillers {
			bt.columns, bt.fields, bt.infos = append(bt.columns, name), append(bt.fields, nil), append(bt.infos, cols[t.Name][name])
		}
		p.tables = append(p.tables, bt)
	}
	return p
}

// write stores a batch in one transaction and returns the first crmid;
// the records have consecutive ids from there.
func (p *bulkPlan) write(ctx context.Context, db *DB, recs []bulkRecord) (int64, error) {
	n := len(recs)
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("bulk %s: %w", p.m.Name, err)
	}
	defer tx.Rollback()
	first, err := reserveIDs(ctx, tx, "vtiger_crmentity_seq", n)
	if err != nil {
		return 0, err
	}
	if err := p.numbers(ctx, tx, recs); err != nil {
		return 0, err
	}
	hist, err := reserveIDs(ctx, tx, "vtiger_modtracker_basic_seq", n)
	if err != nil {
		return 0, err
	}
	if err := p.writeRows(ctx, tx, recs, first, hist); err != nil {
		return 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("bulk %s: %w", p.m.Name, err)
	}
	return first, nil
}

func (p *bulkPlan) writeRows(ctx context.Context, tx *sqlx.Tx, recs []bulkRecord, first, hist int64) error {
	ent := make([]any, 0, len(recs)*11)
	mt := make([]any, 0, len(recs)*6)
	var phones []any
	for i := range recs {
		rec, id := &recs[i], first+int64(i)
		ent = append(ent, id, rec.owner, rec.owner, rec.owner, p.m.Name, rec.vals["description"], rec.created, rec.modified, 1, 0, 0)
		mt = append(mt, hist+int64(i), id, p.m.Name, rec.owner, rec.created, crm.ChangeCreated)
		for _, ph := range rec.phones {
			phones = append(phones, id, p.m.Name, ph.fnumber, phone.Reverse(ph.fnumber), ph.field)
		}
	}
	entCols := []string{"crmid", "smcreatorid", "smownerid", "modifiedby", "setype", "description", "createdtime", "modifiedtime", "presence", "deleted", "version"}
	if err := bulkInsert(ctx, tx, "vtiger_crmentity", entCols, ent); err != nil {
		return err
	}
	for _, t := range p.tables {
		args := make([]any, 0, len(recs)*len(t.columns))
		for i := range recs {
			args = append(args, first+int64(i))
			for j := 1; j < len(t.columns); j++ {
				val := ""
				if f := t.fields[j]; f != nil {
					val = recs[i].vals[f.Name]
				}
				args = append(args, columnValue(t.infos[j], val))
			}
		}
		if err := bulkInsert(ctx, tx, t.name, t.columns, args); err != nil {
			return err
		}
	}
	if err := bulkInsert(ctx, tx, "vtiger_pbxmanager_phonelookup", []string{"crmid", "setype", "fnumber", "rnumber", "fieldname"}, phones); err != nil {
		return err
	}
	return bulkInsert(ctx, tx, "vtiger_modtracker_basic", []string{"id", "crmid", "module", "whodid", "changedon", "status"}, mt)
}

// bulkInsert writes rows given as one flat list of values, len(cols) per
// row, with as few multi-row INSERTs as the placeholder limit allows.
func bulkInsert(ctx context.Context, tx *sqlx.Tx, table string, cols []string, args []any) error {
	width := len(cols)
	per := maxPlaceholders / width
	quoted := make([]string, width)
	for i, c := range cols {
		quoted[i] = quoteIdent(c)
	}
	head := "INSERT INTO " + quoteIdent(table) + " (" + strings.Join(quoted, ", ") + ") VALUES "
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", width), ", ") + ")"
	for len(args) > 0 {
		n := min(per, len(args)/width)
		q := head + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
		if _, err := tx.ExecContext(ctx, q, args[:n*width]...); err != nil {
			return fmt.Errorf("bulk insert into %s: %w", table, err)
		}
		args = args[n*width:]
	}
	return nil
}

// reserveIDs takes n consecutive ids from an ADOdb sequence table and
// returns the first, as n calls of nextID would.
func reserveIDs(ctx context.Context, tx *sqlx.Tx, seqTable string, n int) (int64, error) {
	res, err := tx.ExecContext(ctx, "UPDATE "+quoteIdent(seqTable)+" SET id = LAST_INSERT_ID(id + ?)", n)
	if err != nil {
		return 0, fmt.Errorf("reserve ids from %s: %w", seqTable, err)
	}
	rows, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("reserve ids from %s: %w", seqTable, err)
	}
	if rows == 0 {
		if _, err := tx.ExecContext(ctx, "INSERT INTO "+quoteIdent(seqTable)+" (id) VALUES (?)", n); err != nil {
			return 0, fmt.Errorf("start sequence %s: %w", seqTable, err)
		}
		return 1, nil
	}
	last, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("reserve ids from %s: %w", seqTable, err)
	}
	return last - int64(n) + 1, nil
}

// numbers gives each record its number from vtiger_modentity_num, a block
// at a time, as assignNumber does one by one (leading zeros kept).
func (p *bulkPlan) numbers(ctx context.Context, tx *sqlx.Tx, recs []bulkRecord) error {
	if p.number == nil {
		return nil
	}
	var row struct {
		ID     int64  `db:"num_id"`
		Prefix string `db:"prefix"`
		Cur    string `db:"cur_id"`
	}
	const q = `SELECT num_id, prefix, cur_id FROM vtiger_modentity_num
		WHERE semodule = ? AND active = 1 LIMIT 1 FOR UPDATE`
	err := tx.GetContext(ctx, &row, q, p.m.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("record numbers of %s: %w", p.m.Name, err)
	}
	cur := row.Cur
	for i := range recs {
		recs[i].vals[p.number.Name] = row.Prefix + cur
		cur = nextNumber(cur)
	}
	const u = `UPDATE vtiger_modentity_num SET cur_id = ? WHERE num_id = ?`
	if _, err := tx.ExecContext(ctx, u, cur, row.ID); err != nil {
		return fmt.Errorf("record numbers of %s: %w", p.m.Name, err)
	}
	return nil
}
