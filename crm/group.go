package crm

import "context"

// Group is a vtiger group (vtiger_groups): a team that can own records
// in place of a user. Groups and users share one id space, so a record's
// owner id names either.
type Group struct {
	ID   int64
	Name string
}

// GroupReader lists the groups an owner picker offers.
type GroupReader interface {
	// FindGroups returns every group, by name.
	FindGroups(ctx context.Context) ([]Group, error)
}
