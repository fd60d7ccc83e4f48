package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestLogin(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	ts := env.newServer(t, Config{})

	t.Run("form renders", func(t *testing.T) {
		c := newClient(t, ts)
		resp, body := c.get("/login")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("got status %d, want 200", resp.StatusCode)
		}
		for _, want := range []string{`action="/login"`, `name="user_name"`, `name="user_password"`, `type="password"`, `name="csrf_token"`} {
			if !strings.Contains(body, want) {
				t.Errorf("login page lacks %s", want)
			}
		}
		if strings.Contains(body, `action="/logout"`) {
			t.Error("login page shows the signed-in navigation")
		}
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("got CSP %q, want self-only scripts and no framing", csp)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("got X-Content-Type-Options %q, want nosniff", got)
		}
	})

	t.Run("wrong password keeps the name", func(t *testing.T) {
		c := newClient(t, ts)
		resp, body := c.tryLogin("admin", "wrong", "")
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("got status %d, want 401", resp.StatusCode)
		}
		if !strings.Contains(body, "Wrong user name or password") {
			t.Error("page lacks the error message")
		}
		if !strings.Contains(body, `name="user_name" value="admin"`) {
			t.Error("page lost the user name")
		}
		if cookie(resp, sessionCookie) != nil {
			t.Error("failed login set a session cookie")
		}
	})

	t.Run("admin signs in", func(t *testing.T) {
		c := newClient(t, ts)
		resp, body := c.tryLogin("admin", "admin", "")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
			t.Fatalf("got %d to %q, want 303 to /\n%s", resp.StatusCode, resp.Header.Get("Location"), body)
		}
		ck := cookie(resp, sessionCookie)
		if ck == nil {
			t.Fatal("no session cookie")
		}
		if !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" {
			t.Errorf("got cookie HttpOnly=%v SameSite=%v Path=%q, want true Lax /", ck.HttpOnly, ck.SameSite, ck.Path)
		}
		resp, body = c.get("/")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET /: got %d, want 200", resp.StatusCode)
		}
		for _, want := range []string{"Welcome, Administrator", `href="/m/Leads"`, `href="/m/HelpDesk"`, `href="/m/PBXManager"`, `action="/logout"`} {
			if !strings.Contains(body, want) {
				t.Errorf("home page lacks %s", want)
			}
		}
		if resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("got Cache-Control %q, want no-store", resp.Header.Get("Cache-Control"))
		}
		resp, _ = c.get("/login?next=/m/Leads")
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/m/Leads" {
			t.Errorf("signed-in GET /login: got %d to %q, want 303 to /m/Leads", resp.StatusCode, resp.Header.Get("Location"))
		}
	})

	t.Run("form token required", func(t *testing.T) {
		c := newClient(t, ts)
		c.get("/login")
		resp, body := c.post("/login", url.Values{"csrf_token": {"forged"}, "user_name": {"admin"}, "user_password": {"admin"}})
		if resp.StatusCode != http.StatusForbidden || cookie(resp, sessionCookie) != nil {
			t.Errorf("forged token: got %d, cookie %v; want 403 and no session", resp.StatusCode, cookie(resp, sessionCookie))
		}
		if !strings.Contains(body, "expired") {
			t.Error("page does not explain the refusal")
		}
		fresh := newClient(t, ts) // no login cookie at all
		resp, _ = fresh.post("/login", url.Values{"csrf_token": {""}, "user_name": {"admin"}, "user_password": {"admin"}})
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("no token: got %d, want 403", resp.StatusCode)
		}
	})

	t.Run("next", func(t *testing.T) {
		cases := []struct{ next, want string }{
			{"/m/Leads?viewname=4", "/m/Leads?viewname=4"},
			{"//evil.com", "/"},
			{"https://evil.com", "/"},
			{"/\\evil.com", "/"},
			{"javascript:alert(1)", "/"},
			{"evil.com", "/"},
		}
		for _, tc := range cases {
			c := newClient(t, ts)
			resp, _ := c.tryLogin("admin", "admin", tc.next)
			if got := resp.Header.Get("Location"); got != tc.want {
				t.Errorf("next %q: got redirect to %q, want %q", tc.next, got, tc.want)
			}
		}
	})

	t.Run("rate limit per user name", func(t *testing.T) {
		ts := env.newServer(t, Config{LoginFailures: 3, TrustForwardedFor: true})
		for i := range 3 {
			c := newClient(t, ts)
			c.header.Set("X-Forwarded-For", "192.0.2."+string(rune('1'+i)))
			if resp, _ := c.tryLogin("admin", "wrong", ""); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("failure %d: got %d, want 401", i+1, resp.StatusCode)
			}
		}
		c := newClient(t, ts)
		c.header.Set("X-Forwarded-For", "198.51.100.9")
		resp, body := c.tryLogin("admin", "admin", "")
		if resp.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("after 3 failures: got %d, want 429", resp.StatusCode)
		}
		if !strings.Contains(body, "Too many failed sign-ins") || resp.Header.Get("Retry-After") == "" {
			t.Error("429 page lacks its message or Retry-After")
		}
	})

	t.Run("rate limit per address", func(t *testing.T) {
		ts := env.newServer(t, Config{LoginFailures: 3})
		c := newClient(t, ts)
		for _, name := range []string{"alice", "bob", "carol"} {
			if resp, _ := c.tryLogin(name, "guess", ""); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("%s: got %d, want 401", name, resp.StatusCode)
			}
		}
		if resp, _ := c.tryLogin("admin", "admin", ""); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("fourth attempt from the address: got %d, want 429", resp.StatusCode)
		}
	})

	t.Run("rate limit defaults to 10", func(t *testing.T) {
		ts := env.newServer(t, Config{})
		c := newClient(t, ts)
		for i := range 10 {
			if resp, _ := c.tryLogin("admin", "wrong", ""); resp.StatusCode != http.StatusUnauthorized {
				t.Fatalf("failure %d: got %d, want 401", i+1, resp.StatusCode)
			}
		}
		if resp, _ := c.tryLogin("admin", "admin", ""); resp.StatusCode != http.StatusTooManyRequests {
			t.Errorf("after 10 failures: got %d, want 429", resp.StatusCode)
		}
	})
}
