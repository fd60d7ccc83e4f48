package mysql

import (
	"database/sql"
	"math"
	"testing"
	"time"
)

func TestUsedUnits(t *testing.T) {
	tickets := []ticketWork{
		{Status: "Closed", Hours: "4", Days: ""},
		{Status: "closed", Hours: "", Days: "1.5"},
		{Status: "Closed", Hours: "12", Days: "2"},
		{Status: "Open", Hours: "100", Days: "100"},
		{Status: "Closed", Hours: "n/a", Days: ""},
	}
	for _, c := range []struct {
		unit string
		want float64
	}{
		{"Incidents", 4},
		{"Hours", 4 + 36 + 12},
		{"Days", 4.0/24 + 1.5 + 2},
		{"None", 0},
		{"", 0},
	} {
		if got := usedUnits(c.unit, tickets); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: got %v, want %v", c.unit, got, c.want)
		}
	}
}

func TestContractState(t *testing.T) {
	day := func(s string) sql.NullTime {
		d, _ := time.Parse("2006-01-02", s)
		return sql.NullTime{Time: d, Valid: true}
	}
	total := func(f float64) sql.NullFloat64 { return sql.NullFloat64{Float64: f, Valid: true} }
	now := time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name string
		c    contractRow
		used float64
		want contractFigures
	}{
		{"in progress", contractRow{Total: total(10), Start: day("2026-03-01"), Due: day("2026-03-31"), End: day("2026-03-05")}, 5,
			contractFigures{used: 5, progress: 50.0, planned: "31"}},
		{"used up", contractRow{Total: total(10), Start: day("2026-03-01")}, 12,
			contractFigures{used: 12, progress: 120.0, end: "2026-03-10", actual: "10"}},
		{"complete keeps its end date", contractRow{Status: "Complete", Start: day("2026-03-01"), End: day("2026-03-04")}, 0,
			contractFigures{end: "2026-03-04", actual: "4"}},
		{"no total", contractRow{}, 3, contractFigures{used: 3}},
		{"capped", contractRow{Total: total(1)}, 5000, contractFigures{used: 999.99, progress: 999.99, end: "2026-03-10"}},
	} {
		if got := contractState(c.c, c.used, now); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}
