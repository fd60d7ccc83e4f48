package vtql

import (
	"errors"
	"fmt"
	"strings"
)

// MaxLimit is the most rows vtiger's query operation returns at once; a
// larger LIMIT is silently reduced, and no LIMIT means MaxLimit.
const MaxLimit = 100

// Resolver maps a webservice field name to a trusted SQL column expression
// such as "vtiger_account.accountname". Implementations build the
// expression from vtiger's field metadata, never from the field name
// itself, because the result is written into SQL text verbatim.
type Resolver interface {
	Column(field string) (sqlExpr string, ok bool)
}

// sqlOps is the allowlist of operators written into SQL. Query values can
// be built by hand, so the translator checks Op here rather than trusting
// that the parser produced it.
var sqlOps = map[string]bool{
	OpEq: true, OpNe: true, OpLt: true, OpGt: true, OpLe: true, OpGe: true,
	OpLike: true, OpNotLike: true, OpIn: true, OpNotIn: true,
}

// WhereSQL translates q.Where into a parameterized SQL condition such as
// "(a = ? AND (b LIKE ? OR c IN (?, ?)))" without the WHERE keyword, with
// one string argument per "?". A compound condition is always wrapped in
// parentheses, so the result can be joined with AND to the caller's own
// conditions (deleted = 0, sharing rules) without changing its meaning.
// It returns "" and no arguments when the query has no WHERE clause, and
// an *UnknownFieldError for a field r does not resolve.
func (q *Query) WhereSQL(r Resolver) (sql string, args []any, err error) {
	if q.Where == nil {
		return "", nil, nil
	}
	var b strings.Builder
	if err := writeExpr(&b, &args, q.Where, r, ""); err != nil {
		return "", nil, err
	}
	return b.String(), args, nil
}

// writeExpr appends e. A Logic under a parent with the same connective is
// not parenthesized again, since AND and OR are associative.
func writeExpr(b *strings.Builder, args *[]any, e Expr, r Resolver, parent string) error {
	switch e := e.(type) {
	case *Cond:
		if e == nil {
			return errors.New("nil condition")
		}
		return writeCond(b, args, e, r)
	case *Logic:
		if e == nil || e.Op != OpAnd && e.Op != OpOr {
			return fmt.Errorf("invalid logical operator in %#v", e)
		}
		if e.Op != parent {
			b.WriteByte('(')
		}
		if err := writeExpr(b, args, e.Left, r, e.Op); err != nil {
			return err
		}
		b.WriteString(" " + e.Op + " ")
		if err := writeExpr(b, args, e.Right, r, e.Op); err != nil {
			return err
		}
		if e.Op != parent {
			b.WriteByte(')')
		}
		return nil
	}
	return fmt.Errorf("invalid expression %#v", e)
}

// writeCond appends one comparison with its values as placeholders.
func writeCond(b *strings.Builder, args *[]any, c *Cond, r Resolver) error {
	col, err := column(r, c.Field)
	if err != nil {
		return err
	}
	if !sqlOps[c.Op] {
		return fmt.Errorf("field %s: invalid operator %q", c.Field, c.Op)
	}
	list := c.Op == OpIn || c.Op == OpNotIn
	if len(c.Values) == 0 || !list && len(c.Values) != 1 {
		return fmt.Errorf("field %s: operator %s with %d values", c.Field, c.Op, len(c.Values))
	}
	b.WriteString(col + " " + c.Op + " ")
	if !list {
		b.WriteByte('?')
		*args = append(*args, c.Values[0])
		return nil
	}
	b.WriteString("(?" + strings.Repeat(", ?", len(c.Values)-1) + ")")
	for _, v := range c.Values {
		*args = append(*args, v)
	}
	return nil
}

// OrderSQL translates q.OrderBy into a list such as
// "vtiger_account.accountname ASC, vtiger_crmentity.modifiedtime DESC"
// without the ORDER BY keywords; it returns "" when there is none.
func (q *Query) OrderSQL(r Resolver) (string, error) {
	keys := make([]string, 0, len(q.OrderBy))
	for _, o := range q.OrderBy {
		col, err := column(r, o.Field)
		if err != nil {
			return "", err
		}
		dir := " ASC"
		if o.Desc {
			dir = " DESC"
		}
		keys = append(keys, col+dir)
	}
	return strings.Join(keys, ", "), nil
}

// column resolves one field, treating an empty expression as unknown so a
// careless Resolver cannot produce "= ?" with no column.
func column(r Resolver, field string) (string, error) {
	col, ok := r.Column(field)
	if !ok || col == "" {
		return "", &UnknownFieldError{Field: field}
	}
	return col, nil
}

// Page returns the offset and row count to fetch, reducing the count to
// MaxLimit as vtiger does and defaulting to MaxLimit without a LIMIT.
// LIMIT 0 stays 0: the client asked for no rows.
func (q *Query) Page() (offset, count int) {
	if q.Limit == nil {
		return 0, MaxLimit
	}
	return q.Limit.Offset, min(q.Limit.Count, MaxLimit)
}
