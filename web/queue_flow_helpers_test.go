package web

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// newFlowFixture is a call fixture whose calls come from a real call flow
// for agents: a tracker, events on the hub's bus, live rows in the
// database that reloads read. handle feeds it PBX events and returns once
// their live rows are written.
func newFlowFixture(t *testing.T, agents ...string) (f *callFixture, handle func(...crm.CallEvent)) {
	t.Helper()
	hub := newLiveHub()
	var live *mysql.LiveCallService
	f = newCallFixture(t, func(c *Config, d *Deps) {
		hub.serve(c, d)
		d.LiveCalls = func(ctx context.Context) ([]crm.LiveCall, error) {
			return live.LiveCalls(ctx, time.Now().Add(-time.Hour))
		}
	})
	live = mysql.NewLiveCallService(f.db)
	hub.start(t, f.server)
	flow := crm.NewCallFlow(crm.CallFlowConfig{
		Tracker: crm.TrackerConfig{Gateway: "pbx1", Agents: crm.SetOf(agents...), InboundContexts: crm.SetOf("from-pstn")},
		Store:   f.calls, Publisher: hub.bus, Live: live, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	t.Cleanup(func() { flow.Drain(context.Background()) })
	handle = func(evs ...crm.CallEvent) {
		for _, ev := range evs {
			flow.Handle(context.Background(), ev)
		}
		if err := flow.FlushLive(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	return f, handle
}

// queueEvents are a caller's events in queue support as Asterisk 12+
// reports them, stamped now: the trunk leg SIP/trunk-9 (uniqueid 9.1),
// member legs SIP/<ext>-9 (uniqueid 9.<ext>).
type queueEvents struct{}

const qTrunk, qTrunkUID = "SIP/trunk-9", "9.1"

func (queueEvents) join() []crm.CallEvent {
	now := time.Now().UTC()
	return []crm.CallEvent{
		{Time: now, Kind: crm.KindNewChannel, Channel: qTrunk, UniqueID: qTrunkUID, Context: "from-pstn", Exten: "+85230001000", CallerNum: "+85291234567"},
		{Time: now, Kind: crm.KindQueueJoined, Channel: qTrunk, UniqueID: qTrunkUID, Queue: "support", Position: 1},
	}
}

func (queueEvents) ring(ext string) []crm.CallEvent {
	ch, uid, now := "SIP/"+ext+"-9", "9."+ext, time.Now().UTC()
	return []crm.CallEvent{
		{Time: now, Kind: crm.KindNewChannel, Channel: ch, UniqueID: uid, Context: "agents"},
		{Time: now, Kind: crm.KindAgentCalled, Channel: qTrunk, UniqueID: qTrunkUID, PeerChannel: ch, PeerUniqueID: uid, Agent: "SIP/" + ext, Queue: "support"},
	}
}

func (queueEvents) hangup(ext string) []crm.CallEvent {
	return []crm.CallEvent{{Time: time.Now().UTC(), Kind: crm.KindHangup, Channel: "SIP/" + ext + "-9", UniqueID: "9." + ext}}
}

// answer is ext picking up; connect is the queue connecting it to the
// caller.
func (queueEvents) answer(ext string) []crm.CallEvent {
	return []crm.CallEvent{{Time: time.Now().UTC(), Kind: crm.KindAnswered, Channel: "SIP/" + ext + "-9", UniqueID: "9." + ext, State: "Up"}}
}

func (queueEvents) connect(ext string) []crm.CallEvent {
	ch, uid, now := "SIP/"+ext+"-9", "9."+ext, time.Now().UTC()
	return []crm.CallEvent{
		{Time: now, Kind: crm.KindAgentConnected, Channel: qTrunk, UniqueID: qTrunkUID, PeerChannel: ch, PeerUniqueID: uid, Agent: "SIP/" + ext, Queue: "support"},
		{Time: now, Kind: crm.KindBridged, Channel: ch, UniqueID: uid, BridgeID: "b9"},
		{Time: now, Kind: crm.KindBridged, Channel: qTrunk, UniqueID: qTrunkUID, BridgeID: "b9"},
	}
}

func (queueEvents) end() []crm.CallEvent {
	return []crm.CallEvent{{Time: time.Now().UTC(), Kind: crm.KindHangup, Channel: qTrunk, UniqueID: qTrunkUID}}
}
