package amisim

import (
	"strings"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// Channel is one live channel as the PBX would list it.
type Channel struct {
	Name, UniqueID, LinkedID string
	State                    string // Down, Ring, Ringing, Up
	CallerNum, CallerName    string
	ConnectedNum             string
	ConnectedName            string
	Context, Exten           string
	Priority                 string
	App, AppData             string
	BridgedName, BridgedUID  string // 1.4/1.6 peer
	BridgeID                 string // 12+
	Created                  time.Time
}

// Channels is the PBX's channel table, kept by applying the events it
// sends: what Status and CoreShowChannels report. Not safe for concurrent
// use.
type Channels struct {
	byUID map[string]*Channel
	order []string // creation order
}

// NewChannels returns an empty table.
func NewChannels() *Channels { return &Channels{byUID: make(map[string]*Channel)} }

// Len returns how many channels are live.
func (cs *Channels) Len() int { return len(cs.byUID) }

// List returns the live channels, newest first (the order Asterisk's
// channel container happens to list them in the recordings).
func (cs *Channels) List() []Channel {
	out := make([]Channel, 0, len(cs.byUID))
	for i := len(cs.order) - 1; i >= 0; i-- {
		if c := cs.byUID[cs.order[i]]; c != nil {
			out = append(out, *c)
		}
	}
	return out
}

func (cs *Channels) byName(name string) *Channel {
	for _, c := range cs.byUID {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// Apply updates the table with one event sent at the given time.
func (cs *Channels) Apply(m *ami.Message, at time.Time) {
	switch strings.ToLower(m.Event()) {
	case "newchannel":
		cs.add(m, at)
	case "hangup":
		if c := cs.byUID[m.Get("Uniqueid")]; c != nil {
			cs.unbridge(c)
			delete(cs.byUID, c.UniqueID)
			cs.compact()
		}
	case "newstate", "newcallerid", "newconnectedline", "newexten":
		if c := cs.byUID[m.Get("Uniqueid")]; c != nil {
			cs.update(c, m)
		}
	case "link", "bridge", "unlink":
		cs.link(m)
	case "bridgeenter", "bridgeleave":
		if c := cs.byUID[m.Get("Uniqueid")]; c != nil {
			c.BridgeID = ""
			if strings.EqualFold(m.Event(), "bridgeenter") {
				c.BridgeID = m.Get("BridgeUniqueid")
			}
		}
	}
}

func (cs *Channels) add(m *ami.Message, at time.Time) {
	uid := m.Get("Uniqueid")
	if uid == "" || cs.byUID[uid] != nil {
		return
	}
	c := &Channel{Name: m.Get("Channel"), UniqueID: uid, LinkedID: m.Get("Linkedid"), Created: at, Priority: "1"}
	cs.update(c, m)
	if c.Context == "" || c.Exten == "" {
		c.Exten, c.Context = localTarget(c.Name)
	}
	cs.byUID[uid] = c
	cs.order = append(cs.order, uid)
}

// update copies what an event says about its channel.
func (cs *Channels) update(c *Channel, m *ami.Message) {
	if v := first(m, "ChannelStateDesc", "State"); v != "" {
		c.State = v
	}
	if v := clean(first(m, "CallerIDNum", "CallerID")); v != "" {
		c.CallerNum = v
	}
	if v := clean(m.Get("CallerIDName")); v != "" {
		c.CallerName = v
	}
	if v := clean(m.Get("ConnectedLineNum")); v != "" {
		c.ConnectedNum = v
	}
	if v := clean(m.Get("ConnectedLineName")); v != "" {
		c.ConnectedName = v
	}
	if v := m.Get("Context"); v != "" {
		c.Context = v
	}
	if v := first(m, "Exten", "Extension"); v != "" {
		c.Exten = v
	}
	if v := m.Get("Priority"); v != "" {
		c.Priority = v
	}
	if v := m.Get("Application"); v != "" {
		c.App, c.AppData = v, m.Get("AppData")
	}
}

func (cs *Channels) link(m *ami.Message) {
	a, b := cs.byUID[m.Get("Uniqueid1")], cs.byUID[m.Get("Uniqueid2")]
	if a == nil {
		a = cs.byName(m.Get("Channel1"))
	}
	if b == nil {
		b = cs.byName(m.Get("Channel2"))
	}
	if a == nil || b == nil {
		return
	}
	if strings.EqualFold(m.Event(), "unlink") || strings.EqualFold(m.Get("Bridgestate"), "Unlink") {
		cs.unbridge(a)
		return
	}
	a.BridgedName, a.BridgedUID = b.Name, b.UniqueID
	b.BridgedName, b.BridgedUID = a.Name, a.UniqueID
}

func (cs *Channels) unbridge(c *Channel) {
	if p := cs.byUID[c.BridgedUID]; p != nil && p.BridgedUID == c.UniqueID {
		p.BridgedName, p.BridgedUID = "", ""
	}
	c.BridgedName, c.BridgedUID = "", ""
}

// compact drops hung-up channels from the creation order now and then.
func (cs *Channels) compact() {
	if len(cs.order) < 2*len(cs.byUID)+64 {
		return
	}
	live := cs.order[:0]
	for _, uid := range cs.order {
		if cs.byUID[uid] != nil {
			live = append(live, uid)
		}
	}
	cs.order = live
}

func first(m *ami.Message, keys ...string) string {
	for _, k := range keys {
		if v := m.Get(k); v != "" {
			return v
		}
	}
	return ""
}

func clean(s string) string {
	switch strings.ToLower(s) {
	case "<unknown>", "<null>", "(null)":
		return ""
	}
	return s
}

// localTarget reads exten and context from a Local channel name.
func localTarget(name string) (exten, context string) {
	rest, ok := strings.CutPrefix(name, "Local/")
	if !ok {
		return "", ""
	}
	at := strings.IndexByte(rest, '@')
	dash := strings.LastIndexByte(rest, '-')
	if at < 0 || dash < at {
		return "", ""
	}
	return rest[:at], rest[at+1 : dash]
}
