package ari_test

import (
	"reflect"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// replayCase is the outcome the pbx-traces README gives for one ARI
// recording, durations ±1 s. SourceUniqueID is the oldest channel the
// client saw: ARI has no Linkedid, so in monitor mode it is the
// originated ;1 half (the AMI Linkedid) and in control mode the first
// channel that entered Stasis.
type replayCase struct {
	name       string
	dir        crm.CallDirection
	status     crm.CallStatus
	agent      string
	agents     []string
	customer   string
	queue      string
	source     string
	total      int
	billable   int
	ringsFirst []string
}

var replayCases = []replayCase{
	{name: "ari-22-monitor-inbound-answered", dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802774.140", total: 5, billable: 3, ringsFirst: []string{"101"}},
	{name: "ari-22-monitor-inbound-missed", dir: crm.DirectionInbound, status: crm.CallStatusNoAnswer, agent: "101", customer: "+12125550199", source: "1795802786.144", total: 15, billable: 0, ringsFirst: []string{"101"}},
	{name: "ari-22-monitor-inbound-queue", dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "202", agents: []string{"202"}, customer: "+13125550123", queue: "support", source: "1795802808.148", total: 7, billable: 3, ringsFirst: []string{"201", "202"}},
	{name: "ari-22-monitor-click-to-call", dir: crm.DirectionOutbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802822.154", total: 9, billable: 4, ringsFirst: []string{"101"}},
	{name: "ari-22-monitor-resync", dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795802838.158", total: 10, billable: 8, ringsFirst: []string{"101"}},
	// Control mode: the caller enters Stasis, the app bridges an
	// ARI-originated agent. The caller's ;1 half never shows.
	{name: "ari-22-stasis-bridge-agent", dir: crm.DirectionInbound, status: crm.CallStatusCompleted, agent: "101", agents: []string{"101"}, customer: "+14155550142", source: "1795801167.29", total: 5, billable: 3},
	// Answered by the app only, no agent: inbound, never reached an agent.
	{name: "ari-22-stasis-inbound-answer-hangup", dir: crm.DirectionInbound, status: crm.CallStatusAbandoned, customer: "+14155550142", source: "1795801134.25", total: 2, billable: 0},
	// An ARI originate to agent 101 that nobody else joins.
	{name: "ari-22-originate-agent", dir: crm.DirectionInternal, status: crm.CallStatusCompleted, agent: "101", source: "crm-orig-101-0001", total: 5, billable: 0},
}

// TestReplayCoversEveryTrace keeps the table in step with the recordings.
func TestReplayCoversEveryTrace(t *testing.T) {
	have := make(map[string]bool)
	for _, tc := range replayCases {
		have[tc.name] = true
	}
	for _, name := range ariTraces(t) {
		if !have[name] {
			t.Errorf("trace %s has no replay case", name)
		}
	}
}

func TestReplayTraces(t *testing.T) {
	for _, tc := range replayCases {
		t.Run(tc.name, func(t *testing.T) {
			ups := track(translateTrace(t, tc.name))
			recs := ended(ups)
			if len(recs) != 1 {
				t.Fatalf("got %d call records, want 1: %+v", len(recs), recs)
			}
			checkRecord(t, recs[0], tc)
			var rings []string
			for _, u := range ups {
				if u.Kind == crm.CallRinging {
					rings = append(rings, u.Extensions...)
				}
			}
			if tc.ringsFirst != nil && !reflect.DeepEqual(rings, tc.ringsFirst) {
				t.Errorf("ringing pops for %v, want %v", rings, tc.ringsFirst)
			}
		})
	}
}

func checkRecord(t *testing.T, r crm.CallRecord, tc replayCase) {
	t.Helper()
	if r.Direction != tc.dir {
		t.Errorf("direction: got %s, want %s", r.Direction, tc.dir)
	}
	if r.Status != tc.status {
		t.Errorf("status: got %s, want %s", r.Status, tc.status)
	}
	if r.AgentExtension != tc.agent {
		t.Errorf("agent: got %q, want %q", r.AgentExtension, tc.agent)
	}
	if !reflect.DeepEqual(r.Agents, tc.agents) {
		t.Errorf("agents: got %v, want %v", r.Agents, tc.agents)
	}
	if r.CustomerNumber != tc.customer {
		t.Errorf("customer: got %q, want %q", r.CustomerNumber, tc.customer)
	}
	if r.Queue != tc.queue {
		t.Errorf("queue: got %q, want %q", r.Queue, tc.queue)
	}
	if tc.source != "" && r.SourceUniqueID != tc.source {
		t.Errorf("source uniqueid: got %q, want %q", r.SourceUniqueID, tc.source)
	}
	if r.Gateway != "pbx-test" {
		t.Errorf("gateway: got %q, want pbx-test", r.Gateway)
	}
	if d := r.TotalSeconds - tc.total; d < -1 || d > 1 {
		t.Errorf("total seconds: got %d, want %d ±1", r.TotalSeconds, tc.total)
	}
	if d := r.BillableSeconds - tc.billable; d < -1 || d > 1 {
		t.Errorf("billable seconds: got %d, want %d ±1", r.BillableSeconds, tc.billable)
	}
	if len(tc.agents) > 0 && r.AnswerTime.IsZero() {
		t.Errorf("answer time: got zero, want set")
	}
	if !r.EndTime.After(r.StartTime) {
		t.Errorf("end %v not after start %v", r.EndTime, r.StartTime)
	}
}

// TestReplayDuplicates feeds every event twice: the records must not change.
func TestReplayDuplicates(t *testing.T) {
	for _, tc := range replayCases {
		t.Run(tc.name, func(t *testing.T) {
			evs := translateTrace(t, tc.name)
			doubled := make([]crm.CallEvent, 0, 2*len(evs))
			for _, ev := range evs {
				doubled = append(doubled, ev, ev)
			}
			got, want := ended(track(doubled)), ended(track(evs))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("with duplicates got %+v, want %+v", got, want)
			}
		})
	}
}
