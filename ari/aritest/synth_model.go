package aritest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// party is a caller id.
type party struct{ Name, Number string }

// schan is a generated channel. All fields are guarded by Server.mu.
type schan struct {
	id, name, state   string
	caller, connected party
	context, exten    string
	priority          int
	appName, appData  string
	created           time.Time
	// subscribed: originated for the application, which then sees all
	// its events; inStasis: in the application now. A connection without
	// subscribeAll sees a channel's events only while one of them holds.
	subscribed bool
	inStasis   bool
	bridge     *sbridge
	pair       *schan        // the other half of a Local channel pair
	handset    bool          // a trunk's ;1 half: the customer's phone, Wait(60) once answered
	dialApp    string        // a dialled channel's application (AppDial, AppDial2), shown again when destroyed
	ended      chan struct{} // closed once the channel is destroyed
	talking    chan struct{} // closed once it shares a bridge with another answered channel
	gone       bool
}

// sbridge is a generated bridge, guarded by Server.mu.
type sbridge struct {
	id, name, typ, class, creator, video string
	members                              []string
	created                              time.Time
	app                                  bool // created by the application: it lives until deleted
}

// synth is the generated calls' part of the PBX, guarded by Server.mu.
type synth struct {
	chans   map[string]*schan
	corder  []string
	bridges map[string]*sbridge
	border  []string
	seq     uint64 // uniqueid counter
	local   uint64 // Local channel counter
	rnd     *rand.Rand
	phones  map[string][]*phone // how the next originates to an extension go
	calls   int
}

func newSynth(seed uint64) *synth {
	return &synth{chans: map[string]*schan{}, bridges: map[string]*sbridge{}, phones: map[string][]*phone{},
		rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// uidLocked numbers a channel as Asterisk does: creation second, a dot,
// a process-wide counter.
func (s *Server) uidLocked(at time.Time) string {
	n := s.syn.seq
	s.syn.seq++
	return fmt.Sprintf("%d.%d", at.Unix(), n)
}

// localSuffixLocked numbers a Local pair: 8 hex digits counting up.
func (s *Server) localSuffixLocked() string {
	n := s.syn.local
	s.syn.local++
	return fmt.Sprintf("%08x", n)
}

// uuidLocked is a random v4 UUID, the shape of a dialplan bridge's id.
func (s *Server) uuidLocked() string {
	a, b := s.syn.rnd.Uint64(), s.syn.rnd.Uint64()
	a = a&^0xf000 | 0x4000
	b = b&^(3<<62) | 2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

// addChanLocked registers c and announces it (ChannelCreated goes to
// subscribeAll connections only: an application subscribes to a channel
// after it exists).
func (s *Server) addChanLocked(c *schan, at time.Time) *schan {
	c.created = at
	c.ended = make(chan struct{})
	c.talking = make(chan struct{})
	s.syn.chans[c.id] = c
	s.syn.corder = append(s.syn.corder, c.id)
	s.sendLocked(s.frame("ChannelCreated", at, nil, object{{"channel", c.json()}}), false)
	return c
}

// seen reports whether the application sees c's events without
// subscribeAll.
func (c *schan) seen() bool { return c != nil && (c.subscribed || c.inStasis) }

// chanEventLocked sends an event about c: head before "type", body
// before "channel".
func (s *Server) chanEventLocked(typ string, c *schan, at time.Time, head, body object) {
	body = append(body, member{"channel", c.json()})
	s.sendLocked(s.frame(typ, at, head, body), c.seen())
}

func (s *Server) stateLocked(c *schan, state string, at time.Time) {
	if c.state == state {
		return
	}
	c.state = state
	s.chanEventLocked("ChannelStateChange", c, at, nil, nil)
	if state == "Up" && c.bridge != nil {
		s.checkTalkingLocked(c.bridge)
	}
}

// dialplanLocked moves c to a dialplan step and announces it.
func (s *Server) dialplanLocked(c *schan, prio int, app, data string, at time.Time) {
	c.priority, c.appName, c.appData = prio, app, data
	s.chanEventLocked("ChannelDialplan", c, at, nil, object{{"dialplan_app", app}, {"dialplan_app_data", data}})
}

func (s *Server) varsetLocked(c *schan, name, value string, at time.Time) {
	s.chanEventLocked("ChannelVarset", c, at, object{{"variable", name}, {"value", value}}, nil)
}

// dialLocked sends a Dial event; caller may be nil (an originate).
func (s *Server) dialLocked(caller, peer *schan, status, dialstring string, at time.Time) {
	body := object{{"dialstatus", status}, {"forward", ""}, {"dialstring", dialstring}}
	if caller != nil {
		body = append(body, member{"caller", caller.json()})
	}
	body = append(body, member{"peer", peer.json()})
	s.sendLocked(s.frame("Dial", at, nil, body), peer.seen() || caller.seen())
}

func (s *Server) hangupRequestLocked(c *schan, cause int, soft bool, at time.Time) {
	if c.handset && c.state == "Up" {
		c.appName, c.appData = "Wait", "60" // the recordings' handset, answered, waits for the far end
	}
	head := object{{"cause", cause}}
	if soft {
		head = append(head, member{"soft", true})
	}
	s.chanEventLocked("ChannelHangupRequest", c, at, head, nil)
}

func (s *Server) deviceStateLocked(device, state string, at time.Time) {
	o := object{{"type", "DeviceStateChanged"}, {"application", s.cfg.Application}, {"timestamp", ariTime(at)},
		{"device_state", object{{"name", device}, {"state", state}}}, {"asterisk_id", asteriskID}}
	s.sendLocked(marshal(o), false)
}

func (s *Server) stasisStartLocked(c *schan, args []string, at time.Time) {
	c.inStasis = true
	if args == nil {
		args = []string{}
	}
	s.chanEventLocked("StasisStart", c, at, nil, object{{"args", args}})
}

func (s *Server) stasisEndLocked(c *schan, at time.Time) {
	if !c.inStasis {
		return
	}
	s.chanEventLocked("StasisEnd", c, at, nil, nil)
	c.inStasis = false
	s.varsetLocked(c, "STASISSTATUS", "SUCCESS", at)
}

// newBridgeLocked creates a bridge: the application's (mixing, stasis
// class, kept until deleted) or the dialplan's (basic, gone with its
// last channel).
func (s *Server) newBridgeLocked(id, name, typ string, app bool, at time.Time) *sbridge {
	b := &sbridge{id: id, name: name, typ: typ, class: "basic", video: "none", created: at, app: app}
	if app {
		b.class, b.creator, b.video = "stasis", "Stasis", "talker"
	}
	s.syn.bridges[id] = b
	s.syn.border = append(s.syn.border, id)
	// An application subscribes to its bridge once created: only
	// subscribeAll connections see BridgeCreated.
	s.sendLocked(s.frame("BridgeCreated", at, nil, object{{"bridge", b.json()}}), false)
	return b
}

func (s *Server) enterBridgeLocked(b *sbridge, c *schan, at time.Time) {
	if c.bridge == b {
		return
	}
	if c.bridge != nil {
		s.leaveBridgeLocked(c, at)
	}
	c.bridge = b
	b.members = append(b.members, c.id)
	slices.Sort(b.members) // Asterisk lists a bridge's channels by id
	s.sendLocked(s.frame("ChannelEnteredBridge", at, nil, object{{"bridge", b.json()}, {"channel", c.json()}}), b.app || c.seen())
	if len(b.members) == 2 { // two parties name each other
		other := s.syn.chans[b.members[0]]
		if other == c {
			other = s.syn.chans[b.members[1]]
		}
		s.varsetLocked(other, "BRIDGEPEER", c.name, at)
		s.varsetLocked(c, "BRIDGEPEER", other.name, at)
	}
	s.checkTalkingLocked(b)
}

// checkTalkingLocked marks the answered members of b as talking once
// two of them are up.
func (s *Server) checkTalkingLocked(b *sbridge) {
	var up []*schan
	for _, id := range b.members {
		if c := s.syn.chans[id]; c != nil && c.state == "Up" {
			up = append(up, c)
		}
	}
	if len(up) < 2 {
		return
	}
	for _, c := range up {
		select {
		case <-c.talking:
		default:
			close(c.talking)
		}
	}
}

// leaveBridgeLocked takes c out of its bridge; a dialplan bridge goes
// with its last channel.
func (s *Server) leaveBridgeLocked(c *schan, at time.Time) {
	b := c.bridge
	if b == nil {
		return
	}
	s.varsetLocked(c, "BRIDGEPEER", "", at)
	c.bridge = nil
	b.members = slices.DeleteFunc(b.members, func(id string) bool { return id == c.id })
	s.sendLocked(s.frame("ChannelLeftBridge", at, nil, object{{"bridge", b.json()}, {"channel", c.json()}}), b.app || c.seen())
	if !b.app && len(b.members) == 0 {
		s.dropBridgeLocked(b, at)
	}
}

func (s *Server) dropBridgeLocked(b *sbridge, at time.Time) {
	for _, id := range slices.Clone(b.members) {
		if c := s.syn.chans[id]; c != nil {
			s.leaveBridgeLocked(c, at)
		}
	}
	if _, ok := s.syn.bridges[b.id]; !ok {
		return
	}
	delete(s.syn.bridges, b.id)
	s.syn.border = slices.DeleteFunc(s.syn.border, func(id string) bool { return id == b.id })
	s.sendLocked(s.frame("BridgeDestroyed", at, nil, object{{"bridge", b.json()}}), b.app)
}

// destroyLocked ends c: out of its bridge, out of the application,
// ChannelDestroyed.
func (s *Server) destroyLocked(c *schan, cause int, at time.Time) {
	if c.gone {
		return
	}
	s.leaveBridgeLocked(c, at)
	s.stasisEndLocked(c, at)
	c.gone = true
	// A destroyed channel shows no application, except the dialled
	// halves of Local pairs, which show the one that dialled them.
	switch {
	case c.dialApp != "":
		c.appName, c.appData = c.dialApp, "(Outgoing Line)"
	case strings.HasSuffix(c.name, ";2"):
		c.appName, c.appData = "", ""
	}
	s.chanEventLocked("ChannelDestroyed", c, at, nil, object{{"cause", cause}, {"cause_txt", causeText(cause)}})
	delete(s.syn.chans, c.id)
	s.syn.corder = slices.DeleteFunc(s.syn.corder, func(id string) bool { return id == c.id })
	close(c.ended)
}

// hangupLocked hangs c up with its Local pair's other half: a soft
// hangup request on c (reqCause: 16 from the dialplan, 32 for an
// explicit one such as ARI's DELETE), then both destroyed with cause.
func (s *Server) hangupLocked(c *schan, reqCause, cause int, at time.Time) {
	if !c.gone {
		s.hangupRequestLocked(c, reqCause, true, at)
	}
	if p := c.pair; p != nil && !p.gone {
		s.hangupRequestLocked(p, cause, false, at)
	}
	s.destroyLocked(c, cause, at)
	if c.pair != nil {
		s.destroyLocked(c.pair, cause, at)
	}
}

func causeText(cause int) string {
	switch cause {
	case 16:
		return "Normal Clearing"
	case 17:
		return "User busy"
	case 19:
		return "No user responding"
	case 21:
		return "Call Rejected"
	case 26:
		return "Answered elsewhere"
	case 34:
		return "Circuit/channel congestion"
	}
	return "Unknown"
}
