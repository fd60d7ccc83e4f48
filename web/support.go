package web

import (
	"context"
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// Support is what the support-line settings and the pop's support
// actions need of the support desk (crm/mysql's SupportService).
type Support interface {
	// ListSupportLines returns every support line, oldest first.
	ListSupportLines(ctx context.Context) ([]crm.SupportLine, error)
	// AddSupportLine adds a line. Errors: invalid, conflict.
	AddSupportLine(ctx context.Context, l crm.SupportLine) (crm.SupportLine, error)
	// RemoveSupportLine removes a line. Errors: not_found.
	RemoveSupportLine(ctx context.Context, id int64) error
	// SupportCallRinging says how the caller's contract stands for a
	// call on a support line, nil for other calls: the ringing pop's
	// preview, for a pop reloaded before its ticket is open.
	SupportCallRinging(ctx context.Context, rec crm.CallRecord, caller *crm.CallerMatch) (*crm.SupportPreview, error)
	// CallTicket describes a support call's ticket. Errors: not_found
	// (not a support call), conflict (its ticket is being opened).
	CallTicket(ctx context.Context, gateway, uuid string) (*crm.TicketPayload, error)
	// AttachCallToTicket moves a support call to another open ticket.
	// Errors: not_found, conflict.
	AttachCallToTicket(ctx context.Context, gateway, uuid string, ticketID int64) (*crm.TicketPayload, error)
	// UpdateTicket saves changes to a ticket, its contracts recounted.
	// Errors: invalid (with Fields), not_found, forbidden.
	UpdateTicket(ctx context.Context, actor *crm.User, ticketID int64, values map[string]string) (*crm.TicketPayload, error)
	// ChangeCallContract switches a support call's ticket to another of
	// the caller's active contracts. Errors: not_found, conflict,
	// invalid, forbidden.
	ChangeCallContract(ctx context.Context, actor *crm.User, gateway, uuid string, ticketID, contractID int64) (*crm.TicketPayload, error)
	// LinkTicketToContact gives an unknown caller's ticket its contact.
	// Errors: not_found, conflict.
	LinkTicketToContact(ctx context.Context, ticketID, contactID int64) (*crm.TicketPayload, error)
}

// supportRoutes lists the support-line settings (admins only) and the
// pop's support actions; they need Deps.Support, the actions Deps.Calls
// too. Posts need the session's CSRF token.
func (s *Server) supportRoutes(mux *http.ServeMux) {
	if s.deps.Support == nil {
		return
	}
	admin := func(h http.HandlerFunc) http.Handler { return s.requireUser(s.requireAdmin(h)) }
	mux.Handle("GET /settings/support-lines", admin(s.handleSupportLines))
	mux.Handle("POST /settings/support-lines", admin(s.handleAddSupportLine))
	mux.Handle("POST /settings/support-lines/{id}/remove", admin(s.handleRemoveSupportLine))
	if s.deps.Calls == nil {
		return
	}
	user := func(h http.HandlerFunc) http.Handler { return s.requireUser(h) }
	mux.Handle("POST /api/support/attach", user(s.handleAttachCall))
	if s.deps.Records != nil {
		mux.Handle("GET /api/support/ticket", user(s.handleTicketForm))
		mux.Handle("POST /api/support/ticket", user(s.handleSaveTicket))
		mux.Handle("POST /api/support/contract", user(s.handleChangeContract))
		mux.Handle("POST /api/support/link", user(s.handleLinkCaller))
	}
}
