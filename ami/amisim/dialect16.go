package amisim

import (
	"strconv"
	"time"
)

// Asterisk 1.6 (AMI 1.1, recorded on 1.6.2.24): short channel events
// without Linkedid, Dial with SubEvent Begin/End, Bridge (Bridgestate
// Link)/Unlink with the Link, Unlink, Link quirk at every bridge.

func (b *script) newChannel16(c *channel) {
	b.emit("Event", "Newchannel", "Privilege", "call,all", "Channel", c.name,
		"ChannelState", strconv.Itoa(c.state), "ChannelStateDesc", stateDesc(c.state),
		"CallerIDNum", c.cidNum, "CallerIDName", c.cidName, "AccountCode", "",
		"Exten", c.exten, "Context", c.context, "Uniqueid", c.uid)
}

func (b *script) accountCode16(c *channel) {
	b.emit("Event", "NewAccountCode", "Privilege", "call,all", "Channel", c.name, "Uniqueid", c.uid,
		"AccountCode", "", "OldAccountCode", "")
}

func (b *script) callerID16(c *channel) {
	b.emit("Event", "NewCallerid", "Privilege", "call,all", "Channel", c.name,
		"CallerIDNum", c.cidNum, "CallerIDName", c.cidName, "Uniqueid", c.uid, "CID-CallingPres", cidPres)
}

func (b *script) newState16(c *channel, state int) {
	c.state = state
	b.emit("Event", "Newstate", "Privilege", "call,all", "Channel", c.name,
		"ChannelState", strconv.Itoa(state), "ChannelStateDesc", stateDesc(state),
		"CallerIDNum", c.cidNum, "CallerIDName", c.cidName, "Uniqueid", c.uid)
}

func (b *script) dialBegin16(src, dst *channel, dialString string) {
	b.emit("Event", "Dial", "Privilege", "call,all", "SubEvent", "Begin", "Channel", src.name,
		"Destination", dst.name, "CallerIDNum", src.cidNum, "CallerIDName", src.cidName,
		"UniqueID", src.uid, "DestUniqueID", dst.uid, "Dialstring", dialString)
}

func (b *script) dialEnd16(src *channel, status string) {
	b.emit("Event", "Dial", "Privilege", "call,all", "SubEvent", "End", "Channel", src.name,
		"UniqueID", src.uid, "DialStatus", status)
}

// link16 emits Bridge (link) or Unlink between two channels.
func (b *script) link16(on bool, one, two *channel) {
	kv := []string{"Event", "Unlink", "Privilege", "call,all"}
	if on {
		kv = []string{"Event", "Bridge", "Privilege", "call,all", "Bridgestate", "Link", "Bridgetype", "core"}
	}
	b.emit(append(kv, "Channel1", one.name, "Channel2", two.name, "Uniqueid1", one.uid, "Uniqueid2", two.uid,
		"CallerID1", one.cidNum, "CallerID2", two.cidNum)...)
}

func (b *script) hangup16(c *channel, name string, cause int) {
	b.emit("Event", "Hangup", "Privilege", "call,all", "Channel", c.name, "Uniqueid", c.uid,
		"CallerIDNum", c.cidNum, "CallerIDName", name, "Cause", strconv.Itoa(cause), "Cause-txt", causeText(cause))
}

func (b *script) originateResponse1x(v14 bool, ch, uid string, ok bool, c *channel, context, exten string) {
	kv := []string{"Event", "OriginateResponse", "Privilege", "call,all"}
	if b.call.ActionID != "" {
		kv = append(kv, "ActionID", b.call.ActionID)
	}
	resp, reason := "Failure", "1"
	if ok {
		resp, reason = "Success", "4"
	}
	kv = append(kv, "Response", resp, "Channel", ch, "Context", context, "Exten", exten, "Reason", reason, "Uniqueid", uid)
	if v14 {
		kv = append(kv, "CallerID", c.cidNum)
	}
	b.emit(append(kv, "CallerIDNum", c.cidNum, "CallerIDName", c.cidName)...)
}

// inbound16 is the recordings' inbound-answered and inbound-missed.
func inbound16(b *script) {
	c := b.call
	t1, t2 := b.pair(c.DID, "from-pstn")
	b.newChannel16(t1)
	b.newChannel16(t2)
	b.accountCode16(t1)
	t1.cidNum, t1.cidName = c.CallerNum, c.CallerName
	t2.cidNum, t2.cidName = c.CallerNum, c.CallerName
	b.callerID16(t1)
	a1, a2 := b.pair(c.Agent, "agents")
	b.newChannel16(a1)
	b.newChannel16(a2)
	b.dialBegin16(t2, a1, c.Agent+"@agents")
	a1.cidNum = c.DID
	b.callerID16(a1)
	a2.cidNum, a2.cidName = c.CallerNum, c.CallerName
	b.newState16(a1, 5)
	b.newState16(t1, 5)
	b.wait(c.Ring)
	cid := quotedCID(c.CallerName, c.CallerNum)
	if !c.Answered {
		b.hangup16(a1, unknown, 0)
		b.dialEnd16(t2, "NOANSWER")
		b.hangup16(a2, a2.cidName, 0)
		b.hangup16(t2, t2.cidName, 16)
		b.hangup16(t1, t1.cidName, 19)
		b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Hangup", "", 0, false)
		b.originateResponse1x(false, "Local/"+c.DID+"@from-pstn", "<null>", false, t1, "", "")
		return
	}
	b.newState16(a2, 6)
	b.newState16(a1, 6)
	b.newState16(t1, 6)
	b.accountCode16(t1)
	b.newState16(t2, 6)
	answeredAt := b.at
	b.originateResponse1x(false, t1.name, t1.uid, true, t1, "", "")
	b.accountCode16(a1)
	b.link16(true, t2, a1)
	b.link16(false, t2, a1)
	b.link16(true, t2, a1)
	b.wait(c.Talk)
	b.hangup16(a2, a2.cidName, 16)
	b.link16(false, t2, a1)
	b.cdr("cdr,all", c.CallerNum, c.Agent, "agents", cid, a2, "", "Hangup", "", answeredAt, true)
	b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Dial", dialData(c, ","), answeredAt, true)
	b.hangup16(a1, unknown, 16)
	b.dialEnd16(t2, "ANSWER")
	b.hangup16(t2, t2.cidName, 16)
	b.hangup16(t1, t1.cidName, 16)
	b.cdr("cdr,all", c.CallerNum, c.DID, "from-pstn", cid, t1, "", "Wait", "60", answeredAt, true)
}

// dialData is the Dial application's argument, sep being 1.4's '|' or ','.
func dialData(c Call, sep string) string {
	return "Local/" + c.Agent + "@agents" + sep + strconv.Itoa(int(max(c.Ring, time.Second)/time.Second))
}

// outbound16 is the recordings' click-to-call.
func outbound16(b *script) {
	c := b.call
	agentName := "Agent " + c.Agent
	a1, a2 := b.pair(c.Agent, "agents")
	b.newChannel16(a1)
	b.newChannel16(a2)
	a1.cidNum, a1.cidName = c.Agent, agentName
	b.callerID16(a1)
	b.accountCode16(a1)
	b.callerID16(a1)
	b.newState16(a1, 5)
	b.wait(c.Ring)
	a2.cidNum, a2.cidName = c.CallerNum, agentName
	b.newState16(a2, 6)
	b.newState16(a1, 6)
	agentUp := b.at
	b.originateResponse1x(false, a1.name, a1.uid, true, a1, "from-internal", c.CallerNum)
	o1, o2 := b.pair(c.CallerNum, "pstn-out")
	b.newChannel16(o1)
	b.newChannel16(o2)
	b.dialBegin16(a1, o1, c.CallerNum+"@pstn-out")
	b.newState16(o1, 5)
	o1.cidNum, o2.cidNum, o2.cidName = c.CallerNum, c.Agent, agentName
	b.callerID16(o1)
	b.newState16(a2, 5)
	b.wait(3 * time.Second)
	cid := quotedCID(agentName, c.Agent)
	if !c.Answered {
		b.hangup16(o1, unknown, 0)
		b.dialEnd16(a1, "NOANSWER")
		b.hangup16(o2, o2.cidName, 0)
		b.cdr("cdr,all", c.Agent, c.CallerNum, "from-internal", cid, a1, o1.name, "Dial", "Local/"+c.CallerNum+"@pstn-out,30", agentUp, false)
		b.hangup16(a1, a1.cidName, 16)
		b.hangup16(a2, a2.cidName, 0)
		return
	}
	b.newState16(o2, 6)
	b.newState16(o1, 6)
	b.accountCode16(o1)
	talkFrom := b.at
	b.link16(true, a1, o1)
	b.link16(false, a1, o1)
	b.link16(true, a1, o1)
	b.wait(c.Talk)
	b.hangup16(o2, o2.cidName, 16)
	b.cdr("cdr,all", c.Agent, "s", "pstn-out", cid, o2, "", "Playback", "silence/1", talkFrom, true)
	b.link16(false, a1, o1)
	b.cdr("cdr,all", c.Agent, c.CallerNum, "from-internal", cid, a1, o1.name, "Dial", "Local/"+c.CallerNum+"@pstn-out,30", agentUp, true)
	b.hangup16(o1, unknown, 16)
	b.dialEnd16(a1, "ANSWER")
	b.hangup16(a1, a1.cidName, 16)
	b.hangup16(a2, a2.cidName, 0)
	b.cdr("cdr,all", c.Agent, c.Agent, "agents", cid, a2, "", "Wait", "30", agentUp, true)
}
