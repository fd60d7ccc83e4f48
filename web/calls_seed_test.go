package web

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// seedWorkers save seeded calls at once, as several PBX nodes do; SaveCall
// retries the deadlocks that brings.
const seedWorkers = 4

// seedCalls stores n calls, the i-th made by mk(i), through the store.
func seedCalls(tb testing.TB, calls *mysql.CallService, n int, mk func(i int) crm.CallRecord) {
	tb.Helper()
	var next atomic.Int64
	var failed atomic.Pointer[error]
	var wg sync.WaitGroup
	for range seedWorkers {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n && failed.Load() == nil; i = int(next.Add(1)) - 1 {
				if _, _, err := calls.SaveCall(context.Background(), mk(i), crm.CallLink{}); err != nil {
					failed.Store(&err)
				}
			}
		})
	}
	wg.Wait()
	if err := failed.Load(); err != nil {
		tb.Fatalf("seed calls: %v", *err)
	}
}

// spread is the i-th of n instants evenly spaced from from to to.
func spread(from, to time.Time, i, n int) time.Time {
	return from.Add(time.Duration(int64(to.Sub(from)) * int64(i) / int64(n))).Truncate(time.Second)
}
