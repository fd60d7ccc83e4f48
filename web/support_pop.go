package web

import (
	"context"

	"github.com/tigerline/tigerline/crm"
)

// ticketPopStrings are the texts pop.js shows for a support call's
// ticket and contract. They join popStrings here so the support feature
// stays in its own files. Texts with {n}, {unit} or {date} are filled in
// by pop.js, so a translation may put them in its own order.
var ticketPopStrings = []string{
	"Ticket", "Edit ticket", "Recent open tickets", "Attach this call", "Call attached to the ticket.",
	"No active contract", "Active, units not tracked",
	"Support line", "{n} {unit} left", "expired on {date}", "ends {date}", "active, units not tracked",
	"hours", "hour", "days", "day", "incidents", "incident",
	"Other contracts", "Count against this one", "Contract changed.",
	"Find the caller's contact", "Link to ticket", "Caller linked to the ticket.",
	"Save ticket", "Cancel", "Ticket saved.", "Full form",
}

func init() { popStrings = append(popStrings, ticketPopStrings...) }

// withSupport adds to a live call on a support line what its pop shows
// after a reload: the ticket once it is open, else how the caller's
// contract stands, as the ringing pop said. Failures are logged: the
// pop still shows the call.
func (s *Server) withSupport(ctx context.Context, c popCall) popCall {
	if s.deps.Support == nil || c.Direction != crm.DirectionInbound {
		return c
	}
	t, err := s.deps.Support.CallTicket(ctx, c.Gateway, c.SourceUniqueID)
	switch crm.ErrorCode(err) {
	case "":
		c.Ticket = t
		return c
	case crm.ENotFound, crm.EConflict: // no ticket yet: the preview
	default:
		s.log.Warn("read support call ticket", "uniqueid", c.SourceUniqueID, "err", err)
		return c
	}
	if c.Support, err = s.deps.Support.SupportCallRinging(ctx, c.CallRecord, c.Caller); err != nil {
		s.log.Warn("support preview", "uniqueid", c.SourceUniqueID, "err", err)
	}
	return c
}
