package web

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// wsEnv is a server with the webservice on a fresh database.
type wsEnv struct {
	*testEnv
	records *mysql.RecordService
	ts      *httptest.Server
	admin   *crm.User
}

func newWSEnv(t *testing.T, cfg Config) *wsEnv {
	t.Helper()
	env := newTestEnv(t)
	n, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	recs := mysql.NewRecordService(env.db, n, mysqltest.Logger())
	cfg.InsecureCookies = true
	cfg.Version = "test"
	s, err := New(cfg, Deps{
		Users: env.users, Sessions: env.sess, Logger: mysqltest.Logger(),
		Records: recs, Webservice: mysql.NewWebserviceStore(env.db), WSTokens: mysql.NewWSTokenService(env.db),
		Access: mysql.NewAccessService(env.db), Relations: recs,
	})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	admin, err := env.users.FindUserByName(context.Background(), "admin")
	if err != nil {
		t.Fatal(err)
	}
	return &wsEnv{testEnv: env, records: recs, ts: ts, admin: admin}
}

// prefix is the webservice id prefix of a type, read from vtiger_ws_entity.
func (e *wsEnv) prefix(t *testing.T, name string) string {
	t.Helper()
	var id int
	if err := e.db.GetContext(context.Background(), &id, `SELECT id FROM vtiger_ws_entity WHERE name = ?`, name); err != nil {
		t.Fatalf("ws entity %s: %v", name, err)
	}
	return strconv.Itoa(id) + "x"
}

// wsClient speaks the webservice protocol as vtiger's client libraries
// do: GET with a query string, POST url-encoded.
type wsClient struct {
	t       *testing.T
	base    string
	http    *http.Client
	session string
	header  http.Header
}

func (e *wsEnv) client(t *testing.T) *wsClient {
	return &wsClient{t: t, base: e.ts.URL + "/webservice.php", http: e.ts.Client(), header: http.Header{}}
}

// wsReply is the envelope as a client decodes it.
type wsReply struct {
	Success bool            `json:"success"`
	Result  json.RawMessage `json:"result"`
	Error   *wsError        `json:"error"`
	header  http.Header
}

func (c *wsClient) call(method, op string, params url.Values) *wsReply {
	c.t.Helper()
	if params == nil {
		params = url.Values{}
	}
	params.Set("operation", op)
	if c.session != "" && params.Get("sessionName") == "" {
		params.Set("sessionName", c.session)
	}
	var req *http.Request
	var err error
	if method == http.MethodGet {
		req, err = http.NewRequest(method, c.base+"?"+params.Encode(), nil)
	} else {
		req, err = http.NewRequest(method, c.base, strings.NewReader(params.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if err != nil {
		c.t.Fatal(err)
	}
	for k, v := range c.header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		c.t.Fatalf("%s %s: got status %d, want 200\n%s", method, op, resp.StatusCode, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		c.t.Fatalf("%s %s: got Content-Type %q, want JSON", method, op, ct)
	}
	var r wsReply
	if err := json.Unmarshal(body, &r); err != nil {
		c.t.Fatalf("%s %s: %v\n%s", method, op, err, body)
	}
	r.header = resp.Header
	return &r
}

func (c *wsClient) get(op string, params url.Values) *wsReply {
	return c.call(http.MethodGet, op, params)
}
func (c *wsClient) post(op string, params url.Values) *wsReply {
	return c.call(http.MethodPost, op, params)
}

// ok fails unless the reply succeeded, and decodes its result into v.
func (c *wsClient) ok(r *wsReply, v any) {
	c.t.Helper()
	if !r.Success || r.Error != nil {
		c.t.Fatalf("got error %+v, want success", r.Error)
	}
	if v != nil {
		if err := json.Unmarshal(r.Result, v); err != nil {
			c.t.Fatalf("decode result: %v\n%s", err, r.Result)
		}
	}
}

// fails checks that the reply is an error with code.
func (c *wsClient) fails(r *wsReply, code string) *wsError {
	c.t.Helper()
	if r.Success || r.Error == nil {
		c.t.Fatalf("got success %s, want error %s", r.Result, code)
	}
	if r.Error.Code != code {
		c.t.Fatalf("got error %s (%s), want %s", r.Error.Code, r.Error.Message, code)
	}
	return r.Error
}

// challenge asks for a login token.
func (c *wsClient) challenge(user string) string {
	c.t.Helper()
	var ch struct {
		Token      string `json:"token"`
		ServerTime int64  `json:"serverTime"`
		ExpireTime int64  `json:"expireTime"`
	}
	c.ok(c.get("getchallenge", url.Values{"username": {user}}), &ch)
	if ch.Token == "" || ch.ExpireTime-ch.ServerTime != 300 {
		c.t.Fatalf("got challenge %+v, want a token living 300s", ch)
	}
	return ch.Token
}

// tryLogin posts login with md5(token + key).
func (c *wsClient) tryLogin(user, token, key string) *wsReply {
	sum := md5.Sum([]byte(token + key))
	return c.post("login", url.Values{"username": {user}, "accessKey": {hex.EncodeToString(sum[:])}})
}

// login runs getchallenge and login, and keeps the session.
func (c *wsClient) login(user, key string) map[string]string {
	c.t.Helper()
	var res map[string]string
	c.ok(c.tryLogin(user, c.challenge(user), key), &res)
	c.session = res["sessionName"]
	return res
}

// accessKey reads a user's access key as a client's admin would copy it
// from the user's preferences.
func (e *wsEnv) accessKey(t *testing.T, user string) string {
	t.Helper()
	var key string
	if err := e.db.GetContext(context.Background(), &key, `SELECT accesskey FROM vtiger_users WHERE user_name = ?`, user); err != nil {
		t.Fatal(err)
	}
	return key
}

// element encodes an element parameter.
func element(t *testing.T, v map[string]any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
