package ami

import (
	"errors"
	"fmt"
)

// Limit errors returned (inside a *FrameError) by Reader when input exceeds
// its Limits. The stream cannot be resynchronised after one, so the
// connection must be dropped.
var (
	ErrLineTooLong    = errors.New("line too long")
	ErrTooManyHeaders = errors.New("too many headers")
	ErrFrameTooLarge  = errors.New("frame too large")
)

// Protocol and client errors.
var (
	// ErrBadBanner means the first line was not "<product>/<version>".
	ErrBadBanner = errors.New("bad banner")
	// ErrAuthFailed means Asterisk rejected the username or secret.
	ErrAuthFailed = errors.New("authentication failed")
	// ErrClosed is returned by actions on a client that was closed.
	ErrClosed = errors.New("client closed")
	// ErrDeadConnection means no bytes arrived within Config.DeadAfter.
	ErrDeadConnection = errors.New("connection dead: no data from asterisk")
	// ErrNotConnected is returned by Supervisor.Send while disconnected.
	ErrNotConnected = errors.New("not connected")
	// ErrInvalidHeader means an outgoing key or value contains CR, LF or a
	// key contains ':', which would let a value inject another frame.
	ErrInvalidHeader = errors.New("invalid header")
)

// FrameError reports where in the stream the Reader gave up and why.
type FrameError struct {
	Offset int64 // byte offset of the start of the offending frame
	Err    error // one of the limit sentinels or io.ErrUnexpectedEOF
}

// Error implements error.
func (e *FrameError) Error() string {
	return fmt.Sprintf("ami: frame at byte %d: %v", e.Offset, e.Err)
}

// Unwrap lets errors.Is match the sentinel.
func (e *FrameError) Unwrap() error { return e.Err }

// ActionError is a "Response: Error" answer to an action.
type ActionError struct {
	Action   string
	ActionID string
	Message  string
}

// Error implements error.
func (e *ActionError) Error() string {
	return fmt.Sprintf("ami: action %s (%s): %s", e.Action, e.ActionID, e.Message)
}
