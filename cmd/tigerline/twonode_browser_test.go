package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
	"github.com/tigerline/tigerline/realtime"
	"github.com/tigerline/tigerline/web"
)

// twoNodeChromium is the browser TestTwoNodeBrowserPop drives.
const twoNodeChromium = "/usr/bin/chromium"

// twoNodeRedis is the Redis both nodes share.
const twoNodeRedis = "redis://127.0.0.1:6379/0"

// TestTwoNodeBrowserPop wires two nodes as serve does, on one database
// and one Redis; only node A runs the PBX connection to the simulator.
// Agent 101 and agent 102 are signed in on node B, the admin watches the
// dashboard on node A. A simulated answered call from Alice to 101 pops
// her on node B through Redis, ringing, then on call, then ended; the
// dashboard shows the call while it lasts; agent 102 never gets a pop.
// A dashboard opened on node B mid-call is right at once (the calls in
// progress are rebuilt from what node A recorded), agent 103 who never
// signed in shows logged out, and agent 102 signing out on node B turns
// logged out on node A's dashboard without a reload.
func TestTwoNodeBrowserPop(t *testing.T) {
	if _, err := os.Stat(twoNodeChromium); err != nil {
		t.Skipf("browser test needs Chromium at %s (apt-get install chromium): %v", twoNodeChromium, err)
	}
	ctx := context.Background()
	redisOpts := twoNodeRedisOptions(t)
	db, _ := mysqltest.NewDB(t)
	phones, err := phone.New("US")
	if err != nil {
		t.Fatal(err)
	}
	users := mysql.NewUserService(db)
	for _, nu := range []crm.NewUser{
		{UserName: "amy", Password: "amy-secret-1", FirstName: "Amy", LastName: "Chan", Extension: "101"},
		{UserName: "ben", Password: "ben-secret-1", FirstName: "Ben", LastName: "Lam", Extension: "102"},
		{UserName: "cat", Password: "cat-secret-1", FirstName: "Cat", LastName: "Ho", Extension: "103"},
	} {
		if _, err := users.CreateUser(ctx, nu); err != nil {
			t.Fatal(err)
		}
	}
	admin, err := users.FindUserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	records := mysql.NewRecordService(db, phones, mysqltest.Logger())
	if _, err := records.CreateRecord(ctx, admin, "Contacts", map[string]string{"firstname": "Alice", "lastname": "Wong", "phone": "+1 (415) 555-0142"}); err != nil {
		t.Fatal(err)
	}
	sim := addSimPBX(t, db, "sim", amisim.Config{Dialect: ami.DialectAMI2, Username: "tigerline", Secret: "tigerline", Seed: 7})

	prefix := "tigerline-test-" + randomHex(t) + ":"
	nodeA := startTwoNodeNode(t, db, phones, redisOpts, prefix, true)
	nodeB := startTwoNodeNode(t, db, phones, redisOpts, prefix, false)
	waitPBXsConnected(t, db, "pbx connected on node A", 5*time.Second)
	waitUntil(t, "both nodes subscribed to redis", 5*time.Second, func() bool {
		return nodeA.bus.Stats().Subscribed && nodeB.bus.Stats().Subscribed
	})

	a101 := newPopBrowser(t, nodeB.url, "amy", "amy-secret-1", "/")
	a102 := newPopBrowser(t, nodeB.url, "ben", "ben-secret-1", "/")
	sup := newPopBrowser(t, nodeA.url, "admin", "admin", "/dashboard")
	sup.do("dashboard synced", chromedp.WaitReady(chromedp.CSS(`#dashboard[data-synced="1"]`)))
	const offline = `[...document.querySelectorAll("#dash-agents tr.agent-offline")].map((r) => r.textContent).join("|")`
	sup.waitEval("agent 103 logged out", offline, "Cat Ho")
	if got := sup.eval(offline); strings.Contains(got, "Ben Lam") || strings.Contains(got, "Amy Chan") {
		t.Errorf("dashboard: got logged-out agents %q, want only the one never signed in", got)
	}
	a102.eval(`(() => { window.__pops = 0;
		new MutationObserver(() => { if (document.querySelector("#callpop .pop")) window.__pops++; })
			.observe(document.body, {subtree: true, childList: true, attributes: true});
		return ""; })()`)

	const pop, row = "#callpop .pop", "#dash-calls tr[data-call]"
	sim.Place(amisim.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Agent: "101",
		Ring: 2 * time.Second, Talk: 3 * time.Second, Answered: true})
	placed := time.Now()
	a101.do("pop shows on node B", chromedp.WaitVisible(chromedp.CSS(pop)))
	t.Logf("pop visible on node B %v after placing the call", time.Since(placed).Round(time.Millisecond))
	a101.wantText(pop+" .popname", "Alice Wong")
	a101.wantText(pop+" .popstatus", "Ringing")
	sup.do("dashboard shows the call", chromedp.WaitVisible(chromedp.CSS(row)))
	sup.waitText(row, "Alice Wong")

	a101.waitText(pop+" .popstatus", "On call")
	a101.wantText(pop+" .popname", "Alice Wong")
	sup.waitText(row, "On call")

	late := newPopBrowser(t, nodeB.url, "admin", "admin", "/dashboard")
	late.do("dashboard opened mid-call on node B", chromedp.WaitReady(chromedp.CSS(`#dashboard[data-synced="1"]`)))
	late.wantText(row, "Alice Wong")
	late.wantText(row, "On call")
	late.wantText("#dash-agents tr.agent-on_call", "Amy Chan")

	a101.do("pop ends", chromedp.WaitVisible(chromedp.CSS(pop+".ended")))
	a101.wantText(pop+" .popstatus", "Call ended")
	sup.do("dashboard drops the call", chromedp.WaitNotPresent(chromedp.CSS(row)))
	late.do("late dashboard drops the call", chromedp.WaitNotPresent(chromedp.CSS(row)))
	t.Logf("call over %v after placing it", time.Since(placed).Round(time.Millisecond))

	if got := a102.eval(`String(window.__pops) + " " + String(document.querySelectorAll("#callpop .pop").length) + " " + String(document.getElementById("callpop").hidden)`); got != "0 0 true" {
		t.Errorf("agent 102: got pop mutations, pops, hidden %q, want %q", got, "0 0 true")
	}
	a102.do("agent 102 signs out on node B", chromedp.Submit(chromedp.CSS(`form[action="/logout"]`)),
		chromedp.WaitVisible(chromedp.CSS("#user_name")))
	sup.waitEval("agent 102 logged out on node A's dashboard", offline, "Ben Lam")
	for name, b := range map[string]*popBrowser{"amy": a101, "ben": a102, "admin": sup, "admin on node B": late} {
		if n := b.exceptions.Load(); n != 0 {
			t.Errorf("%s: got %d uncaught JavaScript exceptions, want none", name, n)
		}
	}
}

// twoNodeRedisOptions parses the test's Redis URL and fails, saying how
// to start Redis, when it does not answer.
func twoNodeRedisOptions(t *testing.T) *redis.Options {
	t.Helper()
	opts, err := redis.ParseURL(twoNodeRedis)
	if err != nil {
		t.Fatal(err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("redis at %s: %v (start one: redis-server --port 6379, or docker run -p 6379:6379 redis)", opts.Addr, err)
	}
	return opts
}

func randomHex(t *testing.T) string {
	t.Helper()
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// twoNodeNode is one running node: its bus and its HTTP address.
type twoNodeNode struct {
	bus *realtime.RedisBus
	url string
}

// startTwoNodeNode wires a node as serve does: a web server and a realtime
// hub on a Redis bus, and, with pbx, the PBX connections. The test's
// cleanup stops it in serve's order.
func startTwoNodeNode(t *testing.T, db *mysql.DB, phones *phone.Normalizer, redisOpts *redis.Options, prefix string, pbx bool) *twoNodeNode {
	t.Helper()
	ctx := context.Background()
	log := mysqltest.Logger()
	bus := realtime.NewRedisBus(redisOpts, prefix, log)
	n, err := newNode(ctx, db, bus, phones, web.Config{InsecureCookies: true, Version: "test"}, defaultDial, log)
	if err != nil {
		t.Fatal(err)
	}
	bg, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait(); _ = bus.Close() })
	if err := n.start(bg, &wg, pbx); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(n.srv.Handler()) // as serve: HTTP starts last
	t.Cleanup(ts.Close)
	return &twoNodeNode{bus: bus, url: ts.URL}
}

// popBrowser is one headless Chromium tab, signed in.
type popBrowser struct {
	t          *testing.T
	ctx        context.Context
	exceptions atomic.Int32
}

// newPopBrowser starts Chromium with a fresh profile, signs in as name on
// base and opens page, waiting until the pop area has loaded its state
// (so the websocket is subscribed).
func newPopBrowser(t *testing.T, base, name, password, page string) *popBrowser {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(twoNodeChromium),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	timeout, cancelTime := context.WithTimeout(context.Background(), 90*time.Second)
	actx, cancelAlloc := chromedp.NewExecAllocator(timeout, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc(); cancelTime() })
	b := &popBrowser{t: t, ctx: ctx}
	if _, err := chromedp.Run(ctx, chromedp.Location()); err != nil {
		t.Fatalf("start %s: %v", twoNodeChromium, err)
	}
	go func() {
		for ev, err := range chromedp.Events(ctx, runtime.ExceptionThrown) {
			if err != nil {
				return
			}
			b.exceptions.Add(1)
			t.Logf("%s: javascript exception: %s %s", name, ev.ExceptionDetails.Text, ev.ExceptionDetails.URL)
		}
	}()
	b.do("sign in as "+name,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys(chromedp.CSS("#user_name"), name),
		chromedp.SendKeys(chromedp.CSS("#user_password"), password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".topbar")),
		chromedp.Navigate(base+page),
		chromedp.WaitReady(chromedp.CSS(`#callpop[data-synced="1"]`)))
	return b
}

// do performs actions, each within 15 s, failing the test with the step's
// name and the page's body.
func (b *popBrowser) do(step string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	for i, a := range actions {
		ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
		err := chromedp.Do(ctx, a)
		cancel()
		if err != nil {
			html, _ := chromedp.Run(b.ctx, chromedp.OuterHTML(chromedp.CSS("body")))
			b.t.Fatalf("%s, action %d: %v\n%s", step, i, err, html)
		}
	}
}

// wantText checks that the first element matching sel shows want now.
func (b *popBrowser) wantText(sel, want string) {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("read %s: %v", sel, err)
	}
	if !strings.Contains(got, want) {
		b.t.Errorf("%s: got text %q, want it to contain %q", sel, got, want)
	}
}

// waitText waits up to 10 s until the first element matching sel shows
// want.
func (b *popBrowser) waitText(sel, want string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.AtLeast(0)))
		if err == nil && strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: got text %q (%v), want it to contain %q", sel, got, err, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitEval waits up to 10 s until the JavaScript expression expr (which
// returns a string) contains want.
func (b *popBrowser) waitEval(step, expr, want string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got := b.eval(expr)
		if strings.Contains(got, want) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: got %q, want it to contain %q", step, got, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eval runs a JavaScript expression that returns a string.
func (b *popBrowser) eval(expr string) string {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return got
}
