package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func accUser(t *testing.T, db *mysql.DB, name, role string) *crm.User {
	t.Helper()
	u, err := mysql.NewUserService(db).CreateUser(context.Background(), crm.NewUser{
		UserName: name, Password: "s3cret-Passw0rd", LastName: name, RoleID: role,
	})
	if err != nil {
		t.Fatalf("create user %s: %v", name, err)
	}
	return u
}

func accExec(t *testing.T, db *mysql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// newGroup adds a group with the given members, taking its id from the
// user sequence as vtiger does.
func accGroup(t *testing.T, db *mysql.DB, name string, members ...int64) int64 {
	t.Helper()
	ctx := context.Background()
	accExec(t, db, `UPDATE vtiger_users_seq SET id = LAST_INSERT_ID(id + 1)`)
	var id int64
	if err := db.GetContext(ctx, &id, `SELECT LAST_INSERT_ID()`); err != nil {
		t.Fatal(err)
	}
	accExec(t, db, `INSERT INTO vtiger_groups (groupid, groupname, description) VALUES (?, ?, '')`, id, name)
	for _, m := range members {
		accExec(t, db, `INSERT INTO vtiger_users2group (groupid, userid) VALUES (?, ?)`, id, m)
	}
	return id
}

type accessCase struct {
	name   string
	user   *crm.User
	action crm.Action
	record int64
	want   string // "" allowed, else an error code
}

func accCases(t *testing.T, ac *mysql.AccessService, module string, cases []accessCase) {
	t.Helper()
	for _, c := range cases {
		err := ac.Check(context.Background(), c.user, module, c.action, c.record)
		if got := crm.ErrorCode(err); got != c.want {
			t.Errorf("%s: %s %s %d: got %q (%v), want %q", c.name, c.user.UserName, c.action, c.record, got, err, c.want)
		}
	}
}

func TestAccessProfilesAndDefaults(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	ac := mysql.NewAccessService(db)
	sales := accUser(t, db, "sales1", "H5")
	other := accUser(t, db, "sales2", "H5")
	mine := accAccount(t, rs, admin, "Mine", sales.ID)
	theirs := accAccount(t, rs, admin, "Theirs", other.ID)
	con, err := rs.CreateRecord(ctx, admin, "Contacts", map[string]string{"lastname": "Chan"})
	if err != nil {
		t.Fatal(err)
	}

	accCases(t, ac, "Accounts", []accessCase{
		{"admin views", admin, crm.ActionView, theirs.ID, ""},
		{"admin purges", admin, crm.ActionPurge, theirs.ID, ""},
		{"default profile creates", sales, crm.ActionCreate, 0, ""},
		{"default profile lists", sales, crm.ActionList, 0, ""},
		{"public sharing: view", sales, crm.ActionView, theirs.ID, ""},
		{"public sharing: edit", sales, crm.ActionEdit, theirs.ID, ""},
		{"public sharing: delete", sales, crm.ActionDelete, theirs.ID, ""},
		{"own record", sales, crm.ActionDelete, mine.ID, ""},
		{"purge is for admins", sales, crm.ActionPurge, mine.ID, crm.EForbidden},
		{"record of another module", sales, crm.ActionView, con.ID, crm.ENotFound},
		{"missing record", sales, crm.ActionView, 999999, crm.ENotFound},
	})
	if err := ac.Check(ctx, sales, "NoSuchModule", crm.ActionView, 0); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("unknown module: got %v, want not_found", err)
	}
	if err := ac.Check(ctx, nil, "Accounts", crm.ActionView, 0); crm.ErrorCode(err) != crm.EUnauthorized {
		t.Errorf("no actor: got %v, want unauthorized", err)
	}

	// The Sales Profile (id 2, role H5) loses delete on Accounts.
	accExec(t, db, `UPDATE vtiger_profile2standardpermissions SET permissions = 1 WHERE profileid = 2 AND tabid = 6 AND operation = 2`)
	accCases(t, ac, "Accounts", []accessCase{
		{"profile denies delete", sales, crm.ActionDelete, mine.ID, crm.EForbidden},
		{"profile still allows edit", sales, crm.ActionEdit, mine.ID, ""},
		{"admin ignores profiles", admin, crm.ActionDelete, mine.ID, ""},
	})

	// Organisation-wide read only, then read/create/edit.
	accExec(t, db, `UPDATE vtiger_profile2standardpermissions SET permissions = 0 WHERE profileid = 2 AND tabid = 6`)
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 0 WHERE tabid = 6`)
	accCases(t, ac, "Accounts", []accessCase{
		{"read only: view", sales, crm.ActionView, theirs.ID, ""},
		{"read only: edit", sales, crm.ActionEdit, theirs.ID, crm.EForbidden},
		{"read only: own record", sales, crm.ActionEdit, mine.ID, ""},
	})
	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 1 WHERE tabid = 6`)
	accCases(t, ac, "Accounts", []accessCase{
		{"read/edit: edit", sales, crm.ActionEdit, theirs.ID, ""},
		{"read/edit: delete", sales, crm.ActionDelete, theirs.ID, crm.EForbidden},
	})

	// The module taken away from the profile.
	accExec(t, db, `UPDATE vtiger_profile2tab SET permissions = 1 WHERE profileid = 2 AND tabid = 6`)
	accCases(t, ac, "Accounts", []accessCase{
		{"module denied", sales, crm.ActionView, mine.ID, crm.EForbidden},
		{"module denied: list", sales, crm.ActionList, 0, crm.EForbidden},
	})
	if _, _, err := ac.ListScope(ctx, sales, "Accounts"); crm.ErrorCode(err) != crm.EForbidden {
		t.Errorf("list scope of a denied module: got %v, want forbidden", err)
	}
}

func accAccount(t *testing.T, rs *mysql.RecordService, actor *crm.User, name string, owner int64) *crm.Record {
	t.Helper()
	r, err := rs.CreateRecord(context.Background(), actor, "Accounts", map[string]string{
		"accountname": name, "assigned_user_id": fmt.Sprint(owner),
	})
	if err != nil {
		t.Fatalf("create account %s: %v", name, err)
	}
	return r
}

func TestAccessPrivateModule(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	ac := mysql.NewAccessService(db)
	owner := accUser(t, db, "owner", "H5")
	peer := accUser(t, db, "peer", "H5")
	manager := accUser(t, db, "manager", "H4")
	acc := accAccount(t, rs, admin, "Owned", owner.ID)
	team := accGroup(t, db, "Night shift", peer.ID)
	outer := accGroup(t, db, "Everyone at night")
	accExec(t, db, `INSERT INTO vtiger_group2grouprel (groupid, containsgroupid) VALUES (?, ?)`, outer, team)
	byTeam := accAccount(t, rs, admin, "Team's", team)
	byOuter := accAccount(t, rs, admin, "Outer's", outer)
	byManager := accAccount(t, rs, admin, "Manager's", manager.ID)

	accExec(t, db, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 6`)
	accCases(t, ac, "Accounts", []accessCase{
		{"owner", owner, crm.ActionEdit, acc.ID, ""},
		{"peer role", peer, crm.ActionView, acc.ID, crm.EForbidden},
		{"manager above", manager, crm.ActionView, acc.ID, ""},
		{"manager above edits", manager, crm.ActionDelete, acc.ID, ""},
		{"subordinate cannot see up", owner, crm.ActionView, byManager.ID, crm.EForbidden},
		{"group member", peer, crm.ActionEdit, byTeam.ID, ""},
		{"not a member", owner, crm.ActionView, byTeam.ID, crm.EForbidden},
		{"member of a contained group", peer, crm.ActionView, byOuter.ID, ""},
		{"admin", admin, crm.ActionView, acc.ID, ""},
	})

	visible := func(u *crm.User) map[string]bool {
		t.Helper()
		scope, args, err := ac.ListScope(ctx, u, "Accounts")
		if err != nil {
			t.Fatalf("list scope of %s: %v", u.UserName, err)
		}
		q := `SELECT a.accountname FROM vtiger_crmentity e JOIN vtiger_account a ON a.accountid = e.crmid
			WHERE e.setype = 'Accounts' AND e.deleted = 0`
		if scope != "" {
			q += " AND " + scope
		}
		var names []string
		if err := db.SelectContext(ctx, &names, q, args...); err != nil {
			t.Fatalf("list with scope %q: %v", scope, err)
		}
		out := map[string]bool{}
		for _, n := range names {
			out[n] = true
		}
		return out
	}
	for _, c := range []struct {
		user *crm.User
		want []string
	}{
		{owner, []string{"Owned"}},
		{peer, []string{"Team's", "Outer's"}},
		{manager, []string{"Owned", "Manager's"}},
		{admin, []string{"Owned", "Team's", "Outer's", "Manager's"}},
	} {
		got := visible(c.user)
		// The engine's own list applies the same scope.
		page, err := rs.FindRecords(ctx, c.user, "Accounts", crm.ListQuery{Columns: []string{"accountname"}})
		if err != nil {
			t.Fatalf("%s lists accounts: %v", c.user.UserName, err)
		}
		listed := map[string]bool{}
		for _, r := range page.Records {
			listed[r.Values["accountname"]] = true
		}
		if len(listed) != len(got) || page.Total != len(got) {
			t.Errorf("%s: FindRecords lists %v (total %d), want %v", c.user.UserName, listed, page.Total, got)
		}
		if len(got) != len(c.want) {
			t.Errorf("%s sees %v, want %v", c.user.UserName, got, c.want)
		}
		for _, n := range c.want {
			if !got[n] {
				t.Errorf("%s does not see %q (sees %v)", c.user.UserName, n, got)
			}
		}
	}

	// "View all" in the profile opens every record to reading only.
	accExec(t, db, `UPDATE vtiger_profile2globalpermissions SET globalactionpermission = 0 WHERE profileid = 2 AND globalactionid = 1`)
	accCases(t, ac, "Accounts", []accessCase{
		{"view all: view", peer, crm.ActionView, acc.ID, ""},
		{"view all: edit", peer, crm.ActionEdit, acc.ID, crm.EForbidden},
	})
	if got := visible(peer); len(got) != 4 {
		t.Errorf("view all: peer sees %v, want all 4", got)
	}
}

func TestRightsPerRequest(t *testing.T) {
	ctx := context.Background()
	rs, db, admin := newRecords(t)
	ac := mysql.NewAccessService(db)
	sales := accUser(t, db, "sales", "H5")
	acc := accAccount(t, rs, admin, "Acme", admin.ID)
	r, err := ac.Rights(ctx, sales)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Check(ctx, "Accounts", crm.ActionView, acc.ID); err != nil {
		t.Errorf("view: got %v, want allowed", err)
	}
	accExec(t, db, `UPDATE vtiger_users SET status = 'Inactive' WHERE id = ?`, sales.ID)
	if _, err := ac.Rights(ctx, sales); crm.ErrorCode(err) != crm.EUnauthorized {
		t.Errorf("inactive user: got %v, want unauthorized", err)
	}
}
