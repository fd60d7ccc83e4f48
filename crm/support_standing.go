package crm

import (
	"slices"
	"strings"
	"time"
)

// ContractStanding is how one service contract stands for a support
// call: in plain English (Text), and in the parts a pop in another
// language composes its own sentence from.
type ContractStanding struct {
	ID      int64         `json:"id,omitempty"`
	Number  string        `json:"contract_no,omitempty"`
	Subject string        `json:"subject,omitempty"`
	State   ContractState `json:"state"`
	// Text is "Gold support — 12.5 hours left, ends 2027-03-31", "Gold
	// support — expired on 2026-01-31", "Gold support — 0 hours left" or
	// "no active contract".
	Text string `json:"text"`
	// Unit is the tracking unit in lower case ("hours", "days",
	// "incidents"), empty when the contract does not count units; Left
	// is the units left.
	Unit string  `json:"unit,omitempty"`
	Left float64 `json:"left"`
	// Ends is the due date of a contract in force, Ended the day an
	// expired one ended; both YYYY-MM-DD.
	Ends  string `json:"ends,omitempty"`
	Ended string `json:"ended,omitempty"`
}

// StateOn says how c stands on day, whatever the caller's other
// contracts: expired when not in force (a contract not started yet
// counts as expired too: nothing can be charged to it), used up when it
// counts units and has none left, else active.
func (c ServiceContract) StateOn(day time.Time) ContractState {
	switch {
	case !c.InForce(day):
		return ContractExpired
	case c.Tracked() && c.Left() <= 0:
		return ContractUsedUp
	}
	return ContractActive
}

// StandingOf describes contract c in state st (as ChooseContract or
// StateOn gave them) on day; a nil c is "no active contract".
func StandingOf(c *ServiceContract, st ContractState, day time.Time) ContractStanding {
	if c == nil || st == ContractNone {
		return ContractStanding{State: ContractNone, Text: ContractSummary(nil, ContractNone, day)}
	}
	s := ContractStanding{ID: c.ID, Number: c.Number, Subject: strings.TrimSpace(c.Subject), State: st}
	text := ContractSummary(c, st, day)
	if st == ContractExpired {
		s.Ended = c.endedOn(day).Format(time.DateOnly)
	} else if !c.Due.IsZero() {
		s.Ends = dateOf(c.Due).Format(time.DateOnly)
		text += ", ends " + s.Ends
	}
	if c.Tracked() {
		s.Unit, s.Left = strings.ToLower(strings.TrimSpace(c.Unit)), c.Left()
	}
	if name := cmpOrString(s.Subject, c.Number); name != "" {
		text = name + " — " + text
	}
	s.Text = text
	return s
}

func cmpOrString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// ActiveContracts returns the contracts a support call on day may count
// against, in ChooseContract's order: in force with units left (or not
// counting units), the one due soonest first (no due date last), then by
// id. ChooseContract's active pick is the first.
func ActiveContracts(contracts []ServiceContract, day time.Time) []ServiceContract {
	var out []ServiceContract
	for _, c := range contracts {
		if c.StateOn(day) == ContractActive {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b ServiceContract) int {
		if dueBefore(a, b) {
			return -1
		}
		if dueBefore(b, a) {
			return 1
		}
		return 0
	})
	return out
}

// ContractChoices describes the active contracts the agent may switch a
// support call's ticket to, in ActiveContracts' order.
func ContractChoices(contracts []ServiceContract, day time.Time) []ContractStanding {
	active := ActiveContracts(contracts, day)
	out := make([]ContractStanding, len(active))
	for i := range active {
		out[i] = StandingOf(&active[i], ContractActive, day)
	}
	return out
}

// SetContract records on p the contract a support call's ticket counts
// against (or the one the pop names) and how it stands, in every form
// the payload carries: Contract, ContractState, ContractSummary and
// Standing.
func (p *TicketPayload) SetContract(c *ServiceContract, st ContractState, day time.Time) {
	if c == nil {
		st = ContractNone
	}
	p.Contract, p.ContractState = c, st
	p.ContractSummary = ContractSummary(c, st, day)
	p.Standing = StandingOf(c, st, day)
}

// SupportPreview is what the pop of a ringing support call says before
// the agent answers: the line, and how the caller's service contract
// stands by ChooseContract, the rule the ticket opened at answer follows,
// so the two agree.
type SupportPreview struct {
	Line     string           `json:"line,omitempty"`
	Standing ContractStanding `json:"standing"`
	// Choices are the caller's active contracts (ContractChoices); with
	// more than one, the agent may switch the ticket once it is open.
	Choices []ContractStanding `json:"choices,omitempty"`
}
