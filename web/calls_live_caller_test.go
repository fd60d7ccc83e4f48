package web

import (
	"context"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// TestLiveCallerFromFlow: a reload shows the caller the call flow found
// (stored with the live call) without looking it up again, but looks an
// unknown caller up anew, since the agent may have created the record
// from the pop meanwhile.
func TestLiveCallerFromFlow(t *testing.T) {
	found := inbound("found", "+85291110000", "101", 5*time.Second)
	unknown := inbound("unknown", "+85292220000", "101", 6*time.Second)
	// The flow found a contact whose number has since changed: a new
	// lookup of the call's number would find nobody, so only the stored
	// match can name the caller.
	flowMatch := &crm.CallerMatch{Number: found.CustomerNumber, Records: []crm.CallerRecord{
		{Module: "Contacts", ID: 4242, Name: "Found By Flow", Field: "phone"}}}
	f := newCallFixture(t, func(_ *Config, d *Deps) {
		d.LiveCalls = func(context.Context) ([]crm.LiveCall, error) {
			return []crm.LiveCall{
				{Call: found, Extensions: []string{"101"}, Caller: flowMatch},
				{Call: unknown, Extensions: []string{"101"}, Caller: &crm.CallerMatch{Number: unknown.CustomerNumber, Unknown: true}},
			}, nil
		}
	})
	created := f.create(t, "Contacts", map[string]string{"lastname": "Created From Pop", "mobile": unknown.CustomerNumber})

	var got dashboardBody
	f.client(t, "admin", "admin").getJSON("/api/dashboard", &got)
	callers := map[string]*crm.CallerMatch{}
	for _, c := range got.Calls {
		callers[c.SourceUniqueID] = c.Caller
	}
	if m := callers["found"]; m == nil || len(m.Records) != 1 || m.Records[0].ID != 4242 || m.Records[0].Name != "Found By Flow" {
		t.Errorf("found call: got caller %+v, want the flow's match", m)
	}
	if m := callers["unknown"]; m == nil || m.Unknown || len(m.Records) != 1 || m.Records[0].ID != created.ID {
		t.Errorf("unknown call: got caller %+v, want the contact created since (id %d)", m, created.ID)
	}
}
