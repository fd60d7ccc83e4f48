package crm

import (
	"context"
	"slices"
	"time"
)

// LiveCall is a call in progress as every node sees it: the tracker's
// snapshot, the agents on the phone for it and what the call flow's
// caller lookup found (several matches stay the agent's to pick).
// The node whose PBX connection follows the call writes it; any node's
// pop and dashboard read it, so a page reload on any node shows the
// calls in progress with their queue, agents, answer time and caller
// without looking each caller up again.
type LiveCall struct {
	Call CallRecord `json:"call"`
	// Extensions are the agents on the phone for the call: once it is
	// answered, first the agent talking; then every agent ringing (a
	// queue ringing all its members lists them all). Ringing recovers
	// the ringing ones.
	Extensions []string     `json:"extensions,omitempty"`
	Caller     *CallerMatch `json:"caller,omitempty"` // nil: no number, or the lookup failed
}

// Ringing returns the agents ringing for the call: Extensions less the
// agent talking. It is never nil: an empty list says nobody rings.
func (c LiveCall) Ringing() []string {
	talking := talkingAgent(c.Call)
	out := []string{}
	for _, e := range c.Extensions {
		if e != talking {
			out = append(out, e)
		}
	}
	return out
}

// talkingAgent is the agent talking on an answered call, or "". Until an
// agent talks, AgentExtension names the first agent rung, who may be
// ringing still.
func talkingAgent(r CallRecord) string {
	if r.Status == CallStatusInProgress && slices.Contains(r.Agents, r.AgentExtension) {
		return r.AgentExtension
	}
	return ""
}

// LiveCallStore keeps the calls in progress of every PBX, keyed on
// (Gateway, SourceUniqueID) like the call records. An ended call stays
// ended: a late or replayed snapshot never brings it back.
type LiveCallStore interface {
	// PutLiveCall writes a call in progress. Errors: invalid (no gateway
	// or uniqueid, or values too long).
	PutLiveCall(ctx context.Context, c LiveCall) error
	// EndLiveCall marks a call ended; ending an unknown call records it as
	// ended, so a later snapshot of it is ignored.
	EndLiveCall(ctx context.Context, gateway, uniqueID string) error
	// ReplaceLiveCalls sets a gateway's calls in progress to calls, after
	// a resync: every other call of the gateway is marked ended.
	ReplaceLiveCalls(ctx context.Context, gateway string, calls []LiveCall) error
	// LiveCalls lists the calls in progress last written at or after
	// since, oldest first.
	LiveCalls(ctx context.Context, since time.Time) ([]LiveCall, error)
}
