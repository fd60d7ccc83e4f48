package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// moduleEnv is a server with the module pages on a fresh database.
type moduleEnv struct {
	*testEnv
	records *mysql.RecordService
	admin   *crm.User
	ts      *httptest.Server
}

// newModuleEnv migrates a database and serves every page from it.
func newModuleEnv(t *testing.T) *moduleEnv {
	t.Helper()
	return newModuleEnvWith(t, nil)
}

// newModuleEnvWith is newModuleEnv whose server also has the services
// addDeps puts in its Deps, built on the env's database and records
// (the pages of a feature that need more than records).
func newModuleEnvWith(t *testing.T, addDeps func(*moduleEnv, *Deps)) *moduleEnv {
	t.Helper()
	env := newTestEnv(t)
	n, err := phone.New("HK")
	if err != nil {
		t.Fatal(err)
	}
	me := &moduleEnv{testEnv: env, records: mysql.NewRecordService(env.db, n, mysqltest.Logger())}
	if me.admin, err = env.users.FindUserByName(context.Background(), "admin"); err != nil {
		t.Fatal(err)
	}
	deps := Deps{
		Users: env.users, Sessions: env.sess, Logger: mysqltest.Logger(),
		Records: me.records, Languages: env.users,
	}
	if addDeps != nil {
		addDeps(me, &deps)
	}
	s, err := New(Config{InsecureCookies: true, Version: "test"}, deps)
	if err != nil {
		t.Fatal(err)
	}
	me.ts = httptest.NewServer(s.Handler())
	t.Cleanup(me.ts.Close)
	return me
}

// create makes a record through the engine, failing the test on error.
func (me *moduleEnv) create(t *testing.T, module string, vals map[string]string) *crm.Record {
	t.Helper()
	rec, err := me.records.CreateRecord(context.Background(), me.admin, module, vals)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// adminClient is a client signed in as admin.
func (me *moduleEnv) adminClient(t *testing.T) *client {
	c := newClient(t, me.ts)
	c.login("admin", "admin")
	return c
}

// postForm fetches a page, takes its CSRF token and posts form to action.
func (c *client) postWithToken(page, action string, form url.Values) (int, string, string) {
	c.t.Helper()
	_, body := c.get(page)
	form.Set("csrf_token", csrfToken(c.t, body))
	resp, out := c.post(action, form)
	return resp.StatusCode, resp.Header.Get("Location"), out
}

var locationIDRe = regexp.MustCompile(`^/m/\w+/(\d+)$`)

// wantContains fails for each want that body lacks.
func wantContains(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// userNamed is a new non-admin user with the password secret-password.
func userNamed(name string) crm.NewUser {
	return crm.NewUser{UserName: name, Password: "secret-password", LastName: name}
}
