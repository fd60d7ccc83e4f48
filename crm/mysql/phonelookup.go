package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// writePhones keeps vtiger_pbxmanager_phonelookup current for a record:
// one row per phone field (uitype 11) with a number, normalised in fnumber
// and reversed in rnumber, so callers are found with an index scan.
func (s *RecordService) writePhones(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, vals map[string]string) error {
	if s.phones == nil {
		return nil
	}
	for _, f := range m.Fields {
		if f.UIType != 11 {
			continue
		}
		if err := upsertPhone(ctx, tx, s.phones, m.Name, id, f.Name, vals[f.Name]); err != nil {
			return err
		}
	}
	return nil
}

func upsertPhone(ctx context.Context, tx *sqlx.Tx, n *phone.Normalizer, module string, id int64, field, raw string) error {
	fnumber, ok := n.Store(raw)
	if !ok {
		const del = `DELETE FROM vtiger_pbxmanager_phonelookup WHERE crmid = ? AND setype = ? AND fieldname = ?`
		if _, err := tx.ExecContext(ctx, del, id, module, field); err != nil {
			return fmt.Errorf("phone lookup: %w", err)
		}
		return nil
	}
	const q = `INSERT INTO vtiger_pbxmanager_phonelookup (crmid, setype, fnumber, rnumber, fieldname)
		VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE fnumber = VALUES(fnumber), rnumber = VALUES(rnumber)`
	if _, err := tx.ExecContext(ctx, q, id, module, fnumber, phone.Reverse(fnumber), field); err != nil {
		return fmt.Errorf("phone lookup: %w", err)
	}
	return nil
}

// insertPhones writes the lookup rows of a new record. A new record has no
// rows to replace, so empty phone fields cost no statement.
func (s *RecordService) insertPhones(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, vals map[string]string) error {
	if s.phones == nil {
		return nil
	}
	for _, f := range m.Fields {
		if f.UIType != 11 || vals[f.Name] == "" {
			continue
		}
		if err := upsertPhone(ctx, tx, s.phones, m.Name, id, f.Name, vals[f.Name]); err != nil {
			return err
		}
	}
	return nil
}
