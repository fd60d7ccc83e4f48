package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Agent states on the dashboard, as in the agent.state event.
const (
	agentAvailable = "available"
	agentRinging   = "ringing"
	agentOnCall    = "on_call"
	agentWrapUp    = "wrap_up"
	agentOffline   = "offline"
)

// dashboardBody answers GET /api/dashboard: the shape of the
// dashboard.snapshot event in PROTOCOL.md, plus what the page needs to
// apply call events to it.
type dashboardBody struct {
	Now                 time.Time     `json:"now"`
	Day                 string        `json:"day"`
	ServiceLevelSeconds int           `json:"service_level_seconds"`
	WrapUpSeconds       int           `json:"wrap_up_seconds"`
	Calls               []popCall     `json:"calls"`
	Queues              []queueWait   `json:"queues"`
	Agents              []agentStatus `json:"agents"`
	Today               todayStats    `json:"today"`
}

// queueWait is a queue's callers waiting for an agent.
type queueWait struct {
	Queue              string `json:"queue"`
	Waiting            int    `json:"waiting"`
	LongestWaitSeconds int    `json:"longest_wait_seconds"`
}

// agentStatus is an agent (a user with an extension) and what they do.
type agentStatus struct {
	UserID    int64     `json:"user_id"`
	Name      string    `json:"name"`
	Extension string    `json:"extension"`
	State     string    `json:"state"`
	Since     time.Time `json:"since,omitzero"`
}

// todayStats sums up today's calls. ServiceLevel is the share of offered
// inbound calls (answered, missed, abandoned) answered within the
// service level; nil before any was offered. AnsweredInTime and Offered
// are its terms, so the page can count on.
type todayStats struct {
	Inbound        int      `json:"inbound"`
	Outbound       int      `json:"outbound"`
	Answered       int      `json:"answered"`
	Missed         int      `json:"missed"`
	Abandoned      int      `json:"abandoned"`
	AvgWaitSeconds float64  `json:"avg_wait_seconds"`
	AvgTalkSeconds float64  `json:"avg_talk_seconds"`
	Completed      int      `json:"completed"` // the answered calls the averages cover
	AnsweredInTime int      `json:"answered_in_time"`
	Offered        int      `json:"offered"`
	ServiceLevel   *float64 `json:"service_level"`
}

// handleDashboardJSON answers GET /api/dashboard, rebuilt from the calls
// in progress, today's sums and the calls that just ended.
func (s *Server) handleDashboardJSON(w http.ResponseWriter, r *http.Request) {
	body, err := s.dashboard(r.Context(), time.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, body)
}

func (s *Server) dashboard(ctx context.Context, now time.Time) (*dashboardBody, error) {
	live, err := s.liveCalls(ctx)
	if err != nil {
		return nil, err
	}
	for i := range live {
		live[i] = s.withCaller(ctx, live[i])
	}
	stats, err := s.deps.Calls.CallsTodayWithin(ctx, now, s.cfg.ServiceLevel)
	if err != nil {
		return nil, err
	}
	// Only a call completed within WrapUp can put an agent in wrap-up.
	done, err := s.deps.Calls.FindCompletedCalls(ctx, stats.Day, now.Add(-s.cfg.WrapUp))
	if err != nil {
		return nil, err
	}
	b := &dashboardBody{
		Now: now.UTC(), Day: stats.Day.Format(time.DateOnly),
		ServiceLevelSeconds: int(s.cfg.ServiceLevel.Seconds()), WrapUpSeconds: int(s.cfg.WrapUp.Seconds()),
		Calls: live, Queues: queueWaits(live, now), Today: todayOf(stats),
	}
	if b.Agents, err = s.agentStates(ctx, live, done, now); err != nil {
		return nil, err
	}
	return b, nil
}

// todayOf is the day's sums with the service level, whose terms the store
// counted.
func todayOf(st *crm.ServiceLevelStats) todayStats {
	t := todayStats{
		Inbound: st.Inbound, Outbound: st.Outbound, Answered: st.Answered, Missed: st.Missed,
		Abandoned: st.Abandoned, AvgWaitSeconds: st.AvgWait.Seconds(), AvgTalkSeconds: st.AvgTalk.Seconds(),
		Completed: st.Completed, AnsweredInTime: st.AnsweredInTime, Offered: st.Offered,
	}
	if t.Offered > 0 {
		sl := float64(t.AnsweredInTime) / float64(t.Offered)
		t.ServiceLevel = &sl
	}
	return t
}

// queueWaits counts the inbound callers not yet answered, per queue.
func queueWaits(live []popCall, now time.Time) []queueWait {
	byQueue := map[string]*queueWait{}
	for _, c := range live {
		if c.Direction != crm.DirectionInbound || c.Status != crm.CallStatusRinging {
			continue
		}
		q := byQueue[c.Queue]
		if q == nil {
			q = &queueWait{Queue: c.Queue}
			byQueue[c.Queue] = q
		}
		q.Waiting++
		q.LongestWaitSeconds = max(q.LongestWaitSeconds, int(now.Sub(c.StartTime).Seconds()))
	}
	out := []queueWait{}
	for _, q := range byQueue {
		out = append(out, *q)
	}
	slices.SortFunc(out, func(a, b queueWait) int { return strings.Compare(a.Queue, b.Queue) })
	return out
}

// agentStates derives each agent's state: on a call, rung, wrapping up
// after a call that ended within WrapUp (done holds today's calls that
// completed since then, newest first), signed out, or available.
func (s *Server) agentStates(ctx context.Context, live []popCall, done []*crm.StoredCall, now time.Time) ([]agentStatus, error) {
	users, err := s.deps.Users.FindUsers(ctx)
	if err != nil {
		return nil, err
	}
	var signedIn map[int64]bool
	if s.deps.SignedIn != nil {
		if signedIn, err = s.deps.SignedIn(ctx); err != nil {
			return nil, err
		}
	}
	out := []agentStatus{}
	for _, u := range users {
		if u.Extension == "" || u.Status == "Inactive" {
			continue
		}
		a := agentStatus{UserID: u.ID, Name: u.FullName(), Extension: u.Extension, State: agentAvailable}
		switch {
		case liveState(&a, live):
		case s.wrapUp(&a, done, now):
		case signedIn != nil && !signedIn[u.ID]:
			a.State = agentOffline
		}
		out = append(out, a)
	}
	return out, nil
}

// liveState sets an agent on a call or ringing, from the live calls.
func liveState(a *agentStatus, live []popCall) bool {
	for _, c := range live {
		if c.Status == crm.CallStatusInProgress && isAgentOf(c.CallRecord, a.Extension) {
			a.State, a.Since = agentOnCall, c.AnswerTime
			if a.Since.IsZero() {
				a.Since = c.StartTime
			}
			return true
		}
		if rings(c, a.Extension) {
			a.State, a.Since = agentRinging, c.StartTime
		}
	}
	return a.State == agentRinging
}

// rings reports whether a live call rings ext: ext is in its ringing set
// (a queue ringing all its members rings them all; a member whose ring
// stopped is not), or it is the outbound call ext placed, ringing out. A
// call known only from the store has no ringing set: it rings its agent
// and the extensions it was popped to.
func rings(c popCall, ext string) bool {
	switch {
	case slices.Contains(c.Ringing, ext):
		return true
	case c.Status != crm.CallStatusRinging:
		return false
	case c.Ringing == nil:
		return isAgentOf(c.CallRecord, ext) || slices.Contains(c.Extensions, ext)
	}
	return c.Direction == crm.DirectionOutbound && c.AgentExtension == ext
}

// wrapUp sets an agent wrapping up when their last call ended within
// WrapUp of now.
func (s *Server) wrapUp(a *agentStatus, done []*crm.StoredCall, now time.Time) bool {
	for _, c := range done {
		if c.EndTime.IsZero() || !isAgentOf(c.CallRecord, a.Extension) {
			continue
		}
		if c.Status == crm.CallStatusCompleted && now.Sub(c.EndTime) < s.cfg.WrapUp {
			a.State, a.Since = agentWrapUp, c.EndTime
			return true
		}
	}
	return false
}
