package crm_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// TestReconnect scripts five sessions and checks what the loop reports:
// the attempt count grows with each failure, resets only after a
// Disconnected session that lasted at least Cap (a long login failure is
// still a failure), and cancelling ends the loop with no further report.
func TestReconnect(t *testing.T) {
	b := crm.Backoff{Base: time.Millisecond, Cap: 200 * time.Millisecond}
	errDrop, errAuth := errors.New("dropped"), errors.New("auth")
	script := []struct {
		state crm.LinkState
		err   error
		lasts time.Duration
	}{
		{crm.LinkDisconnected, errDrop, 0},
		{crm.LinkLoginFailed, errAuth, 0},
		{crm.LinkDisconnected, errDrop, b.Cap},
		{crm.LinkLoginFailed, errAuth, b.Cap},
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	calls := 0
	session := func(ctx context.Context) (crm.LinkState, error) {
		if calls == len(script) {
			cancel()
			return crm.LinkDisconnected, ctx.Err()
		}
		s := script[calls]
		calls++
		time.Sleep(s.lasts)
		return s.state, s.err
	}
	var got []crm.LinkChange
	err := b.Reconnect(ctx, session, func(lc crm.LinkChange) { got = append(got, lc) })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Reconnect: got %v, want context.Canceled", err)
	}
	want := []crm.LinkChange{
		{State: crm.LinkConnecting, Attempt: 0},
		{State: crm.LinkDisconnected, Attempt: 0, Err: errDrop},
		{State: crm.LinkConnecting, Attempt: 1},
		{State: crm.LinkLoginFailed, Attempt: 1, Err: errAuth},
		{State: crm.LinkConnecting, Attempt: 2},
		{State: crm.LinkDisconnected, Attempt: 0, Err: errDrop}, // healthy: reset
		{State: crm.LinkConnecting, Attempt: 1},
		{State: crm.LinkLoginFailed, Attempt: 1, Err: errAuth},
		{State: crm.LinkConnecting, Attempt: 2},
	}
	if len(got) != len(want) {
		t.Fatalf("reports: got %d %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.State != w.State || g.Attempt != w.Attempt || g.Err != w.Err {
			t.Errorf("report %d: got %v attempt %d err %v, want %v attempt %d err %v", i, g.State, g.Attempt, g.Err, w.State, w.Attempt, w.Err)
		}
		if w.State == crm.LinkConnecting {
			if g.RetryIn != 0 {
				t.Errorf("report %d: got retry in %v on connecting, want 0", i, g.RetryIn)
			}
			continue
		}
		// Delay's range for the attempt: half of Base<<attempt, up to it.
		if full := b.Base << w.Attempt; g.RetryIn < full/2 || g.RetryIn > full {
			t.Errorf("report %d: got retry in %v, want within [%v, %v]", i, g.RetryIn, full/2, full)
		}
	}
}
