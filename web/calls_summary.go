package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Sizes of the caller summary's lists.
const (
	summaryTickets    = 10
	summaryContracts  = 5
	summaryCalls      = 5
	summaryActivities = 5
)

// callerSummary answers GET /api/callers/{module}/{id}/summary: what the
// pop shows about a caller.
type callerSummary struct {
	Record recordLink `json:"record"`
	// Phones are the record's phone numbers (uitype 11), by field label.
	Phones []summaryPhone `json:"phones"`
	// Account is a contact's account; nil otherwise.
	Account    *recordLink       `json:"account"`
	Tickets    []summaryTicket   `json:"tickets"`
	Contracts  []summaryContract `json:"contracts"`
	Calls      []popCall         `json:"calls"`
	Activities []summaryActivity `json:"activities"`
	// NewTicket is the ticket form prefilled for this caller; "" where
	// tickets cannot be linked (a lead).
	NewTicket string `json:"new_ticket"`
}

type summaryPhone struct {
	Label  string `json:"label"`
	Number string `json:"number"`
}

// summaryTicket is an open ticket of the caller or the caller's account.
type summaryTicket struct {
	ID       int64  `json:"crmid"`
	Number   string `json:"ticket_no"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Priority string `json:"priority"`
	Href     string `json:"href"`
}

// summaryContract is a service contract of the caller or the account.
// Active means in progress and not past its end date; Expired means past
// it. UnitsLeft is total minus used units, nil when no total is set.
type summaryContract struct {
	ID           int64    `json:"crmid"`
	Number       string   `json:"contract_no"`
	Subject      string   `json:"subject"`
	Status       string   `json:"status"`
	TrackingUnit string   `json:"tracking_unit"`
	TotalUnits   *float64 `json:"total_units"`
	UsedUnits    float64  `json:"used_units"`
	UnitsLeft    *float64 `json:"units_left"`
	EndDate      string   `json:"end_date"`
	Active       bool     `json:"active"`
	Expired      bool     `json:"expired"`
	Href         string   `json:"href"`
}

// summaryActivity is a task or event related to the caller.
type summaryActivity struct {
	ID      int64  `json:"crmid"`
	Subject string `json:"subject"`
	Type    string `json:"type"`
	Status  string `json:"status"`
	Start   string `json:"date_start"`
	Href    string `json:"href"`
}

// handleCallerSummary answers GET /api/callers/{module}/{id}/summary.
func (s *Server) handleCallerSummary(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	m, id, err := s.pathModuleID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The same access check as the record's page: the summary shows the
	// record's tickets, contracts and calls.
	rec, err := s.readRecord(ctx, u, m.Name, id, crm.ActionView)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tr := s.i18n.forLanguage(u.Language)
	sum := &callerSummary{
		Record: recordLink{Module: m.Name, ID: id, Name: rec.Label, Href: recordHref(m.Name, id)},
		Phones: []summaryPhone{}, Tickets: []summaryTicket{}, Contracts: []summaryContract{},
		Calls: []popCall{}, Activities: []summaryActivity{},
	}
	for _, f := range m.Fields {
		if f.UIType == 11 && rec.Values[f.Name] != "" {
			sum.Phones = append(sum.Phones, summaryPhone{Label: tr.T(f.Label), Number: rec.Values[f.Name]})
		}
	}
	parents := []string{strconv.FormatInt(id, 10)}
	if m.Name == "Contacts" {
		if sum.Account, err = s.accountOf(ctx, rec); err != nil {
			s.fail(w, r, err)
			return
		}
		if sum.Account != nil {
			parents = append(parents, strconv.FormatInt(sum.Account.ID, 10))
		}
	}
	if m.Name == "Contacts" || m.Name == "Accounts" {
		sum.NewTicket = newTicketHref(tr, id, rec.Label)
		if err := s.fillSupport(ctx, u, tr, sum, parents); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if err := s.fillHistory(ctx, u, tr, sum, m.Name, id); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sum)
}

// accountOf is a contact's account, or nil.
func (s *Server) accountOf(ctx context.Context, contact *crm.Record) (*recordLink, error) {
	aid, err := strconv.ParseInt(contact.Values["account_id"], 10, 64)
	if err != nil || aid <= 0 {
		return nil, nil
	}
	refs, err := s.deps.Records.RecordRefs(ctx, []int64{aid})
	if err != nil {
		return nil, err
	}
	ref, ok := refs[aid]
	if !ok {
		return nil, nil
	}
	return &recordLink{Module: ref.Module, ID: aid, Name: ref.Label, Href: recordHref(ref.Module, aid)}, nil
}

// newTicketHref is the ticket form prefilled for a caller.
func newTicketHref(tr translator, id int64, name string) string {
	q := url.Values{}
	q.Set("parent_id", strconv.FormatInt(id, 10))
	q.Set("ticket_title", tr.Tf("Call from %s", name))
	return "/m/HelpDesk/new?" + q.Encode()
}

// fillSupport lists the open tickets and the service contracts of the
// caller and the caller's account (parents).
func (s *Server) fillSupport(ctx context.Context, u *crm.User, tr translator, sum *callerSummary, parents []string) error {
	tickets, err := s.deps.Records.FindRecords(ctx, u, "HelpDesk", crm.ListQuery{
		Filters: []crm.Condition{
			{Field: "parent_id", Op: crm.OpIn, Values: parents},
			{Field: "ticketstatus", Op: crm.OpNotEquals, Values: []string{"Closed"}},
		},
		Columns: []string{"ticket_no", "ticket_title", "ticketstatus", "ticketpriorities"},
		Limit:   summaryTickets, SkipTotal: true,
	})
	if err != nil {
		return err
	}
	for _, t := range tickets.Records {
		sum.Tickets = append(sum.Tickets, summaryTicket{
			ID: t.ID, Number: t.Values["ticket_no"], Title: t.Values["ticket_title"],
			Status: tr.T(t.Values["ticketstatus"]), Priority: tr.T(t.Values["ticketpriorities"]),
			Href: recordHref("HelpDesk", t.ID),
		})
	}
	contracts, err := s.deps.Records.FindRecords(ctx, u, "ServiceContracts", crm.ListQuery{
		Filters: []crm.Condition{
			{Field: "sc_related_to", Op: crm.OpIn, Values: parents},
			{Field: "contract_status", Op: crm.OpNotIn, Values: []string{"Complete", "Archived"}},
		},
		Columns: []string{"contract_no", "subject", "contract_status", "tracking_unit", "total_units", "used_units", "end_date"},
		Limit:   summaryContracts, SkipTotal: true,
	})
	if err != nil {
		return err
	}
	today := time.Now().Format(time.DateOnly)
	for _, c := range contracts.Records {
		sum.Contracts = append(sum.Contracts, contractOf(tr, c, today))
	}
	return nil
}

// contractOf sums up a service contract as of today (YYYY-MM-DD).
func contractOf(tr translator, c *crm.Record, today string) summaryContract {
	v := c.Values
	sc := summaryContract{
		ID: c.ID, Number: v["contract_no"], Subject: v["subject"], Status: tr.T(v["contract_status"]),
		TrackingUnit: tr.T(v["tracking_unit"]), EndDate: v["end_date"], Href: recordHref("ServiceContracts", c.ID),
	}
	sc.UsedUnits, _ = strconv.ParseFloat(v["used_units"], 64)
	if total, err := strconv.ParseFloat(v["total_units"], 64); err == nil && total > 0 {
		left := total - sc.UsedUnits
		sc.TotalUnits, sc.UnitsLeft = &total, &left
	}
	sc.Expired = sc.EndDate != "" && sc.EndDate < today
	sc.Active = v["contract_status"] == "In Progress" && !sc.Expired
	return sc
}

// fillHistory lists the caller's last calls and activities. Activities
// are a nicety: a failure to list them is logged, not shown.
func (s *Server) fillHistory(ctx context.Context, u *crm.User, tr translator, sum *callerSummary, module string, id int64) error {
	calls, err := s.deps.Calls.FindCalls(ctx, crm.CallFilter{CustomerID: &id, Limit: summaryCalls})
	if err != nil {
		return err
	}
	for _, c := range calls {
		sum.Calls = append(sum.Calls, popCall{CallRecord: c.CallRecord})
	}
	acts, err := s.activities(ctx, u, module, id)
	if err != nil {
		s.log.Warn("list activities for the pop", "module", module, "id", id, "err", err)
		return nil
	}
	for _, a := range acts {
		status := a.Values["taskstatus"]
		if status == "" {
			status = a.Values["eventstatus"]
		}
		sum.Activities = append(sum.Activities, summaryActivity{
			ID: a.ID, Subject: a.Values["subject"], Type: tr.T(a.Values["activitytype"]),
			Status: tr.T(status), Start: a.Values["date_start"], Href: recordHref("Calendar", a.ID),
		})
	}
	return nil
}

// activities lists a record's last activities through its Activities
// related list (vtiger keeps the links in vtiger_seactivityrel and
// vtiger_cntactivityrel); none without Relations.
func (s *Server) activities(ctx context.Context, u *crm.User, module string, id int64) ([]*crm.Record, error) {
	if s.deps.Relations == nil {
		return nil, nil
	}
	rels, err := s.deps.Relations.Relations(ctx, module)
	if err != nil {
		return nil, err
	}
	for _, rel := range rels {
		if rel.RelatedModule != "Calendar" {
			continue
		}
		page, err := s.deps.Relations.FindRelated(ctx, u, module, id, rel.ID, 0, summaryActivities)
		if err != nil {
			return nil, err
		}
		return page.Records, nil
	}
	return nil, nil
}
