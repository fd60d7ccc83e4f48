package crm

import (
	"slices"
	"time"
)

// ringer is an agent phone ringing for a call: the channel rung, or nil
// when the PBX named only the agent's queue interface and the tracker
// knows no channel of it (1.4's AgentCalled after a missed Newchannel).
type ringer struct {
	ext string
	ch  *tchan
}

// addRinger notes ext ringing on ch. A channel already answered or
// bridged does not ring (a late or repeated dial event); a channel stands
// in for a ringer of ext not yet tied to one.
func (c *tcall) addRinger(ext string, ch *tchan) {
	if ch != nil && (ch.dead || ch.up || ch.bridge != nil) {
		return
	}
	for _, r := range c.ringers {
		if r.ext == ext && (ch == nil || sameLeg(r.ch, ch)) {
			return
		}
	}
	if ch != nil {
		c.ringers = slices.DeleteFunc(c.ringers, func(r ringer) bool { return r.ext == ext && r.ch == nil })
	}
	c.ringers = append(c.ringers, ringer{ext: ext, ch: ch})
}

// stopRinging drops the ringer on ch's leg: ch hung up, or was bridged.
func (c *tcall) stopRinging(ch *tchan) {
	c.ringers = slices.DeleteFunc(c.ringers, func(r ringer) bool { return r.ch != nil && sameLeg(r.ch, ch) })
}

// answeredBy drops the ringers of ext, now connected to the call, and
// those without a channel: only a queue names a member without one, and a
// queue stops ringing its members once one answers.
func (c *tcall) answeredBy(ext string) {
	c.ringers = slices.DeleteFunc(c.ringers, func(r ringer) bool { return r.ext == ext || r.ch == nil })
}

// ringing lists the extensions ringing for the call, in the order rung;
// nil when none.
func (c *tcall) ringing() []string {
	var exts []string
	for _, r := range c.ringers {
		exts = appendNew(exts, r.ext)
	}
	return exts
}

// sameLeg reports whether a and b are one agent leg: the same channel, or
// the two halves of one Local pair (the queue rings the ;1 half and 1.4's
// AgentCalled finds the ;2 one; either hanging up ends the ring).
func sameLeg(a, b *tchan) bool {
	if a == nil || b == nil {
		return false
	}
	if a == b {
		return true
	}
	base := localPairBase(a.name)
	return base != "" && base == localPairBase(b.name)
}

// syncRinging reports a change of the agents ringing that no other update
// carried: an agent stopped ringing (a queue member timing out, the others
// cancelled when one answers, an unanswered Dial) or rang again. It is a
// CallRinging update without Extensions, so it pops nobody: consumers
// already apply ringing updates as a state to show, and it must not count
// as an answer (support tickets open on CallAnswered). Its Stopped names
// the agents whose ring ended, so that their pops stop saying Ringing.
func (t *CallTracker) syncRinging(c *tcall, at time.Time, out *[]CallUpdate) {
	if c.live <= 0 || slices.Equal(c.ringing(), c.reported) {
		return
	}
	t.emit(c, CallRinging, at, out, "")
}

// stoppedRinging lists the agents the call's last update reported
// ringing that ringing no longer lists, in the order rung; nil when none.
func (c *tcall) stoppedRinging(ringing []string) []string {
	var out []string
	for _, ext := range c.reported {
		if !slices.Contains(ringing, ext) {
			out = append(out, ext)
		}
	}
	return out
}
