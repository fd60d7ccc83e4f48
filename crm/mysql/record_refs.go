package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.RecordNamer = (*RecordService)(nil)

// RecordRefs names records by id: their setype, then one labelling query
// per module.
func (s *RecordService) RecordRefs(ctx context.Context, ids []int64) (map[int64]crm.RecordRef, error) {
	out := map[int64]crm.RecordRef{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT crmid, setype FROM vtiger_crmentity WHERE crmid IN (?)`, ids)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		ID     int64  `db:"crmid"`
		Module string `db:"setype"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("record refs: %w", err)
	}
	byModule := map[string][]int64{}
	for _, r := range rows {
		byModule[r.Module] = append(byModule[r.Module], r.ID)
	}
	labels := map[int64]string{}
	for module, list := range byModule {
		if err := s.labelRecords(ctx, module, list, labels); err != nil {
			return nil, err
		}
	}
	for _, r := range rows {
		out[r.ID] = crm.RecordRef{ID: r.ID, Module: r.Module, Label: labels[r.ID]}
	}
	return out, nil
}
