package aritest

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The numbers of the recordings' dialplan.
const (
	// DefaultDID is the sales number: from-pstn dials
	// Local/<agent>@agents for at most Call.NoAnswer.
	DefaultDID = "+18005550100"
	// StasisDID is the ARI number: from-pstn runs
	// Stasis(<application>,inbound[,<agent>]).
	StasisDID = "+18005550300"
)

// Call is one generated inbound call: a customer's call arrives on a
// trunk (a Local channel pair in context from-pstn, as in the
// recordings) and either the dialplan rings an agent (monitor mode sees
// it through subscribeAll) or hands the call to the Stasis application
// (control mode: the application must answer, bridge and dial).
type Call struct {
	CallerNum  string // required
	CallerName string // default the number
	DID        string // default DefaultDID, or StasisDID when Stasis
	// Extension is the agent: the one the dialplan rings, or the one the
	// Stasis arguments name (may be empty: the application decides).
	Extension string
	Stasis    bool
	// Answered says the agent answers after Ring; otherwise the phone
	// rings until the Dial (NoAnswer) or the originate times out.
	Answered bool
	Ring     time.Duration
	Talk     time.Duration // from the agent's answer to the first hangup
	// CallerHangsUp ends the conversation from the customer's side;
	// otherwise the agent hangs up first.
	CallerHangsUp bool
	NoAnswer      time.Duration // the dialplan's Dial timeout; default 15s
	// Abandon makes the caller hang up when no agent talks to them by
	// then: a dialplan call rings until the Dial timeout without it; a
	// Stasis call waits at most 60s.
	Abandon time.Duration
}

var numberShape = regexp.MustCompile(`^\+?[0-9]{2,20}$`)

func (c Call) withDefaults() (Call, error) {
	if !numberShape.MatchString(c.CallerNum) {
		return c, fmt.Errorf("aritest: caller number %q: want digits with an optional +", c.CallerNum)
	}
	if c.CallerName == "" {
		c.CallerName = c.CallerNum
	}
	if c.Extension != "" && !extensionShape.MatchString(c.Extension) {
		return c, fmt.Errorf("aritest: extension %q: want digits", c.Extension)
	}
	if !c.Stasis && c.Extension == "" {
		return c, errors.New("aritest: a dialplan call needs the agent's extension")
	}
	if c.Ring < 0 || c.Talk < 0 || c.NoAnswer < 0 || c.Abandon < 0 {
		return c, errors.New("aritest: call durations must not be negative")
	}
	if c.DID == "" {
		c.DID = DefaultDID
		if c.Stasis {
			c.DID = StasisDID
		}
	}
	if c.NoAnswer == 0 {
		c.NoAnswer = 15 * time.Second
	}
	if c.Stasis && c.Abandon == 0 {
		c.Abandon = 60 * time.Second
	}
	return c, nil
}

var extensionShape = regexp.MustCompile(`^[0-9]{1,10}$`)

// Place starts c now and returns the id of its trunk leg (the channel a
// CRM treats as the customer's). The call runs on its own until it ends
// or the server closes.
func (s *Server) Place(c Call) (string, error) {
	c, err := c.withDefaults()
	if err != nil {
		return "", err
	}
	s.mu.Lock()
	if s.ctx.Err() != nil {
		s.mu.Unlock()
		return "", errors.New("aritest: server closed")
	}
	t1, t2 := s.trunkLocked(c, time.Now())
	var ph *phone
	if c.Stasis && c.Extension != "" {
		ph = &phone{ring: c.Ring, answer: c.Answered, talk: c.Talk, hangsUp: !c.CallerHangsUp}
		s.syn.phones[c.Extension] = append(s.syn.phones[c.Extension], ph)
	}
	s.syn.calls++
	s.mu.Unlock()
	s.wg.Go(func() {
		if c.Stasis {
			s.stasisCall(c, t1, t2, ph)
		} else {
			s.dialplanCall(c, t1, t2)
		}
	})
	return t2.id, nil
}

// Calls is how many calls were placed.
func (s *Server) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.syn.calls
}

// LiveChannels is how many generated channels exist now.
func (s *Server) LiveChannels() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.syn.chans)
}

// trunkLocked creates the customer's call arriving at the DID: ;1 plays
// the customer's handset, ;2 runs the dialplan (the trunk leg).
func (s *Server) trunkLocked(c Call, at time.Time) (one, two *schan) {
	base := "Local/" + c.DID + "@from-pstn-" + s.localSuffixLocked()
	cid := party{c.CallerName, c.CallerNum}
	one = &schan{id: s.uidLocked(at), name: base + ";1", state: "Down", context: "from-pstn", exten: c.DID, priority: 1, dialApp: "AppDial2"}
	two = &schan{id: s.uidLocked(at), name: base + ";2", state: "Ring", context: "from-pstn", exten: c.DID, priority: 1}
	one.pair, two.pair = two, one
	s.addChanLocked(one, at)
	s.addChanLocked(two, at)
	s.dialplanLocked(one, 1, "AppDial2", "(Outgoing Line)", at)
	one.handset = true
	s.callerIDLocked(one, cid, cid, at)
	two.connected = cid // a Local pair's ;2 half has the connected line first
	s.callerIDLocked(two, cid, cid, at)
	s.dialLocked(nil, one, "", c.DID+"@from-pstn", at)
	return one, two
}

// stasisCall runs the ARI DID: the trunk leg enters the application and
// waits; the application answers, bridges and dials through REST. The
// customer hangs up after Talk (CallerHangsUp) or when nobody talks to
// them within Abandon; otherwise the call ends when the application or
// the agent ends it.
func (s *Server) stasisCall(c Call, t1, t2 *schan, ph *phone) {
	defer s.dropPhone(c.Extension, ph)
	s.locked(func(at time.Time) {
		s.dialplanLocked(t2, 1, "NoOp", fmt.Sprintf("ARI call from %q <%s>", c.CallerName, c.CallerNum), at)
		args := []string{"inbound"}
		if c.Extension != "" {
			args = append(args, c.Extension)
		}
		s.dialplanLocked(t2, 2, "Stasis", s.cfg.Application+","+strings.Join(args, ","), at)
		s.varsetLocked(t2, "STASISSTATUS", "", at)
		s.stasisStartLocked(t2, args, at)
	})
	abandon := time.NewTimer(c.Abandon)
	defer abandon.Stop()
	select {
	case <-t2.talking:
	case <-t2.ended:
		s.cleanup(t1)
		return
	case <-abandon.C:
		s.locked(func(at time.Time) { s.hangupLocked(t1, 16, 16, at) })
		return
	case <-s.ctx.Done():
		return
	}
	if !c.CallerHangsUp {
		select {
		case <-t2.ended:
			s.cleanup(t1)
		case <-s.ctx.Done():
		}
		return
	}
	if s.pause(c.Talk, t2, nil) {
		s.locked(func(at time.Time) { s.hangupLocked(t1, 16, 16, at) })
	}
	s.cleanup(t1)
}

// locked runs fn under the server's lock with the time of the step.
func (s *Server) locked(fn func(at time.Time)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(time.Now())
}

// pause waits d; false when a or b (either may be nil) ended meanwhile
// or the server closes.
func (s *Server) pause(d time.Duration, a, b *schan) bool {
	var ae, be <-chan struct{}
	if a != nil {
		ae = a.ended
	}
	if b != nil {
		be = b.ended
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ae:
	case <-be:
	case <-s.ctx.Done():
	}
	return false
}

// cleanup hangs up whatever of a call is left after something outside
// its script (the application) ended part of it.
func (s *Server) cleanup(chans ...*schan) {
	if s.ctx.Err() != nil {
		return
	}
	s.locked(func(at time.Time) {
		for _, c := range chans {
			if c != nil && !c.gone {
				s.hangupLocked(c, 16, 16, at)
			}
		}
	})
}

func secs(d time.Duration) int { return int(d / time.Second) }
