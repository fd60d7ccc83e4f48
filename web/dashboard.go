package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// dashboardModule is the navigation entry of the supervisor dashboard.
const dashboardModule = "Dashboard"

// dashboardPage is the supervisor's live dashboard. The page is a frame:
// dashboard.js fills it from /api/dashboard and keeps it current from
// call events.
type dashboardPage struct {
	page
	ServiceLevelSeconds int
}

// isSupervisor reports whether u may watch the dashboard.
func (s *Server) isSupervisor(u *crm.User) bool {
	if u == nil {
		return false
	}
	if s.deps.SupervisorCheck != nil {
		return s.deps.SupervisorCheck(u)
	}
	return u.IsAdmin || slices.Contains([]string{"H1", "H2", "H3", "H4"}, u.RoleID)
}

// requireSupervisor lets only supervisors and admins through; it runs
// behind requireUser.
func (s *Server) requireSupervisor(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.isSupervisor(actor(r)) {
			s.fail(w, r, crm.Errorf(crm.EForbidden, "The dashboard is for supervisors."))
			return
		}
		next(w, r)
	}
}

// userNav adds the dashboard to the Analytics section (making one before
// Tools when Reports is off) for users who may see it, on servers with
// calls; on the dashboard itself that section is the active one.
func (s *Server) userNav(u *crm.User, path string, nav []navSection) []navSection {
	if s.deps.Calls == nil || !s.isSupervisor(u) {
		return nav
	}
	item := navItem{Label: "Dashboard", Module: dashboardModule}
	active := strings.HasPrefix(path, "/dashboard")
	if active {
		for i := range nav {
			nav[i].Active = false
		}
	}
	at := len(nav)
	for i, sec := range nav {
		if sec.Label == "Analytics" {
			sec.Items = append(slices.Clone(sec.Items), item)
			sec.Active = active
			nav[i] = sec
			return nav
		}
		if sec.Label == "Tools" || sec.Label == "Settings" {
			at = min(at, i)
		}
	}
	return slices.Insert(nav, at, navSection{Label: "Analytics", Items: []navItem{item}, Active: active})
}

// handleDashboard renders GET /dashboard.
func (s *Server) handleDashboard(w http.ResponseWriter, r *http.Request) {
	p := &dashboardPage{page: s.basePage(r, "Dashboard"), ServiceLevelSeconds: int(s.cfg.ServiceLevel.Seconds())}
	s.render(w, r, http.StatusOK, "dashboard", p)
}
