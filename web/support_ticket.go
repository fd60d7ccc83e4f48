package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// popTicketFields are the ticket fields the pop's editor offers, in its
// order: what an agent completes while the caller is on the line. The
// full edit page has the rest.
var popTicketFields = []string{
	"ticket_title", "ticketstatus", "ticketpriorities", "ticketcategories", "hours", "days", "description",
}

// ticketForm answers GET /api/support/ticket: the ticket as
// ticket.updated describes it, and the editor's fields with their values
// and choices, labels in the user's language.
type ticketForm struct {
	Ticket *crm.TicketPayload `json:"ticket"`
	Fields []popField         `json:"fields"`
}

// popField is one input of the pop's ticket editor.
type popField struct {
	Name      string      `json:"name"`
	Label     string      `json:"label"`
	Kind      string      `json:"kind"` // text, textarea, number or select
	Value     string      `json:"value"`
	Mandatory bool        `json:"mandatory,omitempty"`
	MaxLength int         `json:"max_length,omitempty"`
	Step      string      `json:"step,omitempty"` // a number's step
	Options   []popOption `json:"options,omitempty"`
}

// popOption is a choice of a select.
type popOption struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// handleTicketForm answers GET /api/support/ticket?gateway=&uid=&ticket_id=:
// the call's ticket and the editor's fields, for the call's agent (or a
// supervisor) allowed to edit it.
func (s *Server) handleTicketForm(w http.ResponseWriter, r *http.Request) {
	ctx, u, q := r.Context(), actor(r), r.URL.Query()
	gateway, uid := strings.TrimSpace(q.Get("gateway")), strings.TrimSpace(q.Get("uid"))
	ticketID, _ := strconv.ParseInt(q.Get("ticket_id"), 10, 64)
	if gateway == "" || uid == "" || ticketID <= 0 {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Name the call (gateway, uid) and the ticket (ticket_id)."))
		return
	}
	if _, err := s.supportCall(ctx, u, gateway, uid, "edit its ticket"); err != nil {
		s.fail(w, r, err)
		return
	}
	t, err := s.callTicket(ctx, gateway, uid, ticketID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rec, err := s.readRecord(ctx, u, "HelpDesk", ticketID, crm.ActionEdit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fields, err := s.popFields(r, rec)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, ticketForm{Ticket: t, Fields: fields})
}

// popEditable returns the ticket fields of popTicketFields that a form
// may edit, in popTicketFields' order.
func popEditable(m *crm.Module) []*crm.Field {
	var out []*crm.Field
	editable := editableFields(m)
	for _, name := range popTicketFields {
		if i := slices.IndexFunc(editable, func(f *crm.Field) bool { return f.Name == name }); i >= 0 {
			out = append(out, editable[i])
		}
	}
	return out
}

// popFields lays out the editor's fields with the ticket's values.
func (s *Server) popFields(r *http.Request, rec *crm.Record) ([]popField, error) {
	ctx, u := r.Context(), actor(r)
	m, err := s.deps.Records.Module(ctx, "HelpDesk")
	if err != nil {
		return nil, err
	}
	tr := s.i18n.forLanguage(u.Language)
	var out []popField
	for _, f := range popEditable(m) {
		pf := popField{Name: f.Name, Label: tr.T(f.Label), Value: rec.Values[f.Name], Mandatory: f.Mandatory, MaxLength: f.MaxLength}
		pf.Kind, pf.Step, _ = inputKind(f)
		switch {
		case pf.Kind == "select" && f.Picklist != "":
			vals, err := s.deps.Records.PicklistValues(ctx, u, m.Name, f.Name)
			if err != nil {
				return nil, err
			}
			for _, o := range picklistOptions(tr, vals, pf.Value, false, f.Mandatory) {
				pf.Options = append(pf.Options, popOption{Value: o.Value, Label: o.Label})
			}
		case pf.Kind != "textarea" && pf.Kind != "number":
			pf.Kind = "text"
		}
		out = append(out, pf)
	}
	return out, nil
}

// ticketSaveError is the JSON answer to an editor save the ticket's
// checks refused: the message and each bad field's problem, translated.
type ticketSaveError struct {
	errorBody
	Fields map[string]string `json:"fields,omitempty"`
}

// handleSaveTicket answers POST /api/support/ticket {gateway, uid,
// ticket_id, values}: the agent's changes to the call's ticket, from the
// pop during the call. Only the editor's fields are taken; the ticket's
// contracts follow its status, hours and days. The answer is the ticket
// as ticket.updated describes it.
func (s *Server) handleSaveTicket(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readSupportRequest(r)
	if err == nil {
		_, err = s.supportCall(ctx, u, a.Gateway, a.UID, "edit its ticket")
	}
	if err == nil {
		_, err = s.callTicket(ctx, a.Gateway, a.UID, a.TicketID)
	}
	if err == nil {
		err = checkPopValues(a.Values)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.deps.Support.UpdateTicket(ctx, u, a.TicketID, a.Values)
	var ce *crm.Error
	if crm.ErrorCode(err) == crm.EInvalid && errors.As(err, &ce) && len(ce.Fields) > 0 {
		tr := s.i18n.forLanguage(u.Language)
		body := ticketSaveError{errorBody: errorBody{Code: ce.Code, Message: ce.Message}, Fields: map[string]string{}}
		for name, problem := range ce.Fields {
			body.Fields[name] = tr.T(problem)
		}
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("ticket saved from the pop", "ticket", a.TicketID, "call", a.UID, "by", u.UserName)
	writeJSON(w, http.StatusOK, p)
}

// checkPopValues refuses a save without changes or with a field the
// editor does not offer.
func checkPopValues(values map[string]string) error {
	if len(values) == 0 {
		return crm.Errorf(crm.EInvalid, "Send the ticket's changed fields (values).")
	}
	for name := range values {
		if !slices.Contains(popTicketFields, name) {
			return crm.Errorf(crm.EInvalid, "The field %q cannot be changed from the call pop.", name)
		}
	}
	return nil
}
