package web

import (
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// historyEntry is one change of a record as its detail page lists it.
type historyEntry struct {
	When   string
	Who    string
	What   string
	Fields []historyField
}

// historyField is one changed field: before and after, as stored.
type historyField struct {
	Label  string
	Before string
	After  string
}

// changeNames are the words for ModTracker's statuses.
var changeNames = map[int]string{
	crm.ChangeUpdated: "Updated", crm.ChangeDeleted: "Deleted", crm.ChangeCreated: "Created",
	crm.ChangeRestored: "Restored", crm.ChangeLinked: "Linked", crm.ChangeUnlinked: "Unlinked",
}

// historyEntries turns a record's changes into the lines of its history.
func historyEntries(tr translator, m *crm.Module, changes []crm.Change, owners map[int64]string) []historyEntry {
	out := make([]historyEntry, 0, len(changes))
	for _, c := range changes {
		e := historyEntry{When: tr.DateTime(c.When), Who: owners[c.UserID], What: tr.T(changeNames[c.Status])}
		if e.Who == "" {
			e.Who = "#" + strconv.FormatInt(c.UserID, 10)
		}
		for _, fc := range c.Fields {
			label := fc.Field
			if f := m.Field(fc.Field); f != nil {
				label = f.Label
			}
			e.Fields = append(e.Fields, historyField{Label: tr.T(label), Before: fc.Before, After: fc.After})
		}
		out = append(out, e)
	}
	return out
}
