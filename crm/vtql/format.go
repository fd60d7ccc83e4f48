package vtql

import (
	"strconv"
	"strings"
)

// String renders q as VTQL that parses back to an equal Query, which the
// fuzz test relies on. Values are always single-quoted.
func (q *Query) String() string {
	var b strings.Builder
	b.WriteString("SELECT ")
	switch {
	case q.Count:
		b.WriteString("count(*)")
	case q.Star:
		b.WriteString("*")
	default:
		b.WriteString(strings.Join(q.Fields, ", "))
	}
	b.WriteString(" FROM " + q.Module)
	if q.Where != nil {
		b.WriteString(" WHERE " + q.Where.String())
	}
	for i, o := range q.OrderBy {
		if i == 0 {
			b.WriteString(" ORDER BY ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(o.Field)
		if o.Desc {
			b.WriteString(" DESC")
		}
	}
	if l := q.Limit; l != nil {
		b.WriteString(" LIMIT ")
		if l.Offset != 0 {
			b.WriteString(strconv.Itoa(l.Offset) + ", ")
		}
		b.WriteString(strconv.Itoa(l.Count))
	}
	b.WriteString(";")
	return b.String()
}

// String renders the condition as VTQL.
func (c *Cond) String() string {
	qs := make([]string, len(c.Values))
	for i, v := range c.Values {
		qs[i] = quote(v)
	}
	if c.Op == OpIn || c.Op == OpNotIn {
		return c.Field + " " + c.Op + " (" + strings.Join(qs, ", ") + ")"
	}
	return c.Field + " " + c.Op + " " + strings.Join(qs, ", ")
}

// String renders the expression as VTQL with only the parentheses needed
// to keep the tree's shape when parsed again.
func (l *Logic) String() string {
	p := precedence(l)
	left, right := l.Left.String(), l.Right.String()
	if precedence(l.Left) < p {
		left = "(" + left + ")"
	}
	if precedence(l.Right) <= p {
		right = "(" + right + ")"
	}
	return left + " " + l.Op + " " + right
}

// precedence ranks how tightly e binds: OR below AND below a condition.
func precedence(e Expr) int {
	if l, ok := e.(*Logic); ok {
		if l.Op == OpOr {
			return 1
		}
		return 2
	}
	return 3
}

// quoter escapes exactly the two characters lexString treats specially
// inside single quotes.
var quoter = strings.NewReplacer(`\`, `\\`, `'`, `\'`)

// quote writes v as a single-quoted VTQL literal that decodes back to v.
func quote(v string) string {
	return "'" + quoter.Replace(v) + "'"
}
