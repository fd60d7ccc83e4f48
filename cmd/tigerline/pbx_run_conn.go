package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/phone"
)

// onConnect runs after each login: it pins the dialect, lists the live
// channels (Status, and CoreShowChannels where the PBX has it) and queues
// a resync behind the frames already received.
func (l *pbxLink) onConnect(ctx context.Context, c *ami.Client) error {
	d := ami.DetectDialect(c.Banner(), l.forced)
	lctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	l.gate.Lock()
	l.holding = true
	l.gate.Unlock()
	// Frames are held from here, so the CoreSettings round trip below
	// changes nothing in the order they are applied.
	if d == ami.Dialect16 && l.forced == ami.DialectAuto {
		// 1.6 and 1.8 share the banner "1.1"; CoreSettings tells them
		// apart. A PBX that refuses it stays 1.6 until an event shows a
		// Linkedid.
		if resp, err := c.Send(lctx, ami.NewAction("CoreSettings")); err == nil {
			d = d.Refine(resp)
		}
	}
	l.dialect.Store(int32(d))
	l.log.Info("pbx dialect", "dialect", d.String())
	live, err := l.liveChannels(lctx, c, d)
	if err != nil {
		l.release(ctx, nil)
		return err
	}
	if live == nil {
		l.log.Warn("pbx lists no channels (Status refused): calls in progress are not resynchronised")
		l.release(ctx, nil)
		return nil
	}
	l.release(ctx, &pbxItem{resync: true, at: time.Now(), live: live})
	return nil
}

// liveChannels merges Status and CoreShowChannels by uniqueid: Status
// says who is bridged to whom on 1.4/1.6, CoreShowChannels adds the
// dialplan position and duration. nil means neither list was answered.
func (l *pbxLink) liveChannels(ctx context.Context, c *ami.Client, d ami.Dialect) ([]crm.LiveChannel, error) {
	var ae *ami.ActionError
	st, err := c.SendList(ctx, ami.NewAction("Status"))
	if err != nil && !errors.As(err, &ae) {
		return nil, err
	}
	var live []crm.LiveChannel
	if err == nil {
		live = ami.LiveChannels(st)
	}
	if d == ami.Dialect14 {
		return live, nil
	}
	cs, err := c.SendList(ctx, ami.NewAction("CoreShowChannels"))
	if err != nil && !errors.As(err, &ae) {
		return nil, err
	}
	if err != nil {
		return live, nil
	}
	return mergeLive(live, ami.LiveChannels(cs), st != nil), nil
}

// mergeLive fills the gaps of the Status list from CoreShowChannels; with
// no Status list, CoreShowChannels alone is the list.
func mergeLive(status, csc []crm.LiveChannel, haveStatus bool) []crm.LiveChannel {
	if !haveStatus {
		if csc == nil {
			csc = []crm.LiveChannel{}
		}
		return csc
	}
	if status == nil {
		status = []crm.LiveChannel{}
	}
	byUID := make(map[string]*crm.LiveChannel, len(status))
	for i := range status {
		byUID[status[i].UniqueID] = &status[i]
	}
	for _, o := range csc {
		s := byUID[o.UniqueID]
		if s == nil {
			continue
		}
		fill(&s.LinkedID, o.LinkedID)
		fill(&s.Context, o.Context)
		fill(&s.Exten, o.Exten)
		fill(&s.CallerNum, o.CallerNum)
		fill(&s.ConnectedNum, o.ConnectedNum)
		fill(&s.BridgedChannel, o.BridgedChannel)
		fill(&s.BridgedUniqueID, o.BridgedUniqueID)
		fill(&s.BridgeID, o.BridgeID)
		if s.Seconds == 0 {
			s.Seconds = o.Seconds
		}
	}
	return status
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// onState logs a connection change and records it for the UI.
func (l *pbxLink) onState(ctx context.Context, sc ami.StateChange) {
	switch sc.State {
	case ami.StateConnected:
		l.log.Info("pbx connected", "banner", sc.Banner.Line, "dialect", ami.Dialect(l.dialect.Load()).String())
	case ami.StateLoginFailed:
		l.log.Error("pbx login failed", "err", sc.Err, "retry_in", sc.RetryIn)
	case ami.StateDisconnected:
		l.log.Warn("pbx disconnected", "err", sc.Err, "attempt", sc.Attempt, "retry_in", sc.RetryIn)
	}
	recordState(ctx, l.cfg.Status, l.pbx.Name, sc.State, sc.Attempt, sc.Err, l.log)
}

// recordState stores a PBX's connection state for the UI, AMI or ARI.
func recordState(ctx context.Context, status pbxStatusSetter, name string, s crm.LinkState, attempt int, err error, log *slog.Logger) {
	st, ok := s.Status(attempt, err)
	if !ok || status == nil || ctx.Err() != nil {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := status.SetStatus(sctx, name, st); err != nil {
		log.Warn("record pbx status", "state", st.State, "err", err)
	}
}

// startPBXs runs the PBX connections with the default click-to-call
// settings; see runningPBXs.
func startPBXs(ctx context.Context, wg *sync.WaitGroup, db *mysql.DB, users crm.UserService, phones *phone.Normalizer, pub crm.Publisher, log *slog.Logger) error {
	_, err := runningPBXs(ctx, wg, db, users, phones, pub, defaultDial, log)
	return err
}

// defaultDial rings an agent's SIP phone and dials from the context most
// dialplans give their phones.
var defaultDial = dialConfig{AgentChannel: "SIP/{ext}", Context: "from-internal"}

// runningPBXs lists the PBXs and runs their connections on wg until ctx
// ends: call records go to vtiger_pbxmanager, pops to the bus. The set it
// returns places click-to-calls on them.
func runningPBXs(ctx context.Context, wg *sync.WaitGroup, db *mysql.DB, users crm.UserService, phones *phone.Normalizer, pub crm.Publisher, dial dialConfig, log *slog.Logger) (*pbxSet, error) {
	running := &pbxSet{phones: phones, dial: dial}
	pbxs := mysql.NewPBXService(db)
	list, err := pbxs.List(ctx)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		log.Info("no PBX configured: add one with `tigerline pbx add` (calls and pops need one)")
		return running, nil
	}
	cfg := pbxRunConfig{
		Status: pbxs, Users: users, Calls: mysql.NewCallService(db, log),
		Lookup: mysql.NewLookupService(db, phones), Publisher: pub, Log: log, Running: running,
		Support: mysql.NewSupportService(db, mysql.NewRecordService(db, phones, log), pub, log),
		Live:    mysql.NewLiveCallService(db),
	}
	wg.Go(func() { runPBXs(ctx, list, cfg) })
	return running, nil
}
