package aritest

import (
	"encoding/json"
	"time"
)

// model is the PBX's live channels and bridges after the frames applied
// so far: each event carries full snapshots, so the newest one wins.
type model struct {
	chans   map[string]json.RawMessage
	gone    map[string]bool // destroyed channels and bridges stay gone
	corder  []string
	bridges map[string]json.RawMessage
	border  []string
	last    time.Time // timestamp of the newest frame applied
}

func newModel() *model {
	return &model{chans: map[string]json.RawMessage{}, bridges: map[string]json.RawMessage{}, gone: map[string]bool{}}
}

type frameHead struct {
	Type      string          `json:"type"`
	Timestamp string          `json:"timestamp"`
	Channel   json.RawMessage `json:"channel"`
	Caller    json.RawMessage `json:"caller"`
	Peer      json.RawMessage `json:"peer"`
	Bridge    json.RawMessage `json:"bridge"`
}

type idOnly struct {
	ID       string   `json:"id"`
	Channels []string `json:"channels"`
}

// apply updates the model with one frame.
func (m *model) apply(frame []byte) {
	var h frameHead
	if json.Unmarshal(frame, &h) != nil {
		return
	}
	if t, err := time.Parse("2006-01-02T15:04:05.000-0700", h.Timestamp); err == nil && t.After(m.last) {
		m.last = t
	}
	switch h.Type {
	case "ChannelDestroyed", "StasisEnd":
		m.drop(h.Channel, m.chans, &m.corder)
	default:
		for _, c := range []json.RawMessage{h.Channel, h.Caller, h.Peer} {
			m.put(c, m.chans, &m.corder)
		}
	}
	switch h.Type {
	case "BridgeDestroyed":
		m.drop(h.Bridge, m.bridges, &m.border)
	default:
		m.put(h.Bridge, m.bridges, &m.border)
	}
}

func (m *model) put(raw json.RawMessage, set map[string]json.RawMessage, order *[]string) {
	var o idOnly
	if len(raw) == 0 || json.Unmarshal(raw, &o) != nil || o.ID == "" || m.gone[o.ID] {
		return
	}
	if _, ok := set[o.ID]; !ok {
		*order = append(*order, o.ID)
	}
	set[o.ID] = raw
}

func (m *model) drop(raw json.RawMessage, set map[string]json.RawMessage, order *[]string) {
	var o idOnly
	if len(raw) == 0 || json.Unmarshal(raw, &o) != nil {
		return
	}
	delete(set, o.ID)
	m.gone[o.ID] = true
	for i, id := range *order {
		if id == o.ID {
			*order = append((*order)[:i], (*order)[i+1:]...)
			break
		}
	}
}

// list returns the live objects of set as a JSON array, in creation
// order, followed by more.
func list(set map[string]json.RawMessage, order []string, more []json.RawMessage) []byte {
	out := make([]json.RawMessage, 0, len(order)+len(more))
	for _, id := range order {
		out = append(out, set[id])
	}
	return marshal(append(out, more...))
}
