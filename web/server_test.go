package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// newBareServer builds a server whose services are never reached: for
// routes that need no database.
func newBareServer(t *testing.T, health func(context.Context) error) *Server {
	t.Helper()
	s, err := New(Config{Version: "test"}, Deps{
		Users: mysql.NewUserService(nil), Sessions: mysql.NewSessionService(nil, mysql.SessionConfig{}),
		Logger: mysqltest.Logger(), Health: health,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func serve(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec
}

func TestNewRequiresServices(t *testing.T) {
	if _, err := New(Config{}, Deps{}); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("got %v, want invalid", err)
	}
}

func TestHealth(t *testing.T) {
	rec := serve(newBareServer(t, func(context.Context) error { return nil }).Handler(), "GET", "/healthz")
	if rec.Code != http.StatusOK || strings.TrimSpace(rec.Body.String()) != `{"status":"ok"}` {
		t.Errorf("healthy: got %d %s, want 200 {\"status\":\"ok\"}", rec.Code, rec.Body)
	}
	down := func(context.Context) error { return errors.New("database at db:3306: connection refused") }
	rec = serve(newBareServer(t, down).Handler(), "GET", "/healthz")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "connection refused") {
		t.Errorf("unhealthy: got %d %s, want 503 with the error", rec.Code, rec.Body)
	}
}

func TestStatic(t *testing.T) {
	s := newBareServer(t, nil)
	u, err := s.assets.URL("tigerline.css")
	if err != nil {
		t.Fatal(err)
	}
	rec := serve(s.Handler(), "GET", u)
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: got %d %q, want 200 text/css", u, rec.Code, rec.Header().Get("Content-Type"))
	}
	if cc := rec.Header().Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("versioned URL: got Cache-Control %q, want immutable", cc)
	}
	rec = serve(s.Handler(), "GET", "/static/tigerline.css")
	if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" || rec.Header().Get("ETag") == "" {
		t.Errorf("unversioned URL: got Cache-Control %q ETag %q, want no-cache and an ETag", cc, rec.Header().Get("ETag"))
	}
	for _, p := range []string{"/static/", "/static/nope.css"} {
		if rec := serve(s.Handler(), "GET", p); rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: got %d, want 404", p, rec.Code)
		}
	}
	if rec := serve(s.Handler(), "GET", "/static/../server.go"); rec.Code == http.StatusOK {
		t.Errorf("GET /static/../server.go: got 200, want no file")
	}
}

func TestRecoverPanics(t *testing.T) {
	s := newBareServer(t, nil)
	h := s.logRequests(s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	})))
	if rec := serve(h, "GET", "/"); rec.Code != http.StatusInternalServerError {
		t.Errorf("got %d, want 500", rec.Code)
	}
}

func TestSafeNext(t *testing.T) {
	cases := map[string]string{
		"":                     "/",
		"/":                    "/",
		"/m/Contacts?page=2":   "/m/Contacts?page=2",
		"//evil.com":           "/",
		"///evil.com":          "/",
		"https://evil.com":     "/",
		"/\\evil.com":          "/",
		"\\\\evil.com":         "/",
		"javascript:alert(1)":  "/",
		"/ok\r\nSet-Cookie:x":  "/",
		"http:/evil.com":       "/",
		"/m/Leads#top":         "/m/Leads#top",
		"evil.com/m/Contacts":  "/",
		"/%2F%2Fevil.com/path": "/%2F%2Fevil.com/path",
	}
	for in, want := range cases {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestSecureCookies(t *testing.T) {
	cases := []struct {
		cfg  Config
		want bool
	}{
		{Config{ListenAddr: ":8080"}, true},
		{Config{ListenAddr: "0.0.0.0:8080"}, true},
		{Config{ListenAddr: "192.0.2.1:443"}, true},
		{Config{ListenAddr: "127.0.0.1:8080"}, false},
		{Config{ListenAddr: "[::1]:8080"}, false},
		{Config{ListenAddr: "localhost:8080"}, false},
		{Config{ListenAddr: ":8080", InsecureCookies: true}, false},
	}
	for _, tc := range cases {
		if got := tc.cfg.SecureCookies(); got != tc.want {
			t.Errorf("%+v: got %v, want %v", tc.cfg, got, tc.want)
		}
	}
}

func TestLoginLimiterWindow(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	l := newLoginLimiter(2, 15*time.Minute)
	l.now = func() time.Time { return now }
	l.fail("192.0.2.1", "Admin")
	l.fail("192.0.2.2", "admin")
	if !l.blocked("198.51.100.1", "ADMIN") {
		t.Error("user name not blocked after 2 failures (names compare case-insensitively)")
	}
	now = now.Add(15 * time.Minute)
	if l.blocked("192.0.2.1", "admin") {
		t.Error("still blocked after the window")
	}
	l.sweep(now)
	if len(l.failures) != 0 {
		t.Errorf("got %d keys after the window, want 0", len(l.failures))
	}
}

func TestNavHidesDisabledModules(t *testing.T) {
	s := newBareServer(t, nil)
	enabled := map[string]bool{"HelpDesk": true, "ServiceContracts": true, "Leads": true}
	s.deps.ModuleEnabled = func(name string) bool { return enabled[name] }
	var labels []string
	for _, sec := range s.nav("/m/HelpDesk") {
		labels = append(labels, sec.Label)
		if sec.Label == "Analytics" {
			t.Error("Analytics shown with Reports disabled")
		}
		for _, it := range sec.Items {
			if it.Module == "Faq" {
				t.Error("FAQ shown while disabled")
			}
		}
		if got, want := sec.Active, sec.Label == "Support"; got != want {
			t.Errorf("section %s: got active %v, want %v", sec.Label, got, want)
		}
	}
	if got, want := strings.Join(labels, ","), "Home,Marketing,Support,Tools,Settings"; got != want {
		t.Errorf("got sections %s, want %s (Tools keeps Tags, which is no vtiger_tab module)", got, want)
	}
}

func TestCookiesSecureByDefault(t *testing.T) {
	rec := serve(newBareServer(t, nil).Handler(), "GET", "/login")
	res := rec.Result()
	ck := cookie(res, loginCookie)
	if ck == nil {
		t.Fatal("GET /login set no form-token cookie")
	}
	if !ck.Secure || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode {
		t.Errorf("got Secure=%v HttpOnly=%v SameSite=%v, want true true Lax", ck.Secure, ck.HttpOnly, ck.SameSite)
	}
}
