package web

import (
	"context"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// agentPresence is the payload of agent.state when an agent signs in or
// out: the dashboard moves the agent between available and logged out.
// Call-driven states (ringing, on call, wrap-up) come from call events.
type agentPresence struct {
	UserID    int64     `json:"user_id"`
	Extension string    `json:"extension"`
	State     string    `json:"state"`
	Since     time.Time `json:"since"`
}

// announcePresence tells the supervisors (and the agent's other pages)
// that u signed in (state available) or out (offline). Users without an
// extension are no agents, and signing out of one of several sessions
// leaves the agent signed in. Failures are logged: a missed presence
// event costs a dashboard a reload, never the sign-in itself.
func (s *Server) announcePresence(ctx context.Context, u *crm.User, state string) {
	if s.deps.Publisher == nil || u == nil || u.Extension == "" {
		return
	}
	if state == agentOffline && s.deps.SignedIn != nil {
		in, err := s.deps.SignedIn(ctx)
		if err != nil {
			s.log.Warn("agent presence not announced", "user", u.UserName, "err", err)
			return
		}
		if in[u.ID] {
			return
		}
	}
	now := time.Now().UTC()
	e, err := crm.NewEvent(crm.EventAgentState, 1, now,
		agentPresence{UserID: u.ID, Extension: u.Extension, State: state, Since: now},
		crm.Audience{Supervisors: true, Users: []int64{u.ID}})
	if err == nil {
		err = s.deps.Publisher.Publish(ctx, e)
	}
	if err != nil {
		s.log.Warn("agent presence not announced", "user", u.UserName, "state", state, "err", err)
	}
}
