package crm

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Event types carried by Event.Type. The realtime package's PROTOCOL.md
// documents each one's payload and says which are emitted today.
const (
	EventCallRinging       = string(CallRinging)  // "call.ringing"
	EventCallAnswered      = string(CallAnswered) // "call.answered"
	EventCallEnded         = string(CallEnded)    // "call.ended"
	EventTicketCreated     = "ticket.created"
	EventTicketUpdated     = "ticket.updated"
	EventQueueUpdated      = "queue.updated"
	EventAgentState        = "agent.state"
	EventDashboardSnapshot = "dashboard.snapshot"
)

// Event is a domain event on its way to browsers: what happened (Type and
// the Version of its payload's shape), when, and who may see it. Storage
// hands it to a Publisher only once the transaction that caused it commits.
type Event struct {
	Type    string    `json:"type"`
	Version int       `json:"v"`
	Time    time.Time `json:"time"`
	// Payload is the event's body as JSON; NewEvent marshals it once so
	// every node and every browser receives the same bytes.
	Payload  json.RawMessage `json:"payload,omitempty"`
	Audience Audience        `json:"audience"`
}

// Audience says which signed-in users receive an event. A user receives
// it when any field matches; the zero Audience reaches nobody.
type Audience struct {
	Users []int64 `json:"users,omitempty"`
	// Extensions reach the users whose User.Extension is listed: a pop
	// for a ringing extension goes to its agent only.
	Extensions []string `json:"extensions,omitempty"`
	// Supervisors reaches admins and supervisors (as the hub defines
	// them), for the live dashboard.
	Supervisors bool `json:"supervisors,omitempty"`
	All         bool `json:"all,omitempty"`
}

// Empty reports whether the audience reaches nobody.
func (a Audience) Empty() bool {
	return !a.All && !a.Supervisors && len(a.Users) == 0 && len(a.Extensions) == 0
}

// NewEvent builds an event, marshalling payload to JSON. Errors: invalid
// (no type, or a payload that does not marshal).
func NewEvent(typ string, version int, at time.Time, payload any, aud Audience) (Event, error) {
	if typ == "" {
		return Event{}, Errorf(EInvalid, "event without a type")
	}
	b, err := json.Marshal(payload)
	if err != nil {
		return Event{}, &Error{Code: EInvalid, Message: fmt.Sprintf("event %s: payload: %v", typ, err)}
	}
	return Event{Type: typ, Version: version, Time: at.UTC(), Payload: b, Audience: aud}, nil
}

// CallPayload is the payload of call.ringing, call.answered and
// call.ended events (version 1).
type CallPayload struct {
	Call CallRecord `json:"call"`
	// Extensions are the agents popped: newly rung (call.ringing) or now
	// talking (call.answered), as in CallUpdate.
	Extensions []string `json:"extensions,omitempty"`
	// Ringing are the agents ringing for the call now, as in CallUpdate.
	// CallPayloadEvent always sets it, empty when nobody rings, so a
	// page tells it from the payload of a server that did not send it.
	Ringing []string `json:"ringing"`
	// Stopped are the agents whose ring ended with this event, as in
	// CallUpdate; absent when none.
	Stopped []string `json:"stopped,omitempty"`
	// Caller is what the caller lookup found (normally a CallerMatch),
	// so the pop needs no second request; nil when not looked up.
	Caller any `json:"caller,omitempty"`
	// Support says, for a ringing or answered call on a support line,
	// how the caller's service contract stands, so the pop says it
	// before the agent answers; nil for other calls.
	Support *SupportPreview `json:"support,omitempty"`
}

// CallUpdateEvent turns a call tracker update into the event that pops
// the caller for the agents concerned: the extensions it pops (rung or
// talking), those ringing now (an agent a queue rings again is not
// popped a second time, yet its pop must come back), those whose ring
// ended with it (their pops stop ringing), the call's agent, and the
// supervisors' dashboards. caller may be nil.
func CallUpdateEvent(u CallUpdate, caller any) (Event, error) {
	return CallPayloadEvent(u, CallPayload{Caller: caller})
}

// CallPayloadEvent is CallUpdateEvent with more of the payload given (a
// support call's preview); its Call, Extensions, Ringing and Stopped come
// from u.
func CallPayloadEvent(u CallUpdate, p CallPayload) (Event, error) {
	var exts []string
	for _, e := range slices.Concat(u.Extensions, u.Ringing, u.Stopped, []string{u.Call.AgentExtension}) {
		if e != "" {
			exts = appendNew(exts, e)
		}
	}
	p.Call, p.Extensions, p.Ringing, p.Stopped = u.Call, u.Extensions, u.Ringing, u.Stopped
	if p.Ringing == nil {
		p.Ringing = []string{}
	}
	return NewEvent(string(u.Kind), 1, u.Time, p, Audience{Extensions: exts, Supervisors: true})
}

// Publisher delivers events to the browsers concerned, on every node.
// Publish never waits for the network and never fails because a broker
// is down (delivery is at most once, and pages reload their state after
// a reconnect); it returns invalid for an event without a type.
type Publisher interface {
	Publish(ctx context.Context, e Event) error
}

// NopPublisher drops every event: for the CLI and for tests that have no
// browsers to tell.
type NopPublisher struct{}

// Publish implements Publisher and does nothing.
func (NopPublisher) Publish(context.Context, Event) error { return nil }
