package web

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestListBrowser drives a list's own actions in headless Chromium: save
// a filter with a condition and see the list narrow, tag two ticked rows
// at once and mass edit them, and quick-create a record owned by a
// group, coming back to the list. Screenshots go where TestBrowser's do.
func TestListBrowser(t *testing.T) {
	skipWithoutChromium(t)
	t.Parallel()
	me := newModuleEnv(t)
	ctx := context.Background()
	harbour := me.create(t, "Accounts", map[string]string{"accountname": "Harbour Foods", "bill_city": "Kowloon"})
	me.create(t, "Accounts", map[string]string{"accountname": "Peak Traders", "bill_city": "Central"})
	ferries := me.create(t, "Accounts", map[string]string{"accountname": "Lantau Ferries", "bill_city": "Kowloon"})

	b := newBrowser(t, screenshotDir(t))
	b.signIn(me.ts.URL, "admin", "admin")

	// A saved filter: a name, the columns it starts with, and one
	// condition, City equals Kowloon.
	b.run("new filter",
		chromedp.Navigate(me.ts.URL+"/m/Accounts"),
		chromedp.WaitVisible(chromedp.CSS("table.records")),
		chromedp.Click(chromedp.CSS(`.filteractions a[href^="/m/Accounts/filters/new"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.filterform")),
		chromedp.SendKeys(chromedp.CSS("#cv-name"), "Kowloon accounts"),
		chromedp.SetValue(chromedp.CSS("#cv-cond-0-0"), "bill_city"),
		chromedp.SetValue(chromedp.CSS("#cv-op-0-0"), "e"),
		chromedp.SendKeys(chromedp.CSS("#cv-value-0-0"), "Kowloon"))
	b.shot("filter-edit")
	b.run("save the filter",
		chromedp.Click(chromedp.CSS("form.filterform .formactions button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.listview table.records")))
	b.wantText("table.records", "Harbour Foods", "Lantau Ferries")
	b.lacksText("table.records", "Peak Traders")
	b.wantText("#viewname", "Kowloon accounts")
	b.shot("list-filtered")

	// Tick two rows and tag them in one go; the list comes back saying so.
	b.run("mass tag",
		chromedp.Click(chromedp.CSS(`input[name="id"][value="`+itoa(harbour.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name="id"][value="`+itoa(ferries.ID)+`"]`)),
		chromedp.SendKeys(chromedp.CSS("#masstags"), "ferry-pier"),
		chromedp.Click(chromedp.CSS("button.masstag")),
		chromedp.WaitVisible(chromedp.CSS("p.notice")))
	b.wantText("p.notice", "2 records tagged ferry-pier.")
	b.shot("list-tagged")
	for _, id := range []int64{harbour.ID, ferries.ID} {
		tags, err := me.records.RecordTags(ctx, me.admin, id)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(tags, []string{"ferry-pier"}) {
			t.Errorf("record %d: got tags %q, want ferry-pier", id, tags)
		}
	}

	// Mass edit the same two: typing a value ticks its field's "change"
	// box, and the saved records leave the Kowloon filter.
	b.run("mass edit",
		chromedp.Click(chromedp.CSS(`input[name="id"][value="`+itoa(harbour.ID)+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name="id"][value="`+itoa(ferries.ID)+`"]`)),
		chromedp.Click(chromedp.CSS("button.massedit")),
		chromedp.WaitVisible(chromedp.CSS("section.massform")),
		chromedp.SendKeys(chromedp.CSS("#f-bill_city"), "Tsuen Wan"))
	b.shot("mass-edit")
	b.run("save the mass edit",
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.listview p.notice")))
	b.wantText("p.notice", "2 records updated.")
	b.lacksText("table.records", "Harbour Foods", "Lantau Ferries")
	for _, id := range []int64{harbour.ID, ferries.ID} {
		rec, err := me.records.FindRecordByID(ctx, "Accounts", id)
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.Values["bill_city"]; got != "Tsuen Wan" {
			t.Errorf("record %d: got bill_city %q, want Tsuen Wan", id, got)
		}
	}

	// Quick-create from the list, owned by a group: choosing "Group"
	// swaps the user select for the group select.
	b.run("quick create",
		chromedp.Click(chromedp.CSS(`a.button[href^="/m/Accounts/quick"]`)),
		chromedp.WaitVisible(chromedp.CSS("section.quickform")),
		chromedp.WaitNotVisible(chromedp.CSS("#f-assigned_user_id-group")),
		chromedp.SendKeys(chromedp.CSS("#f-accountname"), "Tsing Yi Storage"),
		chromedp.SendKeys(chromedp.CSS("#f-phone"), "+852 2433 1234"),
		chromedp.Click(chromedp.CSS(`input[name="assigned_user_id-type"][value="T"]`)),
		chromedp.WaitVisible(chromedp.CSS("#f-assigned_user_id-group")),
		chromedp.WaitNotVisible(chromedp.CSS("#f-assigned_user_id")))
	groups, err := me.records.FindGroups(ctx)
	if err != nil || len(groups) == 0 {
		t.Fatalf("groups: %v %v", groups, err)
	}
	b.run("choose the group", chromedp.SetValue(chromedp.CSS("#f-assigned_user_id-group"), itoa(groups[0].ID)))
	b.shot("quick-create")
	b.run("save the quick-create",
		chromedp.Click(chromedp.CSS("form.recordform button.primary")),
		chromedp.WaitVisible(chromedp.CSS("section.listview p.notice a")))
	b.wantText("p.notice", "Tsing Yi Storage")
	if loc := b.location(); !strings.Contains(loc, "/m/Accounts?") || !strings.Contains(loc, "created=") {
		t.Errorf("after quick-create: at %s, want back on the accounts list", loc)
	}
	b.run("open the new record",
		chromedp.Click(chromedp.CSS("p.notice a")),
		chromedp.WaitVisible(chromedp.CSS("section.detail")))
	b.wantText("section.detail", "Tsing Yi Storage", groups[0].Name)

	b.wantNoDialogsOrExceptions()
}
