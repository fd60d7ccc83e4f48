package crm

import (
	"time"
)

// role is what a channel is to the contact center.
type role int

const (
	roleNone     role = iota
	roleAgent         // an agent's phone
	roleInbound       // a customer calling in (trunk leg)
	roleOutbound      // a customer being called (outbound trunk leg)
)

// tchan is one channel the tracker knows, alive or hung up.
type tchan struct {
	uid, name, linkedID string
	ext                 string // extension from the name; set for agents only
	context, exten      string // where the channel started
	callerNum           string
	callerName          string
	created             time.Time
	role                role
	dialed              bool // the destination of a Dial
	up, dead            bool
	adopted             bool // first heard of in a Resync list
	bridge              *tbridge
	call                *tcall
}

// tbridge is a set of channels talking together: a 12+ bridge, or a
// 1.4/1.6 Link pair under a synthetic id.
type tbridge struct {
	id      string
	members []*tchan
}

// tcall is one call: every channel linked to the first one.
type tcall struct {
	chans     []*tchan
	live      int
	linkedIDs []string

	answerAt  time.Time
	talking   bool
	talkStart time.Time
	talk      time.Duration
	current   string   // agent talking now
	agents    []string // every agent who talked, in order
	rung      []string // agent extensions rung, in order
	ringers   []ringer // agent phones ringing now, in the order rung
	reported  []string // the Ringing of the call's last update
	outRung   bool     // the outside party of an outbound call was dialled

	queue                    string
	queued, abandoned        bool
	busy, failed, noAnswered bool
}

// CallTracker is the call state machine: fed CallEvents in the order the
// PBX sent them, it groups channels into calls and reports call-level
// updates. It does no I/O and is not safe for concurrent use; one goroutine
// per PBX owns it. Repeated events never change the outcome.
type CallTracker struct {
	cfg     TrackerConfig
	chans   map[string]*tchan // channels of calls in progress, by uniqueid
	byName  map[string]*tchan // live channels by name
	pairs   map[string]*tchan // first live half of each Local pair, by base name
	linked  map[string]*tcall // calls by Linkedid
	bridges map[string]*tbridge
	calls   map[*tcall]struct{}
	ended   map[string]struct{} // uniqueids of recently ended calls
	endedQ  []string
	endedAt int
}

// NewCallTracker returns a tracker for one PBX.
func NewCallTracker(cfg TrackerConfig) *CallTracker {
	if cfg.RecentlyEnded <= 0 {
		cfg.RecentlyEnded = 4096
	}
	return &CallTracker{
		cfg:     cfg,
		chans:   make(map[string]*tchan),
		byName:  make(map[string]*tchan),
		pairs:   make(map[string]*tchan),
		linked:  make(map[string]*tcall),
		bridges: make(map[string]*tbridge),
		calls:   make(map[*tcall]struct{}),
		ended:   make(map[string]struct{}),
		endedQ:  make([]string, cfg.RecentlyEnded),
	}
}

// Feed applies one event and returns the call-level updates it causes,
// usually none.
func (t *CallTracker) Feed(ev CallEvent) []CallUpdate {
	var out []CallUpdate
	switch ev.Kind {
	case KindHangup:
		t.hangup(ev, &out)
	case KindNewChannel, KindDialplan, KindCallerID, KindAnswered, KindHeld, KindUnheld, KindQueueLeft, KindAgentCompleted, KindAgentRingNoAnswer:
		t.channelInfo(ev)
	case KindRinging:
		t.ringing(ev, &out)
	case KindDialBegin:
		t.dialBegin(ev, &out)
	case KindDialEnd:
		t.dialEnd(ev)
	case KindBridged:
		t.bridged(ev, &out)
	case KindUnbridged:
		t.unbridged(ev, &out)
	case KindQueueJoined, KindQueueAbandoned:
		t.queueCaller(ev)
	case KindAgentCalled, KindAgentConnected:
		t.agentEvent(ev, &out)
	case KindTransferred, KindLocalBridge, KindLocalOptimized, KindMasqueraded:
		t.link(ev)
	case KindRenamed:
		t.rename(ev)
	}
	return out
}

// lookup finds a channel of a call in progress by uniqueid, else a live
// channel by name.
func (t *CallTracker) lookup(uid, name string) *tchan {
	if uid != "" {
		return t.chans[uid]
	}
	if name != "" {
		return t.byName[name]
	}
	return nil
}

// touch returns the channel an event is about, creating it when the
// event is the first the tracker hears of it (a missed Newchannel, a
// channel adopted after a reconnect). Channels of ended calls stay ended.
func (t *CallTracker) touch(uid, name string, at time.Time) *tchan {
	if ch := t.lookup(uid, name); ch != nil {
		if ch.dead {
			return nil
		}
		return ch
	}
	if uid == "" {
		return nil
	}
	if _, gone := t.ended[uid]; gone {
		return nil
	}
	ch := &tchan{uid: uid, name: name, created: at}
	ch.exten, ch.context = localTarget(name)
	if ext := t.cfg.Extension(name); ext != "" && t.cfg.Agents[ext] {
		ch.ext = ext
	}
	c := &tcall{}
	t.calls[c] = struct{}{}
	t.adopt(c, ch)
	t.chans[uid] = ch
	if name != "" {
		t.byName[name] = ch
	}
	t.setRole(ch)
	if base := localPairBase(name); base != "" {
		if other := t.pairs[base]; other != nil && !other.dead {
			t.merge(other.call, ch.call)
		} else {
			t.pairs[base] = ch
		}
	}
	return ch
}

func (t *CallTracker) adopt(c *tcall, ch *tchan) {
	ch.call = c
	c.chans = append(c.chans, ch)
	if !ch.dead {
		c.live++
	}
}

// setLinkedID records a channel's Linkedid; a channel whose Linkedid
// changes (an ARI-originated agent bridged to a caller) joins that call.
func (t *CallTracker) setLinkedID(ch *tchan, id string) {
	if id == "" || id == ch.linkedID {
		return
	}
	ch.linkedID = id
	if c := t.linked[id]; c != nil {
		t.merge(c, ch.call)
		return
	}
	t.linked[id] = ch.call
	ch.call.linkedIDs = append(ch.call.linkedIDs, id)
}

// merge makes a and b one call and returns it; the older call absorbs the
// younger so a call never changes identity.
func (t *CallTracker) merge(a, b *tcall) *tcall {
	if a == b || a == nil || b == nil {
		return a
	}
	if b.start().Before(a.start()) {
		a, b = b, a
	}
	for _, ch := range b.chans {
		ch.call = a
	}
	a.chans = append(a.chans, b.chans...)
	a.live += b.live
	for _, id := range b.linkedIDs {
		t.linked[id] = a
	}
	a.linkedIDs = append(a.linkedIDs, b.linkedIDs...)
	a.absorb(b)
	delete(t.calls, b)
	return a
}

// absorb folds b's call-level state into c.
func (c *tcall) absorb(b *tcall) {
	if !b.answerAt.IsZero() && (c.answerAt.IsZero() || b.answerAt.Before(c.answerAt)) {
		c.answerAt = b.answerAt
	}
	c.talk += b.talk
	if b.talking && (!c.talking || b.talkStart.Before(c.talkStart)) {
		c.talking, c.talkStart = true, b.talkStart
	}
	for _, a := range b.agents {
		if len(c.agents) == 0 || c.agents[len(c.agents)-1] != a {
			c.agents = append(c.agents, a)
		}
	}
	if c.current == "" {
		c.current = b.current
	}
	for _, e := range b.rung {
		c.rung = appendNew(c.rung, e)
	}
	c.ringers = append(c.ringers, b.ringers...)
	if c.queue == "" {
		c.queue = b.queue
	}
	c.outRung = c.outRung || b.outRung
	c.queued, c.abandoned = c.queued || b.queued, c.abandoned || b.abandoned
	c.busy, c.failed, c.noAnswered = c.busy || b.busy, c.failed || b.failed, c.noAnswered || b.noAnswered
}

// start is when the call's first channel appeared.
func (c *tcall) start() time.Time {
	var s time.Time
	for _, ch := range c.chans {
		if s.IsZero() || ch.created.Before(s) {
			s = ch.created
		}
	}
	return s
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
