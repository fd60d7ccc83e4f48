package crm

import (
	"testing"
	"time"
)

func TestContractStanding(t *testing.T) {
	day := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	date := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	gold := ServiceContract{ID: 7, Number: "SERCON7", Subject: "Gold support", Unit: "Hours", Total: 20, Used: 7.5,
		Start: date("2026-01-01"), Due: date("2027-03-31"), Status: "In Progress"}
	usedUp := gold
	usedUp.Used = 20
	expired := gold
	expired.Due = date("2026-01-31")
	untracked := ServiceContract{ID: 8, Number: "SERCON8", Unit: "None", Status: "In Progress"}
	for _, c := range []struct {
		name  string
		c     *ServiceContract
		state ContractState
		want  ContractStanding
	}{
		{"none", nil, ContractNone, ContractStanding{State: ContractNone, Text: "no active contract"}},
		{"active", &gold, ContractActive, ContractStanding{ID: 7, Number: "SERCON7", Subject: "Gold support", State: ContractActive,
			Text: "Gold support — 12.5 hours left, ends 2027-03-31", Unit: "hours", Left: 12.5, Ends: "2027-03-31"}},
		{"used up", &usedUp, ContractUsedUp, ContractStanding{ID: 7, Number: "SERCON7", Subject: "Gold support", State: ContractUsedUp,
			Text: "Gold support — 0 hours left, ends 2027-03-31", Unit: "hours", Left: 0, Ends: "2027-03-31"}},
		{"expired", &expired, ContractExpired, ContractStanding{ID: 7, Number: "SERCON7", Subject: "Gold support", State: ContractExpired,
			Text: "Gold support — expired on 2026-01-31", Unit: "hours", Left: 12.5, Ended: "2026-01-31"}},
		{"untracked, no subject", &untracked, ContractActive, ContractStanding{ID: 8, Number: "SERCON8", State: ContractActive,
			Text: "SERCON8 — active, units not tracked"}},
	} {
		if got := StandingOf(c.c, c.state, day); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
		if c.c != nil {
			if got := c.c.StateOn(day); got != c.state {
				t.Errorf("%s: StateOn got %s, want %s", c.name, got, c.state)
			}
		}
	}
}

func TestContractChoicesFollowChooseContract(t *testing.T) {
	day := time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)
	due := func(days int) time.Time { return day.AddDate(0, 0, days) }
	contracts := []ServiceContract{
		{ID: 1, Subject: "Later", Unit: "Hours", Total: 10, Due: due(60)},
		{ID: 2, Subject: "Used up", Unit: "Hours", Total: 5, Used: 5, Due: due(5)},
		{ID: 3, Subject: "Soonest", Unit: "Hours", Total: 10, Due: due(20)},
		{ID: 4, Subject: "Open-ended", Unit: "Incidents", Total: 3},
		{ID: 5, Subject: "Expired", Unit: "Hours", Total: 10, Due: due(-1)},
		{ID: 6, Subject: "Complete", Unit: "Hours", Total: 10, Due: due(90), Status: "Complete"},
	}
	choices := ContractChoices(contracts, day)
	var ids []int64
	for _, c := range choices {
		ids = append(ids, c.ID)
		if c.State != ContractActive {
			t.Errorf("choice %d: got state %s, want active", c.ID, c.State)
		}
	}
	if want := []int64{3, 1, 4}; len(ids) != len(want) || ids[0] != 3 || ids[1] != 1 || ids[2] != 4 {
		t.Errorf("got choices %v, want %v", ids, want)
	}
	chosen, st := ChooseContract(contracts, day)
	if chosen == nil || st != ContractActive || chosen.ID != choices[0].ID {
		t.Errorf("ChooseContract picked %+v %s, want the first choice %d", chosen, st, choices[0].ID)
	}
	p := TicketPayload{}
	p.SetContract(chosen, st, day)
	if p.ContractSummary != "10 hours left" || p.Standing.Text != "Soonest — 10 hours left, ends 2026-03-30" || p.Contract != chosen {
		t.Errorf("SetContract: got summary %q standing %q", p.ContractSummary, p.Standing.Text)
	}
}
