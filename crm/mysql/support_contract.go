package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Support-call tickets count while open.
//
// vtiger 5.4 counts a ticket's hours against its contracts only once the
// ticket is Closed. A support call's talk time is spent when the call
// ends, and the issue wants it to count then, so a ticket a support call
// opened or was attached to (a tl_support_calls row names it) counts
// whatever its status; every other ticket still counts only when Closed.
// recomputeContract reads its tickets through countedTickets, so every
// recount (a link in the web UI, a support call) applies the same rule.

// countedTickets reads the live tickets linked to a contract, a
// support-call ticket reported as Closed so that usedUnits counts it.
func countedTickets(ctx context.Context, ext sqlx.QueryerContext, contractID int64) ([]ticketWork, error) {
	const q = `SELECT CASE WHEN EXISTS (SELECT 1 FROM tl_support_calls c WHERE c.ticketid = t.ticketid)
			THEN 'Closed' ELSE COALESCE(t.status, '') END AS status,
		COALESCE(t.hours, '') AS hours, COALESCE(t.days, '') AS days
		FROM vtiger_troubletickets t JOIN vtiger_crmentity e ON e.crmid = t.ticketid AND e.deleted = 0
		WHERE t.ticketid IN (SELECT relcrmid FROM vtiger_crmentityrel WHERE crmid = ?
			UNION SELECT crmid FROM vtiger_crmentityrel WHERE relcrmid = ?)`
	var tickets []ticketWork
	if err := sqlx.SelectContext(ctx, ext, &tickets, q, contractID, contractID); err != nil {
		return nil, fmt.Errorf("tickets of contract %d: %w", contractID, err)
	}
	return tickets, nil
}

// ticketContracts lists the live contracts a ticket is linked to.
func ticketContracts(ctx context.Context, ext sqlx.QueryerContext, ticketID int64) ([]int64, error) {
	const q = `SELECT e.crmid FROM vtiger_crmentity e
		WHERE e.setype = 'ServiceContracts' AND e.deleted = 0 AND e.crmid IN (
			SELECT relcrmid FROM vtiger_crmentityrel WHERE crmid = ?
			UNION SELECT crmid FROM vtiger_crmentityrel WHERE relcrmid = ?)
		ORDER BY e.crmid`
	var ids []int64
	if err := sqlx.SelectContext(ctx, ext, &ids, q, ticketID, ticketID); err != nil {
		return nil, fmt.Errorf("contracts of ticket %d: %w", ticketID, err)
	}
	return ids, nil
}

// inTx runs fn in one transaction, committed when fn succeeds.
func (s *SupportService) inTx(ctx context.Context, what string, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

type serviceContractRow struct {
	ID        int64           `db:"id"`
	Number    string          `db:"contract_no"`
	Subject   string          `db:"subject"`
	RelatedTo sql.NullInt64   `db:"sc_related_to"`
	Unit      string          `db:"tracking_unit"`
	Total     sql.NullFloat64 `db:"total_units"`
	Used      sql.NullFloat64 `db:"used_units"`
	Start     sql.NullTime    `db:"start_date"`
	Due       sql.NullTime    `db:"due_date"`
	End       sql.NullTime    `db:"end_date"`
	Status    string          `db:"contract_status"`
}

func (r serviceContractRow) contract() crm.ServiceContract {
	return crm.ServiceContract{ID: r.ID, Number: r.Number, Subject: r.Subject, RelatedTo: r.RelatedTo.Int64,
		Unit: r.Unit, Total: r.Total.Float64, Used: r.Used.Float64,
		Start: r.Start.Time, Due: r.Due.Time, End: r.End.Time, Status: r.Status}
}

// customerContracts lists the live contracts related to any of ids (the
// caller's contact and account).
func customerContracts(ctx context.Context, ext sqlx.QueryerContext, ids ...int64) ([]crm.ServiceContract, error) {
	var keep []int64
	for _, id := range ids {
		if id > 0 {
			keep = append(keep, id)
		}
	}
	if len(keep) == 0 {
		return nil, nil
	}
	q, args, err := sqlx.In(`SELECT s.servicecontractsid AS id, COALESCE(s.contract_no, '') AS contract_no,
		COALESCE(s.subject, '') AS subject, s.sc_related_to, COALESCE(s.tracking_unit, '') AS tracking_unit,
		s.total_units, s.used_units, s.start_date, s.due_date, s.end_date,
		COALESCE(s.contract_status, '') AS contract_status
		FROM vtiger_servicecontracts s JOIN vtiger_crmentity e ON e.crmid = s.servicecontractsid AND e.deleted = 0
		WHERE s.sc_related_to IN (?) ORDER BY s.servicecontractsid`, keep)
	if err != nil {
		return nil, err
	}
	var rows []serviceContractRow
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("contracts of %v: %w", keep, err)
	}
	out := make([]crm.ServiceContract, len(rows))
	for i, r := range rows {
		out[i] = r.contract()
	}
	return out, nil
}

// findContract reads one live contract.
func findContract(ctx context.Context, ext sqlx.QueryerContext, id int64) (*crm.ServiceContract, error) {
	const q = `SELECT s.servicecontractsid AS id, COALESCE(s.contract_no, '') AS contract_no,
		COALESCE(s.subject, '') AS subject, s.sc_related_to, COALESCE(s.tracking_unit, '') AS tracking_unit,
		s.total_units, s.used_units, s.start_date, s.due_date, s.end_date,
		COALESCE(s.contract_status, '') AS contract_status
		FROM vtiger_servicecontracts s JOIN vtiger_crmentity e ON e.crmid = s.servicecontractsid AND e.deleted = 0
		WHERE s.servicecontractsid = ?`
	var r serviceContractRow
	err := sqlx.GetContext(ctx, ext, &r, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no ServiceContracts record %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read contract %d: %w", id, err)
	}
	c := r.contract()
	return &c, nil
}
