package aritest

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// The sales DID's dialplan, event for event as in the recordings
// (ari-22-monitor-inbound-answered, -missed): Dial(Local/<ext>@agents)
// from the trunk leg, the agent's phone a Local pair whose ;2 half runs
// the phone's own dialplan (ring, answer after Ring, Wait(Talk), hang
// up).

// dialplanCall runs the sales DID's dialplan: Dial(Local/<ext>@agents).
func (s *Server) dialplanCall(c Call, t1, t2 *schan) {
	var a1, a2 *schan
	s.locked(func(at time.Time) {
		s.dialplanLocked(t2, 1, "NoOp", fmt.Sprintf("Inbound sales call from %q <%s>", c.CallerName, c.CallerNum), at)
		s.dialplanLocked(t2, 2, "Dial", fmt.Sprintf("Local/%s@agents,%d", c.Extension, secs(c.NoAnswer)), at)
		s.varsetLocked(t2, "DIALSTATUS", "", at)
		a1, a2 = s.ringAgentLocked(c, t1, t2, at)
	})
	wait, outcome := c.NoAnswer, "NOANSWER"
	if c.Answered && c.Ring < c.NoAnswer {
		wait, outcome = c.Ring, "ANSWER"
	}
	if c.Abandon > 0 && c.Abandon < wait {
		wait, outcome = c.Abandon, "CANCEL"
	}
	if !s.pause(wait, t2, a1) {
		s.cleanup(t1, t2, a1, a2)
		return
	}
	legs := []*schan{t1, t2, a1, a2}
	switch outcome {
	case "NOANSWER":
		s.step(legs, func(at time.Time) { s.noAnswerLocked(c, t1, t2, a1, a2, at) })
		return
	case "CANCEL":
		s.step(legs, func(at time.Time) { s.cancelLocked(c, t1, t2, a1, a2, at) })
		return
	}
	if !s.step(legs, func(at time.Time) { s.answerAgentLocked(c, t1, t2, a1, a2, at) }) {
		return
	}
	if !s.talk(a2, t2, a1, c.Talk) {
		s.cleanup(legs...)
		return
	}
	s.step(legs, func(at time.Time) {
		if c.CallerHangsUp {
			s.callerHangsUpLocked(c, t1, t2, a1, a2, at)
		} else {
			s.agentHangsUpLocked(c, t1, t2, a1, a2, at)
		}
	})
}

// step runs the next step of a call under the lock, unless one of its
// legs was hung up from outside meanwhile (an application's DELETE):
// then it hangs up the rest instead and returns false.
func (s *Server) step(legs []*schan, fn func(at time.Time)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := time.Now()
	if slices.ContainsFunc(legs, func(c *schan) bool { return c.gone }) {
		for _, c := range legs {
			if !c.gone {
				s.hangupLocked(c, 16, 16, at)
			}
		}
		return false
	}
	fn(at)
	return true
}

// ringAgentLocked creates the agent's Local pair and rings it, as
// Dial(Local/<ext>@agents) does.
func (s *Server) ringAgentLocked(c Call, t1, t2 *schan, at time.Time) (a1, a2 *schan) {
	base := "Local/" + c.Extension + "@agents-" + s.localSuffixLocked()
	a1 = &schan{id: s.uidLocked(at), name: base + ";1", state: "Down", context: "agents", exten: c.Extension, priority: 1, dialApp: "AppDial"}
	a2 = &schan{id: s.uidLocked(at), name: base + ";2", state: "Ring", context: "agents", exten: c.Extension, priority: 1}
	a1.pair, a2.pair = a2, a1
	s.addChanLocked(a1, at)
	s.addChanLocked(a2, at)
	s.varsetLocked(a1, "DIALEDPEERNUMBER", c.Extension+"@agents", at)
	// The dialled half shows the DID as caller and the customer as
	// connected line; the phone's half the other way round.
	a1.caller, a1.connected, a1.exten = party{c.CallerName, c.DID}, party{c.CallerName, c.CallerNum}, c.DID
	s.dialplanLocked(a1, 1, "AppDial", "(Outgoing Line)", at)
	s.callerIDLocked(a1, a1.caller, a1.connected, at)
	s.varsetLocked(a2, "DIALEDPEERNUMBER", c.Extension+"@agents", at)
	a2.connected = party{c.CallerName, c.DID}
	s.callerIDLocked(a2, party{c.CallerName, c.CallerNum}, a2.connected, at)
	s.dialLocked(t2, a1, "", c.Extension+"@agents", at)
	s.phoneRingsLocked(a1, a2, c.Extension, c.Answered, at)
	s.stateLocked(t1, "Ringing", at)
	s.dialplanLocked(a2, 3, "GotoIf", noAnswerTest(c.Answered), at)
	s.dialLocked(t2, a1, "RINGING", "", at)
	s.dialLocked(nil, t1, "RINGING", c.DID+"@from-pstn", at)
	s.phoneWaitsLocked(a2, c.Answered, c.Ring, at)
	return a1, a2
}

// noAnswerTest is the agent phone's GotoIf: it jumps to its noanswer
// branch when the phone is not to answer.
func noAnswerTest(answers bool) string {
	if answers {
		return "0?noanswer"
	}
	return "1?noanswer"
}

// phoneWaitsLocked: the phone waits ring before answering, or rings on
// (Wait(120) in its noanswer branch).
func (s *Server) phoneWaitsLocked(a2 *schan, answers bool, ring time.Duration, at time.Time) {
	if answers {
		s.dialplanLocked(a2, 4, "Wait", strconv.Itoa(secs(ring)), at)
	} else {
		s.dialplanLocked(a2, 8, "Wait", "120", at)
	}
}

// callerIDLocked sets and announces c's caller id, then its connected
// line.
func (s *Server) callerIDLocked(c *schan, caller, connected party, at time.Time) {
	c.caller = caller
	s.chanEventLocked("ChannelCallerId", c, at, nil, object{{"caller_presentation", 0}, {"caller_presentation_txt", "Presentation Allowed, Not Screened"}})
	c.connected = connected
	s.chanEventLocked("ChannelConnectedLine", c, at, nil, nil)
}

// phoneRingsLocked runs the agent phone's first dialplan steps (a2,
// the Local pair's ;2 half): it signals ringing, so a1 rings.
func (s *Server) phoneRingsLocked(a1, a2 *schan, ext string, answers bool, at time.Time) {
	mode := ""
	if !answers {
		mode = "noanswer"
	}
	s.dialplanLocked(a2, 1, "NoOp", "Phone of agent "+ext+" rings, mode="+mode, at)
	s.dialplanLocked(a2, 2, "Ringing", "", at)
	s.deviceStateLocked("Local/"+ext+"@agents", "INUSE", at)
	s.stateLocked(a1, "Ringing", at)
}

// answerAgentLocked: the agent answers and Dial bridges the two.
func (s *Server) answerAgentLocked(c Call, t1, t2, a1, a2 *schan, at time.Time) {
	s.dialplanLocked(a2, 5, "Answer", "", at)
	s.stateLocked(a2, "Up", at)
	s.stateLocked(a1, "Up", at)
	a1.exten = "" // as recorded: the dialled half shows no extension once answered
	s.varsetLocked(t2, "DIALSTATUS", "ANSWER", at)
	s.dialLocked(t2, a1, "ANSWER", "", at)
	s.stateLocked(t2, "Up", at)
	b := s.newBridgeLocked(s.uuidLocked(), "", "mixing", false, at)
	s.dialplanLocked(a1, 1, "AppDial", "(Outgoing Line)", at)
	s.enterBridgeLocked(b, a1, at)
	s.stateLocked(t1, "Up", at)
	s.dialLocked(nil, t1, "ANSWER", c.DID+"@from-pstn", at)
	s.enterBridgeLocked(b, t2, at)
}

// answerSettle is how long the recordings' agent phone takes from its
// Answer() to the Wait() that is the conversation.
const answerSettle = 500 * time.Millisecond

// talk lets the agent's phone (a2, the Local pair's ;2 half; nil for
// other channels) talk for d from its answer: false when a or b ended
// meanwhile or the server closes.
func (s *Server) talk(a2, a, b *schan, d time.Duration) bool {
	settle := min(answerSettle, d)
	if !s.pause(settle, a, b) {
		return false
	}
	if a2 != nil {
		s.locked(func(at time.Time) {
			if !a2.gone {
				s.dialplanLocked(a2, 6, "Wait", strconv.Itoa(secs(d)), at)
			}
		})
	}
	return s.pause(d-settle, a, b)
}

// agentHangsUpLocked: the agent's phone hangs up, Dial returns, the
// trunk leg's dialplan ends.
func (s *Server) agentHangsUpLocked(c Call, t1, t2, a1, a2 *schan, at time.Time) {
	s.dialplanLocked(a2, 7, "Hangup", "", at)
	s.hangupLocked(a2, 16, 16, at)
	s.deviceStateLocked("Local/"+c.Extension+"@agents", "NOT_INUSE", at)
	s.leaveBridgeLocked(t2, at)
	s.varsetLocked(t2, "ANSWEREDTIME", strconv.Itoa(secs(c.Talk)), at)
	s.varsetLocked(t2, "DIALSTATUS", "ANSWER", at)
	s.hangupLocked(t2, 16, 16, at)
}

// callerHangsUpLocked: the customer hangs up; Dial hangs up the agent.
func (s *Server) callerHangsUpLocked(c Call, t1, t2, a1, a2 *schan, at time.Time) {
	s.hangupLocked(t1, 16, 16, at)
	s.hangupLocked(a1, 16, 16, at)
	s.deviceStateLocked("Local/"+c.Extension+"@agents", "NOT_INUSE", at)
}

// noAnswerLocked: the Dial times out; the trunk leg's dialplan notes
// the result and hangs up.
func (s *Server) noAnswerLocked(c Call, t1, t2, a1, a2 *schan, at time.Time) {
	s.dialLocked(t2, a1, "NOANSWER", "", at)
	s.hangupRequestLocked(a2, 0, false, at)
	s.deviceStateLocked("Local/"+c.Extension+"@agents", "NOT_INUSE", at)
	s.destroyLocked(a1, 0, at)
	s.varsetLocked(t2, "DIALSTATUS", "NOANSWER", at)
	s.dialplanLocked(t2, 3, "NoOp", "Sales call result NOANSWER", at)
	s.dialplanLocked(t2, 4, "Hangup", "", at)
	s.hangupRequestLocked(t2, 16, true, at)
	s.hangupRequestLocked(t1, 16, false, at)
	s.hangupRequestLocked(a2, 16, true, at)
	s.destroyLocked(a2, 0, at)
	s.dialLocked(nil, t1, "NOANSWER", c.DID+"@from-pstn", at)
	s.destroyLocked(t1, 16, at)
	s.destroyLocked(t2, 16, at)
}

// cancelLocked: the customer gives up while the agent's phone rings.
func (s *Server) cancelLocked(c Call, t1, t2, a1, a2 *schan, at time.Time) {
	s.hangupRequestLocked(t1, 16, true, at)
	s.dialLocked(t2, a1, "CANCEL", "", at)
	s.hangupLocked(a1, 16, 0, at)
	s.deviceStateLocked("Local/"+c.Extension+"@agents", "NOT_INUSE", at)
	s.varsetLocked(t2, "DIALSTATUS", "CANCEL", at)
	s.hangupLocked(t2, 16, 16, at)
}
