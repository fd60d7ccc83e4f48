package web

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
)

// newDetailEnv is newModuleEnv with what the detail page's parts need
// besides: related lists, comments and the access check.
func newDetailEnv(t *testing.T) *moduleEnv {
	t.Helper()
	return newModuleEnvWith(t, func(me *moduleEnv, d *Deps) {
		d.Relations, d.Comments = me.records, me.records
		d.Access = mysql.NewAccessService(me.db)
	})
}

// relationID is the id of module's first related list of related.
func (me *moduleEnv) relationID(t *testing.T, module, related string) int {
	t.Helper()
	rels, err := me.records.Relations(context.Background(), module)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.RelatedModule == related {
			return r.ID
		}
	}
	t.Fatalf("%s has no related list of %s", module, related)
	return 0
}

// exec runs SQL on the test database.
func (me *moduleEnv) exec(t *testing.T, q string, args ...any) {
	t.Helper()
	if _, err := me.db.ExecContext(context.Background(), q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// userClient creates a non-admin user (the lowest role) and signs in.
func (me *moduleEnv) userClient(t *testing.T, name string) *client {
	t.Helper()
	if _, err := me.users.CreateUser(context.Background(), userNamed(name)); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, me.ts)
	c.login(name, "secret-password")
	return c
}

// token is the client's CSRF token, read from its home page.
func (c *client) token() string {
	c.t.Helper()
	_, body := c.get("/")
	return csrfToken(c.t, body)
}

// postToken posts form with the client's CSRF token and returns the
// status, the Location and the body.
func (c *client) postToken(path string, form url.Values) (int, string, string) {
	c.t.Helper()
	form.Set("csrf_token", c.token())
	resp, body := c.post(path, form)
	return resp.StatusCode, resp.Header.Get("Location"), body
}

// wantStatus fails unless got is want.
func wantStatus(t *testing.T, what string, got, want int, body string) {
	t.Helper()
	if got != want {
		t.Fatalf("%s: got status %d, want %d\n%s", what, got, want, body)
	}
}

// noCSRF posts form without a CSRF token: every post must refuse it.
func (c *client) noCSRF(t *testing.T, path string, form url.Values) {
	t.Helper()
	resp, body := c.post(path, form)
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("POST %s without a CSRF token: got %d, want 403\n%s", path, resp.StatusCode, body)
	}
}
