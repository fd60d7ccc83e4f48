package web

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// supportRequest is the JSON body of the pop's support actions: the call
// (gateway, uid), the ticket the pop shows or, for attach, the ticket to
// move the call to, and what the action changes.
type supportRequest struct {
	Gateway    string            `json:"gateway"`
	UID        string            `json:"uid"`
	TicketID   int64             `json:"ticket_id"`
	ContractID int64             `json:"contract_id"`
	ContactID  int64             `json:"contact_id"`
	Values     map[string]string `json:"values"`
}

// readSupportRequest reads a JSON body of at most 64 KiB that names a
// call and a ticket.
func readSupportRequest(r *http.Request) (supportRequest, error) {
	var a supportRequest
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		return a, crm.Errorf(crm.EInvalid, "Send the request as JSON.")
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 64<<10)).Decode(&a); err != nil {
		return a, crm.Errorf(crm.EInvalid, "The request is not valid JSON.")
	}
	a.Gateway, a.UID = strings.TrimSpace(a.Gateway), strings.TrimSpace(a.UID)
	if a.Gateway == "" || a.UID == "" || a.TicketID <= 0 {
		return a, crm.Errorf(crm.EInvalid, "Name the call (gateway, uid) and the ticket (ticket_id).")
	}
	return a, nil
}

// supportCall finds a call the signed-in user acts on from the pop: only
// its agent or a supervisor may; what names the action for the refusal.
func (s *Server) supportCall(ctx context.Context, u *crm.User, gateway, uid, what string) (*foundCall, error) {
	call, err := s.findCall(ctx, gateway, uid)
	if err != nil {
		return nil, err
	}
	if !isAgentOf(call.CallRecord, u.Extension) && !s.isSupervisor(u) {
		return nil, crm.Errorf(crm.EForbidden, "Only the call's agent can %s.", what)
	}
	return call, nil
}

// callTicket returns the call's ticket, refusing when it is not ticketID
// (the pop shows a ticket the call has left).
func (s *Server) callTicket(ctx context.Context, gateway, uid string, ticketID int64) (*crm.TicketPayload, error) {
	t, err := s.deps.Support.CallTicket(ctx, gateway, uid)
	if err != nil {
		return nil, err
	}
	if t.TicketID != ticketID {
		name := t.TicketNo
		if name == "" {
			name = "#" + strconv.FormatInt(t.TicketID, 10)
		}
		return nil, crm.Errorf(crm.EConflict, "The call's ticket is now %s: reload the page.", name)
	}
	return t, nil
}

// handleAttachCall answers POST /api/support/attach {gateway, uid,
// ticket_id}: a repeat caller's support call moves to one of their open
// tickets the pop offered. Only the call's agent or a supervisor may move
// it. The answer is the ticket as ticket.updated describes it.
func (s *Server) handleAttachCall(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readSupportRequest(r)
	if err == nil {
		_, err = s.supportCall(ctx, u, a.Gateway, a.UID, "attach it to a ticket")
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.deps.Support.AttachCallToTicket(ctx, a.Gateway, a.UID, a.TicketID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("call attached to ticket", "gateway", a.Gateway, "call", a.UID, "ticket", a.TicketID, "by", u.UserName)
	writeJSON(w, http.StatusOK, p)
}
