package crm

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// record summarises a call; end is zero while it is in progress.
func (t *CallTracker) record(c *tcall, end time.Time) CallRecord {
	first := c.firstChannel()
	r := CallRecord{
		Gateway:    t.cfg.Gateway,
		StartTime:  c.start(),
		AnswerTime: c.answerAt,
		EndTime:    end,
		Queue:      c.queue,
		Agents:     slices.Clone(c.agents),
		Direction:  DirectionInternal,
	}
	if first != nil {
		r.SourceUniqueID = first.uid
		if first.linkedID != "" {
			r.SourceUniqueID = first.linkedID
		}
	}
	if party := c.party(); party != nil {
		r.Direction = DirectionInbound
		r.CustomerNumber, r.CustomerName = c.customer(roleInbound)
		r.DID = party.exten
		if party.role == roleOutbound {
			r.Direction = DirectionOutbound
			r.CustomerNumber, r.CustomerName, r.DID = party.exten, "", ""
		}
	}
	r.AgentExtension = c.current
	if r.AgentExtension == "" && len(c.rung) > 0 {
		r.AgentExtension = c.rung[0]
	}
	if r.AgentExtension == "" {
		r.AgentExtension = c.firstAgent()
	}
	if r.Direction == DirectionInternal {
		r.CustomerNumber = c.otherAgent(r.AgentExtension)
	}
	r.Status = c.status(r.Direction, !end.IsZero())
	if !end.IsZero() {
		r.TotalSeconds = int(end.Sub(r.StartTime) / time.Second)
		r.BillableSeconds = int(c.talkTime(end) / time.Second)
	}
	return r
}

// firstChannel is the call's oldest channel: the smallest uniqueid, which
// Asterisk hands out in creation order. It names the call.
func (c *tcall) firstChannel() *tchan {
	var first *tchan
	for _, ch := range c.chans {
		if first == nil || uidLess(ch.uid, first.uid) {
			first = ch
		}
	}
	return first
}

// party is the outside party's oldest channel: the inbound trunk leg or
// the dialled outbound leg, whichever came first. Nil for internal calls.
func (c *tcall) party() *tchan {
	var p *tchan
	for _, ch := range c.chans {
		if ch.role != roleInbound && ch.role != roleOutbound {
			continue
		}
		if p == nil || ch.created.Before(p.created) || (ch.created.Equal(p.created) && uidLess(ch.uid, p.uid)) {
			p = ch
		}
	}
	return p
}

// customer returns the caller id of the oldest channel of role r that has one.
func (c *tcall) customer(r role) (num, name string) {
	var best *tchan
	for _, ch := range c.chans {
		if ch.role != r || ch.callerNum == "" {
			continue
		}
		if best == nil || ch.created.Before(best.created) || (ch.created.Equal(best.created) && uidLess(ch.uid, best.uid)) {
			best = ch
		}
	}
	if best == nil {
		return "", ""
	}
	return best.callerNum, best.callerName
}

func (c *tcall) firstAgent() string {
	var best *tchan
	for _, ch := range c.chans {
		if ch.role == roleAgent && (best == nil || uidLess(ch.uid, best.uid)) {
			best = ch
		}
	}
	if best == nil {
		return ""
	}
	return best.ext
}

func (c *tcall) otherAgent(ext string) string {
	for _, ch := range c.chans {
		if ch.role == roleAgent && ch.ext != ext {
			return ch.ext
		}
	}
	return ""
}

func (c *tcall) talkTime(end time.Time) time.Duration {
	d := c.talk
	if c.talking {
		d += end.Sub(c.talkStart)
	}
	if d == 0 && !c.answerAt.IsZero() {
		// Answered without bridge events (filtered AMI, queue events only).
		d = end.Sub(c.answerAt)
	}
	return d
}

// status decides how a call went; the checks run from the most to the
// least telling evidence.
func (c *tcall) status(dir CallDirection, ended bool) CallStatus {
	answered := !c.answerAt.IsZero()
	switch {
	case !ended && answered:
		return CallStatusInProgress
	case !ended:
		return CallStatusRinging
	case answered:
		return CallStatusCompleted
	case c.abandoned, c.queued:
		return CallStatusAbandoned
	case c.busy:
		return CallStatusBusy
	case c.failed:
		return CallStatusFailed
	case c.noAnswered, len(c.rung) > 0, c.outRung:
		return CallStatusNoAnswer
	case dir == DirectionInbound:
		return CallStatusAbandoned
	case dir == DirectionOutbound:
		return CallStatusFailed
	case c.anyUp():
		return CallStatusCompleted
	}
	return CallStatusNoAnswer
}

func (c *tcall) anyUp() bool {
	for _, ch := range c.chans {
		if ch.up {
			return true
		}
	}
	return false
}

// uidLess orders Asterisk uniqueids ("1795801038.10" after "1795801038.9")
// numerically when both are numeric, textually otherwise; numeric ids sort
// before others (ARI's client-chosen ids).
func uidLess(a, b string) bool {
	as, aseq, aok := splitUID(a)
	bs, bseq, bok := splitUID(b)
	switch {
	case aok && bok:
		if as != bs {
			return as < bs
		}
		return aseq < bseq
	case aok != bok:
		return aok
	}
	return a < b
}

func splitUID(u string) (sec, seq uint64, ok bool) {
	if i := strings.LastIndexByte(u, '-'); i >= 0 {
		u = u[i+1:] // systemname prefix
	}
	s, q, found := strings.Cut(u, ".")
	if !found {
		return 0, 0, false
	}
	a, err1 := strconv.ParseUint(s, 10, 64)
	b, err2 := strconv.ParseUint(q, 10, 64)
	return a, b, err1 == nil && err2 == nil
}
