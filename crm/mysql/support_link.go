package mysql

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// LinkTicketToContact gives a support ticket of an unknown caller its
// contact, once the agent found or created it:
//
//   - the parent becomes the contact's account (else the contact) when
//     the ticket has none, and the contact is linked to the ticket
//     (vtiger_seticketsrel, which the contact's Tickets list reads when
//     the parent is the account);
//   - the records of the ticket's calls from the unknown number point at
//     the contact (vtiger_pbxmanager customer and customertype), as do
//     the support calls themselves;
//   - when the ticket has no contract yet, the contact's (or its
//     account's) contract chosen by ChooseContract is linked and
//     recounted, the ticket's calls counting against it.
//
// The steps are idempotent: after a failure, linking again completes
// them. Errors: not_found (no such contact or ticket), conflict (the
// ticket's caller is another contact already).
func (s *SupportService) LinkTicketToContact(ctx context.Context, ticketID, contactID int64) (*crm.TicketPayload, error) {
	if _, err := liveRecordOf(ctx, s.db, "Contacts", contactID, false); err != nil {
		return nil, err
	}
	t, err := s.records.FindRecordByID(ctx, "HelpDesk", ticketID)
	if err != nil {
		return nil, err
	}
	if err := s.checkTicketCaller(ctx, ticketID, contactID); err != nil {
		return nil, err
	}
	account, err := contactAccount(ctx, s.db, contactID)
	if err != nil {
		return nil, err
	}
	if p := t.Values["parent_id"]; p == "" || p == "0" {
		parent := strconv.FormatInt(cmpOr(account, contactID), 10)
		if _, err := s.records.UpdateRecord(ctx, nil, "HelpDesk", ticketID, map[string]string{"parent_id": parent}); err != nil {
			return nil, err
		}
	}
	err = s.inTx(ctx, fmt.Sprintf("link ticket %d to contact %d", ticketID, contactID), func(tx *sqlx.Tx) error {
		if account > 0 {
			if err := linkContactTicket(ctx, tx, contactID, ticketID); err != nil {
				return err
			}
		}
		return relinkTicketCalls(ctx, tx, ticketID, contactID, account)
	})
	if err != nil {
		return nil, err
	}
	if err := s.linkActiveContract(ctx, ticketID, contactID, account); err != nil {
		return nil, err
	}
	p, err := s.ticketPayload(ctx, ticketID, "", "")
	if err == nil {
		s.publishToCall(ctx, crm.EventTicketUpdated, p)
	}
	return p, err
}

// checkTicketCaller refuses to link a ticket whose support calls are
// already with another contact: the pop offers linking for unknown
// callers (or callers known only by their account), not to reassign a
// known one.
func (s *SupportService) checkTicketCaller(ctx context.Context, ticketID, contactID int64) error {
	var other int64
	const q = `SELECT COALESCE(MAX(contactid), 0) FROM tl_support_calls WHERE ticketid = ? AND contactid <> ?`
	if err := sqlx.GetContext(ctx, s.db, &other, q, ticketID, contactID); err != nil {
		return fmt.Errorf("caller of ticket %d: %w", ticketID, err)
	}
	if other > 0 {
		return crm.Errorf(crm.EConflict, "ticket %d is already linked to another contact (%d)", ticketID, other)
	}
	return nil
}

// relinkTicketCalls points the ticket's support calls that had no
// contact, and their call records, at the contact.
func relinkTicketCalls(ctx context.Context, tx *sqlx.Tx, ticketID, contactID, accountID int64) error {
	const calls = `UPDATE vtiger_pbxmanager p JOIN tl_support_calls c ON c.gateway = p.gateway AND c.sourceuuid = p.sourceuuid
		SET p.customer = ?, p.customertype = 'Contacts'
		WHERE c.ticketid = ? AND c.contactid IS NULL`
	if _, err := tx.ExecContext(ctx, calls, contactID, ticketID); err != nil {
		return fmt.Errorf("link calls of ticket %d to contact %d: %w", ticketID, contactID, err)
	}
	const q = `UPDATE tl_support_calls SET contactid = ?, accountid = ? WHERE ticketid = ? AND contactid IS NULL`
	if _, err := tx.ExecContext(ctx, q, contactID, nullID(accountID), ticketID); err != nil {
		return fmt.Errorf("record contact of ticket %d: %w", ticketID, err)
	}
	return nil
}

// linkActiveContract links a ticket without contracts to the customer's
// contract by ChooseContract, if it is active; LinkRecords recounts it.
func (s *SupportService) linkActiveContract(ctx context.Context, ticketID, contactID, accountID int64) error {
	linked, err := ticketContracts(ctx, s.db, ticketID)
	if err != nil || len(linked) > 0 {
		return err
	}
	contracts, err := customerContracts(ctx, s.db, contactID, accountID)
	if err != nil {
		return err
	}
	c, st := crm.ChooseContract(contracts, s.now())
	if st != crm.ContractActive {
		return nil
	}
	if err := s.records.LinkRecords(ctx, nil, "HelpDesk", ticketID, "ServiceContracts", c.ID); err != nil {
		return fmt.Errorf("link ticket %d to contract %d: %w", ticketID, c.ID, err)
	}
	const q = `UPDATE tl_support_calls SET contractid = ? WHERE ticketid = ? AND contractid IS NULL`
	if _, err := s.db.ExecContext(ctx, q, c.ID, ticketID); err != nil {
		return fmt.Errorf("record contract of ticket %d: %w", ticketID, err)
	}
	return nil
}
