package crm

import (
	"context"
	"time"
)

// Session is a signed-in browser. The token that identifies it lives only
// in the browser's cookie; storage keeps a SHA-256 of it.
type Session struct {
	// ID is the hex SHA-256 of the token, safe to log.
	ID     string
	UserID int64
	// CSRFToken must accompany every state-changing request of the session.
	CSRFToken  string
	CreatedAt  time.Time
	LastSeenAt time.Time
	// ExpiresAt is the earlier of the idle deadline, which each use pushes
	// forward, and the absolute end of the session's lifetime.
	ExpiresAt  time.Time
	UserAgent  string
	RemoteAddr string
}

// SessionMeta describes the browser a session is created for, for the
// session list an admin sees.
type SessionMeta struct {
	UserAgent  string
	RemoteAddr string
}

// SessionService keeps web sessions.
type SessionService interface {
	// Create starts a session for a user and returns its secret token,
	// which is shown nowhere else. Errors: invalid.
	Create(ctx context.Context, userID int64, meta SessionMeta) (token string, s *Session, err error)
	// Find returns the live session of a token and its user, and slides the
	// session's idle deadline. Errors: unauthorized (unknown, expired, or
	// its user is deleted or inactive).
	Find(ctx context.Context, token string) (*Session, *User, error)
	// Delete ends the session of a token. Ending an unknown session is not
	// an error.
	Delete(ctx context.Context, token string) error
	// DeleteExpired removes expired sessions and returns how many.
	DeleteExpired(ctx context.Context) (int64, error)
}
