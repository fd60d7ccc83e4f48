package mysql

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Session lifetimes used when SessionConfig leaves them zero: an agent who
// steps away for two hours signs in again, and nobody stays signed in
// longer than a long shift.
const (
	DefaultIdleTimeout = 2 * time.Hour
	DefaultMaxLifetime = 12 * time.Hour
)

// touchEvery limits how often Find writes last_seen_at: a page with many
// requests costs one write a minute, not one per request.
const touchEvery = time.Minute

// SessionConfig sets how long sessions live.
type SessionConfig struct {
	// IdleTimeout ends a session that has not been used for this long.
	IdleTimeout time.Duration
	// MaxLifetime ends every session this long after sign-in, used or not.
	MaxLifetime time.Duration
	// Now is the clock; nil means time.Now. Tests move it.
	Now func() time.Time
}

// SessionService implements crm.SessionService on tl_sessions.
type SessionService struct {
	db  *DB
	cfg SessionConfig
}

var _ crm.SessionService = (*SessionService)(nil)

// NewSessionService returns a SessionService on db; zero durations in cfg
// take the defaults.
func NewSessionService(db *DB, cfg SessionConfig) *SessionService {
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxLifetime <= 0 {
		cfg.MaxLifetime = DefaultMaxLifetime
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &SessionService{db: db, cfg: cfg}
}

// sessionRow is a tl_sessions row joined with its user.
type sessionRow struct {
	ID         string    `db:"sid"`
	UserID     int64     `db:"s_userid"`
	CSRFToken  string    `db:"csrf_token"`
	CreatedAt  time.Time `db:"created_at"`
	LastSeenAt time.Time `db:"last_seen_at"`
	ExpiresAt  time.Time `db:"expires_at"`
	UserAgent  string    `db:"user_agent"`
	RemoteAddr string    `db:"remote_addr"`
	userRow
}

func (r *sessionRow) session() *crm.Session {
	return &crm.Session{
		ID: r.ID, UserID: r.UserID, CSRFToken: r.CSRFToken, CreatedAt: r.CreatedAt,
		LastSeenAt: r.LastSeenAt, ExpiresAt: r.ExpiresAt, UserAgent: r.UserAgent, RemoteAddr: r.RemoteAddr,
	}
}

// now is the clock in whole seconds, as DATETIME stores it.
func (s *SessionService) now() time.Time {
	return s.cfg.Now().UTC().Truncate(time.Second)
}

// expiry is the idle deadline from now, capped by the absolute lifetime.
func (s *SessionService) expiry(created, now time.Time) time.Time {
	idle, hard := now.Add(s.cfg.IdleTimeout), created.Add(s.cfg.MaxLifetime)
	if hard.Before(idle) {
		return hard
	}
	return idle
}

// Create starts a session and, in the same transaction, drops the user's
// expired ones.
func (s *SessionService) Create(ctx context.Context, userID int64, meta crm.SessionMeta) (string, *crm.Session, error) {
	if userID <= 0 {
		return "", nil, crm.Errorf(crm.EInvalid, "no user for the session")
	}
	token, csrf := randomToken(), randomToken()
	now := s.now()
	sess := &crm.Session{
		ID: hashToken(token), UserID: userID, CSRFToken: csrf, CreatedAt: now, LastSeenAt: now,
		ExpiresAt: s.expiry(now, now), UserAgent: truncate(meta.UserAgent, 255), RemoteAddr: truncate(meta.RemoteAddr, 64),
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return "", nil, fmt.Errorf("create session: %w", err)
	}
	defer tx.Rollback()
	const qd = `DELETE FROM tl_sessions WHERE userid = ? AND expires_at <= ?`
	if _, err := tx.ExecContext(ctx, qd, userID, now); err != nil {
		return "", nil, fmt.Errorf("create session: drop expired: %w", err)
	}
	const q = `INSERT INTO tl_sessions (id, userid, csrf_token, created_at, last_seen_at, expires_at, user_agent, remote_addr)
		VALUES (:id, :userid, :csrf_token, :created_at, :last_seen_at, :expires_at, :user_agent, :remote_addr)`
	if _, err := sqlx.NamedExecContext(ctx, tx, q, map[string]any{
		"id": sess.ID, "userid": sess.UserID, "csrf_token": sess.CSRFToken, "created_at": sess.CreatedAt,
		"last_seen_at": sess.LastSeenAt, "expires_at": sess.ExpiresAt, "user_agent": sess.UserAgent, "remote_addr": sess.RemoteAddr,
	}); err != nil {
		return "", nil, fmt.Errorf("create session: %w", mapError(err))
	}
	if err := tx.Commit(); err != nil {
		return "", nil, fmt.Errorf("create session: %w", err)
	}
	return token, sess, nil
}

// Find returns the live session of token with its active user, and pushes
// its idle deadline forward (at most one write per touchEvery).
func (s *SessionService) Find(ctx context.Context, token string) (*crm.Session, *crm.User, error) {
	denied := crm.Errorf(crm.EUnauthorized, "your session has ended; please sign in again")
	if token == "" || len(token) > 128 {
		return nil, nil, denied
	}
	now := s.now()
	q := `SELECT s.id AS sid, s.userid AS s_userid, s.csrf_token, s.created_at, s.last_seen_at,
		s.expires_at, s.user_agent, s.remote_addr, ` + userColumns + `
		FROM tl_sessions s JOIN vtiger_users u ON u.id = s.userid
		LEFT JOIN vtiger_user2role ur ON ur.userid = u.id
		LEFT JOIN vtiger_role r ON r.roleid = ur.roleid
		WHERE s.id = ? AND s.expires_at > ? AND u.deleted = 0 AND u.status = 'Active'`
	var row sessionRow
	if err := sqlx.GetContext(ctx, s.db, &row, q, hashToken(token), now); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, nil, denied
		}
		return nil, nil, fmt.Errorf("find session: %w", err)
	}
	sess := row.session()
	if now.Sub(sess.LastSeenAt) >= touchEvery {
		if err := s.touch(ctx, sess, now); err != nil {
			return nil, nil, err
		}
	}
	return sess, row.user(), nil
}

// touch records a use of the session and slides its deadline.
func (s *SessionService) touch(ctx context.Context, sess *crm.Session, now time.Time) error {
	exp := s.expiry(sess.CreatedAt, now)
	const q = `UPDATE tl_sessions SET last_seen_at = ?, expires_at = ? WHERE id = ?`
	if _, err := s.db.ExecContext(ctx, q, now, exp, sess.ID); err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	sess.LastSeenAt, sess.ExpiresAt = now, exp
	return nil
}

// Delete ends the session of token.
func (s *SessionService) Delete(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	const q = `DELETE FROM tl_sessions WHERE id = ?`
	if _, err := s.db.ExecContext(ctx, q, hashToken(token)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteExpired removes every expired session; serve runs it now and then.
func (s *SessionService) DeleteExpired(ctx context.Context) (int64, error) {
	const q = `DELETE FROM tl_sessions WHERE expires_at <= ?`
	res, err := s.db.ExecContext(ctx, q, s.now())
	if err != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// SignedInUsers returns the ids of the users with a live session: for the
// dashboard, an agent without one is logged out.
func (s *SessionService) SignedInUsers(ctx context.Context) (map[int64]bool, error) {
	var ids []int64
	const q = `SELECT DISTINCT userid FROM tl_sessions WHERE expires_at > ?`
	if err := s.db.SelectContext(ctx, &ids, q, s.now()); err != nil {
		return nil, fmt.Errorf("list signed-in users: %w", err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// randomToken returns 256 random bits, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is the stored form of a session token.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// truncate cuts s to at most n bytes without splitting a UTF-8 sequence.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
