package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

func TestPBXSettings(t *testing.T) {
	env := newTestEnv(t)
	pbxs := mysql.NewPBXService(env.db)
	s, err := New(Config{InsecureCookies: true, Version: "test"}, Deps{
		Users: env.users, Sessions: env.sess, Logger: mysqltest.Logger(), PBX: pbxs,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx := context.Background()
	if _, err := env.users.CreateUser(ctx, crm.NewUser{UserName: "agent", Password: "agent-secret-1", LastName: "A"}); err != nil {
		t.Fatal(err)
	}
	agent := newClient(t, ts)
	agent.login("agent", "agent-secret-1")
	if resp, _ := agent.get("/settings/pbx"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("agent opens PBX settings: got %d, want 403", resp.StatusCode)
	}
	_, body := agent.get("/settings")
	if strings.Contains(body, "/settings/pbx") {
		t.Error("agent's settings page links to PBX settings")
	}

	admin := newClient(t, ts)
	admin.login("admin", "admin")
	_, body = admin.get("/settings")
	wantContains(t, "settings index", body, `href="/settings/pbx"`)

	status, _, body := admin.postWithToken("/settings/pbx", "/settings/pbx", url.Values{
		"name": {"main"}, "kind": {"ami"}, "address": {"not an address"}, "username": {"crm"}, "secret": {"s3cret"}, "version": {"auto"},
	})
	if status != http.StatusUnprocessableEntity {
		t.Fatalf("bad address: got %d, want 422", status)
	}
	wantContains(t, "form after an error", body, `value="not an address"`, `value="crm"`, `class="fielderror"`)

	status, loc, _ := admin.postWithToken("/settings/pbx", "/settings/pbx", url.Values{
		"name": {"main"}, "kind": {"ami"}, "address": {"192.0.2.10:5038"}, "username": {"crm"}, "secret": {"s3cret"},
		"version": {"1.6"}, "inbound": {"from-pstn, from-trunk"},
	})
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/settings/pbx") {
		t.Fatalf("add: got %d %q, want a redirect to the list", status, loc)
	}
	if err := pbxs.SetStatus(ctx, "main", crm.PBXStatus{State: crm.PBXStateAuthFailed, LastError: "Authentication failed"}); err != nil {
		t.Fatal(err)
	}
	_, body = admin.get("/settings/pbx")
	wantContains(t, "PBX list", body, "192.0.2.10:5038", "Authentication failed", "auth_failed")
	if strings.Contains(body, "s3cret") {
		t.Error("the PBX list shows the secret")
	}
	list, err := pbxs.List(ctx)
	if err != nil || len(list) != 1 || len(list[0].InboundContexts) != 2 {
		t.Fatalf("stored PBXs: %v %+v", err, list)
	}
	status, loc, _ = admin.postWithToken("/settings/pbx", "/settings/pbx", url.Values{
		"name": {"ari"}, "kind": {"ari"}, "address": {"http://192.0.2.11:8088"}, "username": {"crm"}, "secret": {"s3cret"},
		"ari_app": {"tigerline"}, "ari_mode": {"control"},
	})
	if status != http.StatusSeeOther {
		t.Fatalf("add an ARI PBX in control mode: got %d %q", status, loc)
	}
	list, err = pbxs.List(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("stored PBXs: %v %+v, want two", err, list)
	}
	for _, p := range list {
		if p.Name == "ari" && (p.Kind != crm.PBXKindARI || p.ARIMode != crm.ARIModeStasis) {
			t.Errorf("stored ARI PBX: %+v, want control (stasis) mode", p)
		}
	}
	_, body = admin.get("/settings/pbx")
	wantContains(t, "PBX list with the ARI PBX", body, "http://192.0.2.11:8088", "<td>control</td>")
	if status, _, _ := admin.postWithToken("/settings/pbx", "/settings/pbx/remove", url.Values{"name": {"ari"}}); status != http.StatusSeeOther {
		t.Errorf("remove the ARI PBX: got %d", status)
	}

	status, _, _ = admin.postWithToken("/settings/pbx", "/settings/pbx/remove", url.Values{"name": {"main"}})
	if status != http.StatusSeeOther {
		t.Errorf("remove: got %d, want 303", status)
	}
	if list, _ := pbxs.List(ctx); len(list) != 0 {
		t.Errorf("after remove: %d PBXs left", len(list))
	}
}
