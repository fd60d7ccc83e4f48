package mysql

import (
	"context"
	"fmt"
	"html"
	"strings"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// entityName is one vtiger_entityname row: where a module's record label
// lives (firstname,lastname of vtiger_contactdetails; accountname of
// vtiger_account).
type entityName struct {
	Module   string `db:"modulename"`
	Table    string `db:"tablename"`
	Columns  string `db:"fieldname"`
	IDColumn string `db:"entityidfield"`
}

// entityNames caches vtiger_entityname, read once on the first lookup: a
// screen pop should not reload module metadata.
type entityNames struct {
	mu     sync.Mutex
	byName map[string]entityName
}

func (en *entityNames) get(ctx context.Context, db sqlx.QueryerContext) (map[string]entityName, error) {
	en.mu.Lock()
	defer en.mu.Unlock()
	if en.byName != nil {
		return en.byName, nil
	}
	const q = `SELECT modulename, tablename, fieldname, entityidfield FROM vtiger_entityname`
	var rows []entityName
	if err := sqlx.SelectContext(ctx, db, &rows, q); err != nil {
		return nil, fmt.Errorf("read vtiger_entityname: %w", err)
	}
	en.byName = make(map[string]entityName, len(rows))
	for _, r := range rows {
		en.byName[r.Module] = r
	}
	return en.byName, nil
}

// label fills the Name of each record, one query per module. Table and
// column names come from vtiger_entityname, never from input.
func (en *entityNames) label(ctx context.Context, db sqlx.QueryerContext, recs []crm.CallerRecord) error {
	if len(recs) == 0 {
		return nil
	}
	names, err := en.get(ctx, db)
	if err != nil {
		return err
	}
	ids := map[string][]int64{}
	for _, r := range recs {
		ids[r.Module] = append(ids[r.Module], r.ID)
	}
	labels := map[int64]string{}
	for module, list := range ids {
		e, ok := names[module]
		if !ok {
			continue
		}
		if err := readLabels(ctx, db, e, list, labels); err != nil {
			return err
		}
	}
	for i := range recs {
		recs[i].Name = labels[recs[i].ID]
	}
	return nil
}

func readLabels(ctx context.Context, db sqlx.QueryerContext, e entityName, ids []int64, into map[int64]string) error {
	var parts []string
	for _, c := range strings.Split(e.Columns, ",") {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, "NULLIF("+quoteIdent(c)+", '')")
		}
	}
	if len(parts) == 0 {
		return nil
	}
	q := "SELECT " + quoteIdent(e.IDColumn) + " AS id, CONCAT_WS(' ', " + strings.Join(parts, ", ") +
		") AS name FROM " + quoteIdent(e.Table) + " WHERE " + quoteIdent(e.IDColumn) + " IN (?)"
	q, args, err := sqlx.In(q, ids)
	if err != nil {
		return err
	}
	var rows []struct {
		ID   int64   `db:"id"`
		Name *string `db:"name"`
	}
	if err := sqlx.SelectContext(ctx, db, &rows, q, args...); err != nil {
		return fmt.Errorf("label %s records: %w", e.Module, err)
	}
	for _, r := range rows {
		if r.Name != nil {
			into[r.ID] = html.UnescapeString(*r.Name) // vtiger's UI saved "AT&amp;T"
		}
	}
	return nil
}
