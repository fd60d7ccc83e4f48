package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// reindexBatch is how many records one reindex transaction rewrites.
const reindexBatch = 1000

// phoneSource says where one module's phone fields (uitype 11) live.
type phoneSource struct {
	module *crm.Module
	fields []*crm.Field
	// query selects the id and every phone column of a batch of live
	// records after a given id, in id order.
	query string
}

// ReindexPhones rebuilds vtiger_pbxmanager_phonelookup from the record
// tables: for every live record of every module with phone fields, its
// rows are deleted and written again from the current values, normalised
// by n. It runs in batches of reindexBatch records, one transaction each,
// reading them with shared locks so a concurrent save is never undone, and
// finally drops rows of records that no longer exist. progress, when not
// nil, is called after each batch with records done and the total. vtiger
// 5.4 has no lookup table, so an upgraded database needs this once; it is
// safe to run at any time.
func ReindexPhones(ctx context.Context, db *DB, n *phone.Normalizer, progress func(done, total int)) error {
	mods, cols, err := loadModules(ctx, db)
	if err != nil {
		return err
	}
	sources := phoneSources(mods, cols)
	total := 0
	for _, src := range sources {
		c, err := countLive(ctx, db, src.module)
		if err != nil {
			return err
		}
		total += c
	}
	done := 0
	if progress != nil {
		progress(done, total)
	}
	for _, src := range sources {
		if err := reindexModule(ctx, db, n, src, func(k int) {
			done += k
			if progress != nil {
				progress(done, total)
			}
		}); err != nil {
			return fmt.Errorf("reindex %s phones: %w", src.module.Name, err)
		}
	}
	const orphans = `DELETE l FROM vtiger_pbxmanager_phonelookup l
		LEFT JOIN vtiger_crmentity e ON e.crmid = l.crmid WHERE e.crmid IS NULL`
	if _, err := db.ExecContext(ctx, orphans); err != nil {
		return fmt.Errorf("drop phone rows of purged records: %w", err)
	}
	return nil
}

// phoneSources lists the modules with phone fields, by name, each with the
// query that reads them: the base table joined to crmentity (live records
// only) and LEFT JOINed to each other table holding a phone field.
func phoneSources(mods map[string]*crm.Module, cols tableColumns) []phoneSource {
	var out []phoneSource
	for _, m := range mods {
		idCol := map[string]string{}
		for _, t := range m.Tables {
			idCol[t.Name] = t.IDColumn
		}
		src := phoneSource{module: m}
		alias := map[string]string{m.BaseTable: "b"}
		from := quoteIdent(m.BaseTable) + " b JOIN vtiger_crmentity e ON e.crmid = b." + quoteIdent(m.IDColumn)
		var sel []string
		for _, f := range m.Fields {
			if f.UIType != 11 || idCol[f.Table] == "" || cols[f.Table][f.Column] == nil {
				continue
			}
			a, ok := alias[f.Table]
			if !ok {
				a = fmt.Sprintf("t%d", len(alias))
				alias[f.Table] = a
				from += " LEFT JOIN " + quoteIdent(f.Table) + " " + a + " ON " + a + "." + quoteIdent(idCol[f.Table]) + " = b." + quoteIdent(m.IDColumn)
			}
			src.fields = append(src.fields, f)
			sel = append(sel, a+"."+quoteIdent(f.Column))
		}
		if len(src.fields) == 0 {
			continue
		}
		src.query = "SELECT b." + quoteIdent(m.IDColumn) + ", " + strings.Join(sel, ", ") + " FROM " + from +
			" WHERE b." + quoteIdent(m.IDColumn) + " > ? AND e.deleted = 0 AND e.setype = ?" +
			" ORDER BY b." + quoteIdent(m.IDColumn) + " LIMIT ? LOCK IN SHARE MODE"
		out = append(out, src)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].module.Name < out[j].module.Name })
	return out
}

func countLive(ctx context.Context, db *DB, m *crm.Module) (int, error) {
	q := "SELECT COUNT(*) FROM " + quoteIdent(m.BaseTable) + " b JOIN vtiger_crmentity e ON e.crmid = b." +
		quoteIdent(m.IDColumn) + " WHERE e.deleted = 0 AND e.setype = ?"
	var c int
	if err := db.GetContext(ctx, &c, q, m.Name); err != nil {
		return 0, fmt.Errorf("count %s: %w", m.Name, err)
	}
	return c, nil
}

// reindexModule walks a module's live records in id order, one batch per
// transaction, and reports each batch's size to advance.
func reindexModule(ctx context.Context, db *DB, n *phone.Normalizer, src phoneSource, advance func(int)) error {
	var after int64
	for {
		last, k, err := reindexPhoneBatch(ctx, db, n, src, after)
		if err != nil {
			return err
		}
		if k == 0 {
			return nil
		}
		advance(k)
		after = last
	}
}

func reindexPhoneBatch(ctx context.Context, db *DB, n *phone.Normalizer, src phoneSource, after int64) (last int64, k int, err error) {
	tx, err := db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	ids, rows, err := readPhoneBatch(ctx, tx, n, src, after)
	if err != nil || len(ids) == 0 {
		return 0, 0, err
	}
	del, args, err := sqlx.In(`DELETE FROM vtiger_pbxmanager_phonelookup WHERE crmid IN (?)`, ids)
	if err != nil {
		return 0, 0, err
	}
	if _, err := tx.ExecContext(ctx, del, args...); err != nil {
		return 0, 0, fmt.Errorf("clear phone rows: %w", err)
	}
	if err := insertphoneRows(ctx, tx, rows); err != nil {
		return 0, 0, err
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, err
	}
	return ids[len(ids)-1], len(ids), nil
}

// phoneRow is one vtiger_pbxmanager_phonelookup row.
type phoneRow struct {
	CrmID   int64
	Module  string
	Field   string
	FNumber string // rnumber is always its reverse
}

func readPhoneBatch(ctx context.Context, tx *sqlx.Tx, n *phone.Normalizer, src phoneSource, after int64) ([]int64, []phoneRow, error) {
	rs, err := tx.QueryContext(ctx, src.query, after, src.module.Name, reindexBatch)
	if err != nil {
		return nil, nil, fmt.Errorf("read records: %w", err)
	}
	defer rs.Close()
	var ids []int64
	var out []phoneRow
	vals := make([]sql.NullString, len(src.fields))
	dest := make([]any, len(vals)+1)
	var id int64
	dest[0] = &id
	for i := range vals {
		dest[i+1] = &vals[i]
	}
	for rs.Next() {
		if err := rs.Scan(dest...); err != nil {
			return nil, nil, fmt.Errorf("read records: %w", err)
		}
		ids = append(ids, id)
		for i, f := range src.fields {
			if fnumber, ok := n.Store(vals[i].String); ok {
				out = append(out, phoneRow{CrmID: id, Module: src.module.Name, Field: f.Name, FNumber: fnumber})
			}
		}
	}
	return ids, out, rs.Err()
}

// phoneInsertChunk keeps one INSERT well under the 65535 placeholders a
// prepared statement may have.
const phoneInsertChunk = 2000

func insertphoneRows(ctx context.Context, ext sqlx.ExecerContext, rows []phoneRow) error {
	for len(rows) > 0 {
		chunk := rows[:min(len(rows), phoneInsertChunk)]
		rows = rows[len(chunk):]
		var sb strings.Builder
		sb.WriteString("INSERT INTO vtiger_pbxmanager_phonelookup (crmid, setype, fnumber, rnumber, fieldname) VALUES ")
		args := make([]any, 0, 5*len(chunk))
		for i, r := range chunk {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(?, ?, ?, ?, ?)")
			args = append(args, r.CrmID, r.Module, r.FNumber, phone.Reverse(r.FNumber), r.Field)
		}
		sb.WriteString(" ON DUPLICATE KEY UPDATE fnumber = VALUES(fnumber), rnumber = VALUES(rnumber)")
		if _, err := ext.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("write phone rows: %w", err)
		}
	}
	return nil
}
