package crm

import "time"

// CallDirection says who started a call, seen from the contact center.
type CallDirection string

// Directions of a call.
const (
	DirectionInbound  CallDirection = "inbound"  // a customer called in through a trunk or DID
	DirectionOutbound CallDirection = "outbound" // an agent (or click-to-call) dialled out
	DirectionInternal CallDirection = "internal" // no outside party took part
)

// CallStatus is where a call stands. The first two are for calls in
// progress; every ended call has one of the others.
type CallStatus string

// Statuses of a call.
const (
	CallStatusRinging    CallStatus = "ringing"
	CallStatusInProgress CallStatus = "in-progress"
	CallStatusCompleted  CallStatus = "completed" // an agent and the other party talked
	CallStatusNoAnswer   CallStatus = "no-answer" // rung, never answered
	CallStatusBusy       CallStatus = "busy"
	CallStatusFailed     CallStatus = "failed"    // unreachable, congestion, or never dialled out
	CallStatusAbandoned  CallStatus = "abandoned" // the caller hung up before reaching an agent
)

// CallRecord is the call-level summary the tracker keeps for each call: a
// snapshot while it is in progress and the final record once it ends.
// (Gateway, SourceUniqueID) identifies it: SourceUniqueID is the uniqueid of
// the call's first channel (its Linkedid on Asterisk 1.8+), the same on
// every replay of the same events, so writes keyed on it are idempotent.
type CallRecord struct {
	Gateway        string        `json:"gateway"`
	SourceUniqueID string        `json:"source_uniqueid"`
	Direction      CallDirection `json:"direction"`
	Status         CallStatus    `json:"status"`

	StartTime  time.Time `json:"start_time"`
	AnswerTime time.Time `json:"answer_time,omitzero"`
	EndTime    time.Time `json:"end_time,omitzero"`
	// TotalSeconds runs from the first channel to the last hangup.
	TotalSeconds int `json:"total_seconds"`
	// BillableSeconds is talk time: the seconds during which an agent
	// and the other party were bridged, summed over transfers.
	BillableSeconds int `json:"billable_seconds"`

	// AgentExtension is the agent who talked last (after transfers), or
	// for a call nobody answered the first agent rung.
	AgentExtension string   `json:"agent_extension,omitempty"`
	Agents         []string `json:"agents,omitempty"` // every agent who talked, in order
	CustomerNumber string   `json:"customer_number,omitempty"`
	CustomerName   string   `json:"customer_name,omitempty"`
	// DID is the number the customer dialled on an inbound call.
	DID   string `json:"did,omitempty"`
	Queue string `json:"queue,omitempty"`
}

// CallUpdateKind says which call-level change a CallUpdate reports.
type CallUpdateKind string

// Call-level updates, in the order a call goes through them. Ringing and
// Answered may repeat (another agent rung, a transfer connected), Ended
// comes exactly once.
const (
	CallRinging  CallUpdateKind = "call.ringing"
	CallAnswered CallUpdateKind = "call.answered"
	CallEnded    CallUpdateKind = "call.ended"
)

// CallUpdate is what the tracker tells the rest of the system: a screen pop
// for the rung extensions, a call connected to an agent, a change in the
// agents ringing, or the final record.
type CallUpdate struct {
	Kind CallUpdateKind `json:"type"`
	Time time.Time      `json:"time"`
	Call CallRecord     `json:"call"`
	// Extensions are whom the update pops: the agent extension newly rung
	// (CallRinging) or the agent now talking (CallAnswered). A CallRinging
	// without Extensions pops nobody: it reports Ringing changed (an agent
	// stopped ringing, or was rung again).
	Extensions []string `json:"extensions,omitempty"`
	// Ringing are the agent extensions ringing for the call now, in the
	// order they were rung: rung, their channel not hung up, and not
	// connected to the call (bridged, or the queue's AgentConnect). A queue
	// ringing all its members lists them all; once one answers, the others
	// leave as the PBX hangs up their channels. Empty on CallEnded.
	Ringing []string `json:"ringing,omitempty"`
	// Stopped are the agent extensions the call's previous update listed
	// in Ringing that this one does not: their ring ended with it (timed
	// out, cancelled, hung up, or answered: then they are in Extensions
	// too). The update's event reaches them without popping them, so a
	// pop still saying Ringing learns it no longer rings there.
	Stopped []string `json:"stopped,omitempty"`
}

// LiveChannel is one entry of a PBX's channel list (AMI Status or
// CoreShowChannels, ARI GET /channels), used to resynchronise the tracker
// after a reconnect.
type LiveChannel struct {
	Channel         string
	UniqueID        string
	LinkedID        string
	State           string
	CallerNum       string
	CallerName      string
	ConnectedNum    string
	Context         string
	Exten           string
	BridgedChannel  string
	BridgedUniqueID string
	BridgeID        string
	// Seconds is how long the channel has existed, when the PBX says.
	Seconds int
}
