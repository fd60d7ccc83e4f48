package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// handleChangeContract answers POST /api/support/contract {gateway, uid,
// ticket_id, contract_id}: the agent switches the call's ticket to
// another of the caller's active contracts; both contracts are
// recounted. The answer is the ticket as ticket.updated describes it.
func (s *Server) handleChangeContract(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readSupportRequest(r)
	if err == nil && a.ContractID <= 0 {
		err = crm.Errorf(crm.EInvalid, "Choose a service contract (contract_id).")
	}
	if err == nil {
		_, err = s.supportCall(ctx, u, a.Gateway, a.UID, "change the contract of its ticket")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.deps.Support.ChangeCallContract(ctx, u, a.Gateway, a.UID, a.TicketID, a.ContractID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("ticket contract changed", "ticket", a.TicketID, "contract", a.ContractID, "call", a.UID, "by", u.UserName)
	writeJSON(w, http.StatusOK, p)
}

// handleLinkCaller answers POST /api/support/link {gateway, uid,
// ticket_id, contact_id}: the agent found an unknown caller's contact
// (the pop's search) and links the call's ticket to it; the contact's
// contract is chosen and recounted, and the call record points at the
// contact. The answer is the ticket as ticket.updated describes it.
func (s *Server) handleLinkCaller(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readSupportRequest(r)
	if err == nil && a.ContactID <= 0 {
		err = crm.Errorf(crm.EInvalid, "Choose the caller's contact (contact_id).")
	}
	var call *foundCall
	if err == nil {
		call, err = s.supportCall(ctx, u, a.Gateway, a.UID, "link its caller")
	}
	if err == nil {
		_, err = s.callTicket(ctx, a.Gateway, a.UID, a.TicketID)
	}
	var contact *crm.Record
	if err == nil {
		contact, err = s.readRecord(ctx, u, "Contacts", a.ContactID, crm.ActionView)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.deps.Support.LinkTicketToContact(ctx, a.TicketID, contact.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// A call still in progress has no record yet, or one the final save
	// would leave unlinked: store it linked now, as picking a caller
	// among several matches does; the final save keeps the link.
	link := crm.CallLink{CustomerID: contact.ID, CustomerModule: "Contacts", UserID: call.userID}
	if _, _, err := s.deps.Calls.SaveCall(ctx, call.CallRecord, link); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("support caller linked", "ticket", a.TicketID, "contact", contact.ID, "call", a.UID, "by", u.UserName)
	writeJSON(w, http.StatusOK, p)
}
