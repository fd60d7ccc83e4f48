package mysql

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// callEnded holds for rows with an end time. A zero date (what MySQL
// stores for an empty value outside strict mode) reads as a zero EndTime,
// like NULL, so it counts as no end time.
const callEnded = "p.endtime > '0001-01-01'"

// CallsToday sums up the live calls that started on day, midnight to
// midnight in day's location, in one aggregate query over the starttime
// index. In-progress calls count as answered; averages cover ended ones.
func (s *CallService) CallsToday(ctx context.Context, day time.Time) (*crm.CallStats, error) {
	st, err := s.CallsTodayWithin(ctx, day, 0)
	if err != nil {
		return nil, err
	}
	return &st.CallStats, nil
}

// callsToday is the dashboard's "today" in one pass over the day's rows.
// The service level's terms count ended inbound calls, as the averages
// do; the wait is total minus talk time, NULL durations counting as 0.
// direction and callstatus are vtiger 6 columns, written together, so a
// vtiger 5.4 row (NULL in both) has no status any term counts.
const callsToday = `SELECT
	COUNT(CASE WHEN p.direction = 'inbound' THEN 1 END) AS inbound,
	COUNT(CASE WHEN p.direction = 'outbound' THEN 1 END) AS outbound,
	COUNT(CASE WHEN p.direction = 'inbound' AND p.callstatus IN ('completed', 'in-progress') THEN 1 END) AS answered,
	COUNT(CASE WHEN p.direction = 'inbound' AND p.callstatus IN ('no-answer', 'busy', 'failed') THEN 1 END) AS missed,
	COUNT(CASE WHEN p.direction = 'inbound' AND p.callstatus = 'abandoned' THEN 1 END) AS abandoned,
	COALESCE(AVG(CASE WHEN p.direction = 'inbound' AND p.callstatus = 'completed'
		THEN GREATEST(p.totalduration - p.billduration, 0) END), 0) AS avg_wait,
	COALESCE(AVG(CASE WHEN p.direction = 'inbound' AND p.callstatus = 'completed'
		THEN p.billduration END), 0) AS avg_talk,
	COUNT(CASE WHEN p.direction = 'inbound' AND ` + callEnded + ` AND p.callstatus = 'completed' THEN 1 END) AS completed,
	COUNT(CASE WHEN p.direction = 'inbound' AND ` + callEnded + `
		AND p.callstatus IN ('completed', 'no-answer', 'busy', 'failed', 'abandoned') THEN 1 END) AS offered,
	COUNT(CASE WHEN p.direction = 'inbound' AND ` + callEnded + ` AND p.callstatus = 'completed'
		AND COALESCE(p.totalduration, 0) - COALESCE(p.billduration, 0) <= ? THEN 1 END) AS in_time
	FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid
	WHERE p.starttime >= ? AND p.starttime < ? AND e.deleted = 0`

// CallsTodayWithin is CallsToday with the service level's terms, from the
// same aggregate query: the dashboard reads no rows of the day. A wait
// counts in time when its whole seconds are at most level's.
func (s *CallService) CallsTodayWithin(ctx context.Context, day time.Time, level time.Duration) (*crm.ServiceLevelStats, error) {
	y, m, d := day.Date()
	from := time.Date(y, m, d, 0, 0, 0, 0, day.Location())
	to := from.AddDate(0, 0, 1)
	var r struct {
		Inbound   int     `db:"inbound"`
		Outbound  int     `db:"outbound"`
		Answered  int     `db:"answered"`
		Missed    int     `db:"missed"`
		Abandoned int     `db:"abandoned"`
		AvgWait   float64 `db:"avg_wait"`
		AvgTalk   float64 `db:"avg_talk"`
		Completed int     `db:"completed"`
		Offered   int     `db:"offered"`
		InTime    int     `db:"in_time"`
	}
	if err := sqlx.GetContext(ctx, s.db, &r, callsToday, int64(level/time.Second), from.UTC(), to.UTC()); err != nil {
		return nil, fmt.Errorf("calls of %s: %w", from.Format(time.DateOnly), err)
	}
	return &crm.ServiceLevelStats{
		CallStats: crm.CallStats{
			Day: from, Inbound: r.Inbound, Outbound: r.Outbound, Answered: r.Answered,
			Missed: r.Missed, Abandoned: r.Abandoned,
			AvgWait: secondsDuration(r.AvgWait), AvgTalk: secondsDuration(r.AvgTalk),
		},
		Level: level, Completed: r.Completed, Offered: r.Offered, AnsweredInTime: r.InTime,
	}, nil
}

func secondsDuration(s float64) time.Duration {
	return time.Duration(s * float64(time.Second)).Round(time.Millisecond)
}
