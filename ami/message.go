package ami

import (
	"strings"
)

// Header is one "Key: Value" line of a frame.
type Header struct {
	Key   string
	Value string
}

// Message is one AMI frame: an action, a response or an event. Headers keep
// the order they were received in and may repeat (Variable, ChanVariable,
// Output), so they are a slice rather than a map.
type Message struct {
	Headers []Header
	// Output holds the raw text of a 1.4/1.6 "Response: Follows" Command
	// reply, without the --END COMMAND-- marker; lines are joined by "\n".
	Output string
}

// NewAction returns a message whose first header is "Action: name".
func NewAction(name string, kv ...string) *Message {
	m := &Message{Headers: make([]Header, 0, 1+len(kv)/2)}
	m.Add("Action", name)
	for i := 0; i+1 < len(kv); i += 2 {
		m.Add(kv[i], kv[i+1])
	}
	return m
}

// Get returns the first value of key, compared case-insensitively, or "".
func (m *Message) Get(key string) string {
	v, _ := m.Lookup(key)
	return v
}

// Lookup is Get that also reports whether key is present at all, since
// Asterisk sends many empty values ("Context: ").
func (m *Message) Lookup(key string) (string, bool) {
	for _, h := range m.Headers {
		if strings.EqualFold(h.Key, key) {
			return h.Value, true
		}
	}
	return "", false
}

// Values returns every value of key in order, compared case-insensitively.
func (m *Message) Values(key string) []string {
	var vs []string
	for _, h := range m.Headers {
		if strings.EqualFold(h.Key, key) {
			vs = append(vs, h.Value)
		}
	}
	return vs
}

// Add appends a header, keeping any earlier ones with the same key.
func (m *Message) Add(key, value string) {
	m.Headers = append(m.Headers, Header{Key: key, Value: value})
}

// Set replaces the first header named key and removes later ones, or
// appends the header when key is absent.
func (m *Message) Set(key, value string) {
	out := m.Headers[:0]
	found := false
	for _, h := range m.Headers {
		if !strings.EqualFold(h.Key, key) {
			out = append(out, h)
			continue
		}
		if !found {
			out = append(out, Header{Key: h.Key, Value: value})
			found = true
		}
	}
	m.Headers = out
	if !found {
		m.Add(key, value)
	}
}

// Del removes every header named key.
func (m *Message) Del(key string) {
	out := m.Headers[:0]
	for _, h := range m.Headers {
		if !strings.EqualFold(h.Key, key) {
			out = append(out, h)
		}
	}
	m.Headers = out
}

// Action returns the Action header of an outgoing message.
func (m *Message) Action() string { return m.Get("Action") }

// Event returns the Event header, empty for responses.
func (m *Message) Event() string { return m.Get("Event") }

// Response returns the Response header. Some events carry one too
// (OriginateResponse), so use IsEvent to classify a frame.
func (m *Message) Response() string { return m.Get("Response") }

// ActionID returns the ActionID header.
func (m *Message) ActionID() string { return m.Get("ActionID") }

// IsEvent reports whether the frame is an event. OriginateResponse has both
// Event and Response headers and is an event.
func (m *Message) IsEvent() bool {
	_, ok := m.Lookup("Event")
	return ok
}

// IsResponse reports whether the frame answers an action.
func (m *Message) IsResponse() bool {
	_, ok := m.Lookup("Response")
	return ok && !m.IsEvent()
}

// Clone returns a deep copy, so a caller may edit it without touching frames
// shared with other goroutines.
func (m *Message) Clone() *Message {
	c := &Message{Output: m.Output, Headers: make([]Header, len(m.Headers))}
	copy(c.Headers, m.Headers)
	return c
}

// String renders the message as it would be written on the wire.
func (m *Message) String() string {
	var b strings.Builder
	_ = encode(&b, m)
	return b.String()
}
