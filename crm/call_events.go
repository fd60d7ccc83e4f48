package crm

import "strings"

// subject returns the channel an event is about, created if new, with the
// event's facts about it applied.
func (t *CallTracker) subject(ev CallEvent) *tchan {
	ch := t.touch(ev.UniqueID, ev.Channel, ev.Time)
	if ch == nil {
		return nil
	}
	if ev.Channel != "" && ch.name == "" {
		ch.name = ev.Channel
		t.byName[ev.Channel] = ch
	}
	t.setLinkedID(ch, ev.LinkedID)
	if n := cleanNum(ev.CallerNum); n != "" {
		ch.callerNum = n
	}
	if n := cleanNum(ev.CallerName); n != "" {
		ch.callerName = n
	}
	if ch.context == "" && ev.Context != "" && (ev.Kind == KindNewChannel || ev.Kind == KindDialplan) {
		ch.context, ch.exten = ev.Context, ev.Exten
	}
	if ev.Kind == KindAnswered || strings.EqualFold(ev.State, "Up") {
		ch.up = true
	}
	if ch.role == roleNone {
		t.setRole(ch)
	}
	return ch
}

// peer returns the other channel an event names, created if new.
func (t *CallTracker) peer(ev CallEvent) *tchan {
	return t.touch(ev.PeerUniqueID, ev.PeerChannel, ev.Time)
}

func (t *CallTracker) setRole(ch *tchan) {
	switch {
	case ch.ext != "":
		ch.role = roleAgent
	case t.cfg.InboundContexts[ch.context]:
		ch.role = roleInbound
	case t.cfg.OutboundContexts[ch.context]:
		ch.role = roleOutbound
	case ch.exten != "" && t.cfg.DIDs[ch.exten]:
		ch.role = roleInbound
	case t.cfg.isTrunk(ch.name) && ch.dialed:
		ch.role = roleOutbound
	case t.cfg.isTrunk(ch.name):
		ch.role = roleInbound
	}
}

func (t *CallTracker) channelInfo(ev CallEvent) { t.subject(ev) }

func (t *CallTracker) ringing(ev CallEvent, out *[]CallUpdate) {
	ch := t.subject(ev)
	if ch == nil || (ev.PeerUniqueID == "" && ev.PeerChannel == "") {
		return
	}
	if caller := t.peer(ev); caller != nil && ch.role == roleAgent {
		c := t.merge(caller.call, ch.call)
		t.ring(c, ch, ch.ext, ev, out)
	}
}

func (t *CallTracker) dialBegin(ev CallEvent, out *[]CallUpdate) {
	dst := t.peer(ev)
	if dst == nil {
		return
	}
	dst.dialed = true
	if dst.role == roleNone || (dst.role == roleInbound && t.cfg.isTrunk(dst.name)) {
		t.setRole(dst)
	}
	src := t.subject(ev)
	if src == nil {
		return // an originate: nobody is calling the channel yet
	}
	c := t.merge(src.call, dst.call)
	switch dst.role {
	case roleAgent:
		if src.ext != dst.ext {
			t.ring(c, dst, dst.ext, ev, out)
		}
	case roleOutbound:
		if !c.outRung {
			c.outRung = true
			t.emit(c, CallRinging, ev.Time, out, c.firstAgent())
		}
	}
}

func (t *CallTracker) dialEnd(ev CallEvent) {
	ch := t.subject(ev)
	if ch == nil {
		if ch = t.peer(ev); ch == nil {
			return
		}
	}
	switch strings.ToUpper(ev.DialStatus) {
	case "BUSY":
		ch.call.busy = true
	case "CHANUNAVAIL", "CONGESTION", "INVALIDARGS":
		ch.call.failed = true
	case "NOANSWER":
		ch.call.noAnswered = true
	}
}

func (t *CallTracker) queueCaller(ev CallEvent) {
	ch := t.subject(ev)
	if ch == nil {
		return
	}
	c := ch.call
	if ev.Queue != "" {
		c.queue = ev.Queue
	}
	c.queued = true
	if ev.Kind == KindQueueAbandoned {
		c.abandoned = true
	}
}

// agentEvent handles a queue ringing or connecting a member. The member's
// channel is named by uniqueid (12+), by name (1.6), or only by interface
// (1.4's AgentCalled), in which case the newest unlinked channel of that
// interface is taken.
func (t *CallTracker) agentEvent(ev CallEvent, out *[]CallUpdate) {
	caller := t.subject(ev)
	if caller == nil {
		return
	}
	c := caller.call
	if ev.Queue != "" {
		c.queue = ev.Queue
	}
	member := t.peer(ev)
	if member == nil && ev.PeerUniqueID == "" && ev.PeerChannel == "" {
		member = t.memberByInterface(ev.Agent)
	}
	ext := t.cfg.Extension(ev.Agent)
	if member != nil {
		c = t.merge(c, member.call)
		if member.ext != "" {
			ext = member.ext
		}
	}
	if !t.cfg.Agents[ext] {
		ext = ""
	}
	if ev.Kind == KindAgentCalled {
		t.ring(c, member, ext, ev, out)
		return
	}
	t.connect(c, ext, ev.Time, out)
	t.syncRinging(c, ev.Time, out)
}

// memberByInterface finds the newest live channel of a queue member
// interface ("Local/201@agents" → Local/201@agents-2cf6,1) that is not yet
// part of a call with anyone else.
func (t *CallTracker) memberByInterface(iface string) *tchan {
	if iface == "" {
		return nil
	}
	var best *tchan
	for name, ch := range t.byName {
		if !strings.HasPrefix(name, iface+"-") || ch.dead || ch.dialed {
			continue
		}
		if len(ch.call.chans) > 2 || (len(ch.call.chans) == 2 && localPairBase(ch.call.chans[0].name) != localPairBase(ch.call.chans[1].name)) {
			continue
		}
		if best == nil || ch.created.After(best.created) || (ch.created.Equal(best.created) && uidLess(best.uid, ch.uid)) {
			best = ch
		}
	}
	if best != nil {
		best.dialed = true
	}
	return best
}

// link joins the calls of the two channels an event names: transfers,
// Local pairs, masquerades.
func (t *CallTracker) link(ev CallEvent) {
	a := t.subject(ev)
	b := t.peer(ev)
	if a != nil && b != nil {
		t.merge(a.call, b.call)
	}
}

func (t *CallTracker) rename(ev CallEvent) {
	ch := t.lookup(ev.UniqueID, ev.PeerChannel)
	if ch == nil || ch.dead || ev.Channel == "" {
		return
	}
	if t.byName[ch.name] == ch {
		delete(t.byName, ch.name)
	}
	ch.name = ev.Channel
	t.byName[ch.name] = ch
}

func (t *CallTracker) hangup(ev CallEvent, out *[]CallUpdate) {
	ch := t.lookup(ev.UniqueID, ev.Channel)
	if ch == nil || ch.dead {
		return
	}
	t.kill(ch, ev.Time, out)
}
