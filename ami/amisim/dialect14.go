package amisim

import (
	"time"
)

// Asterisk 1.4 (AMI 1.0, recorded on 1.4.44): "State:" as text, Local
// halves named ",1"/",2", Newcallerid with CallerID, one Dial event and no
// dial end, Link/Unlink with the Link, Unlink, Link quirk, Cdr with
// privilege call.

func (b *script) newChannel14(c *channel) {
	b.emit("Event", "Newchannel", "Privilege", "call,all", "Channel", c.name, "State", stateDesc(c.state),
		"CallerIDNum", orUnknown(c.cidNum), "CallerIDName", orUnknown(c.cidName), "Uniqueid", c.uid)
}

func (b *script) callerID14(c *channel, name string) {
	b.emit("Event", "Newcallerid", "Privilege", "call,all", "Channel", c.name, "CallerID", c.cidNum,
		"CallerIDName", name, "Uniqueid", c.uid, "CID-CallingPres", cidPres)
}

func (b *script) newState14(c *channel, state int) {
	c.state = state
	b.emit("Event", "Newstate", "Privilege", "call,all", "Channel", c.name, "State", stateDesc(state),
		"CallerID", c.cidNum, "CallerIDName", orUnknown(c.cidName), "Uniqueid", c.uid)
}

func (b *script) dial14(src, dst *channel) {
	b.emit("Event", "Dial", "Privilege", "call,all", "Source", src.name, "Destination", dst.name,
		"CallerID", src.cidNum, "CallerIDName", src.cidName, "SrcUniqueID", src.uid, "DestUniqueID", dst.uid)
}

func (b *script) link14(on bool, one, two *channel) {
	ev := "Unlink"
	if on {
		ev = "Link"
	}
	b.emit("Event", ev, "Privilege", "call,all", "Channel1", one.name, "Channel2", two.name,
		"Uniqueid1", one.uid, "Uniqueid2", two.uid, "CallerID1", one.cidNum, "CallerID2", two.cidNum)
}

func (b *script) hangup14(c *channel, cause int) {
	b.emit("Event", "Hangup", "Privilege", "call,all", "Channel", c.name, "Uniqueid", c.uid,
		"Cause", itoa(cause), "Cause-txt", causeText(cause))
}

// inbound14 is the recordings' inbound-answered and inbound-missed.
func inbound14(b *script) {
	c := b.call
	t1, t2 := b.pair(c.DID, "from-pstn")
	b.newChannel14(t1)
	b.newChannel14(t2)
	t1.cidNum, t1.cidName = c.CallerNum, c.CallerName
	t2.cidNum, t2.cidName = c.CallerNum, c.CallerName
	b.callerID14(t1, c.CallerName)
	a1, a2 := b.pair(c.Agent, "agents")
	b.newChannel14(a1)
	b.newChannel14(a2)
	b.dial14(t2, a1)
	a1.cidNum = c.DID
	b.callerID14(a1, "<Unknown>")
	a2.cidNum, a2.cidName = c.CallerNum, c.CallerName
	b.newState14(a1, 5)
	b.newState14(t1, 5)
	b.wait(c.Ring)
	cid := quotedCID(c.CallerName, c.CallerNum)
	if !c.Answered {
		b.hangup14(a1, 0)
		b.hangup14(a2, 0)
		b.hangup14(t2, 16)
		b.cdr("call,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Hangup", "", 0, false)
		b.hangup14(t1, 16)
		b.originateResponse1x(true, "Local/"+c.DID+"@from-pstn", "<null>", false, t1, "", "")
		return
	}
	b.newState14(a2, 6)
	b.newState14(a1, 6)
	b.newState14(t2, 6)
	b.newState14(t1, 6)
	answeredAt := b.at
	b.originateResponse1x(true, t1.name, t1.uid, true, t1, "", "")
	b.link14(true, t2, a1)
	b.link14(false, t2, a1)
	b.link14(true, t2, a1)
	b.wait(c.Talk)
	b.hangup14(a2, 16)
	b.cdr("call,all", c.CallerNum, c.Agent, "agents", cid, a2, "", "Hangup", "", answeredAt, true)
	b.link14(false, t2, a1)
	b.cdr("call,all", c.CallerNum, c.DID, "from-pstn", cid, t2, a1.name, "Dial", dialData(c, "|"), answeredAt, true)
	b.hangup14(a1, 16)
	b.hangup14(t2, 16)
	b.hangup14(t1, 16)
	b.cdr("call,all", c.CallerNum, c.DID, "from-pstn", cid, t1, "", "Wait", "60", answeredAt, true)
}

// outbound14 is the recordings' click-to-call.
func outbound14(b *script) {
	c := b.call
	agentName := "Agent " + c.Agent
	a1, a2 := b.pair(c.Agent, "agents")
	b.newChannel14(a1)
	b.newChannel14(a2)
	a1.cidNum, a1.cidName = c.Agent, agentName
	b.callerID14(a1, agentName)
	b.callerID14(a1, agentName)
	b.newState14(a1, 5)
	b.wait(c.Ring)
	a2.cidNum, a2.cidName = c.CallerNum, agentName
	b.newState14(a2, 6)
	b.newState14(a1, 6)
	agentUp := b.at
	b.originateResponse1x(true, a1.name, a1.uid, true, a1, "from-internal", c.CallerNum)
	o1, o2 := b.pair(c.CallerNum, "pstn-out")
	b.newChannel14(o1)
	b.newChannel14(o2)
	b.dial14(a1, o1)
	o1.cidNum, o2.cidNum, o2.cidName = c.CallerNum, c.Agent, agentName
	b.callerID14(o1, "<Unknown>")
	b.newState14(o1, 5)
	b.newState14(a2, 5)
	b.wait(3 * time.Second)
	cid := quotedCID(agentName, c.Agent)
	dialArgs := "Local/" + c.CallerNum + "@pstn-out|30"
	if !c.Answered {
		b.hangup14(o1, 0)
		b.hangup14(o2, 0)
		b.cdr("call,all", c.Agent, c.CallerNum, "from-internal", cid, a1, o1.name, "Dial", dialArgs, agentUp, false)
		b.hangup14(a1, 16)
		b.hangup14(a2, 0)
		return
	}
	b.newState14(o2, 6)
	b.newState14(o1, 6)
	talkFrom := b.at
	b.link14(true, a1, o1)
	b.link14(false, a1, o1)
	b.link14(true, a1, o1)
	b.wait(c.Talk)
	b.hangup14(o2, 16)
	b.cdr("call,all", c.Agent, "s", "pstn-out", cid, o2, "", "Playback", "silence/1", talkFrom, true)
	b.link14(false, a1, o1)
	b.cdr("call,all", c.Agent, c.CallerNum, "from-internal", cid, a1, o1.name, "Dial", dialArgs, agentUp, true)
	b.hangup14(o1, 16)
	b.hangup14(a1, 16)
	b.hangup14(a2, 0)
	b.cdr("call,all", c.Agent, c.Agent, "agents", cid, a2, "", "Wait", "30", agentUp, true)
}
