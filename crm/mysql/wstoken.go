package mysql

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// WSTokenService implements crm.WSTokenService on vtiger_ws_userauthtoken
// (userid, token, expiretime as Unix seconds), one token per user as the
// table's unique key allows.
type WSTokenService struct {
	db *DB
	// Now is the clock; tests move it.
	Now func() time.Time
}

// NewWSTokenService returns a WSTokenService on db.
func NewWSTokenService(db *DB) *WSTokenService {
	return &WSTokenService{db: db, Now: time.Now}
}

var _ crm.WSTokenService = (*WSTokenService)(nil)

// CreateChallenge replaces the user's token in one transaction. vtiger
// uses uniqid() (13 hex digits of the clock); Tigerline sends 128 random
// bits, which fit the column's 36 characters.
func (s *WSTokenService) CreateChallenge(ctx context.Context, userID int64, ttl time.Duration) (string, time.Time, time.Time, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", time.Time{}, time.Time{}, fmt.Errorf("challenge token: %w", err)
	}
	token := hex.EncodeToString(b)
	now := s.Now().Truncate(time.Second)
	exp := now.Add(ttl)
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return "", now, exp, fmt.Errorf("challenge for user %d: %w", userID, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM vtiger_ws_userauthtoken WHERE userid = ?`, userID); err != nil {
		return "", now, exp, fmt.Errorf("challenge for user %d: %w", userID, err)
	}
	const q = `INSERT INTO vtiger_ws_userauthtoken (userid, token, expiretime) VALUES (?, ?, ?)`
	if _, err := tx.ExecContext(ctx, q, userID, token, exp.Unix()); err != nil {
		return "", now, exp, fmt.Errorf("challenge for user %d: %w", userID, mapError(err))
	}
	if err := tx.Commit(); err != nil {
		return "", now, exp, fmt.Errorf("challenge for user %d: %w", userID, err)
	}
	return token, now, exp, nil
}

// ActiveChallenge returns the user's token while it is live.
func (s *WSTokenService) ActiveChallenge(ctx context.Context, userID int64) (string, error) {
	var token string
	const q = `SELECT token FROM vtiger_ws_userauthtoken WHERE userid = ? AND expiretime >= ?`
	err := sqlx.GetContext(ctx, s.db, &token, q, userID, s.Now().Unix())
	if errors.Is(err, sql.ErrNoRows) {
		return "", crm.Errorf(crm.EUnauthorized, "Specified token is invalid or expired")
	}
	if err != nil {
		return "", fmt.Errorf("challenge of user %d: %w", userID, err)
	}
	return token, nil
}

// UseChallenge deletes the token; of two logins racing with one token,
// only the one whose DELETE removes the row wins.
func (s *WSTokenService) UseChallenge(ctx context.Context, userID int64, token string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM vtiger_ws_userauthtoken WHERE userid = ? AND token = ?`, userID, token)
	if err != nil {
		return fmt.Errorf("use challenge of user %d: %w", userID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return crm.Errorf(crm.EUnauthorized, "Specified token is invalid or expired")
	}
	return nil
}
