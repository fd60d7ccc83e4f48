package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.ContractUpdater = (*RecordService)(nil)

// RecomputeContract recounts a live service contract from its linked
// tickets in one transaction, as vtiger 5.4's
// ServiceContracts::updateServiceContractState does. Call it after a
// ticket linked to contracts moves to or from Closed, or its hours or days
// change.
func (s *RecordService) RecomputeContract(ctx context.Context, contractID int64) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("recompute contract %d: %w", contractID, err)
	}
	defer tx.Rollback()
	if err := recomputeContract(ctx, tx, contractID); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("recompute contract %d: %w", contractID, err)
	}
	return nil
}

// RecomputeTicketContracts recounts, in one transaction, every live
// contract a ticket is linked to: for the ticket save that moves it to or
// from Closed or changes its hours or days.
func (s *RecordService) RecomputeTicketContracts(ctx context.Context, ticketID int64) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("recompute contracts of ticket %d: %w", ticketID, err)
	}
	defer tx.Rollback()
	if err := recomputeContractsOfTicket(ctx, tx, ticketID); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("recompute contracts of ticket %d: %w", ticketID, err)
	}
	return nil
}

// recomputeContractsOfTicket recounts every contract a ticket is linked
// to, inside the caller's transaction.
func recomputeContractsOfTicket(ctx context.Context, ext sqlx.ExtContext, ticketID int64) error {
	const q = `SELECT e.crmid FROM vtiger_crmentity e
		WHERE e.setype = 'ServiceContracts' AND e.deleted = 0 AND e.crmid IN (
			SELECT relcrmid FROM vtiger_crmentityrel WHERE crmid = ?
			UNION SELECT crmid FROM vtiger_crmentityrel WHERE relcrmid = ?)`
	var ids []int64
	if err := sqlx.SelectContext(ctx, ext, &ids, q, ticketID, ticketID); err != nil {
		return fmt.Errorf("contracts of ticket %d: %w", ticketID, err)
	}
	for _, id := range ids {
		if err := recomputeContract(ctx, ext, id); err != nil {
			return err
		}
	}
	return nil
}

// fillTicketParent gives a ticket without a parent the contract's
// account or contact (vtiger's updateHelpDeskRelatedTo).
func fillTicketParent(ctx context.Context, ext sqlx.ExecerContext, contractID, ticketID int64) error {
	const q = `UPDATE vtiger_troubletickets t JOIN vtiger_servicecontracts s ON s.servicecontractsid = ?
		SET t.parent_id = CAST(s.sc_related_to AS CHAR)
		WHERE t.ticketid = ? AND (t.parent_id IS NULL OR t.parent_id IN ('', '0'))
		AND s.sc_related_to IS NOT NULL AND s.sc_related_to <> 0`
	if _, err := ext.ExecContext(ctx, q, contractID, ticketID); err != nil {
		return fmt.Errorf("fill parent of ticket %d from contract %d: %w", ticketID, contractID, err)
	}
	return nil
}

type contractRow struct {
	Unit   string          `db:"tracking_unit"`
	Total  sql.NullFloat64 `db:"total_units"`
	Start  sql.NullTime    `db:"start_date"`
	Due    sql.NullTime    `db:"due_date"`
	End    sql.NullTime    `db:"end_date"`
	Status string          `db:"contract_status"`
}

// ticketWork is what a linked ticket adds to a contract.
type ticketWork struct {
	Status string `db:"status"`
	Hours  string `db:"hours"`
	Days   string `db:"days"`
}

func recomputeContract(ctx context.Context, ext sqlx.ExtContext, id int64) error {
	const q = `SELECT COALESCE(s.tracking_unit, '') AS tracking_unit, s.total_units, s.start_date, s.due_date,
		s.end_date, COALESCE(s.contract_status, '') AS contract_status
		FROM vtiger_servicecontracts s JOIN vtiger_crmentity e ON e.crmid = s.servicecontractsid AND e.deleted = 0
		WHERE s.servicecontractsid = ? FOR UPDATE`
	var c contractRow
	err := sqlx.GetContext(ctx, ext, &c, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return crm.Errorf(crm.ENotFound, "no ServiceContracts record %d", id)
	}
	if err != nil {
		return fmt.Errorf("read contract %d: %w", id, err)
	}
	tickets, err := countedTickets(ctx, ext, id)
	if err != nil {
		return err
	}
	st := contractState(c, usedUnits(c.Unit, tickets), time.Now().UTC())
	const u = `UPDATE vtiger_servicecontracts SET used_units = ?, progress = ?, end_date = ?,
		planned_duration = ?, actual_duration = ? WHERE servicecontractsid = ?`
	if _, err := ext.ExecContext(ctx, u, st.used, st.progress, st.end, st.planned, st.actual, id); err != nil {
		return fmt.Errorf("update contract %d: %w", id, err)
	}
	return nil
}

// usedUnits sums the closed tickets' work in the contract's tracking
// unit: 1 per incident; hours (else days × 24); days (else hours / 24).
func usedUnits(unit string, tickets []ticketWork) float64 {
	const hoursPerDay = 24
	var sum float64
	for _, t := range tickets {
		if !strings.EqualFold(strings.TrimSpace(t.Status), "Closed") {
			continue
		}
		hours, days := number(t.Hours), number(t.Days)
		switch strings.ToLower(strings.TrimSpace(unit)) {
		case "incidents":
			sum++
		case "hours":
			if hours != 0 {
				sum += hours
			} else {
				sum += days * hoursPerDay
			}
		case "days":
			if days != 0 {
				sum += days
			} else {
				sum += hours / hoursPerDay
			}
		}
	}
	return sum
}

// number reads a ticket's hours or days, which vtiger keeps as text;
// anything that is not a number counts as 0.
func number(s string) float64 {
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// contractFigures are the columns a recount writes.
type contractFigures struct {
	used     float64
	progress any // float64, or nil when used or total is empty
	end      any // time.Time, or nil
	planned  string
	actual   string
}

// decimalMax is the largest value of vtiger's decimal(5,2) unit and
// progress columns; larger results are capped rather than refused.
const decimalMax = 999.99

// contractState is vtiger's calculateProgress: the end date is today when
// the contract is Complete or used up (kept if already set), else
// cleared; durations count days inclusively; progress is a percentage.
func contractState(c contractRow, used float64, now time.Time) contractFigures {
	used = math.Min(math.Round(used*100)/100, decimalMax)
	f := contractFigures{used: used}
	total := c.Total.Float64
	date := func(t sql.NullTime) (time.Time, bool) { return t.Time, t.Valid && !t.Time.IsZero() }
	end, hasEnd := date(c.End)
	if c.Status == "Complete" || (used != 0 && total != 0 && used >= total) {
		if !hasEnd {
			end, hasEnd = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC), true
		}
		f.end = end.Format("2006-01-02")
	} else {
		hasEnd = false
	}
	days := func(from, to time.Time) string {
		return strconv.Itoa(int(math.Round(to.Sub(from).Hours()/24)) + 1)
	}
	start, hasStart := date(c.Start)
	if due, ok := date(c.Due); ok && hasStart {
		f.planned = days(start, due)
	}
	if hasEnd && hasStart {
		f.actual = days(start, end)
	}
	if used != 0 && total != 0 {
		f.progress = math.Min(math.Round(used*10000/total)/100, decimalMax)
	}
	return f
}
