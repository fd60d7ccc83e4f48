package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// ticketCall is who a support ticket's latest call was with.
type ticketCall struct {
	Gateway string        `db:"gateway"`
	UUID    string        `db:"sourceuuid"`
	Contact sql.NullInt64 `db:"contactid"`
	Account sql.NullInt64 `db:"accountid"`
	Number  string        `db:"customer_number"`
}

// latestTicketCall reads the newest support call on a ticket; nil when
// no support call has it.
func latestTicketCall(ctx context.Context, ext sqlx.QueryerContext, ticket int64) (*ticketCall, error) {
	const q = `SELECT gateway, sourceuuid, contactid, accountid, customer_number FROM tl_support_calls
		WHERE ticketid = ? ORDER BY claimed_at DESC, id DESC LIMIT 1`
	var c ticketCall
	err := sqlx.GetContext(ctx, ext, &c, q, ticket)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("call of ticket %d: %w", ticket, err)
	}
	return &c, nil
}

// ticketPayload describes a support ticket for ticket.updated and the
// pop's actions: its fields, the call (the given one, else the ticket's
// latest), the caller, how its (first) linked contract stands, and the
// caller's active contracts to switch to.
func (s *SupportService) ticketPayload(ctx context.Context, ticket int64, gateway, uuid string) (*crm.TicketPayload, error) {
	t, err := s.records.FindRecordByID(ctx, "HelpDesk", ticket)
	if err != nil {
		return nil, err
	}
	call, err := latestTicketCall(ctx, s.db, ticket)
	if err != nil {
		return nil, err
	}
	p := &crm.TicketPayload{TicketID: t.ID, TicketNo: t.Values["ticket_no"], Title: t.Values["ticket_title"],
		Status: t.Values["ticketstatus"], Hours: t.Values["hours"], Gateway: gateway, SourceUniqueID: uuid}
	now := s.now()
	if call != nil {
		if p.Gateway == "" {
			p.Gateway, p.SourceUniqueID = call.Gateway, call.UUID
		}
		p.ContactID, p.AccountID, p.CustomerNumber = call.Contact.Int64, call.Account.Int64, call.Number
		contracts, err := customerContracts(ctx, s.db, p.ContactID, p.AccountID)
		if err != nil {
			return nil, err
		}
		p.Choices = crm.ContractChoices(contracts, now)
	}
	ids, err := ticketContracts(ctx, s.db, ticket)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		p.SetContract(nil, crm.ContractNone, now)
		return p, nil
	}
	c, err := findContract(ctx, s.db, ids[0])
	if err != nil {
		return nil, err
	}
	p.SetContract(c, c.StateOn(now), now)
	return p, nil
}

// CallTicket describes a support call's ticket, as ticket.updated does,
// for a pop reloaded during the call. Errors: not_found (not a support
// call), conflict (its ticket is still being opened).
func (s *SupportService) CallTicket(ctx context.Context, gateway, uuid string) (*crm.TicketPayload, error) {
	c, err := findSupportCall(ctx, s.db, gateway, uuid, false)
	if err != nil {
		return nil, err
	}
	if !c.TicketID.Valid {
		return nil, crm.Errorf(crm.EConflict, "the ticket of call %s/%s is still being opened", gateway, uuid)
	}
	return s.ticketPayload(ctx, c.TicketID.Int64, gateway, uuid)
}

// SupportCallRinging implements crm.SupportDesk: how the caller's
// contract stands, for the pop of a ringing call, read as open does at
// answer (the same caller, contracts and ChooseContract); nil for a call
// on no support line.
func (s *SupportService) SupportCallRinging(ctx context.Context, rec crm.CallRecord, caller *crm.CallerMatch) (*crm.SupportPreview, error) {
	line, ok, err := s.lineOf(ctx, rec)
	if err != nil || !ok {
		return nil, err
	}
	cust, err := customerOf(ctx, s.db, caller)
	if err != nil {
		return nil, err
	}
	contracts, err := customerContracts(ctx, s.db, cust.contact, cust.account)
	if err != nil {
		return nil, err
	}
	now := s.now()
	chosen, state := crm.ChooseContract(contracts, now)
	return &crm.SupportPreview{Line: line.Name, Standing: crm.StandingOf(chosen, state, now),
		Choices: crm.ContractChoices(contracts, now)}, nil
}
