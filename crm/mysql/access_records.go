package mysql

import (
	"context"

	"github.com/tigerline/tigerline/crm"
)

// authorize is the access check at the top of the record engine's public
// writes. A nil actor is the system (seeding, call handling), which vtiger
// also runs unchecked, as the admin.
func (s *RecordService) authorize(ctx context.Context, actor *crm.User, module string, action crm.Action, id int64) error {
	if actor == nil {
		return nil
	}
	return NewAccessService(s.db).Check(ctx, actor, module, action, id)
}
