package web

import (
	"encoding/json"
	"mime"
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// attachRequest is the body of POST /api/support/attach.
type attachRequest struct {
	Gateway  string `json:"gateway"`
	UID      string `json:"uid"`
	TicketID int64  `json:"ticket_id"`
}

// handleAttachCall answers POST /api/support/attach {gateway, uid,
// ticket_id}: a repeat caller's support call moves to one of their open
// tickets the pop offered. Only the call's agent or a supervisor may move
// it. The answer is the ticket as ticket.updated describes it.
func (s *Server) handleAttachCall(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	var a attachRequest
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "application/json" {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Send the request as JSON."))
		return
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 16<<10)).Decode(&a); err != nil {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "The request is not valid JSON."))
		return
	}
	a.Gateway, a.UID = strings.TrimSpace(a.Gateway), strings.TrimSpace(a.UID)
	if a.Gateway == "" || a.UID == "" || a.TicketID <= 0 {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Name the call (gateway, uid) and the ticket (ticket_id)."))
		return
	}
	call, err := s.findCall(ctx, a.Gateway, a.UID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !isAgentOf(call.CallRecord, u.Extension) && !s.isSupervisor(u) {
		s.fail(w, r, crm.Errorf(crm.EForbidden, "Only the call's agent can attach it to a ticket."))
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
