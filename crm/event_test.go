package crm_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// TestCallPayloadEventRinging: call events carry the agents ringing, as a
// list even when nobody rings, and an update popping nobody (an agent
// stopped ringing) reaches only the call's agent and the supervisors.
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
		{"ring stopped", crm.CallUpdate{Kind: crm.CallRinging, Call: rec, Ringing: []string{"202"}}, `["202"]`, []string{"201"}},
		{"nobody rings", crm.CallUpdate{Kind: crm.CallRinging, Call: rec}, `[]`, []string{"201"}},
	}
	for _, tc := range tests {
		e, err := crm.CallUpdateEvent(tc.u, nil)
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Ringing json.RawMessage `json:"ringing"`
		}
		if err := json.Unmarshal(e.Payload, &p); err != nil {
			t.Fatal(err)
		}
		if string(p.Ringing) != tc.ringing {
			t.Errorf("%s: got ringing %s, want %s", tc.name, p.Ringing, tc.ringing)
		}
		if !slices.Equal(e.Audience.Extensions, tc.audience) || !e.Audience.Supervisors {
			t.Errorf("%s: got audience %+v, want extensions %v and supervisors", tc.name, e.Audience, tc.audience)
		}
	}
}
