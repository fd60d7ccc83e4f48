package crm

import (
	"slices"
	"time"
)

// bridged puts channels into a bridge. 12+ names the bridge and one
// channel per event; 1.4/1.6 name the two channels of a Link, which gets a
// synthetic id so that Link, Unlink, Link at one instant is harmless.
func (t *CallTracker) bridged(ev CallEvent, out *[]CallUpdate) {
	ch := t.subject(ev)
	if ch == nil {
		return
	}
	if ev.BridgeID != "" {
		b := t.bridge(ev.BridgeID)
		t.enter(b, ch)
		t.joinBridged(b)
		t.updateTalk(ch.call, ev.Time, out)
		t.syncRinging(ch.call, ev.Time, out)
		return
	}
	peer := t.peer(ev)
	if peer == nil {
		return
	}
	b := t.bridge(pairID(ch.uid, peer.uid))
	t.enter(b, ch)
	t.enter(b, peer)
	t.joinBridged(b)
	t.updateTalk(ch.call, ev.Time, out)
	t.syncRinging(ch.call, ev.Time, out)
}

func (t *CallTracker) unbridged(ev CallEvent, out *[]CallUpdate) {
	ch := t.lookup(ev.UniqueID, ev.Channel)
	if ch == nil || ch.dead {
		return
	}
	if ev.BridgeID == "" {
		if peer := t.lookup(ev.PeerUniqueID, ev.PeerChannel); peer != nil {
			t.leave(peer)
			t.updateTalk(peer.call, ev.Time, out)
		}
	}
	t.leave(ch)
	t.updateTalk(ch.call, ev.Time, out)
}

func pairID(a, b string) string {
	if uidLess(b, a) {
		a, b = b, a
	}
	return "link:" + a + "|" + b
}

func (t *CallTracker) bridge(id string) *tbridge {
	b := t.bridges[id]
	if b == nil {
		b = &tbridge{id: id}
		t.bridges[id] = b
	}
	return b
}

func (t *CallTracker) enter(b *tbridge, ch *tchan) {
	if ch.bridge == b {
		return
	}
	t.leave(ch)
	ch.bridge = b
	b.members = append(b.members, ch)
}

func (t *CallTracker) leave(ch *tchan) {
	b := ch.bridge
	if b == nil {
		return
	}
	ch.bridge = nil
	for i, m := range b.members {
		if m == ch {
			b.members = append(b.members[:i], b.members[i+1:]...)
			break
		}
	}
	if len(b.members) == 0 {
		delete(t.bridges, b.id)
	}
}

// joinBridged makes one call of a bridge's members when the PBX does not
// link them itself: always on 1.4/1.6, which have no Linkedid. On 12+ the
// Linkedid decides, so a conference of separate calls stays separate.
func (t *CallTracker) joinBridged(b *tbridge) {
	for _, m := range b.members[1:] {
		if b.members[0].linkedID == "" || m.linkedID == "" {
			t.merge(b.members[0].call, m.call)
		}
	}
}

// updateTalk notices a call starting or stopping to talk: two or more
// channels of it sharing a bridge. An agent phone bridged to someone has
// answered, so it no longer rings; alone in a bridge it still waits (12+
// bridges one channel at a time).
func (t *CallTracker) updateTalk(c *tcall, at time.Time, out *[]CallUpdate) {
	b := c.talkBridge()
	if b != nil {
		for _, m := range b.members {
			m.call.stopRinging(m)
		}
	}
	switch {
	case b != nil && !c.talking:
		c.talking, c.talkStart = true, at
		t.connect(c, t.agentIn(b), at, out)
	case b != nil:
		t.connect(c, t.agentIn(b), at, out)
	case c.talking:
		c.talking = false
		c.talk += at.Sub(c.talkStart)
	}
}

func (c *tcall) talkBridge() *tbridge {
	for _, ch := range c.chans {
		if !ch.dead && ch.bridge != nil && len(ch.bridge.members) >= 2 {
			return ch.bridge
		}
	}
	return nil
}

// agentIn returns the agent extension in a bridge, preferring the one
// that was called over the one calling (internal calls have two).
func (t *CallTracker) agentIn(b *tbridge) string {
	ext := ""
	for _, m := range b.members {
		if m.role != roleAgent {
			continue
		}
		if m.dialed {
			return m.ext
		}
		if ext == "" {
			ext = m.ext
		}
	}
	return ext
}

// connect records an agent talking on the call and reports it when the
// call is first answered or another agent takes over.
func (t *CallTracker) connect(c *tcall, ext string, at time.Time, out *[]CallUpdate) {
	first := c.answerAt.IsZero()
	if first {
		c.answerAt = at
	}
	if ext != "" {
		c.answeredBy(ext)
	}
	if ext != "" && ext != c.current {
		c.current = ext
		if len(c.agents) == 0 || c.agents[len(c.agents)-1] != ext {
			c.agents = append(c.agents, ext)
		}
		t.emit(c, CallAnswered, at, out, ext)
		return
	}
	if first {
		t.emit(c, CallAnswered, at, out, c.current)
	}
}

// ring notes an agent extension ringing for the call on ch (nil when the
// PBX named no channel) and pops it, once per call: an agent rung again (a
// queue going round its members) rings without a second pop.
func (t *CallTracker) ring(c *tcall, ch *tchan, ext string, ev CallEvent, out *[]CallUpdate) {
	if ext == "" {
		return
	}
	c.addRinger(ext, ch)
	if slices.Contains(c.rung, ext) {
		t.syncRinging(c, ev.Time, out)
		return
	}
	c.rung = append(c.rung, ext)
	t.emit(c, CallRinging, ev.Time, out, ext)
}

// emit reports the call as it stands, popping ext when set.
func (t *CallTracker) emit(c *tcall, kind CallUpdateKind, at time.Time, out *[]CallUpdate, ext string) {
	u := CallUpdate{Kind: kind, Time: at, Call: t.record(c, time.Time{}), Ringing: c.ringing()}
	if ext != "" {
		u.Extensions = []string{ext}
	}
	u.Stopped = c.stoppedRinging(u.Ringing)
	c.reported = slices.Clone(u.Ringing)
	*out = append(*out, u)
}

// kill marks a channel hung up and ends its call with its last channel.
func (t *CallTracker) kill(ch *tchan, at time.Time, out *[]CallUpdate) {
	ch.dead = true
	if ch.bridge != nil {
		t.leave(ch)
		t.updateTalk(ch.call, at, out)
	}
	if t.byName[ch.name] == ch {
		delete(t.byName, ch.name)
	}
	if base := localPairBase(ch.name); base != "" && t.pairs[base] == ch {
		delete(t.pairs, base)
	}
	c := ch.call
	c.live--
	c.stopRinging(ch)
	if c.live > 0 {
		t.syncRinging(c, at, out)
		return
	}
	if !c.orphan() {
		*out = append(*out, CallUpdate{Kind: CallEnded, Time: at, Call: t.record(c, at), Stopped: c.stoppedRinging(nil)})
	}
	t.forget(c)
}

// forget drops an ended call, remembering its uniqueids so that late or
// repeated events cannot revive it.
func (t *CallTracker) forget(c *tcall) {
	for _, ch := range c.chans {
		delete(t.chans, ch.uid)
		if t.byName[ch.name] == ch {
			delete(t.byName, ch.name)
		}
		if old := t.endedQ[t.endedAt]; old != "" {
			delete(t.ended, old)
		}
		t.endedQ[t.endedAt] = ch.uid
		t.endedAt = (t.endedAt + 1) % len(t.endedQ)
		t.ended[ch.uid] = struct{}{}
	}
	for _, id := range c.linkedIDs {
		if t.linked[id] == c {
			delete(t.linked, id)
		}
	}
	delete(t.calls, c)
}
