package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.GroupReader = (*RecordService)(nil)

// FindGroups returns vtiger's groups by name, for owner pickers and for
// naming a record's owner when it is a group.
func (s *RecordService) FindGroups(ctx context.Context) ([]crm.Group, error) {
	const q = `SELECT groupid, COALESCE(groupname, '') AS groupname FROM vtiger_groups ORDER BY groupname, groupid`
	var rows []struct {
		ID   int64  `db:"groupid"`
		Name string `db:"groupname"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, fmt.Errorf("find groups: %w", err)
	}
	out := make([]crm.Group, len(rows))
	for i, r := range rows {
		out[i] = crm.Group{ID: r.ID, Name: r.Name}
	}
	return out, nil
}
