package realtime

import (
	"encoding/json"
	"time"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/crm"
)

// Message is what a browser receives, one per websocket text frame: an
// event without its audience. PROTOCOL.md lists the types.
type Message struct {
	Type    string          `json:"type"`
	V       int             `json:"v"`
	Time    time.Time       `json:"time"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// Types of the messages the hub itself sends, besides the bus's events.
const (
	TypeHello = "hello" // sent on connect, and in answer to a client hello
	TypePong  = "pong"  // the answer to a client ping
)

// Types of the messages a browser may send. Anything else is ignored.
const (
	ClientHello = "hello"
	ClientPing  = "ping"
)

// HelloPayload is the payload of hello: who the connection belongs to.
// A page that receives it (again) reloads its state.
type HelloPayload struct {
	Protocol   int    `json:"protocol"`
	UserID     int64  `json:"user_id"`
	UserName   string `json:"user_name"`
	Extension  string `json:"extension,omitempty"`
	Supervisor bool   `json:"supervisor"`
}

// protocolVersion is the version of PROTOCOL.md that hello announces.
const protocolVersion = 1

// prepare encodes e once for every connection that receives it.
func prepare(e crm.Event) (*websocket.PreparedMessage, error) {
	b, err := json.Marshal(Message{Type: e.Type, V: e.Version, Time: e.Time, Payload: e.Payload})
	if err != nil {
		return nil, err
	}
	return websocket.NewPreparedMessage(websocket.TextMessage, b)
}

// prepareHub builds one of the hub's own messages.
func prepareHub(typ string, payload any) *websocket.PreparedMessage {
	e, err := crm.NewEvent(typ, 1, time.Now(), payload, crm.Audience{})
	if err != nil {
		panic(err) // payloads are the hub's own structs
	}
	pm, err := prepare(e)
	if err != nil {
		panic(err)
	}
	return pm
}
