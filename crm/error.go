package crm

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The web layer maps each to one HTTP
// status; the CLI prints the Message.
const (
	EInvalid      = "invalid"
	ENotFound     = "not_found"
	EConflict     = "conflict"
	EUnauthorized = "unauthorized"
	EForbidden    = "forbidden"
	EUnavailable  = "unavailable"
	EInternal     = "internal"
)

// Error is a domain error: a code that callers branch on and a message that
// is safe to show to a user.
type Error struct {
	Code    string
	Message string
	// Fields names each bad input field with what is wrong with it, for
	// forms that show errors beside their fields. Nil for other errors.
	Fields map[string]string
}

// Error implements the error interface.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EInternal
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user-facing message of err: the Message of its
// *Error, or a generic text for internal errors, whose details belong in
// the log and not in front of a user.
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}
