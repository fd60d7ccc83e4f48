package mysql

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// WebserviceStore implements crm.WebserviceStore on vtiger's webservice
// tables and vtiger_crmentity.
type WebserviceStore struct {
	db *DB

	mu   sync.Mutex
	meta *crm.WSMeta // read once: vtiger changes these tables only on install
}

// NewWebserviceStore returns a WebserviceStore on db.
func NewWebserviceStore(db *DB) *WebserviceStore { return &WebserviceStore{db: db} }

var _ crm.WebserviceStore = (*WebserviceStore)(nil)

// WSMeta reads the webservice metadata once and keeps it.
func (s *WebserviceStore) WSMeta(ctx context.Context) (*crm.WSMeta, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.meta != nil {
		return s.meta, nil
	}
	m := &crm.WSMeta{FieldTypes: map[int]string{}, RefTypes: map[int][]string{}}
	const qe = `SELECT id, name, ismodule FROM vtiger_ws_entity ORDER BY id`
	var ents []struct {
		ID       int    `db:"id"`
		Name     string `db:"name"`
		IsModule int    `db:"ismodule"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &ents, qe); err != nil {
		return nil, fmt.Errorf("read vtiger_ws_entity: %w", err)
	}
	for _, e := range ents {
		m.Entities = append(m.Entities, crm.WSEntity{ID: e.ID, Name: e.Name, IsModule: e.IsModule == 1})
	}
	const qt = `SELECT t.uitype, t.fieldtype, COALESCE(r.type, '') AS type
		FROM vtiger_ws_fieldtype t LEFT JOIN vtiger_ws_referencetype r ON r.fieldtypeid = t.fieldtypeid
		ORDER BY t.fieldtypeid, r.type`
	var types []struct {
		UIType    string `db:"uitype"`
		FieldType string `db:"fieldtype"`
		Ref       string `db:"type"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &types, qt); err != nil {
		return nil, fmt.Errorf("read vtiger_ws_fieldtype: %w", err)
	}
	for _, t := range types {
		ui, err := strconv.Atoi(t.UIType)
		if err != nil {
			continue // not a uitype this engine knows
		}
		m.FieldTypes[ui] = t.FieldType
		if t.Ref != "" {
			m.RefTypes[ui] = append(m.RefTypes[ui], t.Ref)
		}
	}
	s.meta = m
	return m, nil
}

// RecordTypes reads setype and deleted of the given crmids.
func (s *WebserviceStore) RecordTypes(ctx context.Context, ids []int64) (map[int64]crm.RecordType, error) {
	out := map[int64]crm.RecordType{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT crmid, setype, deleted FROM vtiger_crmentity WHERE crmid IN (?)`, ids)
	if err != nil {
		return nil, fmt.Errorf("record types: %w", err)
	}
	var rows []struct {
		ID      int64  `db:"crmid"`
		Module  string `db:"setype"`
		Deleted int    `db:"deleted"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("record types: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = crm.RecordType{Module: r.Module, Deleted: r.Deleted != 0}
	}
	return out, nil
}

// GroupIDs reports which owner ids are groups.
func (s *WebserviceStore) GroupIDs(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT groupid FROM vtiger_groups WHERE groupid IN (?)`, ids)
	if err != nil {
		return nil, fmt.Errorf("group ids: %w", err)
	}
	var groups []int64
	if err := sqlx.SelectContext(ctx, s.db, &groups, q, args...); err != nil {
		return nil, fmt.Errorf("group ids: %w", err)
	}
	for _, g := range groups {
		out[g] = true
	}
	return out, nil
}

// FindChanges works as vtiger's vtws_sync: the first Limit modified times
// after Since fix the end of the batch, every record modified up to it is
// returned, and More says whether later changes wait.
func (s *WebserviceStore) FindChanges(ctx context.Context, q crm.ChangeQuery) (*crm.ChangeSet, error) {
	if len(q.Modules) == 0 {
		return nil, crm.Errorf(crm.EInvalid, "sync needs at least one module")
	}
	if q.Limit <= 0 {
		q.Limit = 100
	}
	since := q.Since.UTC()
	set := &crm.ChangeSet{Until: since}
	where, args, err := changeWhere(q)
	if err != nil {
		return nil, err
	}
	var until *time.Time
	qm := `SELECT MAX(modifiedtime) FROM (SELECT modifiedtime FROM vtiger_crmentity WHERE modifiedtime > ? AND ` +
		where + ` ORDER BY modifiedtime LIMIT ?) batch`
	if err := sqlx.GetContext(ctx, s.db, &until, qm, append(append([]any{since}, args...), q.Limit)...); err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	if until == nil {
		return set, nil
	}
	set.Until = until.UTC()
	var rows []struct {
		ID       int64     `db:"crmid"`
		Module   string    `db:"setype"`
		Modified time.Time `db:"modifiedtime"`
		Deleted  int       `db:"deleted"`
	}
	qr := `SELECT crmid, setype, modifiedtime, deleted FROM vtiger_crmentity
		WHERE modifiedtime > ? AND modifiedtime <= ? AND ` + where + ` ORDER BY modifiedtime, crmid`
	if err := sqlx.SelectContext(ctx, s.db, &rows, qr, append([]any{since, set.Until}, args...)...); err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	for _, r := range rows {
		set.Changes = append(set.Changes, crm.RecordChange{ID: r.ID, Module: r.Module, Modified: r.Modified.UTC(), Deleted: r.Deleted != 0})
	}
	qn := `SELECT EXISTS (SELECT 1 FROM vtiger_crmentity WHERE modifiedtime > ? AND ` + where + `)`
	if err := sqlx.GetContext(ctx, s.db, &set.More, qn, append([]any{set.Until}, args...)...); err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	return set, nil
}

// changeWhere is the module and owner condition of a sync.
func changeWhere(q crm.ChangeQuery) (string, []any, error) {
	where, args, err := sqlx.In(`setype IN (?)`, q.Modules)
	if err != nil {
		return "", nil, fmt.Errorf("sync: %w", err)
	}
	if q.OwnerID != 0 {
		where += ` AND smownerid = ?`
		args = append(args, q.OwnerID)
	}
	return where, args, nil
}
