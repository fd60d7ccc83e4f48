package mysql

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// ChangeCallContract switches a support call's ticket to another of the
// caller's contracts, as the agent picks it in the pop, in one
// transaction: the ticket leaves every contract it was linked to and
// joins contractID (in vtiger_crmentityrel, where vtiger keeps the
// pair), both sides get ModTracker entries, and every contract touched is
// recounted. ticketID is the ticket the pop shows, which must still be
// the call's. The contract must be the caller's (their contact's or
// account's) and active today. Errors: not_found (no such support call
// or contract), conflict (the call has no ticket yet, or another one),
// invalid (not the caller's contract, or not active), forbidden.
func (s *SupportService) ChangeCallContract(ctx context.Context, actor *crm.User, gateway, uuid string, ticketID, contractID int64) (*crm.TicketPayload, error) {
	now := s.now()
	err := s.inTx(ctx, fmt.Sprintf("switch ticket %d to contract %d", ticketID, contractID), func(tx *sqlx.Tx) error {
		c, err := findSupportCall(ctx, tx, gateway, uuid, true)
		if err != nil {
			return err
		}
		if err := checkCallTicket(c, gateway, uuid, ticketID); err != nil {
			return err
		}
		target, err := findContract(ctx, tx, contractID)
		if err != nil {
			return err
		}
		if err := s.records.checkLinkAccess(ctx, actor, "HelpDesk", ticketID, "ServiceContracts", contractID); err != nil {
			return err
		}
		linked, err := ticketContracts(ctx, tx, ticketID)
		if err != nil {
			return err
		}
		if slices.Equal(linked, []int64{contractID}) {
			return nil
		}
		if err := checkCallerContract(c, target, now); err != nil {
			return err
		}
		if err := s.records.moveTicketContract(ctx, tx, actor, ticketID, linked, contractID, now); err != nil {
			return err
		}
		const q = `UPDATE tl_support_calls SET contractid = ?, updated_at = ? WHERE ticketid = ?`
		_, err = tx.ExecContext(ctx, q, contractID, now.UTC(), ticketID)
		return err
	})
	if err != nil {
		return nil, err
	}
	p, err := s.ticketPayload(ctx, ticketID, gateway, uuid)
	if err == nil {
		s.publishToCall(ctx, crm.EventTicketUpdated, p)
	}
	return p, err
}

// checkCallTicket refuses to act on a ticket that is not (or no longer)
// the support call's.
func checkCallTicket(c *supportCall, gateway, uuid string, ticketID int64) error {
	switch {
	case !c.TicketID.Valid:
		return crm.Errorf(crm.EConflict, "call %s/%s has no ticket yet", gateway, uuid)
	case c.TicketID.Int64 != ticketID:
		return crm.Errorf(crm.EConflict, "ticket %d is not the ticket of call %s/%s (it is %d now)", ticketID, gateway, uuid, c.TicketID.Int64)
	}
	return nil
}

// checkCallerContract refuses a contract that is not the caller's, or
// that nothing can be charged to today.
func checkCallerContract(c *supportCall, target *crm.ServiceContract, now time.Time) error {
	name := cmpOrString(target.Number, fmt.Sprint(target.ID))
	if !c.Contact.Valid && !c.Account.Valid {
		return crm.Errorf(crm.EInvalid, "the caller is unknown: link the ticket to a contact before choosing a contract")
	}
	if target.RelatedTo <= 0 || (target.RelatedTo != c.Contact.Int64 && target.RelatedTo != c.Account.Int64) {
		return crm.Errorf(crm.EInvalid, "service contract %s is not a contract of the caller or their account", name)
	}
	if st := target.StateOn(now); st != crm.ContractActive {
		return crm.Errorf(crm.EInvalid, "service contract %s cannot take the ticket: %s", name, crm.ContractSummary(target, st, now))
	}
	return nil
}

// moveTicketContract, inside tx, unlinks a ticket from the contracts
// from and links it to contract, where vtiger keeps the pair's links,
// with ModTracker entries on each record and vtiger's ServiceContracts
// rules after each change (parent filled, contract recounted).
func (s *RecordService) moveTicketContract(ctx context.Context, tx *sqlx.Tx, actor *crm.User, ticket int64, from []int64, contract int64, now time.Time) error {
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return err
	}
	rel, reverse, err := relationBetween(ctx, tx, "HelpDesk", "ServiceContracts")
	if err != nil {
		return err
	}
	plan, err := planRelation(mods, cols, rel)
	if err != nil {
		return err
	}
	at := now.UTC().Truncate(time.Second)
	change := func(other int64, link bool) error {
		if err := lockPair(ctx, tx, "HelpDesk", ticket, "ServiceContracts", other); err != nil {
			return err
		}
		// a is the record of the relation's module, b the related one.
		a, b := ticket, other
		if reverse {
			a, b = other, ticket
		}
		write := plan.unlink
		if link {
			write = plan.link
		}
		changed, err := write(ctx, tx, cols, a, b)
		if err != nil || !changed {
			return err
		}
		status := map[bool]int{true: crm.ChangeLinked, false: crm.ChangeUnlinked}[link]
		if err := recordChange(ctx, tx, "HelpDesk", ticket, actor, status, at, nil); err != nil {
			return err
		}
		if err := recordChange(ctx, tx, "ServiceContracts", other, actor, status, at, nil); err != nil {
			return err
		}
		return afterContractLink(ctx, tx, rel, a, b, link)
	}
	for _, old := range from {
		if old == contract {
			continue
		}
		if err := change(old, false); err != nil {
			return fmt.Errorf("unlink ticket %d from contract %d: %w", ticket, old, err)
		}
	}
	if err := change(contract, true); err != nil {
		return fmt.Errorf("link ticket %d to contract %d: %w", ticket, contract, err)
	}
	return nil
}
