package mysql

import (
	"context"
	"fmt"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// DeleteRecord moves a live record to the recycle bin in one transaction,
// as vtiger's trash does: deleted=1 with a new modified time and user,
// the reference fields of other records that point at it cleared and
// kept in vtiger_relatedlists_rb, the actor's tags and recently-viewed
// entry of it removed, and a ModTracker "deleted" entry. Its phone lookup
// rows go too (vtiger 6 does the same), so calls no longer match it.
func (s *RecordService) DeleteRecord(ctx context.Context, actor *crm.User, module string, id int64) error {
	if err := s.authorize(ctx, actor, module, crm.ActionDelete, id); err != nil {
		return err
	}
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return err
	}
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete %s %d: %w", module, id, err)
	}
	defer tx.Rollback()
	if _, err := lockRecord(ctx, tx, m, id, false); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := setDeleted(ctx, tx, id, 1, actor, now); err != nil {
		return err
	}
	if err := unlinkReferences(ctx, tx, referencesTo(mods, cols, m.Name), cols, id); err != nil {
		return err
	}
	if err := forgetForUser(ctx, tx, cols, actorID(actor), id); err != nil {
		return err
	}
	const phones = `DELETE FROM vtiger_pbxmanager_phonelookup WHERE crmid = ?`
	if _, err := tx.ExecContext(ctx, phones, id); err != nil {
		return fmt.Errorf("delete %s %d: phone lookup: %w", module, id, err)
	}
	if err := recordChange(ctx, tx, m.Name, id, actor, crm.ChangeDeleted, now, nil); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("delete %s %d: %w", module, id, err)
	}
	return nil
}

// RestoreRecord takes a record out of the recycle bin in one transaction:
// deleted=0 with a new modified time and user (vtiger counts a restore as
// a modification), the links kept in vtiger_relatedlists_rb put back,
// its phone lookup rows rewritten and a ModTracker "restored" entry.
func (s *RecordService) RestoreRecord(ctx context.Context, actor *crm.User, module string, id int64) (*crm.Record, error) {
	m, cols, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("restore %s %d: %w", module, id, err)
	}
	defer tx.Rollback()
	rec, err := lockRecord(ctx, tx, m, id, true)
	if err != nil {
		return nil, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	if err := setDeleted(ctx, tx, id, 0, actor, now); err != nil {
		return nil, err
	}
	if err := restoreLinks(ctx, tx, cols, m.Name, id); err != nil {
		return nil, err
	}
	if err := s.writePhones(ctx, tx, m, id, rec.Values); err != nil {
		return nil, err
	}
	if err := recordChange(ctx, tx, m.Name, id, actor, crm.ChangeRestored, now, nil); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("restore %s %d: %w", module, id, err)
	}
	return s.FindRecordByID(ctx, module, id)
}

// FindDeletedRecords lists a module's records in the recycle bin, most
// recently deleted first.
func (s *RecordService) FindDeletedRecords(ctx context.Context, module string, offset, limit int) ([]*crm.Record, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	switch {
	case offset < 0 || limit < 0:
		return nil, crm.Errorf(crm.EInvalid, "offset and limit must not be negative")
	case limit == 0:
		limit = crm.DefaultListLimit
	case limit > crm.MaxListLimit:
		limit = crm.MaxListLimit
	}
	recs, err := selectRecords(ctx, s.db, m, "e.deleted = 1", " ORDER BY e.modifiedtime DESC, e.crmid DESC LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, err
	}
	if recs == nil {
		recs = []*crm.Record{}
	}
	return recs, nil
}
