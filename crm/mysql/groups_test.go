package mysql_test

import (
	"context"
	"slices"
	"testing"
)

// TestGroupsAndFormMetadata checks what the owner picker, mass edit and
// quick-create read: the groups of a fresh install, vtiger's masseditable
// flag and the quick-create order.
func TestGroupsAndFormMetadata(t *testing.T) {
	ctx := context.Background()
	rs, _, _ := newRecords(t)
	groups, err := rs.FindGroups(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range groups {
		names = append(names, g.Name)
	}
	if want := []string{"Marketing Group", "Support Group", "Team Selling"}; !slices.Equal(names, want) {
		t.Errorf("groups: got %q, want %q", names, want)
	}
	m, err := rs.Module(ctx, "Accounts")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		field    string
		mass     bool
		quick    bool
		quickSeq int
	}{
		{"accountname", false, true, 1},
		{"phone", true, true, 2},
		{"assigned_user_id", true, true, 4},
		{"bill_city", true, false, 0},
		{"account_no", false, false, 0},
	} {
		f := m.Field(c.field)
		if f == nil {
			t.Fatalf("no field %s", c.field)
		}
		if f.MassEditable != c.mass || f.Quickcreate != c.quick || f.QuickcreateSequence != c.quickSeq {
			t.Errorf("%s: got mass %v quick %v seq %d, want %v %v %d", c.field,
				f.MassEditable, f.Quickcreate, f.QuickcreateSequence, c.mass, c.quick, c.quickSeq)
		}
	}
}
