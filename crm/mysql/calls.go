package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// CallService implements crm.CallStore on vtiger_pbxmanager: each call is a
// PBXManager record (vtiger_crmentity + vtiger_pbxmanager +
// vtiger_pbxmanagercf) with both vtiger 5.4's and vtiger 6's columns.
type CallService struct {
	db  *DB
	log *slog.Logger
}

// NewCallService returns a CallService on db.
func NewCallService(db *DB, log *slog.Logger) *CallService {
	return &CallService{db: db, log: log.With("component", "calls")}
}

var _ crm.CallStore = (*CallService)(nil)

// errDeadlock is MySQL's "Deadlock found when trying to get lock".
const errDeadlock = 1213

// saveAttempts bounds the retries of a save that lost a race: another
// node inserted the same call first (1062 on tl_call_source), or InnoDB
// chose this transaction as a deadlock victim.
const saveAttempts = 4

// SaveCall writes rec as one PBXManager record, keyed on (gateway,
// sourceuuid). The first save inserts; later saves update in place, and
// change nothing when nothing changed. When two nodes insert the same call
// at once, the UNIQUE key tl_call_source lets one win; the other gets 1062,
// rolls back (its crmid with it) and retries as an update.
func (s *CallService) SaveCall(ctx context.Context, rec crm.CallRecord, link crm.CallLink) (int64, bool, error) {
	row, err := newCallRow(rec, link)
	if err != nil {
		return 0, false, err
	}
	for attempt := 1; ; attempt++ {
		id, created, err := s.saveOnce(ctx, row, rec.AgentExtension)
		if err == nil || attempt == saveAttempts || !lostRace(err) {
			if err != nil {
				err = fmt.Errorf("save call %s/%s: %w", rec.Gateway, rec.SourceUniqueID, err)
			}
			return id, created, err
		}
		s.log.Debug("call save lost a race, retrying", "gateway", rec.Gateway, "uniqueid", rec.SourceUniqueID, "attempt", attempt)
	}
}

func (s *CallService) saveOnce(ctx context.Context, row *callRow, agentExt string) (int64, bool, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	if row.User == nil {
		uid, err := agentUser(ctx, tx, agentExt)
		if err != nil {
			return 0, false, err
		}
		row.setUser(uid)
	}
	id, err := findCallID(ctx, tx, row.Gateway, row.SourceUUID)
	created := false
	switch {
	case err == nil:
		err = updateCall(ctx, tx, id, row)
	case errors.Is(err, sql.ErrNoRows):
		created = true
		id, err = insertCall(ctx, tx, row)
	}
	if err != nil {
		return 0, false, err
	}
	if err := tx.Commit(); err != nil {
		return 0, false, err
	}
	return id, created, nil
}

// lostRace reports an error that a fresh attempt resolves.
func lostRace(err error) bool {
	var me *driver.MySQLError
	return errors.As(err, &me) && (me.Number == errDuplicateEntry || me.Number == errDeadlock)
}

func findCallID(ctx context.Context, ext sqlx.QueryerContext, gateway, uuid string) (int64, error) {
	const q = `SELECT pbxmanagerid FROM vtiger_pbxmanager WHERE gateway = ? AND sourceuuid = ?`
	var id int64
	err := sqlx.GetContext(ctx, ext, &id, q, gateway, uuid)
	return id, err
}

// agentUser returns the user whose vtiger_asteriskextensions row names ext
// (active users and use_asterisk first), or 0.
func agentUser(ctx context.Context, ext sqlx.QueryerContext, extension string) (int64, error) {
	if extension == "" {
		return 0, nil
	}
	const q = `SELECT e.userid FROM vtiger_asteriskextensions e JOIN vtiger_users u ON u.id = e.userid
		WHERE e.asterisk_extension = ? AND u.deleted = 0
		ORDER BY u.status = 'Active' DESC, e.use_asterisk = '1' DESC, e.userid LIMIT 1`
	var id int64
	err := sqlx.GetContext(ctx, ext, &id, q, extension)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find user of extension %s: %w", extension, err)
	}
	return id, nil
}

// adminUser returns the first active administrator, the owner of calls no
// agent took; 1 (vtiger's admin) when there is none.
func adminUser(ctx context.Context, ext sqlx.QueryerContext) (int64, error) {
	const q = `SELECT id FROM vtiger_users WHERE is_admin = 'on' AND deleted = 0
		ORDER BY status = 'Active' DESC, id LIMIT 1`
	var id int64
	err := sqlx.GetContext(ctx, ext, &id, q)
	if errors.Is(err, sql.ErrNoRows) {
		return 1, nil
	}
	if err != nil {
		return 0, fmt.Errorf("find admin user: %w", err)
	}
	return id, nil
}

// callNow is the time written to crmentity rows, in whole seconds as vtiger
// stores them.
func callNow() time.Time { return time.Now().UTC().Truncate(time.Second) }
