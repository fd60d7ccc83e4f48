package web

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

// BenchmarkPages measures the server time of an Accounts list page and
// an account's detail page on a database seeded with `tigerline seed`
// (a million accounts for the figure). It runs only when
// TIGERLINE_BENCH_DSN names that database:
//
//	TIGERLINE_BENCH_DSN='root@tcp(127.0.0.1:3306)/tl_bench' go test ./web -run '^$' -bench Pages -benchtime 500x
func BenchmarkPages(b *testing.B) {
	dsn := os.Getenv("TIGERLINE_BENCH_DSN")
	if dsn == "" {
		b.Skip("set TIGERLINE_BENCH_DSN to a database seeded with `tigerline seed`")
	}
	ctx := context.Background()
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	n, _ := phone.New("US")
	users := mysql.NewUserService(db)
	sessions := mysql.NewSessionService(db, mysql.SessionConfig{})
	records := mysql.NewRecordService(db, n, mysqltest.Logger())
	s, err := New(Config{InsecureCookies: true}, Deps{ // the services serve wires for these pages
		Users: users, Sessions: sessions, Logger: mysqltest.Logger(),
		Records: records, Languages: users, Relations: records, Comments: records,
		Access: mysql.NewAccessService(db),
	})
	if err != nil {
		b.Fatal(err)
	}
	admin, err := users.FindUserByName(ctx, "admin")
	if err != nil {
		b.Fatal(err)
	}
	token, _, err := sessions.Create(ctx, admin.ID, crm.SessionMeta{UserAgent: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	defer sessions.Delete(ctx, token)
	var ids []int64
	if err := db.SelectContext(ctx, &ids, `SELECT crmid FROM vtiger_crmentity WHERE setype = 'Accounts' AND deleted = 0 ORDER BY crmid DESC LIMIT 5000`); err != nil || len(ids) == 0 {
		b.Fatalf("no accounts to read (%v): seed the database first", err)
	}
	h := s.Handler()
	page := func(path string) time.Duration {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		took := time.Since(start)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET %s: %d", path, rec.Code)
		}
		return took
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, bench := range []struct {
		name string
		path func() string
	}{
		{"list", func() string { return fmt.Sprintf("/m/Accounts?page=%d", 1+r.IntN(20)) }},
		{"detail", func() string { return fmt.Sprintf("/m/Accounts/%d", ids[r.IntN(len(ids))]) }},
	} {
		b.Run(bench.name, func(b *testing.B) {
			for range 10 {
				page(bench.path())
			}
			var took []time.Duration
			for b.Loop() {
				took = append(took, page(bench.path()))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
