package web

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// liveWindow bounds how old a stored call still marked ringing or in
// progress may be to count as live: a call whose final save was lost
// must not haunt the pop and the dashboard forever.
const liveWindow = 12 * time.Hour

// Calls is what the call API, the pop and the dashboard need of the call
// store: saving a call (an agent's link) and the reads of a reload.
type Calls interface {
	crm.CallStore
	crm.CallBoard
}

// recentCalls is how many of the agent's calls the pop lists.
const recentCalls = 10

// popCall is a call as the pop and the dashboard show it: the call record
// (its fields inline, as in call events), the extensions rung or talking,
// the agents ringing, the caller as the lookup found it, and the record
// the call is linked to.
type popCall struct {
	crm.CallRecord
	Extensions []string `json:"extensions,omitempty"`
	// Ringing is as in call events, from the live row; nil (absent) for
	// a call known only from the store, which says nothing of it.
	Ringing []string         `json:"ringing,omitzero"`
	Caller  *crm.CallerMatch `json:"caller,omitempty"`
	Link    *recordLink      `json:"link,omitempty"`
	// Ticket and Support are a support call's ticket, once open, else
	// how the caller's contract stands (see withSupport).
	Ticket  *crm.TicketPayload  `json:"ticket,omitempty"`
	Support *crm.SupportPreview `json:"support,omitempty"`
}

// recordLink names a record and its page.
type recordLink struct {
	Module string `json:"module"`
	ID     int64  `json:"crmid"`
	Name   string `json:"name"`
	Href   string `json:"href"`
}

// liveCallsBody answers GET /api/calls/live.
type liveCallsBody struct {
	// Now is the server's clock, so pages time calls without trusting
	// their own.
	Now       time.Time `json:"now"`
	UserID    int64     `json:"user_id"`
	Extension string    `json:"extension"`
	Live      []popCall `json:"live"`
	Recent    []popCall `json:"recent"`
	// Strings are the pop's texts in the user's language.
	Strings map[string]string `json:"strings"`
}

// popStrings are the texts pop.js shows, translated per user.
var popStrings = []string{
	"Incoming call", "Outgoing call", "Ringing", "On call", "Call ended", "Unknown caller",
	"Create lead", "Create contact", "Open record", "Create ticket", "Add note", "Save note",
	"Note saved.", "Account", "Open tickets", "Service contracts", "remaining", "Last calls",
	"Activities", "None", "Recent calls", "Several records match: pick one.", "This one",
	"Call", "Calling…", "Your phone will ring first.", "No active service contract.",
	"expired", "Close", "Linked.",
	"ringing", "in-progress", "completed", "no-answer", "busy", "failed", "abandoned",
}

// handleLiveCalls answers GET /api/calls/live: the signed-in agent's
// calls in progress, with their callers, and the agent's recent calls.
func (s *Server) handleLiveCalls(w http.ResponseWriter, r *http.Request) {
	u := actor(r)
	ctx := r.Context()
	live, err := s.liveCalls(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tr := s.i18n.forLanguage(u.Language)
	body := liveCallsBody{
		Now: time.Now().UTC(), UserID: u.ID, Extension: u.Extension,
		Live: []popCall{}, Recent: []popCall{}, Strings: map[string]string{},
	}
	for _, k := range popStrings {
		body.Strings[k] = tr.T(k)
	}
	for _, c := range live {
		// Extensions are the agents ringing now: every agent a queue
		// rings gets the pop back, not only the first one rung.
		if u.Extension != "" && (isAgentOf(c.CallRecord, u.Extension) || slices.Contains(c.Extensions, u.Extension)) {
			body.Live = append(body.Live, s.withSupport(ctx, s.withCaller(ctx, c)))
		}
	}
	if body.Recent, err = s.recentCalls(ctx, u); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, body)
}

// isAgentOf reports whether ext rings, talks or talked on a call.
func isAgentOf(c crm.CallRecord, ext string) bool {
	return c.AgentExtension == ext || slices.Contains(c.Agents, ext)
}

// liveCalls returns the calls in progress, newest first: the trackers'
// snapshots when cmd wired them, and the stored calls not yet ended
// (started within liveWindow), the snapshot winning for a call in both
// and the stored link (an agent's pick) winning over the lookup's.
func (s *Server) liveCalls(ctx context.Context) ([]popCall, error) {
	out := []popCall{}
	seen := map[[2]string]int{}
	if s.deps.LiveCalls != nil {
		live, err := s.deps.LiveCalls(ctx)
		if err != nil {
			return nil, err
		}
		for _, c := range live {
			seen[[2]string{c.Call.Gateway, c.Call.SourceUniqueID}] = len(out)
			out = append(out, popCall{CallRecord: c.Call, Extensions: c.Extensions, Ringing: c.Ringing(), Caller: c.Caller})
		}
	}
	open, err := s.deps.Calls.FindOpenCalls(ctx, time.Now().Add(-liveWindow))
	if err != nil {
		return nil, err
	}
	refs := s.callRefs(ctx, open)
	for _, sc := range open {
		link := linkOf(sc, refs)
		if i, ok := seen[[2]string{sc.Gateway, sc.SourceUniqueID}]; ok {
			if link != nil { // a stored link is the agent's pick: it wins
				out[i].Link = link
			}
			continue
		}
		seen[[2]string{sc.Gateway, sc.SourceUniqueID}] = len(out)
		out = append(out, popCall{CallRecord: sc.CallRecord, Link: link})
	}
	slices.SortStableFunc(out, func(a, b popCall) int { return b.StartTime.Compare(a.StartTime) })
	return out, nil
}

// withCaller fills a live call's caller: the record the call is linked
// to when an agent picked one, else what the call flow's lookup found,
// else what a lookup finds now. An unknown caller is looked up again: the
// agent may have created the record from the pop meanwhile.
func (s *Server) withCaller(ctx context.Context, c popCall) popCall {
	if c.Link != nil {
		c.Caller = &crm.CallerMatch{Number: c.CustomerNumber, Records: []crm.CallerRecord{
			{Module: c.Link.Module, ID: c.Link.ID, Name: c.Link.Name},
		}}
		return c
	}
	if c.Caller != nil && len(c.Caller.Records) > 0 {
		return c
	}
	if s.deps.Lookup == nil || c.CustomerNumber == "" {
		return c
	}
	m, err := s.deps.Lookup.LookupCaller(ctx, c.CustomerNumber)
	if err != nil {
		s.log.Warn("caller lookup failed", "uniqueid", c.SourceUniqueID, "err", err)
		return c
	}
	c.Caller = &m
	return c
}

// recentCalls lists the agent's last stored calls that ended, read as
// such: calls still open (linked early) never push ended ones out.
func (s *Server) recentCalls(ctx context.Context, u *crm.User) ([]popCall, error) {
	uid := u.ID
	stored, err := s.deps.Calls.FindCalls(ctx, crm.CallFilter{UserID: &uid, Ended: true, Limit: recentCalls})
	if err != nil {
		return nil, err
	}
	refs := s.callRefs(ctx, stored)
	out := []popCall{}
	for _, sc := range stored {
		out = append(out, popCall{CallRecord: sc.CallRecord, Link: linkOf(sc, refs)})
	}
	return out, nil
}

// callRefs names the records stored calls are linked to, in one query.
// Names are a nicety: without Records, or on an error, calls show ids.
func (s *Server) callRefs(ctx context.Context, calls []*crm.StoredCall) map[int64]crm.RecordRef {
	var ids []int64
	for _, sc := range calls {
		if sc.Link.CustomerID > 0 {
			ids = append(ids, sc.Link.CustomerID)
		}
	}
	if len(ids) == 0 || s.deps.Records == nil {
		return nil
	}
	refs, err := s.deps.Records.RecordRefs(ctx, ids)
	if err != nil {
		s.log.Warn("name linked records of calls", "err", err)
		return nil
	}
	return refs
}

// linkOf is the record a stored call is linked to, or nil.
func linkOf(sc *crm.StoredCall, refs map[int64]crm.RecordRef) *recordLink {
	id := sc.Link.CustomerID
	if id <= 0 {
		return nil
	}
	l := &recordLink{Module: sc.Link.CustomerModule, ID: id}
	if ref, ok := refs[id]; ok {
		l.Module, l.Name = ref.Module, ref.Label
	}
	l.Href = recordHref(l.Module, id)
	return l
}
