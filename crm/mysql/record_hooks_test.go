package mysql_test

import (
	"context"
	"fmt"
	"testing"
)

// TestContractRecountOnTicketSave: saving a linked ticket through
// UpdateRecord (what the web form, the webservice and the pop all call)
// recounts its contracts when its status, hours or days change, and only
// then.
func TestContractRecountOnTicketSave(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	owner := fmt.Sprint(admin.ID)
	acc := relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Acme"})
	contract := func(unit string) int64 {
		return relMake(t, rs, admin, "ServiceContracts", map[string]string{"subject": unit + " plan", "assigned_user_id": owner,
			"sc_related_to": fmt.Sprint(acc), "tracking_unit": unit, "total_units": "20",
			"start_date": "2026-01-01", "due_date": "2026-12-31", "contract_status": "In Progress"})
	}
	hoursPlan, daysPlan := contract("Hours"), contract("Days")
	ticket := relMake(t, rs, admin, "HelpDesk", map[string]string{"ticket_title": "Printer", "ticketstatus": "Closed",
		"hours": "4", "assigned_user_id": owner})
	for _, sc := range []int64{hoursPlan, daysPlan} {
		if err := rs.LinkRecords(ctx, admin, "HelpDesk", ticket, "ServiceContracts", sc); err != nil {
			t.Fatal(err)
		}
	}
	used := func(sc int64) string {
		t.Helper()
		var s string
		if err := db.GetContext(ctx, &s, `SELECT COALESCE(CAST(used_units AS CHAR), '') FROM vtiger_servicecontracts
			WHERE servicecontractsid = ?`, sc); err != nil {
			t.Fatal(err)
		}
		return s
	}
	save := func(vals map[string]string) {
		t.Helper()
		if _, err := rs.UpdateRecord(ctx, admin, "HelpDesk", ticket, vals); err != nil {
			t.Fatalf("save ticket %v: %v", vals, err)
		}
	}
	want := func(step, hours, days string) {
		t.Helper()
		if got := used(hoursPlan); got != hours {
			t.Errorf("%s: hours plan used %s, want %s", step, got, hours)
		}
		if got := used(daysPlan); got != days {
			t.Errorf("%s: days plan used %s, want %s", step, got, days)
		}
	}
	want("linked", "4.00", "0.17")

	save(map[string]string{"hours": "6"})
	want("hours changed", "6.00", "0.25")
	save(map[string]string{"days": "2"})
	want("days changed", "6.00", "2.00")
	save(map[string]string{"ticketstatus": "Open"})
	want("reopened", "0.00", "0.00")

	// A change that no contract counts leaves the contracts alone.
	accExec(t, db, `UPDATE vtiger_servicecontracts SET used_units = 9 WHERE servicecontractsid = ?`, hoursPlan)
	save(map[string]string{"ticket_title": "Printer jams", "ticketpriorities": "High"})
	want("title changed", "9.00", "0.00")

	save(map[string]string{"ticketstatus": "Closed"})
	want("closed again", "6.00", "2.00")

	// A deleted contract is not recounted, and does not stop the save.
	if err := rs.DeleteRecord(ctx, admin, "ServiceContracts", daysPlan); err != nil {
		t.Fatal(err)
	}
	save(map[string]string{"hours": "8"})
	want("after deleting the days plan", "8.00", "2.00")
}
