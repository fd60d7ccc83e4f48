package crm_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// TestCallPayloadEventRinging: call events carry the agents ringing, as a
// list even when nobody rings, and reach the agents popped, those ringing,
// those whose ring stopped with it, the call's agent and the supervisors;
// an agent whose ring stopped is not popped.
func TestCallPayloadEventRinging(t *testing.T) {
	rec := crm.CallRecord{Gateway: "gw", SourceUniqueID: "1.1", Status: crm.CallStatusRinging, AgentExtension: "201"}
	tests := []struct {
		name     string
		u        crm.CallUpdate
		ringing  string
		audience []string
	}{
		{"pop", crm.CallUpdate{Kind: crm.CallRinging, Call: rec, Extensions: []string{"202"}, Ringing: []string{"201", "202"}},
			`["201","202"]`, []string{"202", "201"}},
		{"ring stopped", crm.CallUpdate{Kind: crm.CallRinging, Call: rec, Ringing: []string{"202"}, Stopped: []string{"203"}},
			`["202"]`, []string{"202", "203", "201"}},
		{"nobody rings", crm.CallUpdate{Kind: crm.CallRinging, Call: rec}, `[]`, []string{"201"}},
	}
	for _, tc := range tests {
		e, err := crm.CallUpdateEvent(tc.u, nil)
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Ringing    json.RawMessage `json:"ringing"`
			Extensions []string        `json:"extensions"`
			Stopped    []string        `json:"stopped"`
		}
		if err := json.Unmarshal(e.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if string(p.Ringing) != tc.ringing {
			t.Errorf("%s: got ringing %s, want %s", tc.name, p.Ringing, tc.ringing)
		}
		if !slices.Equal(p.Extensions, tc.u.Extensions) || !slices.Equal(p.Stopped, tc.u.Stopped) {
			t.Errorf("%s: got extensions %v stopped %v, want %v and %v", tc.name, p.Extensions, p.Stopped, tc.u.Extensions, tc.u.Stopped)
		}
		if !slices.Equal(e.Audience.Extensions, tc.audience) || !e.Audience.Supervisors {
			t.Errorf("%s: got audience %+v, want extensions %v and supervisors", tc.name, e.Audience, tc.audience)
		}
	}
}
