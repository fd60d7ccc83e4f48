package crm

import "context"

// Role is a vtiger role: a place in the hierarchy (vtiger_role) with the
// profiles that say what its users may do (vtiger_role2profile).
type Role struct {
	ID         string   `json:"id"`   // "H5"
	Name       string   `json:"name"` // "Sales Man"
	ParentPath string   `json:"parent_path"`
	Depth      int      `json:"depth"`
	Profiles   []string `json:"profiles"`
}

// NewRole is what CreateRole needs: a name, the parent role's id and the
// name of the profile the role's users get.
type NewRole struct {
	Name    string
	Parent  string // e.g. "H4"
	Profile string // e.g. "Support Profile"
}

// RoleService lists and adds roles, as vtiger's Settings > Roles does.
type RoleService interface {
	// FindRoles lists every role, in hierarchy order.
	FindRoles(ctx context.Context) ([]*Role, error)
	// CreateRole adds a role under its parent. Errors: invalid (no name,
	// too long; unknown parent or profile, naming the field), conflict
	// (the parent already has a role of that name).
	CreateRole(ctx context.Context, nr NewRole) (*Role, error)
}
