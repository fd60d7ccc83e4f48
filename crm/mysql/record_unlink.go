package mysql

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// vtiger_relatedlists_rb actions (vtiger's RB_RECORD_UPDATED and
// RB_RECORD_DELETED): a column that was cleared, or link rows that were
// deleted.
const (
	rbUpdated = "update"
	rbDeleted = "delete"
)

// all returns every entity module and the database's columns. The maps
// are replaced, never changed, on reload, so callers may keep reading them.
func (mc *metadataCache) all(ctx context.Context, db *DB) (map[string]*crm.Module, tableColumns, error) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if mc.modules == nil {
		mods, cols, err := loadModules(ctx, db)
		if err != nil {
			return nil, nil, err
		}
		mc.modules, mc.columns = mods, cols
	}
	return mc.modules, mc.columns, nil
}

// refColumn is a reference field's column in a per-record table, with
// that table's id column.
type refColumn struct {
	Table, Column, IDColumn string
}

// referencesTo finds, from the field metadata, every column that may hold
// the id of a record of module target.
func referencesTo(mods map[string]*crm.Module, cols tableColumns, target string) []refColumn {
	seen := map[refColumn]bool{}
	var out []refColumn
	for _, m := range mods {
		for _, f := range m.Fields {
			if !slices.Contains(f.RefModules, target) || cols[f.Table][f.Column] == nil {
				continue
			}
			i := slices.IndexFunc(m.Tables, func(t crm.ModuleTable) bool { return t.Name == f.Table })
			if i < 0 || m.Tables[i].IDColumn == f.Column {
				continue
			}
			r := refColumn{Table: f.Table, Column: f.Column, IDColumn: m.Tables[i].IDColumn}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Table+"."+out[i].Column < out[j].Table+"."+out[j].Column })
	return out
}

// unlinkReferences clears every reference to id and saves what it cleared
// in vtiger_relatedlists_rb, in vtiger's format, for restoreLinks.
func unlinkReferences(ctx context.Context, ext sqlx.ExtContext, refs []refColumn, cols tableColumns, id int64) error {
	key := strconv.FormatInt(id, 10) // text: some reference columns are varchar
	for _, r := range refs {
		table, col := quoteIdent(r.Table), quoteIdent(r.Column)
		var ids []string
		q := "SELECT CAST(" + quoteIdent(r.IDColumn) + " AS CHAR) FROM " + table + " WHERE " + col + " = ?"
		if err := sqlx.SelectContext(ctx, ext, &ids, q, key); err != nil {
			return fmt.Errorf("find links to %d in %s: %w", id, r.Table, err)
		}
		if len(ids) == 0 {
			continue
		}
		u := "UPDATE " + table + " SET " + col + " = ? WHERE " + col + " = ?"
		if _, err := ext.ExecContext(ctx, u, columnValue(cols[r.Table][r.Column], ""), key); err != nil {
			return fmt.Errorf("clear links to %d in %s: %w", id, r.Table, err)
		}
		const rb = `INSERT INTO vtiger_relatedlists_rb (entityid, action, rel_table, rel_column, ref_column, related_crm_ids)
			VALUES (?, ?, ?, ?, ?, ?)`
		if _, err := ext.ExecContext(ctx, rb, id, rbUpdated, r.Table, r.Column, r.IDColumn, strings.Join(ids, ",")); err != nil {
			return fmt.Errorf("keep links to %d: %w", id, err)
		}
	}
	return nil
}

type rbRow struct {
	Action    string `db:"action"`
	RelTable  string `db:"rel_table"`
	RelColumn string `db:"rel_column"`
	RefColumn string `db:"ref_column"`
	IDs       string `db:"related_crm_ids"`
}

// restoreLinks puts back what deleting id cleared, reading rows that
// Tigerline or vtiger wrote, then forgets them. Table and column names
// come from the database, so each must be a column the schema has before
// it reaches SQL text.
func restoreLinks(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, module string, id int64) error {
	const q = `SELECT COALESCE(action, '') AS action, COALESCE(rel_table, '') AS rel_table,
		COALESCE(rel_column, '') AS rel_column, COALESCE(ref_column, '') AS ref_column,
		COALESCE(related_crm_ids, '') AS related_crm_ids
		FROM vtiger_relatedlists_rb WHERE entityid = ?`
	var rows []rbRow
	if err := sqlx.SelectContext(ctx, ext, &rows, q, id); err != nil {
		return fmt.Errorf("read links of %d: %w", id, err)
	}
	for _, r := range rows {
		ids := splitIDs(r.IDs)
		if len(ids) == 0 || cols[r.RelTable][r.RelColumn] == nil || cols[r.RelTable][r.RefColumn] == nil {
			continue
		}
		var err error
		switch strings.ToLower(r.Action) {
		case rbUpdated:
			err = restoreColumn(ctx, ext, cols, r, id, ids)
		case rbDeleted:
			err = restoreRows(ctx, ext, cols, r, module, id, ids)
		}
		if err != nil {
			return fmt.Errorf("restore links of %d in %s: %w", id, r.RelTable, err)
		}
	}
	const del = `DELETE FROM vtiger_relatedlists_rb WHERE entityid = ?`
	if _, err := ext.ExecContext(ctx, del, id); err != nil {
		return fmt.Errorf("forget links of %d: %w", id, err)
	}
	return nil
}

// restoreColumn points the listed rows back at id where nothing else was
// set since. vtiger also uses this action to undelete records deleted
// along with id (vtiger_crmentity.deleted).
func restoreColumn(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, r rbRow, id int64, ids []int64) error {
	table, col, ref := quoteIdent(r.RelTable), quoteIdent(r.RelColumn), quoteIdent(r.RefColumn)
	if r.RelTable == "vtiger_crmentity" && r.RelColumn == "deleted" {
		q, args, err := sqlx.In("UPDATE vtiger_crmentity SET deleted = 0 WHERE "+ref+" IN (?)", ids)
		if err != nil {
			return err
		}
		_, err = ext.ExecContext(ctx, q, args...)
		return err
	}
	// Strict mode refuses '' compared with a number inside an UPDATE.
	empty := "(" + col + " IS NULL OR " + col + " IN ('', '0'))"
	if cols[r.RelTable][r.RelColumn].numeric() {
		empty = "(" + col + " IS NULL OR " + col + " = 0)"
	}
	q, args, err := sqlx.In("UPDATE "+table+" SET "+col+" = ? WHERE "+empty+" AND "+ref+" IN (?)", strconv.FormatInt(id, 10), ids)
	if err != nil {
		return err
	}
	_, err = ext.ExecContext(ctx, q, args...)
	return err
}

// restoreRows re-inserts deleted link rows, which only vtiger writes.
func restoreRows(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, r rbRow, module string, id int64, ids []int64) error {
	q := "INSERT INTO " + quoteIdent(r.RelTable) + " (" + quoteIdent(r.RelColumn) + ", " + quoteIdent(r.RefColumn) + ") VALUES (?, ?)"
	withType := r.RelTable == "vtiger_seproductsrel" && cols[r.RelTable]["setype"] != nil
	if withType {
		q = "INSERT INTO vtiger_seproductsrel (" + quoteIdent(r.RelColumn) + ", " + quoteIdent(r.RefColumn) + ", setype) VALUES (?, ?, ?)"
	}
	for _, rel := range ids {
		args := []any{id, rel}
		if withType {
			args = append(args, module)
		}
		if _, err := ext.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

func splitIDs(s string) []int64 {
	var out []int64
	for _, p := range strings.Split(s, ",") {
		if n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// forgetForUser removes what only the deleting user had of a record: their
// tags and their recently-viewed entry, as vtiger's trash does.
func forgetForUser(ctx context.Context, ext sqlx.ExecerContext, cols tableColumns, userID, id int64) error {
	const tags = `DELETE FROM vtiger_freetagged_objects WHERE tagger_id = ? AND object_id = ?`
	if _, err := ext.ExecContext(ctx, tags, userID, id); err != nil {
		return fmt.Errorf("untag %d: %w", id, err)
	}
	if cols["vtiger_tracker"] == nil {
		return nil
	}
	const viewed = `DELETE FROM vtiger_tracker WHERE user_id = ? AND item_id = ?`
	if _, err := ext.ExecContext(ctx, viewed, strconv.FormatInt(userID, 10), strconv.FormatInt(id, 10)); err != nil {
		return fmt.Errorf("forget viewed %d: %w", id, err)
	}
	return nil
}
