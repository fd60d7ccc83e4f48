package ari

import (
	"context"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"

	"github.com/tigerline/tigerline/crm"
)

// agentArg is the first Stasis argument of the legs the controller
// dials, as in the recordings (appArgs "agent,<caller's channel id>"):
// they are never calls to take.
const agentArg = "agent"

// targetArg is an extension among the Stasis arguments:
// Stasis(tigerline,inbound,101) sends the caller to extension 101.
var targetArg = regexp.MustCompile(`^[0-9*#]{1,32}$`)

// stasisTarget returns the first argument that is an extension, or def.
func stasisTarget(args []string, def string) string {
	for _, a := range args {
		if a = strings.TrimSpace(a); targetArg.MatchString(a) {
			return a
		}
	}
	return def
}

// controller runs, in control mode, the calls the dialplan hands to the
// Stasis application: for each caller it answers, plays the greeting,
// creates a mixing bridge with the caller in it, dials the target into
// the application and bridges it on its StasisStart; once either side
// is gone it hangs up the other and destroys the bridge.
//
// It sees every event on the Run goroutine before translation (observe,
// which never blocks) and runs each call on a goroutine of its own, fed
// through the call's mailbox, since REST calls and waits must not hold
// up the event stream that answers them.
type controller struct {
	cfg  Config
	rest *rest
	log  *slog.Logger

	mu    sync.Mutex
	ctx   context.Context // Run's; nil before Run
	wg    sync.WaitGroup
	legs  map[string]*controlCall // callers and dialled legs, by channel id
	plays map[string]*controlCall // greetings, by playback id
}

func newController(cfg Config, r *rest) *controller {
	return &controller{cfg: cfg, rest: r, log: cfg.Logger.With("mode", string(ModeControl)),
		legs: map[string]*controlCall{}, plays: map[string]*controlCall{}}
}

// start binds the controller to Run's context; calls stop with it,
// leaving the PBX's channels as they are.
func (ct *controller) start(ctx context.Context) {
	ct.mu.Lock()
	ct.ctx = ctx
	ct.mu.Unlock()
}

// wait awaits the calls' goroutines once Run's context has ended.
func (ct *controller) wait() { ct.wg.Wait() }

// observe routes one event to the calls it concerns and returns the
// call events ARI does not carry: the link between a caller and the leg
// dialled for it, which an originate's Dial events lack (they have no
// caller), so the tracker rings the agent in the caller's call, as it
// does for Dial() in the dialplan.
func (ct *controller) observe(ev ariv5.Event) []crm.CallEvent {
	switch e := ev.(type) {
	case *ariv5.StasisStart:
		ct.stasisStart(e)
	case *ariv5.StasisEnd:
		ct.post(e.Channel.ID, ctlMsg{kind: msgGone, id: e.Channel.ID})
	case *ariv5.ChannelDestroyed:
		ct.post(e.Channel.ID, ctlMsg{kind: msgGone, id: e.Channel.ID})
	case *ariv5.PlaybackFinished:
		ct.mu.Lock()
		cc := ct.plays[e.Playback.ID]
		ct.mu.Unlock()
		if cc != nil {
			cc.box.post(ctlMsg{kind: msgPlayed, id: e.Playback.ID})
		}
	case *ariv5.Dial:
		return ct.link(&e.Peer, e.Timestamp)
	case *ariv5.ChannelStateChange:
		return ct.link(&e.Channel, e.Timestamp)
	}
	return nil
}

// stasisStart takes a new caller, or tells a call its dialled leg
// answered.
func (ct *controller) stasisStart(e *ariv5.StasisStart) {
	id := e.Channel.ID
	ct.mu.Lock()
	defer ct.mu.Unlock()
	if ct.ctx == nil || ct.ctx.Err() != nil || id == "" {
		return
	}
	if cc := ct.legs[id]; cc != nil {
		if id == cc.targetID {
			cc.box.post(ctlMsg{kind: msgTargetUp, id: id})
		}
		return
	}
	ctx := ct.ctx
	if len(e.Args) > 0 && e.Args[0] == agentArg {
		// A leg dialled for a caller this controller no longer runs (the
		// caller left, or Tigerline restarted): nobody will bridge it.
		ct.log.Warn("ari orphan agent leg hung up", "channel_id", id, "args", e.Args)
		ct.wg.Go(func() { ct.hangup(ctx, id) })
		return
	}
	cc := newControlCall(ct, &e.Channel, stasisTarget(e.Args, ct.cfg.DefaultTarget))
	ct.legs[id] = cc
	ct.log.Info("ari call taken", "channel_id", id, "caller", cc.callerNum, "target", cc.target, "args", e.Args)
	ct.wg.Go(func() { cc.run(ctx) })
}

// post hands a message to the call that owns channel id, if any.
func (ct *controller) post(id string, m ctlMsg) {
	ct.mu.Lock()
	cc := ct.legs[id]
	ct.mu.Unlock()
	if cc != nil {
		cc.box.post(m)
	}
}

// link returns the caller → dialled leg event the first time an event
// names a leg the controller dialled.
func (ct *controller) link(ch *ariv5.ChannelData, ts ariv5.DateTime) []crm.CallEvent {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	cc := ct.legs[ch.ID]
	if cc == nil || ch.ID != cc.targetID || cc.linked {
		return nil
	}
	cc.linked = true
	return one(crm.CallEvent{
		Kind: crm.KindDialBegin, Time: eventTime(ts),
		Channel: cc.callerChan, UniqueID: cc.callerID, CallerNum: cc.callerNum, CallerName: cc.callerName,
		PeerChannel: ch.Name, PeerUniqueID: ch.ID, DialString: cc.endpoint,
	})
}

// registerLeg files the leg a call dials (id, endpoint) before the
// request that creates it, so no event about it can come first.
func (ct *controller) registerLeg(cc *controlCall, id, endpoint string) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	cc.targetID, cc.endpoint = id, endpoint
	ct.legs[id] = cc
}

// registerPlay files a call's greeting before the request that starts it.
func (ct *controller) registerPlay(cc *controlCall, id string) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	ct.plays[id] = cc
}

// forget drops a finished call's ids.
func (ct *controller) forget(cc *controlCall) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for id, x := range ct.legs {
		if x == cc {
			delete(ct.legs, id)
		}
	}
	for id, x := range ct.plays {
		if x == cc {
			delete(ct.plays, id)
		}
	}
}

// resync tells the calls which of their legs ended while the websocket
// was down: those missing from the PBX's channel list.
func (ct *controller) resync(chans []ariv5.ChannelData) {
	live := make(map[string]bool, len(chans))
	for i := range chans {
		live[chans[i].ID] = true
	}
	ct.mu.Lock()
	var gone []ctlMsg
	var calls []*controlCall
	for id, cc := range ct.legs {
		if !live[id] {
			gone = append(gone, ctlMsg{kind: msgGone, id: id})
			calls = append(calls, cc)
		}
	}
	ct.mu.Unlock()
	for i, m := range gone {
		calls[i].box.post(m)
	}
}

// hangup hangs a channel up; one already gone is no error.
func (ct *controller) hangup(ctx context.Context, id string) {
	if err := ct.delete(ctx, "/channels/"+pathID(id), "normal"); err != nil {
		ct.log.Warn("ari hangup failed", "channel_id", id, "err", err)
	}
}

// delete sends DELETE path (with reason for a channel); 404 is success:
// the channel or bridge is already gone.
func (ct *controller) delete(ctx context.Context, path, reason string) error {
	var q url.Values
	if reason != "" {
		q = url.Values{"reason": {reason}}
	}
	_, err := ct.rest.do(ctx, "DELETE", path, q, nil, nil)
	if isNotFound(err) {
		return nil
	}
	return err
}

// greetingWait bounds how long a greeting may keep the caller from the
// agent when its PlaybackFinished never comes.
const greetingWait = 2 * time.Minute
