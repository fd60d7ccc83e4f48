package crm

import (
	"fmt"
	"time"
)

// CallEventKind says what happened to a channel. The zero value is
// KindUnknown, which the call tracker ignores.
type CallEventKind int

// Kinds of telephony events, whatever the PBX and its version. The comment
// on each says which fields it fills besides Channel and UniqueID.
const (
	KindUnknown           CallEventKind = iota
	KindNewChannel                      // a channel exists: State, CallerNum, Context, Exten
	KindDialplan                        // the channel entered Context/Exten (1.4/1.6 only; newer PBXs say it on KindNewChannel)
	KindRinging                         // the channel rings; Peer* is who rings it, when known
	KindAnswered                        // the channel is up
	KindBridged                         // Channel talks to PeerChannel (1.4/1.6) or entered BridgeID (12+)
	KindUnbridged                       // the reverse of KindBridged
	KindTransferred                     // TransferType; Channel is the transferee, Peer* the transferer, TransferTarget where to
	KindHeld                            // the channel was put on hold
	KindUnheld                          // the channel was taken off hold
	KindHangup                          // the channel is gone: Cause, CauseText
	KindQueueJoined                     // Channel waits in Queue at Position
	KindQueueLeft                       // Channel left Queue (answered or not)
	KindQueueAbandoned                  // Channel hung up waiting in Queue: Position, WaitSeconds
	KindAgentCalled                     // Queue rings Agent (member interface) on PeerChannel for Channel
	KindAgentConnected                  // Agent on PeerChannel took Channel: HoldSeconds, RingSeconds
	KindAgentCompleted                  // the agent's queue call ended: HoldSeconds, TalkSeconds, Reason
	KindAgentRingNoAnswer               // Agent did not answer: RingSeconds
	KindDialBegin                       // Channel dials PeerChannel (Channel empty for an originate): DialString
	KindDialEnd                         // the dial ended with DialStatus (1.6 leaves Peer* empty)
	KindCallerID                        // CallerNum/Name or ConnectedNum/Name changed
	KindLocalBridge                     // Local pair Channel (;1) and PeerChannel (;2) were created
	KindLocalOptimized                  // Local pair Channel/PeerChannel optimised itself away
	KindRenamed                         // PeerChannel was renamed Channel (UniqueID kept)
	KindMasqueraded                     // PeerChannel (clone) took over Channel (original)
	KindQueueMemberStatus               // Agent's device state in Queue changed: Reason holds the status code
	kindCount
)

var kindNames = [...]string{
	"unknown", "new_channel", "dialplan", "ringing", "answered", "bridged", "unbridged",
	"transferred", "held", "unheld", "hangup", "queue_joined", "queue_left", "queue_abandoned",
	"agent_called", "agent_connected", "agent_completed", "agent_ring_no_answer",
	"dial_begin", "dial_end", "caller_id", "local_bridge", "local_optimized", "renamed",
	"masqueraded", "queue_member_status",
}

// String returns the kind's snake_case name, as used in JSON.
func (k CallEventKind) String() string {
	if k < 0 || k >= kindCount {
		return fmt.Sprintf("kind(%d)", int(k))
	}
	return kindNames[k]
}

// MarshalText encodes the kind by name, so JSON carries "hangup", not 10.
func (k CallEventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name written by MarshalText.
func (k *CallEventKind) UnmarshalText(b []byte) error {
	for i, n := range kindNames {
		if n == string(b) {
			*k = CallEventKind(i)
			return nil
		}
	}
	return Errorf(EInvalid, "unknown call event kind %q", b)
}

// Transfer types carried in CallEvent.TransferType.
const (
	TransferBlind    = "blind"
	TransferAttended = "attended"
	TransferRedirect = "redirect"
)

// CallEvent is one telephony event, the same whatever the PBX version: the
// AMI dialect normalizers and the ARI translator both produce it, and the
// call tracker consumes it. It is deliberately one flat struct so it can be
// logged and published as JSON as is. Empty means "not said".
type CallEvent struct {
	Gateway  string        `json:"gateway,omitempty"` // which PBX
	Time     time.Time     `json:"time"`
	Kind     CallEventKind `json:"kind"`
	Channel  string        `json:"channel,omitempty"`
	UniqueID string        `json:"uniqueid,omitempty"`
	LinkedID string        `json:"linkedid,omitempty"` // Asterisk 1.8+; groups the legs of one call
	State    string        `json:"state,omitempty"`    // Down, Ring, Ringing, Up, Busy, ...

	PeerChannel  string `json:"peer_channel,omitempty"`
	PeerUniqueID string `json:"peer_uniqueid,omitempty"`

	CallerNum     string `json:"caller_num,omitempty"`
	CallerName    string `json:"caller_name,omitempty"`
	ConnectedNum  string `json:"connected_num,omitempty"`
	ConnectedName string `json:"connected_name,omitempty"`
	Exten         string `json:"exten,omitempty"`
	Context       string `json:"context,omitempty"`

	Queue      string `json:"queue,omitempty"`
	Agent      string `json:"agent,omitempty"` // queue member interface, e.g. Local/202@agents
	AgentName  string `json:"agent_name,omitempty"`
	DialString string `json:"dial_string,omitempty"`
	DialStatus string `json:"dial_status,omitempty"` // ANSWER, NOANSWER, BUSY, CANCEL, CHANUNAVAIL, CONGESTION, RINGING
	Cause      int    `json:"cause,omitempty"`       // Q.850 hangup cause
	CauseText  string `json:"cause_text,omitempty"`
	Reason     string `json:"reason,omitempty"`
	BridgeID   string `json:"bridge_id,omitempty"`

	TransferType   string `json:"transfer_type,omitempty"`
	TransferTarget string `json:"transfer_target,omitempty"`

	Position    int `json:"position,omitempty"`
	WaitSeconds int `json:"wait_seconds,omitempty"`
	HoldSeconds int `json:"hold_seconds,omitempty"`
	RingSeconds int `json:"ring_seconds,omitempty"`
	TalkSeconds int `json:"talk_seconds,omitempty"`
}
