package mysql_test

import (
	"context"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

func TestCreateRole(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	roles := mysql.NewRoleService(db)
	r, err := roles.CreateRole(ctx, crm.NewRole{Name: "Support Agent", Parent: "H4", Profile: "Support Profile"})
	if err != nil {
		t.Fatal(err)
	}
	// vtiger_role_seq of a fresh install is 5: the next role is H6.
	if r.ID != "H6" || r.ParentPath != "H1::H2::H3::H4::H6" || r.Depth != 4 {
		t.Errorf("role: got %+v, want H6 under H4 at depth 4", r)
	}
	var profile string
	if err := db.GetContext(ctx, &profile, `SELECT p.profilename FROM vtiger_role2profile rp
		JOIN vtiger_profile p ON p.profileid = rp.profileid WHERE rp.roleid = 'H6'`); err != nil || profile != "Support Profile" {
		t.Errorf("role's profile: got %q (%v), want Support Profile", profile, err)
	}
	var mine, parents int
	if err := db.GetContext(ctx, &mine, `SELECT COUNT(*) FROM vtiger_role2picklist WHERE roleid = 'H6'`); err != nil {
		t.Fatal(err)
	}
	if err := db.GetContext(ctx, &parents, `SELECT COUNT(*) FROM vtiger_role2picklist WHERE roleid = 'H4'`); err != nil {
		t.Fatal(err)
	}
	if mine == 0 || mine != parents {
		t.Errorf("picklist values: got %d, want the parent's %d", mine, parents)
	}
	// A user of the new role may edit tickets: the Support Profile allows it.
	agent, err := mysql.NewUserService(db).CreateUser(ctx, crm.NewUser{UserName: "amy", Password: "amy-secret-1", RoleID: r.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := mysql.NewAccessService(db).Check(ctx, agent, "HelpDesk", crm.ActionEdit, 0); err != nil {
		t.Errorf("support agent editing tickets: got %v, want allowed", err)
	}

	list, err := roles.FindRoles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range list {
		if x.ID == "H6" && x.Name == "Support Agent" && len(x.Profiles) == 1 && x.Profiles[0] == "Support Profile" {
			found = true
		}
	}
	if !found {
		t.Errorf("FindRoles: H6 missing or wrong in %+v", list)
	}

	for _, tc := range []struct {
		nr     crm.NewRole
		code   string
		fields []string
	}{
		{crm.NewRole{Name: " ", Parent: "H9", Profile: "Nope"}, crm.EInvalid, []string{"name"}},
		{crm.NewRole{Name: "Team", Parent: "H9", Profile: "Nope"}, crm.EInvalid, []string{"parent", "profile"}},
		{crm.NewRole{Name: "Support Agent", Parent: "H4", Profile: "Support Profile"}, crm.EConflict, nil},
	} {
		_, err := roles.CreateRole(ctx, tc.nr)
		if crm.ErrorCode(err) != tc.code {
			t.Errorf("%+v: got %v, want %s", tc.nr, err, tc.code)
			continue
		}
		var e *crm.Error
		if len(tc.fields) > 0 && (!errorsAs(err, &e) || len(e.Fields) != len(tc.fields)) {
			t.Errorf("%+v: got fields %v, want %v", tc.nr, e, tc.fields)
		}
	}
}
