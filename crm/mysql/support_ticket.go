package mysql

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// AttachCallToTicket moves a support call to another ticket, for a repeat
// caller whose open ticket the agent picks in the pop: the call's counted
// talk time and its call-record link move, the target gets the call's
// contract when it has none, both tickets' contracts are recounted, and
// the ticket the call opened goes to the recycle bin when no other call
// uses it. Errors: not_found (no such support call or live ticket),
// conflict (the call has no ticket yet).
func (s *SupportService) AttachCallToTicket(ctx context.Context, gateway, uuid string, ticketID int64) (*crm.TicketPayload, error) {
	var old int64
	var discard bool
	var contract int64
	err := s.inTx(ctx, "attach call to ticket", func(tx *sqlx.Tx) error {
		c, err := findSupportCall(ctx, tx, gateway, uuid, true)
		if err != nil {
			return err
		}
		if !c.TicketID.Valid {
			return crm.Errorf(crm.EConflict, "call %s/%s has no ticket yet", gateway, uuid)
		}
		old = c.TicketID.Int64
		if old == ticketID {
			return nil
		}
		if _, err := liveRecordOf(ctx, tx, "HelpDesk", ticketID, false); err != nil {
			return err
		}
		if c.PBXID.Valid {
			if err := relinkCall(ctx, tx, old, ticketID, c.PBXID.Int64); err != nil {
				return err
			}
		}
		if err := moveTalk(ctx, tx, c, old, ticketID, c.Talk, s.now()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE tl_support_calls SET created_ticket = 0 WHERE id = ?`, c.ID); err != nil {
			return err
		}
		if c.Contact.Valid && c.Account.Valid {
			if err := linkContactTicket(ctx, tx, c.Contact.Int64, ticketID); err != nil {
				return err
			}
		}
		rest, err := ticketCalls(ctx, tx, old)
		discard = c.Created && rest == 0
		contract = c.Contract.Int64
		return err
	})
	if err != nil {
		return nil, err
	}
	if old != ticketID {
		if err := s.afterAttach(ctx, old, ticketID, contract, discard); err != nil {
			return nil, err
		}
	}
	p, err := s.ticketPayload(ctx, ticketID, gateway, uuid)
	if err == nil {
		s.publishToCall(ctx, crm.EventTicketUpdated, p)
	}
	return p, err
}

// afterAttach links the target ticket to the call's contract when it has
// none, and discards the ticket the call opened.
func (s *SupportService) afterAttach(ctx context.Context, old, target, contract int64, discard bool) error {
	if contract > 0 {
		linked, err := ticketContracts(ctx, s.db, target)
		if err != nil {
			return err
		}
		if len(linked) == 0 {
			if err := s.records.LinkRecords(ctx, nil, "HelpDesk", target, "ServiceContracts", contract); err != nil {
				return fmt.Errorf("link ticket %d to contract %d: %w", target, contract, err)
			}
		}
	}
	if discard {
		if err := s.records.DeleteRecord(ctx, nil, "HelpDesk", old); err != nil {
			return fmt.Errorf("discard ticket %d: %w", old, err)
		}
	}
	return s.inTx(ctx, "recount contracts", func(tx *sqlx.Tx) error {
		if err := recomputeContractsOfTicket(ctx, tx, old); err != nil {
			return err
		}
		return recomputeContractsOfTicket(ctx, tx, target)
	})
}

// ticketCalls counts the support calls on a ticket.
func ticketCalls(ctx context.Context, ext sqlx.QueryerContext, ticket int64) (int, error) {
	var n int
	if err := sqlx.GetContext(ctx, ext, &n, `SELECT COUNT(*) FROM tl_support_calls WHERE ticketid = ?`, ticket); err != nil {
		return 0, fmt.Errorf("calls of ticket %d: %w", ticket, err)
	}
	return n, nil
}

// CorrectTicketTime sets a ticket's hours as the agent corrects them;
// its contracts follow (see UpdateTicket). Errors: invalid, not_found,
// forbidden.
func (s *SupportService) CorrectTicketTime(ctx context.Context, actor *crm.User, ticketID int64, hours int) (*crm.TicketPayload, error) {
	if hours < 0 {
		return nil, crm.Errorf(crm.EInvalid, "hours must not be negative")
	}
	return s.UpdateTicket(ctx, actor, ticketID, map[string]string{"hours": strconv.Itoa(hours)})
}

// UpdateTicket saves an agent's changes to a support ticket, as the pop
// sends them during the call: through UpdateRecord, so with the actor's
// rights, validation and history, and with its contracts recounted in
// the same transaction when the status, hours or days changed. The
// ticket's agent gets ticket.updated. Errors: invalid, not_found,
// forbidden.
func (s *SupportService) UpdateTicket(ctx context.Context, actor *crm.User, ticketID int64, values map[string]string) (*crm.TicketPayload, error) {
	if _, err := s.records.UpdateRecord(ctx, actor, "HelpDesk", ticketID, values); err != nil {
		return nil, err
	}
	p, err := s.ticketPayload(ctx, ticketID, "", "")
	if err == nil {
		s.publishToCall(ctx, crm.EventTicketUpdated, p)
	}
	return p, err
}

// publishToCall sends a ticket event to the ticket's owner (the agent
// who answered its call): outside a call the extension is not known.
func (s *SupportService) publishToCall(ctx context.Context, typ string, p *crm.TicketPayload) {
	var owner int64
	const q = `SELECT smownerid FROM vtiger_crmentity WHERE crmid = ?`
	if err := sqlx.GetContext(ctx, s.db, &owner, q, p.TicketID); err != nil || owner == 0 {
		return
	}
	e, err := crm.NewEvent(typ, 1, s.now(), p, crm.Audience{Users: []int64{owner}})
	if err == nil {
		err = s.pub.Publish(ctx, e)
	}
	if err != nil {
		s.log.Warn("publish ticket event", "type", typ, "ticket", p.TicketID, "err", err)
	}
}
