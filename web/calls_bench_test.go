package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// benchAgents is how many agents the reload benchmark's calls are spread
// over.
const benchAgents = 20

// BenchmarkCallReloads measures what a page reload costs the server on a
// busy day: the supervisor's GET /api/dashboard and an agent's GET
// /api/calls/live (the pop), with 20,000 calls stored today
// (TIGERLINE_BENCH_CALLS sets another number) on a scratch database of
// the local MariaDB. Seeding takes a while; each reload is reported in
// ms/reload.
//
//	go test ./web -run '^$' -bench CallReloads -benchtime 20x
func BenchmarkCallReloads(b *testing.B) {
	n := 20000
	if v := os.Getenv("TIGERLINE_BENCH_CALLS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			b.Fatalf("TIGERLINE_BENCH_CALLS=%q: want a positive number", v)
		}
	}
	h, tokens := benchCallServer(b, n)
	reload := func(b *testing.B, path, token string) {
		for b.Loop() {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/reload")
	}
	b.Run("dashboard", func(b *testing.B) { reload(b, "/api/dashboard", tokens[0]) })
	b.Run("pop", func(b *testing.B) { reload(b, "/api/calls/live", tokens[1]) })
}

// benchCallServer serves a scratch database holding n of today's calls
// (see benchCall) and the calls of the moment, wired as serve wires it. tokens are the sessions of admin and of the
// first agent.
func benchCallServer(b *testing.B, n int) (http.Handler, []string) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(b)
	phones, err := phone.New("HK")
	if err != nil {
		b.Fatal(err)
	}
	users, sessions := mysql.NewUserService(db), mysql.NewSessionService(db, mysql.SessionConfig{})
	records, calls, live := mysql.NewRecordService(db, phones, mysqltest.Logger()), mysql.NewCallService(db, mysqltest.Logger()), mysql.NewLiveCallService(db)
	var tokens []string
	admin, err := users.FindUserByName(ctx, "admin")
	if err != nil {
		b.Fatal(err)
	}
	ids := []int64{admin.ID}
	for a := range benchAgents {
		u, err := users.CreateUser(ctx, crm.NewUser{UserName: fmt.Sprintf("agent%d", a), Password: "secret-password",
			LastName: "Agent", Extension: strconv.Itoa(201 + a)})
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, u.ID)
	}
	for _, id := range ids[:2] {
		token, _, err := sessions.Create(ctx, id, crm.SessionMeta{UserAgent: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		tokens = append(tokens, token)
	}
	now := time.Now()
	start := time.Now()
	seedCalls(b, calls, n, func(i int) crm.CallRecord { return benchCall(now, i, n) })
	// Half the agents are on a call (ringing or talking), a quarter just
	// finished one, the rest are available.
	for a := range benchAgents * 3 / 4 {
		ext := strconv.Itoa(201 + a)
		c := inbound(fmt.Sprintf("now-%d", a), fmt.Sprintf("+8529100%04d", a), ext, time.Duration(a+1)*time.Second)
		if a >= benchAgents/2 {
			c = ended(inbound(c.SourceUniqueID, c.CustomerNumber, ext, 2*time.Minute), 5*time.Second, 105*time.Second)
		} else if a%2 == 1 {
			c.Status, c.AnswerTime = crm.CallStatusInProgress, c.StartTime
		}
		if _, _, err := calls.SaveCall(ctx, c, crm.CallLink{}); err != nil {
			b.Fatal(err)
		}
		if c.EndTime.IsZero() {
			if err := live.PutLiveCall(ctx, crm.LiveCall{Call: c, Extensions: []string{ext}}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Logf("seeded %d calls today in %v", n+benchAgents*3/4, time.Since(start).Round(time.Second))
	s, err := New(Config{InsecureCookies: true}, Deps{
		Users: users, Sessions: sessions, Logger: mysqltest.Logger(),
		Records: records, Languages: users, Relations: records, Comments: records,
		Calls: calls, Lookup: mysql.NewLookupService(db, phones), SignedIn: sessions.SignedInUsers,
		LiveCalls: func(ctx context.Context) ([]crm.LiveCall, error) {
			return live.LiveCalls(ctx, time.Now().Add(-12*time.Hour))
		},
	})
	if err != nil {
		b.Fatal(err)
	}
	return s.Handler(), tokens
}

// benchCall is the i-th of a day's n ended calls, started evenly from
// midnight to ten minutes before now: 10% missed, 10% abandoned, 10%
// outbound, the rest answered after up to 44 s and talked for 3 minutes.
func benchCall(now time.Time, i, n int) crm.CallRecord {
	y, m, d := now.Date()
	from, to := time.Date(y, m, d, 0, 0, 0, 0, now.Location()), now.Add(-10*time.Minute)
	if to.Before(from) {
		to = now
	}
	ext := strconv.Itoa(201 + i%benchAgents)
	c := inbound(fmt.Sprintf("seed-%d", i), fmt.Sprintf("+8529%07d", i), ext, now.Sub(spread(from, to, i, n)))
	switch i % 10 {
	case 0:
		c.Status, c.EndTime, c.TotalSeconds = crm.CallStatusNoAnswer, c.StartTime.Add(20*time.Second), 20
	case 1:
		c.Status, c.AgentExtension, c.EndTime, c.TotalSeconds = crm.CallStatusAbandoned, "", c.StartTime.Add(40*time.Second), 40
	default:
		c = ended(c, time.Duration(i%45)*time.Second, 3*time.Minute)
		if i%10 == 2 {
			c.Direction = crm.DirectionOutbound
		}
	}
	return c
}
