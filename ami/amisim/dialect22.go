package amisim

import (
	"strconv"
	"time"
)

// Asterisk 12+ (AMI 2, recorded on 22.10.1): every channel event carries
// the full snapshot, Linkedid groups the legs, Dial is DialBegin,
// DialState and DialEnd, bridges are BridgeCreate/Enter/Leave/Destroy.
// VarSet, Newexten and DeviceStateChange are not generated.

const unknown = "<unknown>"

// snap22 appends a channel snapshot with an optional prefix ("Dest",
// "LocalOne").
func snap22(kv []string, p string, c *channel) []string {
	return append(kv,
		p+"Channel", c.name,
		p+"ChannelState", strconv.Itoa(c.state),
		p+"ChannelStateDesc", stateDesc(c.state),
		p+"CallerIDNum", orUnknown(c.cidNum),
		p+"CallerIDName", orUnknown(c.cidName),
		p+"ConnectedLineNum", orUnknown(c.connNum),
		p+"ConnectedLineName", orUnknown(c.connName),
		p+"Language", "en",
		p+"AccountCode", "",
		p+"Context", c.context,
		p+"Exten", c.exten,
		p+"Priority", strconv.Itoa(c.prio),
		p+"Uniqueid", c.uid,
		p+"Linkedid", c.linked,
	)
}

func orUnknown(s string) string {
	if s == "" {
		return unknown
	}
	return s
}

func (b *script) ev22(name string, c *channel, extra ...string) {
	kv := snap22([]string{"Event", name, "Privilege", "call,all"}, "", c)
	b.emit(append(kv, extra...)...)
}

func (b *script) newState22(c *channel, state int) {
	c.state = state
	b.ev22("Newstate", c)
}

const cidPres = "0 (Presentation Allowed, Not Screened)"

func (b *script) callerID22(c *channel, connected bool) {
	b.ev22("NewCallerid", c, "CID-CallingPres", cidPres)
	if connected {
		b.ev22("NewConnectedLine", c)
	}
}

func (b *script) localBridge22(one, two *channel) {
	kv := []string{"Event", "LocalBridge", "Privilege", "call,all"}
	kv = snap22(kv, "LocalOne", one)
	kv = snap22(kv, "LocalTwo", two)
	b.emit(append(kv, "Context", two.context, "Exten", two.exten, "LocalOptimization", "Yes")...)
}

// dial22 emits DialBegin, DialState or DialEnd; src nil is the originate.
func (b *script) dial22(name string, src, dst *channel, last ...string) {
	kv := []string{"Event", name, "Privilege", "call,all"}
	if src != nil {
		kv = snap22(kv, "", src)
	}
	kv = snap22(kv, "Dest", dst)
	b.emit(append(kv, last...)...)
}

func bridgeHeaders(id string, n int) []string {
	return []string{"BridgeUniqueid", id, "BridgeType", "basic", "BridgeTechnology", "simple_bridge",
		"BridgeCreator", unknown, "BridgeName", unknown, "BridgeNumChannels", strconv.Itoa(n),
		"BridgeVideoSourceMode", "none"}
}

func (b *script) bridge22(name, id string, n int, c *channel) {
	kv := append([]string{"Event", name, "Privilege", "call,all"}, bridgeHeaders(id, n)...)
	if c != nil {
		kv = snap22(kv, "", c)
	}
	b.emit(kv...)
}

func (b *script) hangup22(c *channel, cause int, soft bool, req bool) {
	if soft {
		b.ev22("SoftHangupRequest", c, "Cause", strconv.Itoa(cause))
		return
	}
	if req {
		b.ev22("HangupRequest", c, "Cause", strconv.Itoa(cause))
		return
	}
	b.ev22("Hangup", c, "Cause", strconv.Itoa(cause), "Cause-txt", causeText(cause))
}

func causeText(cause int) string {
	switch cause {
	case 16:
		return "Normal Clearing"
	case 19:
		return "User alerting, no answer"
	}
	return "Unknown"
}

// cdr emits a Cdr record, in the header order every version uses.
func (b *script) cdr(priv string, src, dst, dstCtx, cid string, ch *channel, dstCh, app, data string, answered time.Duration, ok bool) {
	end := b.at
	answer, bill, disp := "", "0", "NO ANSWER"
	if ok {
		answer, bill, disp = b.cdrTime(answered), secs(end-answered), "ANSWERED"
	}
	b.emit("Event", "Cdr", "Privilege", priv, "AccountCode", "", "Source", src, "Destination", dst,
		"DestinationContext", dstCtx, "CallerID", cid, "Channel", ch.name, "DestinationChannel", dstCh,
		"LastApplication", app, "LastData", data, "StartTime", b.cdrTime(ch.created), "AnswerTime", answer,
		"EndTime", b.cdrTime(end), "Duration", secs(end-ch.created), "BillableSeconds", bill,
		"Disposition", disp, "AMAFlags", "DOCUMENTATION", "UniqueID", ch.uid, "UserField", "")
}

func (b *script) originateResponse22(ch string, uid string, ok bool, c *channel, where ...string) {
	kv := []string{"Event", "OriginateResponse", "Privilege", "call,all"}
	if b.call.ActionID != "" {
		kv = append(kv, "ActionID", b.call.ActionID)
	}
	resp, reason := "Failure", "0"
	if ok {
		resp, reason = "Success", "4"
	}
	kv = append(append(kv, "Response", resp, "Channel", ch), where...)
	b.emit(append(kv, "Reason", reason, "Uniqueid", uid, "CallerIDNum", c.cidNum, "CallerIDName", c.cidName)...)
}

// inbound22 is the recordings' inbound-answered and inbound-missed.
func inbound22(b *script) {
	c := b.call
	t1, t2 := b.pair(c.DID, "from-pstn")
	t1.linked, t2.linked = t1.uid, t1.uid
	b.ev22("Newchannel", t1)
	b.ev22("Newchannel", t2)
	t1.cidNum, t1.cidName = c.CallerNum, c.CallerName
	b.callerID22(t1, false)
	t1.connNum, t1.connName = c.CallerNum, c.CallerName
	b.ev22("NewConnectedLine", t1)
	t2.cidNum, t2.cidName, t2.connNum, t2.connName = c.CallerNum, c.CallerName, c.CallerNum, c.CallerName
	b.callerID22(t2, true)
	b.localBridge22(t1, t2)
	b.dial22("DialBegin", nil, t1, "DialString", c.DID+"@from-pstn")

	a1, a2 := b.pair(c.Agent, "agents")
	a1.linked, a2.linked = t1.uid, t1.uid
	b.ev22("Newchannel", a1)
	b.ev22("Newchannel", a2)
	a1.cidNum, a1.cidName, a1.connNum, a1.connName, a1.exten = c.DID, c.CallerName, c.CallerNum, c.CallerName, c.DID
	b.callerID22(a1, true)
	a2.cidNum, a2.cidName, a2.connNum, a2.connName = c.CallerNum, c.CallerName, c.DID, c.CallerName
	b.callerID22(a2, true)
	b.localBridge22(a1, a2)
	t2.prio = 2
	dialArgs := "Local/" + c.Agent + "@agents," + strconv.Itoa(int(max(c.Ring, time.Second)/time.Second))
	if c.Answered {
		b.newState22(a1, 5)
		b.dial22("DialBegin", t2, a1, "DialString", c.Agent+"@agents")
		b.newState22(t1, 5)
		b.dial22("DialState", t2, a1, "DialStatus", "RINGING")
		b.dial22("DialState", nil, t1, "DialStatus", "RINGING")
		answered22(b, t1, t2, a1, a2, dialArgs)
		return
	}
	b.dial22("DialBegin", t2, a1, "DialString", c.Agent+"@agents")
	b.newState22(a1, 5)
	b.newState22(t1, 5)
	b.dial22("DialState", nil, t1, "DialStatus", "RINGING")
	b.dial22("DialState", t2, a1, "DialStatus", "RINGING")
	b.wait(c.Ring)
	missed22(b, t1, t2, a1, a2, dialArgs)
}

func answered22(b *script, t1, t2, a1, a2 *channel, dialArgs string) {
	c := b.call
	b.wait(c.Ring)
	a2.prio = 5
	b.newState22(a2, 6)
	b.newState22(a1, 6)
	a1.exten = ""
	b.dial22("DialEnd", t2, a1, "DialStatus", "ANSWER")
	b.newState22(t1, 6)
	b.newState22(t2, 6)
	answeredAt := b.at
	b.originateResponse22(t1.name, t1.uid, true, t1, "Application", "Wait", "Data", "60")
	id := b.g.bridgeID()
	b.bridge22("BridgeCreate", id, 0, nil)
	b.dial22("DialEnd", nil, t1, "DialStatus", "ANSWER")
	b.bridge22("BridgeEnter", id, 1, a1)
	b.bridge22("BridgeEnter", id, 2, t2)

	b.wait(c.Talk)
	a2.prio = 7
	b.hangup22(a2, 16, true, false)
	b.hangup22(a1, 16, false, true)
	b.bridge22("BridgeLeave", id, 1, a1)
	cid := quotedCID(c.CallerName, c.CallerNum)
	b.cdr("cdr,all", c.CallerNum, c.Agent, "agents", cid, a2, "", "Hangup", "", answeredAt, true)
	b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Dial", dialArgs, answeredAt, true)
	b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t1, "", "Wait", "60", answeredAt, true)
	b.hangup22(a1, 16, false, false)
	b.hangup22(a2, 16, false, false)
	b.bridge22("BridgeLeave", id, 0, t2)
	b.bridge22("BridgeDestroy", id, 0, nil)
	b.hangup22(t2, 16, true, false)
	b.hangup22(t1, 16, false, true)
	b.hangup22(t2, 16, false, false)
	b.hangup22(t1, 16, false, false)
}

func missed22(b *script, t1, t2, a1, a2 *channel, dialArgs string) {
	c := b.call
	b.dial22("DialEnd", t2, a1, "DialStatus", "NOANSWER")
	a2.prio = 8
	b.hangup22(a2, 0, false, true)
	b.hangup22(a1, 0, false, false)
	cid := quotedCID(c.CallerName, c.CallerNum)
	b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Dial", dialArgs, 0, false)
	b.hangup22(a2, 16, true, false)
	b.hangup22(a2, 0, false, false)
	t2.prio = 4
	b.hangup22(t2, 16, true, false)
	b.hangup22(t1, 16, false, true)
	b.hangup22(t2, 16, false, false)
	b.dial22("DialEnd", nil, t1, "DialStatus", "NOANSWER")
	b.hangup22(t1, 16, false, false)
	b.originateResponse22("Local/"+c.DID+"@from-pstn", unknown, false, t1, "Application", "Wait", "Data", "60")
}

// outbound22 is the recordings' click-to-call: the agent's Local channel
// is originated into from-internal at the customer's number.
func outbound22(b *script) {
	c := b.call
	agentName := "Agent " + c.Agent
	a1, a2 := b.pair(c.Agent, "agents")
	a1.linked, a2.linked = a1.uid, a1.uid
	b.ev22("Newchannel", a1)
	b.ev22("Newchannel", a2)
	a1.cidNum, a1.cidName = c.Agent, agentName
	b.callerID22(a1, false)
	a1.connNum, a1.connName = c.Agent, agentName
	b.ev22("NewConnectedLine", a1)
	a2.cidNum, a2.cidName, a2.connNum, a2.connName = c.Agent, agentName, c.Agent, agentName
	b.callerID22(a2, true)
	b.localBridge22(a1, a2)
	b.dial22("DialBegin", nil, a1, "DialString", c.Agent+"@agents")
	b.newState22(a1, 5)
	b.dial22("DialState", nil, a1, "DialStatus", "RINGING")
	b.wait(c.Ring)
	b.newState22(a2, 6)
	b.newState22(a1, 6)
	b.dial22("DialEnd", nil, a1, "DialStatus", "ANSWER")
	agentUp := b.at

	a1.context, a1.exten, a1.prio = "from-internal", c.CallerNum, 1
	o1, o2 := b.pair(c.CallerNum, "pstn-out")
	o1.linked, o2.linked = a1.uid, a1.uid
	b.ev22("Newchannel", o1)
	b.ev22("Newchannel", o2)
	o1.cidNum, o1.cidName, o1.connNum, o1.connName = c.CallerNum, agentName, c.Agent, agentName
	b.callerID22(o1, true)
	o2.cidNum, o2.cidName, o2.connNum, o2.connName = c.Agent, agentName, c.CallerNum, agentName
	b.callerID22(o2, true)
	b.localBridge22(o1, o2)
	a1.prio = 2
	b.dial22("DialBegin", a1, o1, "DialString", c.CallerNum+"@pstn-out")
	b.newState22(o1, 5)
	b.originateResponse22(a1.name, a1.uid, true, a1, "Context", "from-internal", "Exten", c.CallerNum)
	b.dial22("DialState", a1, o1, "DialStatus", "RINGING")
	b.wait(3 * time.Second)
	if !c.Answered {
		b.dial22("DialEnd", a1, o1, "DialStatus", "NOANSWER")
		b.hangup22(o1, 0, false, false)
		b.hangup22(o2, 0, false, false)
		hangupAgent22(b, a1, a2, agentUp, false)
		return
	}
	b.newState22(o2, 6)
	b.newState22(o1, 6)
	b.dial22("DialEnd", a1, o1, "DialStatus", "ANSWER")
	talkFrom := b.at
	id := b.g.bridgeID()
	b.bridge22("BridgeCreate", id, 0, nil)
	b.bridge22("BridgeEnter", id, 1, o1)
	b.bridge22("BridgeEnter", id, 2, a1)
	b.wait(c.Talk)
	b.hangup22(o2, 16, true, false)
	b.hangup22(o1, 16, false, true)
	b.hangup22(o2, 16, false, false)
	b.cdr("cdr,all", c.Agent, "s", "pstn-out", quotedCID(agentName, c.Agent), o2, "", "Playback", "silence/1", talkFrom, true)
	b.bridge22("BridgeLeave", id, 1, o1)
	b.hangup22(o1, 16, false, false)
	b.bridge22("BridgeLeave", id, 0, a1)
	b.bridge22("BridgeDestroy", id, 0, nil)
	hangupAgent22(b, a1, a2, agentUp, true)
}

func hangupAgent22(b *script, a1, a2 *channel, agentUp time.Duration, talked bool) {
	c := b.call
	cid := quotedCID("Agent "+c.Agent, c.Agent)
	b.cdr("cdr,all", c.Agent, c.CallerNum, "from-internal", cid, a1, "", "Dial", "Local/"+c.CallerNum+"@pstn-out,30", agentUp, talked)
	b.hangup22(a1, 16, true, false)
	b.hangup22(a2, 16, false, true)
	b.hangup22(a1, 16, false, false)
	b.hangup22(a2, 16, true, false)
	b.hangup22(a2, 16, false, false)
	b.cdr("cdr,all", c.Agent, c.Agent, "agents", cid, a2, "", "Wait", "30", agentUp, true)
}
