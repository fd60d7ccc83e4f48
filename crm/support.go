package crm

import (
	"context"
	"strings"
	"time"
	"unicode"
)

// SupportLineKind says what a support line matches on a call.
type SupportLineKind string

// Kinds of support line.
const (
	SupportByDID   SupportLineKind = "did"   // the number the customer dialled
	SupportByQueue SupportLineKind = "queue" // the queue the call waited in
	SupportByExten SupportLineKind = "exten" // the agent extension that answered
)

// SupportLine marks calls that open a ticket: an answered call whose DID,
// queue or answering extension matches Value opens a HelpDesk ticket
// against the caller's service contract.
type SupportLine struct {
	ID    int64           `json:"id"`
	Kind  SupportLineKind `json:"kind"`
	Value string          `json:"value"` // normalised: a DID is its digits
	Name  string          `json:"name"`
	// Priority and Category are the new ticket's ticketpriorities and
	// ticketcategories; Category may be empty.
	Priority string `json:"priority"`
	Category string `json:"category"`
	// RepeatWindow is how far back an open ticket of the same caller is
	// offered for reuse in the pop; 0 offers none.
	RepeatWindow time.Duration `json:"repeat_window"`
	Created      time.Time     `json:"created"`
}

// DefaultTicketPriority is the priority of a line that names none.
const DefaultTicketPriority = "Normal"

// NormalizeSupportValue returns value as a line of kind stores and
// matches it: a DID as its digits only (so "+1 (800) 555-0100" and
// "18005550100" are one line), a queue or extension trimmed. Errors:
// invalid (unknown kind, empty value, a DID without digits).
func NormalizeSupportValue(kind SupportLineKind, value string) (string, error) {
	v := strings.TrimSpace(value)
	switch kind {
	case SupportByDID:
		v = digitsOf(v)
		if v == "" {
			return "", Errorf(EInvalid, "support line DID %q has no digits", value)
		}
	case SupportByQueue, SupportByExten:
		if v == "" {
			return "", Errorf(EInvalid, "support line %s is empty", kind)
		}
	default:
		return "", Errorf(EInvalid, "support line kind %q: want did, queue or exten", kind)
	}
	if len(v) > 100 {
		return "", Errorf(EInvalid, "support line value is too long: %d characters, at most 100", len(v))
	}
	return v, nil
}

func digitsOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// minDIDSuffix is the shortest DID compared by suffix: a trunk may send a
// DID with or without its country or trunk prefix ("18005550100",
// "8005550100"), but short numbers must match exactly.
const minDIDSuffix = 7

// Matches reports whether rec is a call on the line. DIDs compare by
// digits: equal, or one ending with the other when both have at least 7
// digits. Queues compare case-insensitively, extensions exactly.
func (l SupportLine) Matches(rec CallRecord) bool {
	switch l.Kind {
	case SupportByDID:
		d := digitsOf(rec.DID)
		if d == "" || l.Value == "" {
			return false
		}
		if d == l.Value {
			return true
		}
		return min(len(d), len(l.Value)) >= minDIDSuffix && (strings.HasSuffix(d, l.Value) || strings.HasSuffix(l.Value, d))
	case SupportByQueue:
		return rec.Queue != "" && strings.EqualFold(strings.TrimSpace(rec.Queue), l.Value)
	case SupportByExten:
		return rec.AgentExtension != "" && rec.AgentExtension == l.Value
	}
	return false
}

// MatchSupportLine returns the line an inbound call is on: DID lines
// first, then queue lines, then extension lines, each in list order.
// Outbound and internal calls are never support calls.
func MatchSupportLine(lines []SupportLine, rec CallRecord) (SupportLine, bool) {
	if rec.Direction != DirectionInbound {
		return SupportLine{}, false
	}
	for _, kind := range []SupportLineKind{SupportByDID, SupportByQueue, SupportByExten} {
		for _, l := range lines {
			if l.Kind == kind && l.Matches(rec) {
				return l, true
			}
		}
	}
	return SupportLine{}, false
}

// SupportDesk opens and updates the tickets of support calls. CallFlow
// calls it on the PBX's goroutine: before the ringing pop is published
// (ringing), after the call event was published (answered) or the call
// record committed (ended); errors are logged and never stop a call
// being saved or popped.
type SupportDesk interface {
	// SupportCallRinging says, for the pop of a ringing call on a support
	// line, how the caller's contract stands by the rule the ticket
	// opened at answer follows; nil for a call on no support line.
	SupportCallRinging(ctx context.Context, rec CallRecord, caller *CallerMatch) (*SupportPreview, error)
	// SupportCallAnswered opens the call's ticket when the call is on a
	// support line, once per call however often it is called, by any
	// node; only the call that creates the ticket publishes
	// ticket.created.
	SupportCallAnswered(ctx context.Context, u CallUpdate, caller *CallerMatch) error
	// SupportCallEnded opens the ticket of an answered support call that
	// has none yet, then counts the call's talk time on the ticket and
	// its contract, once, and publishes ticket.updated when it changed.
	SupportCallEnded(ctx context.Context, rec CallRecord, caller *CallerMatch) error
}

// supportLabel cleans a name for a ticket title.
func supportLabel(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) })
}

// SupportTicketTitle is the title of a support call's ticket: "Call from
// <name or number> on <YYYY-MM-DD>".
func SupportTicketTitle(name, number string, at time.Time) string {
	who := supportLabel(name)
	if who == "" {
		who = supportLabel(number)
	}
	if who == "" {
		who = "unknown caller"
	}
	return "Call from " + who + " on " + at.Format("2006-01-02")
}
