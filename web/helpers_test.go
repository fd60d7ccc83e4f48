package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// testEnv is a web server on a fresh migrated database.
type testEnv struct {
	db    *mysql.DB
	users *mysql.UserService
	sess  *mysql.SessionService
}

// newTestEnv migrates one database for a test function; its subtests
// share it and start servers on it with newServer.
func newTestEnv(t *testing.T) *testEnv {
	t.Helper()
	db, _ := mysqltest.NewDB(t)
	return &testEnv{db: db, users: mysql.NewUserService(db), sess: mysql.NewSessionService(db, mysql.SessionConfig{})}
}

// dbValue reads the one value q selects on the test database, failing
// the test with the query when it cannot.
func dbValue[T any](t *testing.T, db *mysql.DB, q string, args ...any) T {
	t.Helper()
	var v T
	if err := db.GetContext(context.Background(), &v, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

// newServer starts a server with cfg (cookies without Secure, since the
// test server speaks plain HTTP) and returns its URL.
func (e *testEnv) newServer(t *testing.T, cfg Config) *httptest.Server {
	t.Helper()
	cfg.InsecureCookies = true
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	s, err := New(cfg, Deps{Users: e.users, Sessions: e.sess, Logger: mysqltest.Logger(),
		Health: func(ctx context.Context) error { return e.db.PingContext(ctx) }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// client is a browser: it keeps cookies and does not follow redirects,
// so tests see them.
type client struct {
	t    *testing.T
	base string
	http *http.Client
	// header is added to every request.
	header http.Header
}

func newClient(t *testing.T, ts *httptest.Server) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: ts.URL, header: http.Header{}, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// do sends a request and returns the response with its body read.
func (c *client) do(method, path string, form url.Values, header http.Header) (*http.Response, string) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp, string(b)
}

func (c *client) get(path string) (*http.Response, string) { return c.do("GET", path, nil, nil) }

func (c *client) post(path string, form url.Values) (*http.Response, string) {
	return c.do("POST", path, form, nil)
}

var csrfRe = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// csrfToken is the token of the first form on a page.
func csrfToken(t *testing.T, body string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no csrf_token field in page:\n%s", body)
	}
	return m[1]
}

// tryLogin fetches the sign-in form and posts it.
func (c *client) tryLogin(name, password, next string) (*http.Response, string) {
	c.t.Helper()
	_, body := c.get("/login")
	return c.post("/login", url.Values{
		"csrf_token": {csrfToken(c.t, body)}, "user_name": {name}, "user_password": {password}, "next": {next},
	})
}

// login signs in and fails the test unless it worked.
func (c *client) login(name, password string) {
	c.t.Helper()
	resp, body := c.tryLogin(name, password, "")
	if resp.StatusCode != http.StatusSeeOther {
		c.t.Fatalf("login %s: got status %d, want 303\n%s", name, resp.StatusCode, body)
	}
}

// cookie returns the named cookie set by resp, or nil.
func cookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
