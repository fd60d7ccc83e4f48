package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// maxRepeatWindow bounds a line's repeat window, in minutes: 30 days.
const maxRepeatWindow = 30 * 24 * 60

// requireAdmin lets only admins through; it runs behind requireUser.
func (s *Server) requireAdmin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if u := actor(r); u == nil || !u.IsAdmin {
			s.fail(w, r, crm.Errorf(crm.EForbidden, "Only administrators can change settings."))
			return
		}
		next(w, r)
	}
}

// supportLineForm is the add form's fields, as typed.
type supportLineForm struct {
	Kind, Value, Name, Priority, Category, RepeatWindow string
}

// supportLinesPage lists the support lines with the add form.
type supportLinesPage struct {
	page
	Lines      []supportLineRow
	Form       supportLineForm
	Error      string
	Kinds      []kindOption
	Priorities []string
	Categories []string
}

// supportLineRow is a line as the table shows it.
type supportLineRow struct {
	crm.SupportLine
	KindLabel     string
	WindowMinutes int
}

// kindOption is a choice of what a line matches.
type kindOption struct {
	Value, Label string
}

// supportKinds are the kinds of line in the form's order, with their
// untranslated labels.
var supportKinds = []kindOption{
	{string(crm.SupportByDID), "Number dialled (DID)"},
	{string(crm.SupportByQueue), "Queue"},
	{string(crm.SupportByExten), "Answering extension"},
}

// kindLabel is the untranslated label of a kind.
func kindLabel(k crm.SupportLineKind) string {
	for _, o := range supportKinds {
		if o.Value == string(k) {
			return o.Label
		}
	}
	return string(k)
}

// handleSupportLines renders GET /settings/support-lines.
func (s *Server) handleSupportLines(w http.ResponseWriter, r *http.Request) {
	s.renderSupportLines(w, r, http.StatusOK, supportLineForm{Kind: string(crm.SupportByDID), Priority: crm.DefaultTicketPriority, RepeatWindow: "0"}, "")
}

func (s *Server) renderSupportLines(w http.ResponseWriter, r *http.Request, status int, f supportLineForm, msg string) {
	ctx := r.Context()
	lines, err := s.deps.Support.ListSupportLines(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &supportLinesPage{page: s.basePage(r, "Support lines"), Form: f, Error: msg}
	for _, o := range supportKinds {
		p.Kinds = append(p.Kinds, kindOption{Value: o.Value, Label: p.T(o.Label)})
	}
	for _, l := range lines {
		p.Lines = append(p.Lines, supportLineRow{SupportLine: l, KindLabel: p.T(kindLabel(l.Kind)),
			WindowMinutes: int(l.RepeatWindow / time.Minute)})
	}
	p.Priorities = s.ticketPicklist(ctx, r, "ticketpriorities")
	p.Categories = s.ticketPicklist(ctx, r, "ticketcategories")
	s.render(w, r, status, "support_lines", p)
}

// ticketPicklist returns a HelpDesk picklist's values for the form's
// selects; nil (a text field) when the records service is off or fails.
func (s *Server) ticketPicklist(ctx context.Context, r *http.Request, field string) []string {
	if s.deps.Records == nil {
		return nil
	}
	vals, err := s.deps.Records.PicklistValues(ctx, actor(r), "HelpDesk", field)
	if err != nil {
		s.log.Warn("read ticket picklist", "field", field, "err", err)
		return nil
	}
	return vals
}

// handleAddSupportLine answers POST /settings/support-lines: the line is
// added and the list shown again, or the form comes back with the error.
func (s *Server) handleAddSupportLine(w http.ResponseWriter, r *http.Request) {
	f := supportLineForm{
		Kind: r.PostFormValue("kind"), Value: r.PostFormValue("value"), Name: r.PostFormValue("name"),
		Priority: r.PostFormValue("priority"), Category: r.PostFormValue("category"),
		RepeatWindow: strings.TrimSpace(r.PostFormValue("repeat_window")),
	}
	l, err := f.line()
	if err == nil {
		l, err = s.deps.Support.AddSupportLine(r.Context(), l)
	}
	if err != nil {
		code := crm.ErrorCode(err)
		if code != crm.EInvalid && code != crm.EConflict {
			s.fail(w, r, err)
			return
		}
		s.renderSupportLines(w, r, statusOf(code), f, crm.ErrorMessage(err))
		return
	}
	s.log.Info("support line added", "id", l.ID, "kind", l.Kind, "value", l.Value, "by", actor(r).UserName)
	http.Redirect(w, r, "/settings/support-lines", http.StatusSeeOther)
}

// line checks the form's own fields; the support desk checks the rest.
func (f supportLineForm) line() (crm.SupportLine, error) {
	l := crm.SupportLine{Kind: crm.SupportLineKind(f.Kind), Value: f.Value, Name: f.Name, Priority: f.Priority, Category: f.Category}
	if len([]rune(strings.TrimSpace(f.Name))) > 100 {
		return l, crm.Errorf(crm.EInvalid, "Give a name of at most 100 characters.")
	}
	if f.RepeatWindow == "" {
		return l, nil
	}
	n, err := strconv.Atoi(f.RepeatWindow)
	if err != nil || n < 0 || n > maxRepeatWindow {
		return l, crm.Errorf(crm.EInvalid, "The repeat window is a number of minutes from 0 to %d.", maxRepeatWindow)
	}
	l.RepeatWindow = time.Duration(n) * time.Minute
	return l, nil
}

// handleRemoveSupportLine answers POST /settings/support-lines/{id}/remove.
func (s *Server) handleRemoveSupportLine(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, crm.Errorf(crm.ENotFound, "There is no support line %q.", r.PathValue("id")))
		return
	}
	if err := s.deps.Support.RemoveSupportLine(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("support line removed", "id", id, "by", actor(r).UserName)
	http.Redirect(w, r, "/settings/support-lines", http.StatusSeeOther)
}
