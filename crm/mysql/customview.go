package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Custom views are vtiger's saved list filters: vtiger_customview with
// vtiger_cvcolumnlist (columns), vtiger_cvstdfilter (one date range) and
// vtiger_cvadvfilter + vtiger_cvadvfilter_grouping (condition groups).
// Columns are stored as "table:column:fieldname:Module_Label:T".

type cvRow struct {
	ID      int    `db:"cvid"`
	Name    string `db:"viewname"`
	Default int    `db:"setdefault"`
	Metrics int    `db:"setmetrics"`
	Module  string `db:"entitytype"`
	Status  int    `db:"status"`
	OwnerID int64  `db:"userid"`
}

const cvColumns = `cvid, viewname, COALESCE(setdefault, 0) AS setdefault, COALESCE(setmetrics, 0) AS setmetrics,
	entitytype, COALESCE(status, 1) AS status, COALESCE(userid, 1) AS userid`

// CustomViews lists the saved filters of a module that actor may use:
// the default and public ones, and actor's own; an admin sees all.
func (s *RecordService) CustomViews(ctx context.Context, actor *crm.User, module string) ([]*crm.CustomView, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + cvColumns + ` FROM vtiger_customview WHERE entitytype = ?`
	args := []any{m.Name}
	if actor == nil || !actor.IsAdmin {
		q += ` AND (status IN (?, ?) OR userid = ?)`
		args = append(args, crm.ViewDefault, crm.ViewPublic, viewerID(actor))
	}
	q += ` ORDER BY cvid`
	var rows []cvRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("list custom views of %s: %w", m.Name, err)
	}
	return s.loadViews(ctx, s.db, rows)
}

// CustomView returns one saved filter with its columns and conditions.
func (s *RecordService) CustomView(ctx context.Context, id int) (*crm.CustomView, error) {
	return s.customView(ctx, s.db, id)
}

func (s *RecordService) customView(ctx context.Context, ext sqlx.QueryerContext, id int) (*crm.CustomView, error) {
	var rows []cvRow
	q := `SELECT ` + cvColumns + ` FROM vtiger_customview WHERE cvid = ?`
	if err := sqlx.SelectContext(ctx, ext, &rows, q, id); err != nil {
		return nil, fmt.Errorf("find custom view %d: %w", id, err)
	}
	if len(rows) == 0 {
		return nil, crm.Errorf(crm.ENotFound, "no custom view %d", id)
	}
	views, err := s.loadViews(ctx, ext, rows)
	if err != nil {
		return nil, err
	}
	return views[0], nil
}

func viewerID(u *crm.User) int64 {
	if u == nil {
		return 0
	}
	return u.ID
}

// loadViews reads the columns and filters of views, three queries in all.
func (s *RecordService) loadViews(ctx context.Context, ext sqlx.QueryerContext, rows []cvRow) ([]*crm.CustomView, error) {
	out := make([]*crm.CustomView, 0, len(rows))
	byID := map[int]*crm.CustomView{}
	ids := make([]any, 0, len(rows))
	for _, r := range rows {
		cv := &crm.CustomView{ID: r.ID, Name: r.Name, Module: r.Module, Default: r.Default == 1,
			Metrics: r.Metrics == 1, Status: r.Status, OwnerID: r.OwnerID}
		out = append(out, cv)
		byID[r.ID] = cv
		ids = append(ids, r.ID)
	}
	if len(ids) == 0 {
		return out, nil
	}
	if err := s.loadViewColumns(ctx, ext, byID, ids); err != nil {
		return nil, err
	}
	if err := loadStdFilters(ctx, ext, byID, ids); err != nil {
		return nil, err
	}
	if err := loadAdvFilters(ctx, ext, byID, ids); err != nil {
		return nil, err
	}
	return out, nil
}

func (s *RecordService) loadViewColumns(ctx context.Context, ext sqlx.QueryerContext, byID map[int]*crm.CustomView, ids []any) error {
	q, args, err := sqlx.In(`SELECT cvid, COALESCE(columnname, '') AS columnname FROM vtiger_cvcolumnlist
		WHERE cvid IN (?) ORDER BY cvid, columnindex`, ids)
	if err != nil {
		return fmt.Errorf("custom view columns: %w", err)
	}
	var cols []struct {
		ID   int    `db:"cvid"`
		Name string `db:"columnname"`
	}
	if err := sqlx.SelectContext(ctx, ext, &cols, q, args...); err != nil {
		return fmt.Errorf("custom view columns: %w", err)
	}
	for _, c := range cols {
		cv := byID[c.ID]
		m, _, err := s.meta.get(ctx, s.db, cv.Module)
		if err != nil {
			continue // a view of a module without entity metadata (Webmails)
		}
		if f := viewColumnField(m, c.Name); f != nil {
			cv.Columns = append(cv.Columns, f.Name)
		}
	}
	return nil
}

// viewColumnField finds the field a stored column names: by its field name
// part, else by table and column.
func viewColumnField(m *crm.Module, colname string) *crm.Field {
	p := strings.Split(colname, ":")
	if len(p) < 3 {
		return nil
	}
	if f := m.Field(p[2]); f != nil {
		return f
	}
	for _, f := range m.Fields {
		if f.Table == p[0] && f.Column == p[1] {
			return f
		}
	}
	return nil
}

// fieldOfColumn returns the field name part of a stored column.
func fieldOfColumn(colname string) string {
	p := strings.Split(colname, ":")
	if len(p) < 3 {
		return colname
	}
	return p[2]
}

func loadStdFilters(ctx context.Context, ext sqlx.QueryerContext, byID map[int]*crm.CustomView, ids []any) error {
	q, args, err := sqlx.In(`SELECT cvid, COALESCE(columnname, '') AS columnname, COALESCE(stdfilter, '') AS stdfilter,
		COALESCE(CAST(startdate AS CHAR), '') AS startdate, COALESCE(CAST(enddate AS CHAR), '') AS enddate
		FROM vtiger_cvstdfilter WHERE cvid IN (?)`, ids)
	if err != nil {
		return fmt.Errorf("custom view date filters: %w", err)
	}
	var rows []struct {
		ID     int    `db:"cvid"`
		Column string `db:"columnname"`
		Range  string `db:"stdfilter"`
		Start  string `db:"startdate"`
		End    string `db:"enddate"`
	}
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return fmt.Errorf("custom view date filters: %w", err)
	}
	for _, r := range rows {
		if r.Column == "" {
			continue
		}
		byID[r.ID].DateFilter = &crm.DateFilter{Field: fieldOfColumn(r.Column), Range: r.Range,
			Start: zeroDateEmpty(r.Start), End: zeroDateEmpty(r.End)}
	}
	return nil
}

func zeroDateEmpty(d string) string {
	if strings.HasPrefix(d, "0000-00-00") {
		return ""
	}
	return d
}
