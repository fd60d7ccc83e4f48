package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.CallBoard = (*CallService)(nil)

// maxBoardCalls bounds the calls FindOpenCalls and FindCompletedCalls
// return. Both read calls in progress or just ended, a few per agent, so
// the bound is only a guard against a runaway answer: it is far above the
// concurrent calls of any switch, and hitting it is logged.
const maxBoardCalls = 10000

// callNotEnded holds for rows without an end time (NULL, or the zero
// date; see callEnded).
const callNotEnded = "(p.endtime IS NULL OR p.endtime <= '0001-01-01')"

// FindCallBySource reads one call on the unique key tl_call_source.
func (s *CallService) FindCallBySource(ctx context.Context, gateway, uniqueID string) (*crm.StoredCall, error) {
	const q = `SELECT ` + storedCallColumns + `
		FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid
		WHERE p.gateway = ? AND p.sourceuuid = ? AND e.deleted = 0`
	var r storedCallRow
	err := sqlx.GetContext(ctx, s.db, &r, q, gateway, uniqueID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "There is no call %s on %s.", uniqueID, gateway)
	}
	if err != nil {
		return nil, fmt.Errorf("find call %s/%s: %w", gateway, uniqueID, err)
	}
	return r.call(), nil
}

// FindOpenCalls reads the open calls on the index tl_call_state: the two
// statuses, then the rows without an end time, then the start time range,
// so calls that ended are never visited.
func (s *CallService) FindOpenCalls(ctx context.Context, since time.Time) ([]*crm.StoredCall, error) {
	const where = `p.callstatus IN ('ringing', 'in-progress') AND ` + callNotEnded + ` AND p.starttime >= ?`
	return s.boardCalls(ctx, "open calls", where, wholeSecondFrom(since))
}

// FindCompletedCalls reads on the index tl_call_state too: completed, then
// the end time range, so only the calls that ended since endedSince are
// visited.
func (s *CallService) FindCompletedCalls(ctx context.Context, since, endedSince time.Time) ([]*crm.StoredCall, error) {
	const where = `p.callstatus = 'completed' AND p.endtime >= ? AND p.starttime >= ?`
	return s.boardCalls(ctx, "completed calls", where, wholeSecondFrom(endedSince), wholeSecondFrom(since))
}

// wholeSecondFrom is the first whole second at or after t, in UTC. Calls
// are stored in whole seconds, so "at or after" either is the same; and
// MariaDB does not range-scan a DATETIME index on a parameter carrying
// microseconds (it read the whole table).
func wholeSecondFrom(t time.Time) time.Time {
	w := t.UTC().Truncate(time.Second)
	if w.Before(t) {
		w = w.Add(time.Second)
	}
	return w
}

// boardCalls lists the live calls matching where, newest first, at most
// maxBoardCalls of them.
func (s *CallService) boardCalls(ctx context.Context, what, where string, args ...any) ([]*crm.StoredCall, error) {
	q := `SELECT ` + storedCallColumns + `
		FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid
		WHERE ` + where + ` AND e.deleted = 0
		ORDER BY p.starttime DESC, p.pbxmanagerid DESC LIMIT ?`
	var rows []storedCallRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, append(args, maxBoardCalls+1)...); err != nil {
		return nil, fmt.Errorf("find %s: %w", what, err)
	}
	if len(rows) > maxBoardCalls {
		s.log.Warn("more calls than the board reads; the oldest are left out", "what", what, "limit", maxBoardCalls)
		rows = rows[:maxBoardCalls]
	}
	out := make([]*crm.StoredCall, len(rows))
	for i := range rows {
		out[i] = rows[i].call()
	}
	return out, nil
}
