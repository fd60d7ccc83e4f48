package ami

import (
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// translator turns one event frame into call events.
type translator func(d Dialect, m *Message) []crm.CallEvent

// translators is keyed by lower-case event name, since Asterisk spells
// some names differently across versions (Newcallerid, NewCallerid). One
// table serves every dialect: names rarely collide, and where the shapes
// differ (Dial, AgentConnect) the translator looks at the headers, so a
// wrongly forced dialect still mostly works.
var translators map[string]translator

func init() {
	translators = map[string]translator{
		"newchannel":               newChannel,
		"newstate":                 newState,
		"newcallerid":              callerID,
		"newconnectedline":         callerID,
		"newexten":                 newExten,
		"hangup":                   hangup,
		"rename":                   rename,
		"masquerade":               masquerade,
		"hold":                     hold,
		"unhold":                   unhold,
		"localbridge":              localBridge,
		"localoptimizationend":     localOptimized,
		"dial":                     dialOld,
		"dialbegin":                dialNew,
		"dialstate":                dialNew,
		"dialend":                  dialNew,
		"link":                     linkOld,
		"unlink":                   linkOld,
		"bridge":                   linkOld,
		"bridgeenter":              bridgeNew,
		"bridgeleave":              bridgeNew,
		"transfer":                 transferOld,
		"blindtransfer":            blindTransfer,
		"attendedtransfer":         attendedTransfer,
		"join":                     queueCaller,
		"queuecallerjoin":          queueCaller,
		"leave":                    queueCaller,
		"queuecallerleave":         queueCaller,
		"queuecallerabandon":       queueCaller,
		"agentcalled":              agentEvent,
		"agentconnect":             agentEvent,
		"agentcomplete":            agentEvent,
		"agentringnoanswer":        agentEvent,
		"queuememberstatus":        queueMemberStatus,
		"varset":                   nil, // nothing for calls; listed to document the choice
		"devicestatechange":        nil,
		"cdr":                      nil, // a cross-check only, never the source of truth
		"softhanguprequest":        nil,
		"hanguprequest":            nil,
		"newaccountcode":           nil,
		"bridgecreate":             nil, // BridgeEnter/BridgeLeave carry the membership
		"bridgedestroy":            nil,
		"localoptimizationbegin":   nil, // LocalOptimizationEnd says it happened
		"originateresponse":        nil, // the channels' own events tell the story
		"status":                   nil, // list items: see LiveChannel
		"coreshowchannel":          nil,
		"statuscomplete":           nil,
		"coreshowchannelscomplete": nil,
	}
}

// Normalize translates one AMI frame into the call events it carries,
// nil for frames that say nothing about calls (responses, VarSet, Cdr,
// ...). It is pure: Time is set only from a Timestamp header
// (timestampevents=yes) and Gateway is left empty; Normalizer fills both.
func Normalize(d Dialect, m *Message) []crm.CallEvent {
	ev, ok := m.Lookup("Event")
	if !ok {
		return nil
	}
	tr := translators[lower(ev)]
	if tr == nil {
		return nil
	}
	evs := tr(d, m)
	if ts := m.Get("Timestamp"); ts != "" && len(evs) > 0 {
		if t, ok := parseTimestamp(ts); ok {
			for i := range evs {
				evs[i].Time = t
			}
		}
	}
	return evs
}

// Normalizer translates the frames of one PBX connection: it refines a
// banner-detected 1.6 to 1.8 as evidence arrives and stamps each event
// with the gateway and, when the PBX sends no Timestamp, the time the
// frame was received.
type Normalizer struct {
	Gateway string
	Dialect Dialect
}

// Normalize translates m, received at the given time.
func (n *Normalizer) Normalize(m *Message, received time.Time) []crm.CallEvent {
	n.Dialect = n.Dialect.Refine(m)
	evs := Normalize(n.Dialect, m)
	for i := range evs {
		evs[i].Gateway = n.Gateway
		if evs[i].Time.IsZero() {
			evs[i].Time = received
		}
	}
	return evs
}

// lower lower-cases ASCII without allocating when s is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

func parseTimestamp(s string) (time.Time, bool) {
	sec, frac, _ := strings.Cut(s, ".")
	n, err := strconv.ParseInt(sec, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	var ns int64
	if frac != "" {
		frac = (frac + "000000000")[:9]
		if ns, err = strconv.ParseInt(frac, 10, 64); err != nil {
			return time.Time{}, false
		}
	}
	return time.Unix(n, ns).UTC(), true
}

// first returns the value of the first key present and non-empty.
func first(m *Message, keys ...string) string {
	for _, k := range keys {
		if v := m.Get(k); v != "" {
			return v
		}
	}
	return ""
}

// num drops Asterisk's placeholders for an absent caller id.
func num(s string) string {
	switch s {
	case "<unknown>", "<Unknown>", "<null>", "(null)", "unknown":
		return ""
	}
	return s
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

func one(ev crm.CallEvent) []crm.CallEvent { return []crm.CallEvent{ev} }
