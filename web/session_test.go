package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

func TestSignedIn(t *testing.T) {
	t.Parallel()
	env := newTestEnv(t)
	ts := env.newServer(t, Config{})

	t.Run("logout needs the csrf token", func(t *testing.T) {
		c := newClient(t, ts)
		c.login("admin", "admin")
		_, home := c.get("/")
		token := csrfToken(t, home)
		resp, body := c.post("/logout", url.Values{})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("logout without token: got %d, want 403", resp.StatusCode)
		}
		if !strings.Contains(body, "expired") {
			t.Error("403 page does not explain")
		}
		resp, _ = c.post("/logout", url.Values{"csrf_token": {"x" + token}})
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("logout with a wrong token: got %d, want 403", resp.StatusCode)
		}
		u, _ := url.Parse(ts.URL)
		old := c.http.Jar.Cookies(u)
		resp, _ = c.post("/logout", url.Values{"csrf_token": {token}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
			t.Fatalf("logout: got %d to %q, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
		}
		if resp, _ := c.get("/"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("GET / after logout: got %d, want 303", resp.StatusCode)
		}
		replay := newClient(t, ts) // the old cookie, kept by an attacker
		replay.http.Jar.SetCookies(u, old)
		if resp, _ := replay.get("/"); resp.StatusCode != http.StatusSeeOther {
			t.Errorf("old cookie after logout: got %d, want 303 to the sign-in page", resp.StatusCode)
		}
	})

	t.Run("csrf header", func(t *testing.T) {
		c := newClient(t, ts)
		c.login("admin", "admin")
		_, home := c.get("/")
		resp, _ := c.do("POST", "/logout", nil, http.Header{csrfHeader: {csrfToken(t, home)}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("logout with X-CSRF-Token: got %d, want 303", resp.StatusCode)
		}
	})

	t.Run("no session", func(t *testing.T) {
		c := newClient(t, ts)
		resp, _ := c.get("/m/Leads?viewname=4")
		if got, want := resp.Header.Get("Location"), "/login?next="+url.QueryEscape("/m/Leads?viewname=4"); resp.StatusCode != http.StatusSeeOther || got != want {
			t.Errorf("GET: got %d to %q, want 303 to %q", resp.StatusCode, got, want)
		}
		resp, _ = c.post("/logout", url.Values{"csrf_token": {"x"}})
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
			t.Errorf("POST: got %d to %q, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
		}
		for _, tc := range []struct {
			path   string
			header http.Header
		}{
			{"/logout", http.Header{"Accept": {"application/json"}}},
			{"/api/records", nil},
		} {
			resp, body := c.do("POST", tc.path, url.Values{}, tc.header)
			var e errorBody
			if resp.StatusCode != http.StatusUnauthorized || json.Unmarshal([]byte(body), &e) != nil || e.Code != crm.EUnauthorized {
				t.Errorf("API POST %s: got %d %s, want 401 JSON", tc.path, resp.StatusCode, body)
			}
		}
	})

	t.Run("unknown page", func(t *testing.T) {
		c := newClient(t, ts)
		c.login("admin", "admin")
		resp, body := c.get("/no/such/page")
		if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "There is no page at /no/such/page") {
			t.Errorf("got %d, want 404 with a message", resp.StatusCode)
		}
	})

	t.Run("home escapes the user's name", func(t *testing.T) {
		testHomeEscapes(t, env)
	})
}

// testHomeEscapes signs in a user whose name holds markup.
func testHomeEscapes(t *testing.T, env *testEnv) {
	ts := env.newServer(t, Config{Version: "9.9.9"})
	_, err := env.users.CreateUser(t.Context(), crm.NewUser{
		UserName: "agent7", Password: "correct horse battery", FirstName: "<b>x</b>", LastName: `"Doe"`, Extension: "2007",
	})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, ts)
	c.login("agent7", "correct horse battery")
	resp, body := c.get("/")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("got %d, want 200", resp.StatusCode)
	}
	if strings.Contains(body, "<b>x</b>") {
		t.Error("first name rendered as HTML")
	}
	for _, want := range []string{"Welcome, &lt;b&gt;x&lt;/b&gt; &#34;Doe&#34;", "agent7", "2007", "Tigerline 9.9.9"} {
		if !strings.Contains(body, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	if strings.Contains(body, "Administrator") {
		t.Error("an agent is shown as administrator")
	}
}
