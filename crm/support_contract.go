package crm

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ServiceContract is what a support call needs of a vtiger service
// contract. Dates are zero when empty; Total is 0 when not set.
type ServiceContract struct {
	ID        int64     `json:"id"`
	Number    string    `json:"contract_no"`
	Subject   string    `json:"subject"`
	RelatedTo int64     `json:"related_to"` // sc_related_to: the account or contact
	Unit      string    `json:"tracking_unit"`
	Total     float64   `json:"total_units"`
	Used      float64   `json:"used_units"`
	Start     time.Time `json:"start_date,omitzero"`
	Due       time.Time `json:"due_date,omitzero"`
	End       time.Time `json:"end_date,omitzero"`
	Status    string    `json:"contract_status"`
}

// ContractState is how a support call's contract stands.
type ContractState string

// States of a support call's contract.
const (
	ContractActive  ContractState = "active"  // in force and units left (or units not tracked)
	ContractUsedUp  ContractState = "used_up" // in force but no units left
	ContractExpired ContractState = "expired" // ended (past its due date, Complete or Archived)
	ContractNone    ContractState = "none"    // the caller has no contract (or is unknown)
)

// closedContract reports a status that ends a contract whatever its
// dates: vtiger's Complete and Archived. Undefined, In Planning, In
// Progress and On Hold contracts count as in force within their dates.
func closedContract(status string) bool {
	s := strings.TrimSpace(status)
	return strings.EqualFold(s, "Complete") || strings.EqualFold(s, "Archived")
}

// InForce reports whether c covers day: not Complete or Archived, started
// (no start date counts as started) and not past its due date (no due
// date: until vtiger sets its end date, which it does when the contract
// is Complete or used up).
func (c ServiceContract) InForce(day time.Time) bool {
	d := dateOf(day)
	if closedContract(c.Status) {
		return false
	}
	if !c.Start.IsZero() && dateOf(c.Start).After(d) {
		return false
	}
	if !c.Due.IsZero() {
		return !dateOf(c.Due).Before(d)
	}
	return c.End.IsZero() || !dateOf(c.End).Before(d)
}

// Tracked reports whether c counts units: Hours, Days or Incidents with a
// total. A contract tracking None, or without a total, never runs out.
func (c ServiceContract) Tracked() bool {
	switch strings.ToLower(strings.TrimSpace(c.Unit)) {
	case "hours", "days", "incidents":
		return c.Total > 0
	}
	return false
}

// Left returns the units left, total − used, never below 0; rounded to
// vtiger's two decimals.
func (c ServiceContract) Left() float64 {
	return math.Max(0, math.Round((c.Total-c.Used)*100)/100)
}

// endedOn is the day an ended contract ended: its due date when past,
// else its end date, else its due date.
func (c ServiceContract) endedOn(day time.Time) time.Time {
	if !c.Due.IsZero() && dateOf(c.Due).Before(dateOf(day)) {
		return dateOf(c.Due)
	}
	if !c.End.IsZero() {
		return dateOf(c.End)
	}
	return dateOf(c.Due)
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// ChooseContract picks the contract a support call on day counts against,
// among the caller's contracts:
//
//  1. in force with units left (or untracked): the one due soonest (no
//     due date last), then the lowest id: time goes first to what expires
//     first. State active.
//  2. else in force but used up: the one due soonest. State used_up.
//  3. else ended: the one that ended last. State expired.
//  4. else none (contracts not started yet are ignored). State none.
//
// Only an active contract is linked to the ticket and charged; the others
// are named in the pop and the ticket's description.
func ChooseContract(contracts []ServiceContract, day time.Time) (*ServiceContract, ContractState) {
	var active, usedUp, expired *ServiceContract
	for i := range contracts {
		c := &contracts[i]
		switch {
		case c.InForce(day) && (!c.Tracked() || c.Left() > 0):
			if active == nil || dueBefore(*c, *active) {
				active = c
			}
		case c.InForce(day):
			if usedUp == nil || dueBefore(*c, *usedUp) {
				usedUp = c
			}
		case c.Start.IsZero() || !dateOf(c.Start).After(dateOf(day)):
			if expired == nil || c.endedOn(day).After(expired.endedOn(day)) ||
				c.endedOn(day).Equal(expired.endedOn(day)) && c.ID > expired.ID {
				expired = c
			}
		}
	}
	switch {
	case active != nil:
		return active, ContractActive
	case usedUp != nil:
		return usedUp, ContractUsedUp
	case expired != nil:
		return expired, ContractExpired
	}
	return nil, ContractNone
}

// dueBefore orders contracts by due date, no due date last, then by id.
func dueBefore(a, b ServiceContract) bool {
	switch {
	case a.Due.IsZero() != b.Due.IsZero():
		return !a.Due.IsZero()
	case !a.Due.Equal(b.Due):
		return a.Due.Before(b.Due)
	}
	return a.ID < b.ID
}

// ContractSummary says plainly how a support call's contract stands, for
// the pop and the ticket: "12.5 hours left", "0 hours left", "expired on
// 2026-01-31", "no active contract", or "active, units not tracked".
func ContractSummary(c *ServiceContract, st ContractState, day time.Time) string {
	switch {
	case c == nil || st == ContractNone:
		return "no active contract"
	case st == ContractExpired:
		return "expired on " + c.endedOn(day).Format("2006-01-02")
	case !c.Tracked():
		return "active, units not tracked"
	}
	left := c.Left()
	unit := strings.ToLower(strings.TrimSpace(c.Unit))
	if left == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	return strconv.FormatFloat(left, 'f', -1, 64) + " " + unit + " left"
}

// TicketHours is the whole hours a ticket's support calls add to its
// hours field for a total talk time: vtiger keeps HelpDesk hours as an
// integer (I~O), so every started hour counts (ceiling), summed over the
// ticket's calls before rounding: two 10-minute calls make 1 hour, not 2.
func TicketHours(talkSeconds int) int {
	if talkSeconds <= 0 {
		return 0
	}
	return (talkSeconds + 3599) / 3600
}

// TicketPayload is the payload of ticket.created and ticket.updated
// (version 1) for a support call: enough for the pop to show the ticket
// and say how the caller's contract stands.
type TicketPayload struct {
	TicketID int64  `json:"ticket_id"`
	TicketNo string `json:"ticket_no,omitempty"`
	Title    string `json:"title"`
	Status   string `json:"status"`
	Hours    string `json:"hours,omitempty"`
	// Gateway and SourceUniqueID identify the call, for
	// AttachCallToTicket.
	Gateway        string `json:"gateway"`
	SourceUniqueID string `json:"source_uniqueid"`
	CustomerNumber string `json:"customer_number,omitempty"`
	ContactID      int64  `json:"contact_id,omitempty"`
	AccountID      int64  `json:"account_id,omitempty"`
	Line           string `json:"line,omitempty"`
	// Contract is the contract chosen (see ChooseContract), nil for none;
	// it is linked to the ticket only when ContractState is active.
	Contract        *ServiceContract `json:"contract,omitempty"`
	ContractState   ContractState    `json:"contract_state"`
	ContractSummary string           `json:"contract_summary"`
	// Standing says the same for the pop, in words and in parts (see
	// SetContract, which fills the four contract fields together).
	Standing ContractStanding `json:"standing"`
	// Choices are the caller's active contracts (ContractChoices): with
	// more than one, the pop offers to switch the ticket to another.
	Choices []ContractStanding `json:"choices,omitempty"`
	// Recent are the caller's open tickets from support calls within the
	// line's repeat window, newest first: the pop offers attaching the
	// call to one of them instead.
	Recent []RecentTicket `json:"recent,omitempty"`
}

// RecentTicket is an open ticket a repeat caller may continue.
type RecentTicket struct {
	TicketID int64     `json:"ticket_id"`
	TicketNo string    `json:"ticket_no"`
	Title    string    `json:"title"`
	Status   string    `json:"status"`
	CalledAt time.Time `json:"called_at"`
}
