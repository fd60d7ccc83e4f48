package mysql_test

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// missionTables are base tables of every module the product serves; each
// must exist after a migration.
var missionTables = []string{
	"vtiger_crmentity", "vtiger_crmentity_seq", "vtiger_crmentityrel", "vtiger_modentity_num",
	"vtiger_users", "vtiger_role", "vtiger_profile", "vtiger_groups", "vtiger_def_org_share",
	"vtiger_tab", "vtiger_blocks", "vtiger_field", "vtiger_entityname", "vtiger_relatedlists",
	"vtiger_picklist", "vtiger_role2picklist", "vtiger_customview", "vtiger_cvcolumnlist",
	"vtiger_account", "vtiger_contactdetails", "vtiger_leaddetails", "vtiger_potential",
	"vtiger_quotes", "vtiger_salesorder", "vtiger_invoice", "vtiger_invoice_recurring_info",
	"vtiger_purchaseorder", "vtiger_products", "vtiger_service", "vtiger_vendor",
	"vtiger_pricebook", "vtiger_campaign", "vtiger_servicecontracts", "vtiger_troubletickets",
	"vtiger_ticketcomments", "vtiger_faq", "vtiger_activity", "vtiger_activity_reminder",
	"vtiger_recurringevents", "vtiger_invitees", "vtiger_emaildetails", "vtiger_email_access",
	"vtiger_emailtemplates", "vtiger_mailscanner", "vtiger_notes", "vtiger_attachments",
	"vtiger_pbxmanager", "vtiger_pbxmanager_phonelookup", "vtiger_asterisk",
	"vtiger_asteriskextensions", "vtiger_modtracker_basic", "vtiger_modtracker_detail",
	"vtiger_modcomments", "vtiger_freetags", "vtiger_freetagged_objects", "vtiger_homestuff",
	"vtiger_report", "com_vtiger_workflows", "vtiger_customerportal_tabs", "vtiger_portalinfo",
	"vtiger_currency_info", "vtiger_inventorytaxinfo", "vtiger_organizationdetails",
	"vtiger_systems",
}

// TestSchemaMatchesVtiger54 loads vtiger 5.4's fresh dump into one scratch
// database, migrates another, and holds them against each other through
// information_schema; then it migrates the dump itself and checks that no
// row changed and that vtiger's admin can log in.
func TestSchemaMatchesVtiger54(t *testing.T) {
	dump := filepath.Join(mysqltest.SharedDir(t, "vtiger-5.4"), "vtiger-5.4-fresh.sql")
	ctx := context.Background()

	vtDSN := mysqltest.Scratch(t, "vt54")
	if err := mysqltest.LoadDump(ctx, vtDSN, dump); err != nil {
		t.Fatalf("load vtiger dump: %v", err)
	}
	vt, err := mysql.Open(ctx, vtDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer vt.Close()
	ours, _ := mysqltest.NewDB(t)

	vtShapes, ourShapes := schemaShapes(t, vt), schemaShapes(t, ours)

	t.Run("every table of ours is vtiger's, column for column", func(t *testing.T) {
		for _, name := range tableNames(ourShapes) {
			if strings.HasPrefix(name, "tl_") || vtiger6Addition(name, "", "") {
				continue
			}
			want, ok := vtShapes[name]
			if !ok {
				t.Errorf("table %s: not in vtiger 5.4", name)
				continue
			}
			got := ourShapes[name]
			for col, shape := range got.columns {
				if vtiger6Addition(name, col, "") {
					continue
				}
				if want.columns[col] != shape {
					t.Errorf("%s.%s: got %q, want %q", name, col, shape, want.columns[col])
				}
			}
			for col := range want.columns {
				if _, ok := got.columns[col]; !ok {
					t.Errorf("%s.%s: missing", name, col)
				}
			}
			for ix, shape := range got.indexes {
				if vtiger6Addition(name, "", ix) {
					continue
				}
				if want.indexes[ix] != shape {
					t.Errorf("%s index %s: got %q, want %q", name, ix, shape, want.indexes[ix])
				}
			}
			for ix := range want.indexes {
				if _, ok := got.indexes[ix]; !ok {
					t.Errorf("%s index %s: missing", name, ix)
				}
			}
		}
	})

	t.Run("every vtiger table and mission table exists", func(t *testing.T) {
		for name := range vtShapes {
			if ourShapes[name] == nil {
				t.Errorf("vtiger table %s: missing", name)
			}
		}
		for _, name := range missionTables {
			if ourShapes[name] == nil {
				t.Errorf("mission table %s: missing", name)
			}
		}
	})

	t.Run("every row of a fresh vtiger is seeded", func(t *testing.T) {
		// This covers the metadata tables (modules, blocks, fields, entity
		// names, related lists, picklists and their role assignments,
		// numbering) and everything else a fresh install holds.
		for _, name := range tableNames(vtShapes) {
			got, want := tableRows(t, ours, name), tableRows(t, vt, name)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("table %s: %d rows differ from vtiger's %d", name, len(got), len(want))
			}
		}
	})

	t.Run("migrating vtiger's own database keeps every row", func(t *testing.T) {
		before := map[string][]string{}
		for _, name := range tableNames(vtShapes) {
			before[name] = tableRows(t, vt, name)
		}
		res, err := mysql.Migrate(ctx, vtDSN, mysqltest.Logger())
		if err != nil {
			t.Fatalf("migrate vtiger 5.4 database: %v", err)
		}
		if res.Seeded {
			t.Error("seeded an existing vtiger database; want it left alone")
		}
		if !res.PhonesUnindexed {
			t.Error("PhonesUnindexed: got false, want true (vtiger 5.4 has no phone lookup table to fill)")
		}
		for name, rows := range before {
			if got := tableRows(t, vt, name); !reflect.DeepEqual(got, rows) {
				t.Errorf("table %s changed: %d rows before, %d after", name, len(rows), len(got))
			}
		}
		after := schemaShapes(t, vt)
		for _, c := range mysql.Vtiger6PBXColumns {
			if _, ok := after["vtiger_pbxmanager"].columns[c.Name]; !ok {
				t.Errorf("vtiger_pbxmanager.%s: not added", c.Name)
			}
		}
		if after["vtiger_pbxmanager_phonelookup"] == nil {
			t.Error("vtiger_pbxmanager_phonelookup: not created")
		}
		u, err := mysql.NewUserService(vt).Authenticate(ctx, "admin", "admin")
		if err != nil {
			t.Fatalf("log in as vtiger's admin/admin: %v", err)
		}
		if !u.IsAdmin || u.ID != 1 {
			t.Errorf("admin: got id %d admin %v, want id 1 admin true", u.ID, u.IsAdmin)
		}
	})
}
