package vtql

import (
	"fmt"
	"strconv"
)

// SyntaxError reports a query that does not follow the grammar. Pos is the
// 0-based byte offset in the query where the problem was found, so
// q[Pos:] starts at the offending text.
type SyntaxError struct {
	Pos int
	Msg string
}

// Error returns the message followed by the position, e.g.
// `expected FROM, found "Accounts" at position 9`.
func (e *SyntaxError) Error() string {
	return e.Msg + " at position " + strconv.Itoa(e.Pos)
}

// UnknownFieldError reports a field the Resolver does not know, either
// because the module lacks it or because the caller may not see it.
type UnknownFieldError struct {
	Field string
}

// Error names the field.
func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("unknown field %q", e.Field)
}
