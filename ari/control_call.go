package ari

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"
)

// controlCall is one caller the controller runs. Its goroutine does the
// REST calls in order and waits for the events that answer them in its
// mailbox.
type controlCall struct {
	ct  *controller
	log *slog.Logger
	box *mailbox

	callerID, callerChan  string // the caller's channel id and name
	callerNum, callerName string
	target                string // extension to dial; "" sends the call back to the dialplan

	bridgeID       string          // set before the request that creates it
	gone           map[string]bool // legs known ended (or handed back)
	backToDialplan bool            // the target could not be dialled
	// The dialled leg, guarded by controller.mu (registerLeg).
	targetID, endpoint string
	linked             bool // the caller → leg link was emitted
}

func newControlCall(ct *controller, ch *ariv5.ChannelData, target string) *controlCall {
	cc := &controlCall{ct: ct, box: newMailbox(), callerID: ch.ID, callerChan: ch.Name, target: target,
		gone: map[string]bool{}, log: ct.log.With("channel_id", ch.ID)}
	if ch.Caller != nil {
		cc.callerNum, cc.callerName = num(ch.Caller.Number), num(ch.Caller.Name)
	}
	return cc
}

// errGone means a leg ended while the call was being connected.
var errGone = errors.New("a leg hung up")

// run takes the call until a side hangs up, then ends the rest. When
// Run's context ends first the PBX's channels are left as they are: a
// restart must not cut conversations.
func (cc *controlCall) run(ctx context.Context) {
	defer cc.ct.forget(cc)
	if cc.target == "" {
		cc.log.Warn("ari call names no target extension and none is configured; back to the dialplan")
		if _, err := cc.ct.rest.do(ctx, http.MethodPost, "/channels/"+pathID(cc.callerID)+"/continue", nil, nil, nil); err != nil && !isNotFound(err) {
			cc.log.Warn("ari continue failed", "err", err)
		}
		return
	}
	err := cc.connect(ctx)
	if ctx.Err() != nil {
		return
	}
	if err != nil && !errors.Is(err, errGone) && !isNotFound(err) {
		cc.log.Warn("ari call not connected", "target", cc.target, "err", err)
	}
	cc.teardown(ctx)
}

// connect answers, greets, bridges and dials, then waits for a hangup.
func (cc *controlCall) connect(ctx context.Context) error {
	app := cc.ct.cfg.Application
	caller := pathID(cc.callerID)
	if err := cc.post(ctx, "/channels/"+caller+"/answer", nil, nil); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	if g := cc.ct.cfg.Greeting; g != "" {
		if err := cc.greet(ctx, g); err != nil {
			return err
		}
	}
	cc.bridgeID = app + "-bridge-" + cc.callerID
	var b ariv5.BridgeData
	if err := cc.post(ctx, "/bridges", url.Values{"type": {"mixing"}, "name": {app + "-call"}, "bridgeId": {cc.bridgeID}}, &b); err != nil {
		return fmt.Errorf("create bridge: %w", err)
	}
	if err := cc.post(ctx, "/bridges/"+pathID(cc.bridgeID)+"/addChannel", url.Values{"channel": {cc.callerID}}, nil); err != nil {
		return fmt.Errorf("bridge caller: %w", err)
	}
	if err := cc.dial(ctx); err != nil {
		return err
	}
	if !cc.await(ctx, msgTargetUp, cc.ct.cfg.RingTimeout+10*time.Second) {
		return errGone // no answer (the leg is destroyed), or the caller left
	}
	if err := cc.post(ctx, "/bridges/"+pathID(cc.bridgeID)+"/addChannel", url.Values{"channel": {cc.targetID}}, nil); err != nil {
		return fmt.Errorf("bridge %s: %w", cc.target, err)
	}
	cc.log.Info("ari call bridged", "target", cc.target, "bridge_id", cc.bridgeID)
	cc.await(ctx, msgNone, 0)
	return errGone
}

// greet plays the greeting and waits for it to finish; a greeting the
// PBX refuses (a missing sound) is skipped.
func (cc *controlCall) greet(ctx context.Context, media string) error {
	id := cc.ct.cfg.Application + "-greeting-" + cc.callerID
	cc.ct.registerPlay(cc, id)
	var pb ariv5.PlaybackData
	err := cc.post(ctx, "/channels/"+pathID(cc.callerID)+"/play/"+pathID(id), url.Values{"media": {media}}, &pb)
	switch {
	case isNotFound(err):
		return errGone
	case err != nil:
		cc.log.Warn("ari greeting not played", "media", media, "err", err)
		return nil
	}
	if !cc.await(ctx, msgPlayed, greetingWait) && (ctx.Err() != nil || len(cc.gone) > 0) {
		return errGone
	}
	return nil
}

// dial originates the target into the application, named so its events
// can be told from any other channel's.
func (cc *controlCall) dial(ctx context.Context) error {
	cfg := cc.ct.cfg
	endpoint := strings.ReplaceAll(cfg.AgentEndpoint, "{ext}", cc.target)
	id := cfg.Application + "-agent-" + cc.target + "-" + cc.callerID
	cc.ct.registerLeg(cc, id, endpoint)
	name := strings.ReplaceAll(cc.callerName, `"`, "")
	if name == "" {
		name = cc.callerNum
	}
	q := url.Values{
		"endpoint":  {endpoint},
		"app":       {cfg.Application},
		"appArgs":   {agentArg + "," + cc.callerID},
		"callerId":  {strconv.Quote(name) + " <" + cc.callerNum + ">"},
		"timeout":   {strconv.Itoa(int(cfg.RingTimeout.Seconds()))},
		"channelId": {id},
	}
	var ch ariv5.ChannelData
	if err := cc.post(ctx, "/channels", q, &ch); err != nil {
		// The PBX refused the dial (a bad endpoint, an extension it does
		// not know): the dialplan may still have somewhere to send the
		// caller.
		cc.backToDialplan = true
		return fmt.Errorf("dial %s: %w", endpoint, err)
	}
	cc.log.Info("ari dialling target", "target", cc.target, "endpoint", endpoint, "target_id", id)
	return nil
}

// await waits for a message of kind want (msgNone: none, only a hangup)
// for at most limit (0: no limit). It returns false when a leg hung up
// first, the limit passed or ctx ended.
func (cc *controlCall) await(ctx context.Context, want msgKind, limit time.Duration) bool {
	var timeout <-chan time.Time
	if limit > 0 {
		t := time.NewTimer(limit)
		defer t.Stop()
		timeout = t.C
	}
	for {
		m, ok := cc.box.take(ctx, timeout)
		if !ok {
			return false
		}
		switch {
		case m.kind == msgGone:
			cc.gone[m.id] = true
			return false
		case m.kind == want:
			return true
		}
	}
}

// teardown hangs up the legs still up (or sends the caller back to the
// dialplan when the target could not be dialled) and destroys the
// bridge.
func (cc *controlCall) teardown(ctx context.Context) {
	if cc.backToDialplan && !cc.gone[cc.callerID] {
		cc.gone[cc.callerID] = true
		if _, err := cc.ct.rest.do(ctx, http.MethodPost, "/channels/"+pathID(cc.callerID)+"/continue", nil, nil, nil); err != nil && !isNotFound(err) {
			cc.log.Warn("ari continue failed; hanging up", "err", err)
			cc.gone[cc.callerID] = false
		}
	}
	for _, id := range []string{cc.callerID, cc.targetID} {
		if id != "" && !cc.gone[id] {
			cc.ct.hangup(ctx, id)
		}
	}
	if cc.bridgeID != "" {
		if err := cc.ct.delete(ctx, "/bridges/"+pathID(cc.bridgeID), ""); err != nil {
			cc.log.Warn("ari bridge not destroyed", "bridge_id", cc.bridgeID, "err", err)
		}
	}
	cc.log.Info("ari call ended", "target", cc.target)
}

func (cc *controlCall) post(ctx context.Context, path string, q url.Values, out any) error {
	_, err := cc.ct.rest.do(ctx, http.MethodPost, path, q, nil, out)
	return err
}

func pathID(id string) string { return url.PathEscape(id) }

func isNotFound(err error) bool {
	var se *statusError
	return errors.As(err, &se) && se.Status == http.StatusNotFound
}

type msgKind int

const (
	msgNone     msgKind = iota
	msgGone             // a leg ended (StasisEnd, ChannelDestroyed, missing after a resync)
	msgTargetUp         // the dialled leg answered and entered the application
	msgPlayed           // the greeting finished
)

type ctlMsg struct {
	kind msgKind
	id   string
}

// mailbox queues a call's messages without bound: the event stream that
// posts them must never wait for a call.
type mailbox struct {
	mu   sync.Mutex
	q    []ctlMsg
	wake chan struct{}
}

func newMailbox() *mailbox { return &mailbox{wake: make(chan struct{}, 1)} }

func (m *mailbox) post(x ctlMsg) {
	m.mu.Lock()
	m.q = append(m.q, x)
	m.mu.Unlock()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// take returns the oldest message, waiting until one comes, timeout
// fires or ctx ends (false).
func (m *mailbox) take(ctx context.Context, timeout <-chan time.Time) (ctlMsg, bool) {
	for {
		m.mu.Lock()
		if len(m.q) > 0 {
			x := m.q[0]
			m.q = m.q[1:]
			m.mu.Unlock()
			return x, true
		}
		m.mu.Unlock()
		select {
		case <-m.wake:
		case <-timeout:
			return ctlMsg{}, false
		case <-ctx.Done():
			return ctlMsg{}, false
		}
	}
}
