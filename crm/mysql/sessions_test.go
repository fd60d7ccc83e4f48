package mysql_test

import (
	"context"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

func TestSessions(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	admin, err := mysql.NewUserService(db).FindUserByName(ctx, "admin")
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	svc := mysql.NewSessionService(db, mysql.SessionConfig{
		IdleTimeout: 30 * time.Minute, MaxLifetime: 2 * time.Hour,
		Now: func() time.Time { return clock },
	})
	meta := crm.SessionMeta{UserAgent: "test", RemoteAddr: "192.0.2.7"}

	t.Run("create and find", func(t *testing.T) {
		token, s, err := svc.Create(ctx, admin.ID, meta)
		if err != nil {
			t.Fatal(err)
		}
		if s.ID == token || len(s.ID) != 64 {
			t.Errorf("session id %q: want the 64-hex SHA-256 of the token", s.ID)
		}
		var stored int
		db.GetContext(ctx, &stored, `SELECT COUNT(*) FROM tl_sessions WHERE id = ? OR csrf_token = ?`, token, token)
		if stored != 0 {
			t.Error("the raw token is stored")
		}
		got, u, err := svc.Find(ctx, token)
		if err != nil {
			t.Fatalf("find: %v", err)
		}
		if u.UserName != "admin" || got.CSRFToken != s.CSRFToken || got.RemoteAddr != "192.0.2.7" {
			t.Errorf("got user %q csrf %q addr %q, want admin %q 192.0.2.7", u.UserName, got.CSRFToken, got.RemoteAddr, s.CSRFToken)
		}
	})

	t.Run("idle timeout slides, lifetime caps", func(t *testing.T) {
		clock = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		token, _, err := svc.Create(ctx, admin.ID, meta)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 4; i++ { // 4 uses, 25 minutes apart: 1h40 in all
			clock = clock.Add(25 * time.Minute)
			if _, _, err := svc.Find(ctx, token); err != nil {
				t.Fatalf("use %d at %v: %v", i, clock, err)
			}
		}
		clock = clock.Add(25 * time.Minute) // 2h05 after sign-in
		if _, _, err := svc.Find(ctx, token); crm.ErrorCode(err) != crm.EUnauthorized {
			t.Errorf("after max lifetime: got %v, want unauthorized", err)
		}
	})

	t.Run("idle expiry", func(t *testing.T) {
		clock = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
		token, _, _ := svc.Create(ctx, admin.ID, meta)
		clock = clock.Add(31 * time.Minute)
		if _, _, err := svc.Find(ctx, token); crm.ErrorCode(err) != crm.EUnauthorized {
			t.Errorf("after idle timeout: got %v, want unauthorized", err)
		}
		n, err := svc.DeleteExpired(ctx)
		if err != nil || n == 0 {
			t.Errorf("DeleteExpired: got %d, %v; want some", n, err)
		}
	})

	t.Run("delete", func(t *testing.T) {
		token, _, _ := svc.Create(ctx, admin.ID, meta)
		if err := svc.Delete(ctx, token); err != nil {
			t.Fatal(err)
		}
		if _, _, err := svc.Find(ctx, token); crm.ErrorCode(err) != crm.EUnauthorized {
			t.Errorf("after delete: got %v, want unauthorized", err)
		}
		if err := svc.Delete(ctx, token); err != nil {
			t.Errorf("second delete: %v", err)
		}
	})

	t.Run("inactive user", func(t *testing.T) {
		token, _, _ := svc.Create(ctx, admin.ID, meta)
		db.ExecContext(ctx, `UPDATE vtiger_users SET status = 'Inactive' WHERE id = ?`, admin.ID)
		defer db.ExecContext(ctx, `UPDATE vtiger_users SET status = 'Active' WHERE id = ?`, admin.ID)
		if _, _, err := svc.Find(ctx, token); crm.ErrorCode(err) != crm.EUnauthorized {
			t.Errorf("inactive user: got %v, want unauthorized", err)
		}
	})
}
