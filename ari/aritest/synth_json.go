package aritest

import (
	"bytes"
	"encoding/json"
	"time"
)

// asteriskID is the recordings' Asterisk entity id.
const asteriskID = "02:fc:00:00:00:01"

// member is one key of a JSON object written in a fixed order: Asterisk
// writes each event type's keys in its own order (ChannelVarset and
// ChannelHangupRequest put theirs before "type"), and the generated
// frames keep the recordings' shapes byte for byte.
type member struct {
	k string
	v any
}

type object []member

// MarshalJSON writes the members in order.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(marshal(m.k))
		b.WriteByte(':')
		b.Write(marshal(m.v))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes v as Asterisk does: no HTML escaping, so caller ids
// keep their "<+14155550142>".
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("aritest: encode: " + err.Error()) // only our own types are encoded
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// ariTime formats a time as ARI does: milliseconds and a numeric zone.
func ariTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000-0700") }

type partyJSON struct {
	Name   string `json:"name"`
	Number string `json:"number"`
}

type dialplanJSON struct {
	Context  string `json:"context"`
	Exten    string `json:"exten"`
	Priority int    `json:"priority"`
	AppName  string `json:"app_name"`
	AppData  string `json:"app_data"`
}

// channelJSON is a channel snapshot in the recordings' key order.
type channelJSON struct {
	ID           string       `json:"id"`
	Name         string       `json:"name"`
	State        string       `json:"state"`
	ProtocolID   string       `json:"protocol_id"`
	Caller       partyJSON    `json:"caller"`
	Connected    partyJSON    `json:"connected"`
	AccountCode  string       `json:"accountcode"`
	Dialplan     dialplanJSON `json:"dialplan"`
	CreationTime string       `json:"creationtime"`
	Language     string       `json:"language"`
}

// bridgeJSON is a bridge snapshot in the recordings' key order.
type bridgeJSON struct {
	ID           string   `json:"id"`
	Technology   string   `json:"technology"`
	BridgeType   string   `json:"bridge_type"`
	BridgeClass  string   `json:"bridge_class"`
	Creator      string   `json:"creator"`
	Name         string   `json:"name"`
	Channels     []string `json:"channels"`
	CreationTime string   `json:"creationtime"`
	VideoMode    string   `json:"video_mode"`
}

type playbackJSON struct {
	ID        string `json:"id"`
	MediaURI  string `json:"media_uri"`
	TargetURI string `json:"target_uri"`
	Language  string `json:"language"`
	State     string `json:"state"`
}

func (c *schan) json() channelJSON {
	return channelJSON{
		ID: c.id, Name: c.name, State: c.state,
		Caller:       partyJSON(c.caller),
		Connected:    partyJSON(c.connected),
		Dialplan:     dialplanJSON{Context: c.context, Exten: c.exten, Priority: c.priority, AppName: c.appName, AppData: c.appData},
		CreationTime: ariTime(c.created),
		Language:     "en",
	}
}

func (b *sbridge) json() bridgeJSON {
	members := b.members
	if members == nil {
		members = []string{}
	}
	return bridgeJSON{
		ID: b.id, Technology: "simple_bridge", BridgeType: b.typ, BridgeClass: b.class,
		Creator: b.creator, Name: b.name, Channels: append([]string{}, members...),
		CreationTime: ariTime(b.created), VideoMode: b.video,
	}
}

// frame builds one event: head members come before "type" (as in
// ChannelVarset), body members between the timestamp and asterisk_id.
func (s *Server) frame(typ string, at time.Time, head, body object) []byte {
	o := make(object, 0, len(head)+len(body)+4)
	o = append(o, head...)
	o = append(o, member{"type", typ}, member{"timestamp", ariTime(at)})
	o = append(o, body...)
	o = append(o, member{"asterisk_id", asteriskID}, member{"application", s.cfg.Application})
	return marshal(o)
}
