package main

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// TestDemoSimARI: `demo --ari` registers its simulator as the ARI PBX
// demo-sim, in monitor (observe) mode on the demo's DID, and moves it
// over an AMI one left by an earlier run.
func TestDemoSimARI(t *testing.T) {
	ctx := context.Background()
	db, dsn := mysqltest.NewDB(t)
	pbxs := mysql.NewPBXService(db)
	if err := registerDemoSim(ctx, dsn, &crm.PBX{Kind: crm.PBXKindAMI, Address: "127.0.0.1:5038", Version: crm.PBXVersionAuto}); err != nil {
		t.Fatal(err)
	}
	simCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	t.Cleanup(func() { stop(); wg.Wait() })
	if err := startDemoSim(simCtx, &wg, dsn, true, mysqltest.Logger()); err != nil {
		t.Fatal(err)
	}
	list, err := pbxs.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("PBXs: got %d, want demo-sim alone: %+v", len(list), list)
	}
	p := list[0]
	if p.Name != demoSimName || p.Kind != crm.PBXKindARI || p.ARIMode != crm.ARIModeObserve || p.ARIApp != "tigerline" ||
		len(p.DIDs) != 1 || p.DIDs[0] != aritest.DefaultDID {
		t.Errorf("demo PBX: got %+v, want demo-sim over ARI, observing, on %s", p, aritest.DefaultDID)
	}
	if st := ariInfoStatus(p.Address, "tigerline", "tigerline"); st != http.StatusOK {
		t.Errorf("GET /ari/asterisk/info on %s: %d, want 200", p.Address, st)
	}
	stop()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("demo simulator did not stop within 10s")
	}
}

// ariInfoStatus is the status of GET /ari/asterisk/info at base (0 when
// nothing answers).
func ariInfoStatus(base, user, secret string) int {
	req, err := http.NewRequest("GET", base+"/ari/asterisk/info", nil)
	if err != nil {
		return 0
	}
	req.SetBasicAuth(user, secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
