package mysql

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// RecordService implements crm.RecordService: one engine for every module,
// driven by vtiger's metadata tables.
type RecordService struct {
	db     *DB
	meta   metadataCache
	phones *phone.Normalizer
	log    *slog.Logger
}

// NewRecordService returns a RecordService on db. phones normalises the
// phone fields kept in vtiger_pbxmanager_phonelookup.
func NewRecordService(db *DB, phones *phone.Normalizer, log *slog.Logger) *RecordService {
	return &RecordService{db: db, phones: phones, log: log.With("component", "records")}
}

var _ crm.RecordService = (*RecordService)(nil)

// Module returns a module's metadata.
func (s *RecordService) Module(ctx context.Context, name string) (*crm.Module, error) {
	m, _, err := s.meta.get(ctx, s.db, name)
	return m, err
}

// ReloadMetadata drops the cached metadata, after fields or modules change.
func (s *RecordService) ReloadMetadata() { s.meta.reload() }

// CreateRecord validates and creates a record in one transaction: the
// vtiger_crmentity row, one row in every per-record table, the record
// number, the phone lookup rows and a ModTracker "created" entry.
func (s *RecordService) CreateRecord(ctx context.Context, actor *crm.User, module string, values map[string]string) (*crm.Record, error) {
	if err := s.authorize(ctx, actor, module, crm.ActionCreate, 0); err != nil {
		return nil, err
	}
	m, cols, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", module, err)
	}
	defer tx.Rollback()
	id, err := s.createInTx(ctx, tx, actor, m, cols, values)
	if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("create %s: %w", module, err)
	}
	return s.FindRecordByID(ctx, module, id)
}

// createInTx validates and writes a new record of m inside tx and returns
// its crmid: what CreateRecord does between begin and commit, so callers
// that make several records at once (lead conversion) keep them in one
// transaction. The caller has checked actor's right to create.
func (s *RecordService) createInTx(ctx context.Context, tx *sqlx.Tx, actor *crm.User, m *crm.Module, cols tableColumns, values map[string]string) (int64, error) {
	v := &validator{ctx: ctx, ext: tx, m: m, cols: cols, actor: actor}
	vals, err := v.check(values)
	if err != nil {
		return 0, err
	}
	id, err := nextID(ctx, tx, "vtiger_crmentity_seq")
	if err != nil {
		return 0, err
	}
	if err := assignNumber(ctx, tx, m, vals); err != nil {
		return 0, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	owner := ownerOf(vals, actor)
	if err := insertEntity(ctx, tx, m, id, actor, owner, vals, now); err != nil {
		return 0, err
	}
	for _, t := range m.Tables {
		if err := insertRow(ctx, tx, m, cols, t, id, vals); err != nil {
			return 0, err
		}
	}
	if err := s.insertPhones(ctx, tx, m, id, vals); err != nil {
		return 0, err
	}
	if err := recordChange(ctx, tx, m.Name, id, actor, crm.ChangeCreated, now, nil); err != nil {
		return 0, err
	}
	return id, nil
}

func ownerOf(vals map[string]string, actor *crm.User) int64 {
	var owner int64
	if _, err := fmt.Sscan(vals["assigned_user_id"], &owner); err == nil && owner > 0 {
		return owner
	}
	if actor != nil {
		return actor.ID
	}
	return 1
}

func insertEntity(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, actor *crm.User, owner int64, vals map[string]string, now time.Time) error {
	creator := owner
	if actor != nil {
		creator = actor.ID
	}
	const q = `INSERT INTO vtiger_crmentity (crmid, smcreatorid, smownerid, modifiedby, setype,
		description, createdtime, modifiedtime, presence, deleted, version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0, 0)`
	if _, err := tx.ExecContext(ctx, q, id, creator, owner, creator, m.Name, vals["description"], now, now); err != nil {
		return fmt.Errorf("insert crmentity: %w", err)
	}
	return nil
}

// insertRow writes a record's row in one table: the id column, the
// columns of the module's fields that live there, and a zero value for any
// other column that strict SQL mode would otherwise refuse to leave out.
func insertRow(ctx context.Context, tx *sqlx.Tx, m *crm.Module, cols tableColumns, t crm.ModuleTable, id int64, vals map[string]string) error {
	names := []string{quoteIdent(t.IDColumn)}
	args := []any{id}
	set := map[string]bool{t.IDColumn: true}
	for _, f := range m.Fields {
		if f.Table != t.Name || set[f.Column] {
			continue
		}
		c := cols[t.Name][f.Column]
		if c == nil {
			continue
		}
		set[f.Column] = true
		names = append(names, quoteIdent(f.Column))
		args = append(args, columnValue(c, vals[f.Name]))
	}
	for name, c := range cols[t.Name] {
		if !set[name] && c.needsValue() {
			names = append(names, quoteIdent(name))
			args = append(args, columnValue(c, ""))
		}
	}
	q := "INSERT INTO " + quoteIdent(t.Name) + " (" + strings.Join(names, ", ") +
		") VALUES (" + strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("insert %s: %w", t.Name, err)
	}
	return nil
}

// columnValue converts a field's string to what its column takes: NULL
// (or zero when the column refuses NULL) for an empty number or date.
func columnValue(c *columnInfo, val string) any {
	if val != "" {
		return val
	}
	switch {
	case c.numeric():
		if c.Nullable == "YES" {
			return nil
		}
		return 0
	case c.temporal():
		if c.Nullable == "YES" {
			return nil
		}
		return "0000-00-00"
	}
	return ""
}
