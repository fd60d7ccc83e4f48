package mysql

import (
	"context"
	"fmt"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.PicklistReader = (*RecordService)(nil)

// PicklistValues returns the values actor may choose in a picklist field,
// the same list the validator accepts.
func (s *RecordService) PicklistValues(ctx context.Context, actor *crm.User, module, field string) ([]string, error) {
	m, err := s.Module(ctx, module)
	if err != nil {
		return nil, err
	}
	f := m.Field(field)
	if f == nil || f.Picklist == "" {
		return nil, crm.Errorf(crm.ENotFound, "%s has no picklist field %s", module, field)
	}
	vals, err := picklistValues(ctx, s.db, f.Picklist, actor)
	if err != nil {
		return nil, fmt.Errorf("picklist %s: %w", f.Picklist, err)
	}
	return vals, nil
}
