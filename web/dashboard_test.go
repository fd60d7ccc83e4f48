package web

import (
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

func TestUserNavDashboard(t *testing.T) {
	s := newBareServer(t, nil)
	s.deps.Calls = mysql.NewCallService(nil, s.log)
	admin := &crm.User{ID: 1, IsAdmin: true, RoleID: "H2"}
	manager := &crm.User{ID: 5, RoleID: "H4"}
	agent := &crm.User{ID: 7, RoleID: "H5", Extension: "101"}
	show := func(nav []navSection) string {
		var out []string
		for _, sec := range nav {
			var items []string
			for _, it := range sec.Items {
				items = append(items, it.Module)
			}
			label := sec.Label
			if sec.Active {
				label += "*"
			}
			out = append(out, label+"("+strings.Join(items, " ")+")")
		}
		return strings.Join(out, " ")
	}
	tests := []struct {
		name    string
		u       *crm.User
		path    string
		enabled map[string]bool
		want    string
	}{
		{"admin on the dashboard", admin, "/dashboard", nil,
			"Home(Home) Analytics*(Reports Dashboard) Tools(Calendar RecycleBin Tags) Settings(Settings)"},
		{"manager at home", manager, "/", nil,
			"Home*(Home) Analytics(Reports Dashboard) Tools(Calendar RecycleBin Tags) Settings(Settings)"},
		{"agent", agent, "/", nil, "Home*(Home) Analytics(Reports) Tools(Calendar RecycleBin Tags) Settings(Settings)"},
		{"reports off", admin, "/dashboard", map[string]bool{"Reports": false},
			"Home(Home) Analytics*(Dashboard) Tools(Calendar RecycleBin Tags) Settings(Settings)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s.deps.ModuleEnabled = func(name string) bool {
				if v, ok := tc.enabled[name]; ok {
					return v
				}
				return name == "Reports" || name == "Calendar" || name == "RecycleBin"
			}
			if got := show(s.userNav(tc.u, tc.path, s.nav(tc.path))); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	s.deps.Calls = nil
	if got := show(s.userNav(admin, "/", s.nav("/"))); strings.Contains(got, dashboardModule) {
		t.Errorf("without calls: got %s, want no dashboard", got)
	}
}
