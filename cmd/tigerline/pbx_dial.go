package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// dialConfig says how click-to-call rings an agent and then dials out.
type dialConfig struct {
	// AgentChannel names the agent's phone, with {ext} for the extension:
	// SIP/{ext} on chan_sip sites, PJSIP/{ext}, Local/{ext}@agents...
	AgentChannel string
	// Context is where the dialled number runs once the agent answers.
	Context string
	// ARIGreeting and ARITarget serve ARI PBXs in control (stasis) mode:
	// the sound played to each caller the application answers (""
	// none), and the extension dialled when the dialplan's Stasis
	// arguments name none ("" sends such calls back to the dialplan).
	ARIGreeting, ARITarget string
}

// dialer is one running PBX connection that can place click-to-calls:
// *pbxLink over AMI, *ariLink over ARI.
type dialer interface {
	// Connected reports whether the connection is up now.
	Connected() bool
	// Originate rings u's extension, then dials dial (a checked number:
	// E.164 with its +, or an internal extension's digits). Errors:
	// unavailable (not connected, PBX refused).
	Originate(ctx context.Context, u *crm.User, dial string) error
}

// pbxSet holds the running PBX connections, for click-to-call.
type pbxSet struct {
	mu     sync.Mutex
	links  []namedDialer
	phones *phone.Normalizer
	dial   dialConfig
}

type namedDialer struct {
	name string
	d    dialer
}

func (s *pbxSet) add(name string, d dialer) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.links = append(s.links, namedDialer{name, d})
	s.mu.Unlock()
}

// dialSettings is the click-to-call settings, defaultDial without a set.
func (s *pbxSet) dialSettings() dialConfig {
	if s == nil {
		return defaultDial
	}
	return s.dial
}

// connected returns the first PBX with a live connection and the names of
// all of them, for the error when none is.
func (s *pbxSet) connected() (dialer, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for _, l := range s.links {
		names = append(names, l.name)
		if l.d.Connected() {
			return l.d, nil
		}
	}
	return nil, names
}

// Originate starts a click-to-call: Asterisk rings the user's extension
// first and, once they answer, dials number. Errors: invalid (no
// extension, not a number), unavailable (no PBX connected, PBX refused).
func (s *pbxSet) Originate(ctx context.Context, u *crm.User, number string) error {
	if u == nil || u.Extension == "" {
		return crm.Errorf(crm.EInvalid, "you have no phone extension: an admin gives you one (tigerline user add --extension, or Settings)")
	}
	dial, err := s.dialString(number)
	if err != nil {
		return err
	}
	d, names := s.connected()
	if d == nil {
		if len(names) == 0 {
			return crm.Errorf(crm.EUnavailable, "no PBX is configured: add one with `tigerline pbx add`")
		}
		return crm.Errorf(crm.EUnavailable, "no PBX is connected (%s): see its status in `tigerline pbx list`", strings.Join(names, ", "))
	}
	return d.Originate(ctx, u, dial)
}

// Connected reports whether the AMI supervisor has a logged-in client.
func (l *pbxLink) Connected() bool {
	sup := l.supervisor()
	return sup != nil && sup.Client() != nil
}

// Originate places a click-to-call with an AMI Originate action.
func (l *pbxLink) Originate(ctx context.Context, u *crm.User, dial string) error {
	dc := l.cfg.Running.dialSettings()
	a := ami.NewAction("Originate",
		"Channel", strings.ReplaceAll(dc.AgentChannel, "{ext}", u.Extension),
		"Exten", dial, "Context", dc.Context, "Priority", "1",
		"CallerID", fmt.Sprintf("%s <%s>", strings.ReplaceAll(u.FullName(), `"`, ""), u.Extension),
		"Timeout", "30000", "Async", "true",
		"Variable", fmt.Sprintf("TIGERLINE_USER=%d", u.ID))
	sendCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	sup := l.supervisor()
	if sup == nil {
		return crm.Errorf(crm.EUnavailable, "PBX %s is not connected", l.pbx.Name)
	}
	resp, err := sup.Send(sendCtx, a)
	if err != nil {
		if errors.Is(err, ami.ErrNotConnected) {
			return crm.Errorf(crm.EUnavailable, "PBX %s is not connected", l.pbx.Name)
		}
		return crm.Errorf(crm.EUnavailable, "PBX %s: %v", l.pbx.Name, err)
	}
	if !strings.EqualFold(resp.Response(), "Success") {
		return crm.Errorf(crm.EUnavailable, "PBX %s refused the call: %s", l.pbx.Name, resp.Get("Message"))
	}
	l.log.Info("click-to-call", "user", u.UserName, "extension", u.Extension, "number", dial)
	return nil
}

// dialableRe is what a phone number may look like when clicked: digits
// with the usual punctuation and an optional extension, nothing else.
var dialableRe = regexp.MustCompile(`(?i)^\s*\+?[0-9\s().\-/]+(\s*(ext\.?|x|#)\s*[0-9]+)?\s*$`)

// dialString turns what the agent clicked into what the dialplan dials:
// a full number in E.164 with its +, an internal extension as its digits.
// Anything else never reaches the PBX, so no text of the agent's can
// smuggle dialplan syntax into the action.
func (s *pbxSet) dialString(number string) (string, error) {
	if !dialableRe.MatchString(number) {
		return "", crm.Errorf(crm.EInvalid, "%q is not a phone number", number)
	}
	q := s.phones.Lookup(number)
	switch {
	case q.Digits == "":
		return "", crm.Errorf(crm.EInvalid, "%q is not a phone number", number)
	case q.Internal:
		return q.Digits, nil
	case q.Valid:
		return "+" + q.Digits, nil
	}
	return "", crm.Errorf(crm.EInvalid, "%q is not a complete phone number", number)
}
