package mysql

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// LiveCallService implements crm.LiveCallStore on tl_live_calls.
type LiveCallService struct {
	db *DB
	// now is the clock of updated_at; tests move it.
	now func() time.Time
}

// NewLiveCallService returns a LiveCallService on db.
func NewLiveCallService(db *DB) *LiveCallService {
	return &LiveCallService{db: db, now: time.Now}
}

var _ crm.LiveCallStore = (*LiveCallService)(nil)

// tombstoneAge is how long an ended call's row is kept to shut out late
// snapshots of it; ReplaceLiveCalls removes older ones.
const tombstoneAge = 24 * time.Hour

// putLive writes a call in progress unless its row is already ended: a
// replayed or late snapshot must not revive an ended call.
const putLive = `INSERT INTO tl_live_calls (gateway, sourceuuid, ended, started_at, updated_at, call_json)
	VALUES (?, ?, 0, ?, ?, ?)
	ON DUPLICATE KEY UPDATE
		call_json = IF(ended, call_json, VALUES(call_json)),
		updated_at = IF(ended, updated_at, VALUES(updated_at))`

// PutLiveCall writes c. Errors: invalid.
func (s *LiveCallService) PutLiveCall(ctx context.Context, c crm.LiveCall) error {
	return s.put(ctx, s.db, c)
}

func (s *LiveCallService) put(ctx context.Context, ex sqlx.ExecerContext, c crm.LiveCall) error {
	if err := checkCallKey(c.Call); err != nil {
		return err
	}
	b, err := json.Marshal(c)
	if err != nil {
		return crm.Errorf(crm.EInternal, "encode live call %s/%s: %v", c.Call.Gateway, c.Call.SourceUniqueID, err)
	}
	_, err = ex.ExecContext(ctx, putLive, c.Call.Gateway, c.Call.SourceUniqueID,
		c.Call.StartTime.UTC(), s.now().UTC(), string(b))
	return mapError(err)
}

// EndLiveCall marks a call ended, or records it ended when unknown.
func (s *LiveCallService) EndLiveCall(ctx context.Context, gateway, uniqueID string) error {
	if err := checkCallKey(crm.CallRecord{Gateway: gateway, SourceUniqueID: uniqueID, StartTime: s.now()}); err != nil {
		return err
	}
	now := s.now().UTC()
	_, err := s.db.ExecContext(ctx, `INSERT INTO tl_live_calls (gateway, sourceuuid, ended, started_at, updated_at, call_json)
		VALUES (?, ?, 1, ?, ?, '{}')
		ON DUPLICATE KEY UPDATE ended = 1, updated_at = VALUES(updated_at)`, gateway, uniqueID, now, now)
	return mapError(err)
}

// ReplaceLiveCalls sets gateway's calls in progress to calls, in one
// transaction, and drops the gateway's old tombstones.
func (s *LiveCallService) ReplaceLiveCalls(ctx context.Context, gateway string, calls []crm.LiveCall) error {
	for _, c := range calls {
		if c.Call.Gateway != gateway {
			return crm.Errorf(crm.EInvalid, "live call %s/%s is not on gateway %s", c.Call.Gateway, c.Call.SourceUniqueID, gateway)
		}
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return mapError(err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	now := s.now().UTC()
	if _, err := tx.ExecContext(ctx, `DELETE FROM tl_live_calls WHERE gateway = ? AND ended = 1 AND updated_at < ?`,
		gateway, now.Add(-tombstoneAge)); err != nil {
		return mapError(err)
	}
	keep := make([]any, 0, len(calls)+2)
	keep = append(keep, now, gateway)
	q := `UPDATE tl_live_calls SET ended = 1, updated_at = ? WHERE gateway = ? AND ended = 0`
	if len(calls) > 0 {
		ids := make([]string, len(calls))
		for i, c := range calls {
			ids[i] = c.Call.SourceUniqueID
		}
		in, args, err := sqlx.In(` AND sourceuuid NOT IN (?)`, ids)
		if err != nil {
			return crm.Errorf(crm.EInternal, "replace live calls: %v", err)
		}
		q += in
		keep = append(keep, args...)
	}
	if _, err := tx.ExecContext(ctx, q, keep...); err != nil {
		return mapError(err)
	}
	for _, c := range calls {
		if err := s.put(ctx, tx, c); err != nil {
			return err
		}
	}
	return mapError(tx.Commit())
}

// LiveCalls lists the calls in progress written at or after since,
// oldest first.
func (s *LiveCallService) LiveCalls(ctx context.Context, since time.Time) ([]crm.LiveCall, error) {
	var rows []string
	err := s.db.SelectContext(ctx, &rows, `SELECT call_json FROM tl_live_calls
		WHERE ended = 0 AND updated_at >= ? ORDER BY started_at, sourceuuid`, since.UTC())
	if err != nil {
		return nil, mapError(err)
	}
	out := make([]crm.LiveCall, 0, len(rows))
	for _, js := range rows {
		var c crm.LiveCall
		if err := json.Unmarshal([]byte(js), &c); err != nil {
			return nil, crm.Errorf(crm.EInternal, "decode live call: %v", err)
		}
		out = append(out, c)
	}
	return out, nil
}
