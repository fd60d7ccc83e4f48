package mysql_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestTags(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	agent := newAgent(t, db, "agent")
	acc, err := rs.CreateRecord(ctx, admin, "Accounts", map[string]string{"accountname": "Acme"})
	if err != nil {
		t.Fatal(err)
	}
	con, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"firstname": "Mei", "lastname": "Chan"})
	if err != nil {
		t.Fatal(err)
	}

	t.Run("per user", func(t *testing.T) {
		if err := rs.TagRecord(ctx, admin, acc.ID, `"VIP" north`, "客户"); err != nil {
			t.Fatalf("tag: %v", err)
		}
		if err := rs.TagRecord(ctx, admin, con.ID, "vip"); err != nil {
			t.Fatalf("tag: %v", err)
		}
		if err := rs.TagRecord(ctx, agent, acc.ID, "followup"); err != nil {
			t.Fatalf("tag: %v", err)
		}
		if err := rs.TagRecord(ctx, admin, acc.ID, "vip"); err != nil {
			t.Fatalf("tag again: %v", err)
		}
		got, err := rs.RecordTags(ctx, admin, acc.ID)
		if err != nil || strings.Join(got, ",") != "north,VIP,客户" {
			t.Errorf("admin's tags: got %v, %v, want north,VIP,客户", got, err)
		}
		got, _ = rs.RecordTags(ctx, agent, acc.ID)
		if strings.Join(got, ",") != "followup" {
			t.Errorf("agent's tags: got %v, want followup", got)
		}
		if n := countRows(t, db, `SELECT COUNT(*) FROM vtiger_freetags WHERE tag = 'vip'`); n != 1 {
			t.Errorf("vtiger_freetags rows for vip: got %d, want 1", n)
		}
	})

	t.Run("tag cloud counts", func(t *testing.T) {
		cloud, err := rs.TagCloud(ctx, admin)
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(cloud); got != "[{north 1} {VIP 2} {客户 1}]" {
			t.Errorf("admin's cloud: got %s, want [{north 1} {VIP 2} {客户 1}]", got)
		}
		cloud, _ = rs.TagCloud(ctx, agent)
		if got := fmt.Sprint(cloud); got != "[{followup 1}]" {
			t.Errorf("agent's cloud: got %s", got)
		}
	})

	t.Run("find tagged", func(t *testing.T) {
		refs, err := rs.FindTagged(ctx, admin, "Vip")
		if err != nil || len(refs) != 2 {
			t.Fatalf("find tagged: got %v, %v, want 2", refs, err)
		}
		labels := map[string]bool{}
		for _, r := range refs {
			labels[r.Module+":"+r.Label] = true
		}
		if !labels["Accounts:Acme"] || !labels["Contacts:Mei Chan"] {
			t.Errorf("tagged records: got %v", refs)
		}
		if refs, _ := rs.FindTagged(ctx, agent, "vip"); len(refs) != 0 {
			t.Errorf("agent sees admin's tag: %v", refs)
		}
	})

	t.Run("untag and deleted records", func(t *testing.T) {
		if err := rs.UntagRecord(ctx, admin, acc.ID, "north"); err != nil {
			t.Fatal(err)
		}
		if got, _ := rs.RecordTags(ctx, admin, acc.ID); strings.Join(got, ",") != "VIP,客户" {
			t.Errorf("after untag: got %v", got)
		}
		if err := rs.DeleteRecord(ctx, agent, "Contacts", con.ID); err != nil {
			t.Fatal(err)
		}
		cloud, _ := rs.TagCloud(ctx, admin)
		if got := fmt.Sprint(cloud); got != "[{VIP 1} {客户 1}]" {
			t.Errorf("cloud without deleted contact: got %s", got)
		}
		if err := rs.TagRecord(ctx, admin, con.ID, "x"); crm.ErrorCode(err) != crm.ENotFound {
			t.Errorf("tag deleted record: got %v, want not_found", err)
		}
	})

	t.Run("invalid tags", func(t *testing.T) {
		for _, tag := range []string{strings.Repeat("a", 31), "", "!!!"} {
			if err := rs.TagRecord(ctx, admin, acc.ID, tag); crm.ErrorCode(err) != crm.EInvalid {
				t.Errorf("tag %q: got %v, want invalid", tag, err)
			}
		}
	})
}
