package mysql_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestDeleteRestorePurge(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	agent := newAgent(t, db, "agent")
	acc, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Acme", "phone": "415 555 0142"})
	if err != nil {
		t.Fatalf("create account: %v", err)
	}
	other, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Other Co"})
	if err != nil {
		t.Fatalf("create account: %v", err)
	}
	var contacts []*crm.Record
	for _, name := range []string{"Chan", "Wong"} {
		c, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"lastname": name, "account_id": fmt.Sprint(acc.ID)})
		if err != nil {
			t.Fatalf("create contact: %v", err)
		}
		contacts = append(contacts, c)
	}
	ticket, err := rs.CreateRecord(ctx, admin, "HelpDesk", map[string]string{
		"ticket_title": "Jam", "ticketstatus": "Open", "parent_id": fmt.Sprint(acc.ID),
	})
	if err != nil {
		t.Fatalf("create ticket: %v", err)
	}

	t.Run("delete", func(t *testing.T) {
		if err := rs.DeleteRecord(ctx, agent, "Accounts", acc.ID); err != nil {
			t.Fatalf("delete: %v", err)
		}
		if _, err := rs.FindRecordByID(ctx, "Accounts", acc.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("find deleted: got %v, want not_found", err)
		}
		if _, err := rs.UpdateRecord(ctx, admin, "Accounts", acc.ID, map[string]string{"website": "x"}); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("update deleted: got %v, want not_found", err)
		}
		if err := rs.DeleteRecord(ctx, agent, "Accounts", acc.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("delete twice: got %v, want not_found", err)
		}
		bin, err := rs.FindDeletedRecords(ctx, "Accounts", 0, 0)
		if err != nil || len(bin) != 1 || bin[0].ID != acc.ID || !bin[0].Deleted || bin[0].Label != "Acme" {
			t.Fatalf("recycle bin: got %+v, %v, want Acme only", bin, err)
		}
		for _, c := range contacts {
			got, _ := rs.FindRecordByID(ctx, "Contacts", c.ID)
			if got.Values["account_id"] != "" {
				t.Errorf("contact %d account_id: got %q, want cleared", c.ID, got.Values["account_id"])
			}
		}
		tt, _ := rs.FindRecordByID(ctx, "HelpDesk", ticket.ID)
		if tt.Values["parent_id"] != "" {
			t.Errorf("ticket parent_id: got %q, want cleared", tt.Values["parent_id"])
		}
		var saved string
		db.GetContext(ctx, &saved, `SELECT related_crm_ids FROM vtiger_relatedlists_rb
			WHERE entityid = ? AND rel_table = 'vtiger_contactdetails' AND rel_column = 'accountid' AND ref_column = 'contactid'`, acc.ID)
		if want := fmt.Sprintf("%d,%d", contacts[0].ID, contacts[1].ID); saved != want {
			t.Errorf("saved links: got %q, want %q", saved, want)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup WHERE crmid = ?`, acc.ID); n != 0 {
			t.Errorf("phone lookup rows of a deleted record: got %d, want 0", n)
		}
		hist, _ := rs.History(ctx, "Accounts", acc.ID)
		if len(hist) == 0 || hist[0].Status != crm.ChangeDeleted || hist[0].UserID != agent.ID {
			t.Errorf("history: got %+v, want deleted by agent first", hist)
		}
	})

	t.Run("restore", func(t *testing.T) {
		if _, err := rs.RestoreRecord(ctx, admin, "Accounts", other.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("restore live record: got %v, want not_found", err)
		}
		got, err := rs.RestoreRecord(ctx, admin, "Accounts", acc.ID)
		if err != nil {
			t.Fatalf("restore: %v", err)
		}
		if got.Label != "Acme" || got.Deleted {
			t.Errorf("restored: got %+v", got)
		}
		for _, c := range contacts {
			got, _ := rs.FindRecordByID(ctx, "Contacts", c.ID)
			if got.Values["account_id"] != fmt.Sprint(acc.ID) {
				t.Errorf("contact %d account_id: got %q, want %d", c.ID, got.Values["account_id"], acc.ID)
			}
		}
		tt, _ := rs.FindRecordByID(ctx, "HelpDesk", ticket.ID)
		if tt.Values["parent_id"] != fmt.Sprint(acc.ID) {
			t.Errorf("ticket parent_id: got %q, want %d", tt.Values["parent_id"], acc.ID)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_relatedlists_rb WHERE entityid = ?`, acc.ID); n != 0 {
			t.Errorf("saved links after restore: got %d rows, want 0", n)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_pbxmanager_phonelookup WHERE crmid = ?`, acc.ID); n != 1 {
			t.Errorf("phone lookup rows after restore: got %d, want 1", n)
		}
		hist, _ := rs.History(ctx, "Accounts", acc.ID)
		var statuses []int
		for _, h := range hist {
			statuses = append(statuses, h.Status)
		}
		if fmt.Sprint(statuses) != fmt.Sprint([]int{crm.ChangeRestored, crm.ChangeDeleted, crm.ChangeCreated}) {
			t.Errorf("history statuses: got %v, want restored, deleted, created", statuses)
		}
		if bin, _ := rs.FindDeletedRecords(ctx, "Accounts", 0, 10); len(bin) != 0 {
			t.Errorf("recycle bin after restore: got %d records, want 0", len(bin))
		}
	})

	t.Run("purge", func(t *testing.T) {
		// The agent's tag outlives the admin's delete; only purge removes it.
		if err := rs.TagRecord(ctx, agent, acc.ID, "vip"); err != nil {
			t.Fatalf("tag: %v", err)
		}
		const rel = `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule)
			VALUES (?, 'Accounts', ?, 'Accounts'), (?, 'Accounts', ?, 'Accounts')`
		if _, err := db.ExecContext(ctx, rel, acc.ID, other.ID, other.ID, acc.ID); err != nil {
			t.Fatal(err)
		}
		if err := rs.DeleteRecord(ctx, admin, "Accounts", acc.ID); err != nil {
			t.Fatalf("delete: %v", err)
		}
		if err := rs.PurgeRecord(ctx, agent, "Accounts", acc.ID); crm.ErrorCode(err) != crm.EForbidden {
			t.Errorf("purge by agent: got %v, want forbidden", err)
		}
		if err := rs.PurgeRecord(ctx, admin, "Accounts", other.ID); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("purge live record: got %v, want not_found", err)
		}
		if err := rs.PurgeRecord(ctx, admin, "Accounts", acc.ID); err != nil {
			t.Fatalf("purge: %v", err)
		}
		checks := map[string]string{
			"vtiger_crmentity":              `crmid = ?`,
			"vtiger_account":                `accountid = ?`,
			"vtiger_accountbillads":         `accountaddressid = ?`,
			"vtiger_accountshipads":         `accountaddressid = ?`,
			"vtiger_accountscf":             `accountid = ?`,
			"vtiger_pbxmanager_phonelookup": `crmid = ?`,
			"vtiger_crmentityrel":           `crmid = ? OR relcrmid = ?`,
			"vtiger_freetagged_objects":     `object_id = ?`,
			"vtiger_modtracker_basic":       `crmid = ?`,
			"vtiger_relatedlists_rb":        `entityid = ?`,
		}
		for table, where := range checks {
			args := []any{acc.ID}
			if strings.Count(where, "?") == 2 {
				args = append(args, acc.ID)
			}
			if n := countRows(t, db, "SELECT COUNT(*) FROM "+table+" WHERE "+where, args...); n != 0 {
				t.Errorf("%s: got %d rows after purge, want 0", table, n)
			}
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_modtracker_detail d LEFT JOIN vtiger_modtracker_basic b ON b.id = d.id WHERE b.id IS NULL`); n != 0 {
			t.Errorf("orphan history details: got %d, want 0", n)
		}
		if _, err := rs.FindRecordByID(ctx, "Accounts", other.ID); err != nil {
			t.Errorf("other account: %v", err)
		}
	})
}
