package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tigerline/tigerline/crm"
)

// RoleService implements crm.RoleService on vtiger_role.
type RoleService struct{ db *DB }

// NewRoleService returns a RoleService on db.
func NewRoleService(db *DB) *RoleService { return &RoleService{db: db} }

var _ crm.RoleService = (*RoleService)(nil)

// maxRoleName is vtiger_role.rolename's length.
const maxRoleName = 200

type roleRow struct {
	ID         string `db:"roleid"`
	Name       string `db:"rolename"`
	ParentPath string `db:"parentrole"`
	Depth      int    `db:"depth"`
	Profiles   string `db:"profiles"`
}

// FindRoles lists every role with its profiles' names, parents first.
func (s *RoleService) FindRoles(ctx context.Context) ([]*crm.Role, error) {
	var rows []roleRow
	const q = `SELECT r.roleid, COALESCE(r.rolename, '') AS rolename, COALESCE(r.parentrole, '') AS parentrole,
			COALESCE(r.depth, 0) AS depth,
			COALESCE(GROUP_CONCAT(p.profilename ORDER BY p.profileid SEPARATOR '\n'), '') AS profiles
		FROM vtiger_role r
		LEFT JOIN vtiger_role2profile rp ON rp.roleid = r.roleid
		LEFT JOIN vtiger_profile p ON p.profileid = rp.profileid
		GROUP BY r.roleid, r.rolename, r.parentrole, r.depth
		ORDER BY r.parentrole`
	if err := s.db.SelectContext(ctx, &rows, q); err != nil {
		return nil, fmt.Errorf("list roles: %w", err)
	}
	out := make([]*crm.Role, len(rows))
	for i, r := range rows {
		out[i] = &crm.Role{ID: r.ID, Name: r.Name, ParentPath: r.ParentPath, Depth: r.Depth, Profiles: []string{}}
		if r.Profiles != "" {
			out[i].Profiles = strings.Split(r.Profiles, "\n")
		}
	}
	return out, nil
}

// CreateRole adds a role the way vtiger's Settings > Roles saves one: its
// id is "H" and the next vtiger_role_seq number, its path and depth
// follow the parent, it gets the profile, and its users may choose the
// picklist values its parent's may (vtiger copies vtiger_role2picklist).
func (s *RoleService) CreateRole(ctx context.Context, nr crm.NewRole) (*crm.Role, error) {
	name := strings.TrimSpace(nr.Name)
	bad := map[string]string{}
	switch {
	case name == "":
		bad["name"] = "is required"
	case utf8.RuneCountInString(name) > maxRoleName:
		bad["name"] = fmt.Sprintf("is longer than %d characters", maxRoleName)
	}
	if len(bad) > 0 {
		return nil, invalidFields("role", bad)
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("create role: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit it is a no-op
	var parent roleRow
	err = tx.GetContext(ctx, &parent, `SELECT roleid, COALESCE(rolename, '') AS rolename,
		COALESCE(parentrole, '') AS parentrole, COALESCE(depth, 0) AS depth, '' AS profiles
		FROM vtiger_role WHERE roleid = ? FOR UPDATE`, nr.Parent)
	if errors.Is(err, sql.ErrNoRows) {
		bad["parent"] = fmt.Sprintf("there is no role %q", nr.Parent)
	} else if err != nil {
		return nil, fmt.Errorf("create role: %w", err)
	}
	var profileID int64
	err = tx.GetContext(ctx, &profileID, `SELECT profileid FROM vtiger_profile WHERE profilename = ?`, nr.Profile)
	if errors.Is(err, sql.ErrNoRows) {
		bad["profile"] = fmt.Sprintf("there is no profile %q", nr.Profile)
	} else if err != nil {
		return nil, fmt.Errorf("create role: %w", err)
	}
	if len(bad) > 0 {
		return nil, invalidFields("role", bad)
	}
	var same int
	if err := tx.GetContext(ctx, &same, `SELECT COUNT(*) FROM vtiger_role WHERE rolename = ? AND parentrole LIKE CONCAT(?, '::%')
		AND depth = ?`, name, parent.ParentPath, parent.Depth+1); err != nil {
		return nil, fmt.Errorf("create role: %w", err)
	}
	if same > 0 {
		return nil, crm.Errorf(crm.EConflict, "role %s already has a role named %q", parent.Name, name)
	}
	n, err := nextID(ctx, tx, "vtiger_role_seq")
	if err != nil {
		return nil, err
	}
	r := &crm.Role{ID: "H" + strconv.FormatInt(n, 10), Name: name, Depth: parent.Depth + 1, Profiles: []string{nr.Profile}}
	r.ParentPath = parent.ParentPath + "::" + r.ID
	steps := []struct {
		q    string
		args []any
	}{
		{`INSERT INTO vtiger_role (roleid, rolename, parentrole, depth) VALUES (?, ?, ?, ?)`, []any{r.ID, r.Name, r.ParentPath, r.Depth}},
		{`INSERT INTO vtiger_role2profile (roleid, profileid) VALUES (?, ?)`, []any{r.ID, profileID}},
		{`INSERT INTO vtiger_role2picklist (roleid, picklistvalueid, picklistid, sortid)
			SELECT ?, picklistvalueid, picklistid, sortid FROM vtiger_role2picklist WHERE roleid = ?`, []any{r.ID, parent.ID}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return nil, fmt.Errorf("create role %s: %w", r.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("create role: %w", err)
	}
	return r, nil
}
