package mysql

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Talk time goes on the ticket in the same transaction that records it
// in tl_support_calls.talk_seconds, so a call's time is added exactly
// once, however many times and on however many nodes its end is seen.
// The ticket's hours change by the difference in TicketHours of its
// calls' summed talk time, so an agent's own edit of the hours is kept
// and a ticket's calls are rounded up together, not one by one. Days are
// left alone: a Days contract then counts hours ÷ 24, as vtiger does for
// a ticket without days.

// countCall links the call record to its ticket and counts its talk time.
func (s *SupportService) countCall(ctx context.Context, rec crm.CallRecord) error {
	var ticket int64
	changed := false
	err := s.inTx(ctx, "count support call", func(tx *sqlx.Tx) error {
		c, err := findSupportCall(ctx, tx, rec.Gateway, rec.SourceUniqueID, true)
		if err != nil || !c.TicketID.Valid {
			return err
		}
		ticket = c.TicketID.Int64
		if err := linkCallRecord(ctx, tx, c, rec, ticket); err != nil {
			return err
		}
		if rec.BillableSeconds == c.Talk {
			return nil
		}
		changed = true
		return moveTalk(ctx, tx, c, ticket, ticket, rec.BillableSeconds, s.now())
	})
	if err != nil || !changed {
		return err
	}
	p, err := s.ticketPayload(ctx, ticket, rec.Gateway, rec.SourceUniqueID)
	if err != nil {
		return err
	}
	s.publish(ctx, crm.EventTicketUpdated, p, rec.AgentExtension, nil)
	return nil
}

// linkCallRecord links the call's PBXManager record to the ticket in
// vtiger_crmentityrel (HelpDesk → PBXManager; vtiger has no related list
// for the pair, so LinkRecords cannot), once.
func linkCallRecord(ctx context.Context, tx *sqlx.Tx, c *supportCall, rec crm.CallRecord, ticket int64) error {
	if c.PBXID.Valid {
		return nil
	}
	pbx, err := findCallID(ctx, tx, rec.Gateway, rec.SourceUniqueID)
	if err != nil {
		return nil // not saved yet: the next end event links it
	}
	if err := relinkCall(ctx, tx, 0, ticket, pbx); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE tl_support_calls SET pbxmanagerid = ? WHERE id = ?`, pbx, c.ID)
	return err
}

// relinkCall moves the call record's link from one ticket (0: none) to
// another.
func relinkCall(ctx context.Context, tx *sqlx.Tx, from, to, pbx int64) error {
	if from > 0 {
		const d = `DELETE FROM vtiger_crmentityrel WHERE (crmid = ? AND relcrmid = ?) OR (crmid = ? AND relcrmid = ?)`
		if _, err := tx.ExecContext(ctx, d, from, pbx, pbx, from); err != nil {
			return fmt.Errorf("unlink call %d from ticket %d: %w", pbx, from, err)
		}
	}
	const q = `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule)
		SELECT ?, 'HelpDesk', ?, 'PBXManager' FROM DUAL WHERE NOT EXISTS (
			SELECT 1 FROM vtiger_crmentityrel WHERE crmid = ? AND relcrmid = ?)`
	if _, err := tx.ExecContext(ctx, q, to, pbx, to, pbx); err != nil {
		return fmt.Errorf("link call %d to ticket %d: %w", pbx, to, err)
	}
	return nil
}

// moveTalk sets the call's counted talk time to talk and moves it from
// ticket from to ticket to (the same ticket for an ended call), adjusting
// both tickets' hours and recounting their contracts. Tickets are locked
// lower id first.
func moveTalk(ctx context.Context, tx *sqlx.Tx, c *supportCall, from, to int64, talk int, now time.Time) error {
	for _, id := range []int64{min(from, to), max(from, to)} {
		if _, err := tx.ExecContext(ctx, `SELECT ticketid FROM vtiger_troubletickets WHERE ticketid = ? FOR UPDATE`, id); err != nil {
			return fmt.Errorf("lock ticket %d: %w", id, err)
		}
	}
	beforeFrom, err := ticketTalk(ctx, tx, from)
	if err != nil {
		return err
	}
	beforeTo, err := ticketTalk(ctx, tx, to)
	if err != nil {
		return err
	}
	const u = `UPDATE tl_support_calls SET ticketid = ?, talk_seconds = ?, updated_at = ? WHERE id = ?`
	if _, err := tx.ExecContext(ctx, u, to, talk, now.UTC(), c.ID); err != nil {
		return fmt.Errorf("count call time: %w", err)
	}
	type change struct {
		id     int64
		before int
	}
	changes := []change{{from, beforeFrom}}
	if to != from {
		changes = append(changes, change{to, beforeTo})
	}
	for _, t := range changes {
		after, err := ticketTalk(ctx, tx, t.id)
		if err != nil {
			return err
		}
		if err := addTicketHours(ctx, tx, t.id, crm.TicketHours(after)-crm.TicketHours(t.before), now); err != nil {
			return err
		}
		if err := recomputeContractsOfTicket(ctx, tx, t.id); err != nil {
			return err
		}
	}
	return nil
}

// ticketTalk sums the talk time counted on a ticket's support calls.
func ticketTalk(ctx context.Context, ext sqlx.QueryerContext, ticket int64) (int, error) {
	var n int
	const q = `SELECT COALESCE(SUM(talk_seconds), 0) FROM tl_support_calls WHERE ticketid = ?`
	if err := sqlx.GetContext(ctx, ext, &n, q, ticket); err != nil {
		return 0, fmt.Errorf("talk time of ticket %d: %w", ticket, err)
	}
	return n, nil
}

// addTicketHours adds delta whole hours to a ticket (never below 0),
// with its modified time and a ModTracker entry, as a system change.
func addTicketHours(ctx context.Context, tx *sqlx.Tx, ticket int64, delta int, now time.Time) error {
	if delta == 0 {
		return nil
	}
	var before string
	if err := tx.GetContext(ctx, &before, `SELECT COALESCE(hours, '') FROM vtiger_troubletickets WHERE ticketid = ?`, ticket); err != nil {
		return fmt.Errorf("hours of ticket %d: %w", ticket, err)
	}
	after := strconv.Itoa(max(0, int(math.Round(number(before)))+delta))
	if after == before {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE vtiger_troubletickets SET hours = ? WHERE ticketid = ?`, after, ticket); err != nil {
		return fmt.Errorf("set hours of ticket %d: %w", ticket, err)
	}
	at := now.UTC().Truncate(time.Second)
	if _, err := tx.ExecContext(ctx, `UPDATE vtiger_crmentity SET modifiedtime = ? WHERE crmid = ?`, at, ticket); err != nil {
		return fmt.Errorf("touch ticket %d: %w", ticket, err)
	}
	return recordChange(ctx, tx, "HelpDesk", ticket, nil, crm.ChangeUpdated, at,
		[]crm.FieldChange{{Field: "hours", Before: before, After: after}})
}
