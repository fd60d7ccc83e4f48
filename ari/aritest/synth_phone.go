package aritest

import (
	"regexp"
	"slices"
	"strings"
	"time"
)

// phone is how an agent's phone behaves when the application dials it.
type phone struct {
	ring    time.Duration
	answer  bool
	talk    time.Duration // from the answer
	hangsUp bool          // hang up after talk; otherwise wait to be hung up
}

// phoneLocked takes the behaviour a placed Stasis call set for ext, or
// the recordings' agent phone: answer after AgentRing, talk AgentTalk,
// hang up.
func (s *Server) phoneLocked(ext string) *phone {
	if q := s.syn.phones[ext]; len(q) > 0 {
		s.syn.phones[ext] = q[1:]
		return q[0]
	}
	return &phone{ring: s.cfg.AgentRing, answer: true, talk: s.cfg.AgentTalk, hangsUp: true}
}

// dropPhone forgets a call's behaviour nobody dialled.
func (s *Server) dropPhone(ext string, ph *phone) {
	if ph == nil {
		return
	}
	s.mu.Lock()
	s.syn.phones[ext] = slices.DeleteFunc(s.syn.phones[ext], func(p *phone) bool { return p == ph })
	s.mu.Unlock()
}

// originateReq is a POST /channels with app: the new channel rings and,
// once answered, enters the application.
type originateReq struct {
	endpoint, callerID string
	channelID, otherID string
	app                string
	args               []string
	timeout            time.Duration // negative: none
}

var (
	localEndpoint = regexp.MustCompile(`^Local/([^@/]+)@([^/]+)$`)
	techEndpoint  = regexp.MustCompile(`^(SIP|PJSIP|IAX2)/([^/@]+)$`)
	callerIDShape = regexp.MustCompile(`^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$`)
)

// parseCallerID reads `"Name" <number>`, `Name <number>` or `number`.
func parseCallerID(s string) party {
	if m := callerIDShape.FindStringSubmatch(s); m != nil {
		return party{strings.TrimSpace(m[1]), strings.TrimSpace(m[2])}
	}
	return party{Number: strings.TrimSpace(s)}
}

// originateLocked creates the dialled channel (a Local pair for
// Local/<ext>@<context>, one channel for SIP/PJSIP/IAX2) subscribed to
// the application, starts it ringing, and returns it; "" and false for
// an endpoint it cannot dial.
func (s *Server) originateLocked(r originateReq, at time.Time) (*schan, bool) {
	var one, two *schan
	cid := parseCallerID(r.callerID)
	id := r.channelID
	if id == "" {
		id = s.uidLocked(at)
	}
	var ext, dialstring string
	if m := localEndpoint.FindStringSubmatch(r.endpoint); m != nil {
		ext, dialstring = m[1], m[1]+"@"+m[2]
		other := r.otherID
		if other == "" {
			other = id + ";2"
		}
		base := "Local/" + m[1] + "@" + m[2] + "-" + s.localSuffixLocked()
		one = &schan{id: id, name: base + ";1", state: "Down", caller: cid, connected: cid, context: m[2], exten: ext, priority: 1, dialApp: "AppDial2"}
		two = &schan{id: other, name: base + ";2", state: "Ring", context: m[2], exten: ext, priority: 1}
		one.pair, two.pair = two, one
	} else if m := techEndpoint.FindStringSubmatch(r.endpoint); m != nil {
		ext, dialstring = m[2], m[2]
		one = &schan{id: id, name: r.endpoint + "-" + s.localSuffixLocked(), state: "Down", caller: cid, connected: cid, context: "default", exten: "s", priority: 1, dialApp: "AppDial2"}
	} else {
		return nil, false
	}
	// The application subscribes to what it originated just after the
	// channels exist: their creation and first step go to subscribeAll
	// connections only, as in the recordings.
	s.addChanLocked(one, at)
	s.dialplanLocked(one, 1, "AppDial2", "(Outgoing Line)", at)
	one.subscribed = true
	if two != nil {
		s.addChanLocked(two, at)
		two.subscribed = true
		two.connected = cid
		s.callerIDLocked(two, cid, cid, at)
	}
	s.dialLocked(nil, one, "", dialstring, at)
	ph := s.phoneLocked(ext)
	if two != nil {
		s.phoneRingsLocked(one, two, ext, ph.answer, at)
	} else {
		s.stateLocked(one, "Ringing", at)
	}
	s.dialLocked(nil, one, "RINGING", dialstring, at)
	if two != nil {
		s.dialplanLocked(two, 3, "GotoIf", noAnswerTest(ph.answer), at)
		s.phoneWaitsLocked(two, ph.answer, ph.ring, at)
	}
	s.wg.Go(func() { s.ringOriginated(one, two, r, ext, dialstring, ph) })
	return one, true
}

// ringOriginated lets the dialled phone ring, answer and talk as ph says.
func (s *Server) ringOriginated(one, two *schan, r originateReq, ext, dialstring string, ph *phone) {
	answers := ph.answer && (r.timeout < 0 || ph.ring < r.timeout)
	if !answers {
		if r.timeout < 0 {
			select { // rings until hung up
			case <-one.ended:
			case <-s.ctx.Done():
			}
			return
		}
		if s.pause(r.timeout, one, nil) {
			s.locked(func(at time.Time) {
				if one.gone {
					return
				}
				s.dialLocked(nil, one, "NOANSWER", dialstring, at)
				s.hangupLocked(one, 0, 19, at)
				s.deviceStateLocked(r.endpoint, "NOT_INUSE", at)
			})
		}
		return
	}
	if !s.pause(ph.ring, one, nil) {
		return
	}
	s.locked(func(at time.Time) {
		if one.gone {
			return
		}
		if two != nil {
			s.dialplanLocked(two, 5, "Answer", "", at)
		}
		s.stateLocked(one, "Up", at)
		s.dialLocked(nil, one, "ANSWER", dialstring, at)
		one.appName, one.appData = "Stasis", strings.Join(append([]string{r.app}, r.args...), ",")
		s.varsetLocked(one, "STASISSTATUS", "", at)
		s.stasisStartLocked(one, r.args, at)
		if two != nil {
			s.stateLocked(two, "Up", at)
		}
	})
	if !s.talk(two, one, nil, ph.talk) {
		return
	}
	if !ph.hangsUp { // the customer ends the call
		select {
		case <-one.ended:
		case <-s.ctx.Done():
		}
		return
	}
	s.locked(func(at time.Time) {
		if one.gone {
			return
		}
		if two != nil {
			s.dialplanLocked(two, 7, "Hangup", "", at)
			s.hangupLocked(two, 16, 16, at)
		} else {
			s.hangupLocked(one, 16, 16, at)
		}
		s.deviceStateLocked(r.endpoint, "NOT_INUSE", at)
	})
}
