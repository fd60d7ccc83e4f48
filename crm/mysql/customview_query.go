package mysql

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// ListQueryFromView turns a saved filter into a query for FindRecords:
// its columns, its condition groups, and its date filter (a named range
// worked out for today, in UTC) as one more condition.
func (s *RecordService) ListQueryFromView(cv *crm.CustomView) crm.ListQuery {
	return ListQueryFromView(cv)
}

// ListQueryFromView is RecordService.ListQueryFromView as a function.
func ListQueryFromView(cv *crm.CustomView) crm.ListQuery {
	q := crm.ListQuery{Columns: cv.Columns, Groups: cv.Groups, GroupsMatchAny: cv.GroupsMatchAny}
	if df := cv.DateFilter; df != nil {
		if start, end := stdRange(df, today()); start != "" && end != "" {
			q.Filters = []crm.Condition{{Field: df.Field, Op: crm.OpBetween, Values: []string{start, end}}}
		}
	}
	return q
}

func today() time.Time {
	y, m, d := time.Now().UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// knownRange reports whether vtiger's standard filter has the range name.
func knownRange(name string) bool {
	if name == "custom" {
		return true
	}
	start, _ := namedRange(name, today())
	return start != ""
}

// stdRange returns the first and last day (YYYY-MM-DD) of a date filter:
// Start and End for "custom", else the named range around now.
func stdRange(df *crm.DateFilter, now time.Time) (start, end string) {
	if df.Range == "custom" || df.Range == "" {
		return df.Start, df.End
	}
	return namedRange(df.Range, now)
}

// namedRange works out vtiger's named ranges: weeks run Sunday to
// Saturday, fiscal years and quarters are calendar ones, "last N days"
// ends today and "next N days" starts today.
func namedRange(name string, now time.Time) (start, end string) {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	span := func(a, b time.Time) (string, string) { return day(a), day(b) }
	week := now.AddDate(0, 0, -int(now.Weekday()))
	month := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	year := time.Date(now.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	quarter := time.Date(now.Year(), (now.Month()-1)/3*3+1, 1, 0, 0, 0, 0, time.UTC)
	switch name {
	case "today":
		return span(now, now)
	case "yesterday":
		return span(now.AddDate(0, 0, -1), now.AddDate(0, 0, -1))
	case "tomorrow":
		return span(now.AddDate(0, 0, 1), now.AddDate(0, 0, 1))
	case "thisweek", "lastweek", "nextweek":
		w := week.AddDate(0, 0, 7*map[string]int{"thisweek": 0, "lastweek": -1, "nextweek": 1}[name])
		return span(w, w.AddDate(0, 0, 6))
	case "thismonth", "lastmonth", "nextmonth":
		m := month.AddDate(0, map[string]int{"thismonth": 0, "lastmonth": -1, "nextmonth": 1}[name], 0)
		return span(m, m.AddDate(0, 1, -1))
	case "thisfy", "prevfy", "nextfy":
		y := year.AddDate(map[string]int{"thisfy": 0, "prevfy": -1, "nextfy": 1}[name], 0, 0)
		return span(y, y.AddDate(1, 0, -1))
	case "thisfq", "prevfq", "nextfq":
		q := quarter.AddDate(0, 3*map[string]int{"thisfq": 0, "prevfq": -1, "nextfq": 1}[name], 0)
		return span(q, q.AddDate(0, 3, -1))
	}
	var n int
	if _, err := fmt.Sscanf(name, "last%ddays", &n); err == nil && n > 0 && strings.HasSuffix(name, "days") {
		return span(now.AddDate(0, 0, -(n-1)), now)
	}
	if _, err := fmt.Sscanf(name, "next%ddays", &n); err == nil && n > 0 && strings.HasSuffix(name, "days") {
		return span(now, now.AddDate(0, 0, n-1))
	}
	return "", ""
}

// defaultColumns are the columns of the module's default view that actor
// may use: the one marked setdefault, else the built-in "All".
func (s *RecordService) defaultColumns(ctx context.Context, actor *crm.User, m *crm.Module) ([]string, error) {
	const q = `SELECT COALESCE(c.columnname, '') FROM vtiger_cvcolumnlist c
		WHERE c.cvid = (SELECT v.cvid FROM vtiger_customview v
			WHERE v.entitytype = ? AND (v.status IN (?, ?) OR v.userid = ?)
			ORDER BY v.setdefault DESC, v.status = ? DESC, v.cvid LIMIT 1)
		ORDER BY c.columnindex`
	var stored []string
	err := sqlx.SelectContext(ctx, s.db, &stored, q, m.Name, crm.ViewDefault, crm.ViewPublic, viewerID(actor), crm.ViewDefault)
	if err != nil {
		return nil, fmt.Errorf("default columns of %s: %w", m.Name, err)
	}
	cols := []string{}
	for _, c := range stored {
		if f := viewColumnField(m, c); f != nil {
			cols = append(cols, f.Name)
		}
	}
	return cols, nil
}
