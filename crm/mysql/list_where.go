package mysql

import (
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// whereBuilder turns list conditions into one parameterized SQL condition.
// Column expressions come from the scope (metadata); every value becomes
// a "?" argument. Problems are collected per field and reported together.
type whereBuilder struct {
	sc   *listScope
	args []any
	bad  map[string]string
}

func newWhereBuilder(sc *listScope) *whereBuilder {
	return &whereBuilder{sc: sc, bad: map[string]string{}}
}

// err returns an invalid error naming every bad condition, or nil.
func (w *whereBuilder) err() error {
	if len(w.bad) == 0 {
		return nil
	}
	return &crm.Error{Code: crm.EInvalid, Message: "invalid list filter", Fields: w.bad}
}

func (w *whereBuilder) fail(field, msg string) string {
	if _, dup := w.bad[field]; !dup {
		w.bad[field] = msg
	}
	return ""
}

// query returns the condition of q's filters and groups, "" for none.
func (w *whereBuilder) query(q crm.ListQuery) string {
	var parts []string
	if s := w.group(q.Filters, q.MatchAny); s != "" {
		parts = append(parts, s)
	}
	var groups []string
	for _, g := range q.Groups {
		if s := w.group(g.Conditions, g.MatchAny); s != "" {
			groups = append(groups, s)
		}
	}
	if s := joinSQL(groups, q.GroupsMatchAny); s != "" {
		parts = append(parts, s)
	}
	return joinSQL(parts, false)
}

func (w *whereBuilder) group(conds []crm.Condition, matchAny bool) string {
	var parts []string
	for _, c := range conds {
		if s := w.cond(c); s != "" {
			parts = append(parts, s)
		}
	}
	return joinSQL(parts, matchAny)
}

// joinSQL joins conditions with AND (OR with or), parenthesized so the
// result can be ANDed to other conditions.
func joinSQL(parts []string, or bool) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	op := " AND "
	if or {
		op = " OR "
	}
	return "(" + strings.Join(parts, op) + ")"
}

// valueCounts is how many values each operator takes; -1 is one or more.
var valueCounts = map[string]int{
	crm.OpEquals: 1, crm.OpNotEquals: 1, crm.OpContains: 1, crm.OpNotContains: 1,
	crm.OpStartsWith: 1, crm.OpEndsWith: 1, crm.OpLess: 1, crm.OpGreater: 1,
	crm.OpLessOrEqual: 1, crm.OpGreaterOrEqual: 1, crm.OpBetween: 2,
	crm.OpEmpty: 0, crm.OpNotEmpty: 0, crm.OpIn: -1, crm.OpNotIn: -1,
}

func (w *whereBuilder) cond(c crm.Condition) string {
	col, ok := w.sc.column(c.Field)
	if !ok {
		return w.fail(c.Field, "unknown field")
	}
	n, ok := valueCounts[c.Op]
	if !ok {
		return w.fail(c.Field, "unknown operator "+strconv.Quote(c.Op))
	}
	if n >= 0 && len(c.Values) != n || n < 0 && len(c.Values) == 0 {
		return w.fail(c.Field, "operator "+c.Op+" takes "+plural(n))
	}
	x := col.expr
	switch c.Op {
	case crm.OpEmpty:
		return w.empty(col)
	case crm.OpNotEmpty:
		return "NOT " + w.empty(col)
	case crm.OpContains:
		return w.like(x+" LIKE ?", "%"+escapeLike(c.Values[0])+"%")
	case crm.OpNotContains:
		return w.like("("+x+" IS NULL OR "+x+" NOT LIKE ?)", "%"+escapeLike(c.Values[0])+"%")
	case crm.OpStartsWith:
		return w.like(x+" LIKE ?", escapeLike(c.Values[0])+"%")
	case crm.OpEndsWith:
		return w.like(x+" LIKE ?", "%"+escapeLike(c.Values[0]))
	case crm.OpIn, crm.OpNotIn:
		return w.in(col, c)
	case crm.OpBetween:
		lo := w.compare(col, crm.OpGreaterOrEqual, c.Values[0])
		hi := w.compare(col, crm.OpLessOrEqual, c.Values[1])
		if lo == "" || hi == "" {
			return ""
		}
		return "(" + lo + " AND " + hi + ")"
	}
	return w.compare(col, c.Op, c.Values[0])
}

func plural(n int) string {
	switch n {
	case -1:
		return "one or more values"
	case 0:
		return "no value"
	case 1:
		return "one value"
	}
	return strconv.Itoa(n) + " values"
}

func (w *whereBuilder) like(sql, pattern string) string {
	w.args = append(w.args, pattern)
	return sql
}

// escapeLike makes s match itself in a LIKE pattern (backslash is MySQL's
// default LIKE escape).
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// empty matches a missing value: NULL, or what the engine writes for an
// empty value into a NOT NULL column (”, 0, the zero date).
func (w *whereBuilder) empty(col *listCol) string {
	x := col.expr
	switch col.kind() {
	case "number":
		if col.nullable() {
			return "(" + x + " IS NULL)"
		}
		return "(" + x + " IS NULL OR " + x + " = 0)"
	case "date":
		w.args = append(w.args, "0000-00-00")
	case "datetime":
		w.args = append(w.args, "0000-00-00 00:00:00")
	default:
		w.args = append(w.args, "")
	}
	return "(" + x + " IS NULL OR " + x + " = ?)"
}

// in matches any of the values (none of them, for OpNotIn).
func (w *whereBuilder) in(col *listCol, c crm.Condition) string {
	if col.kind() == "datetime" {
		// Whole-day values are ranges: compare one by one.
		op, neg := crm.OpEquals, false
		if c.Op == crm.OpNotIn {
			op, neg = crm.OpNotEquals, true
		}
		var parts []string
		for _, v := range c.Values {
			if s := w.compare(col, op, v); s != "" {
				parts = append(parts, s)
			}
		}
		if len(parts) != len(c.Values) {
			return ""
		}
		return joinSQL(parts, !neg)
	}
	for _, v := range c.Values {
		arg, ok := w.value(col, v)
		if !ok {
			return ""
		}
		w.args = append(w.args, arg)
	}
	list := "(?" + strings.Repeat(", ?", len(c.Values)-1) + ")"
	if c.Op == crm.OpNotIn {
		return "(" + col.expr + " IS NULL OR " + col.expr + " NOT IN " + list + ")"
	}
	return col.expr + " IN " + list
}

// compare writes one comparison. A date-only value on a date-time column
// is the day from lo (inclusive) to hi (exclusive).
func (w *whereBuilder) compare(col *listCol, op, v string) string {
	x := col.expr
	if col.kind() == "datetime" {
		if day, err := time.Parse(time.DateOnly, strings.TrimSpace(v)); err == nil {
			lo, hi := day.Format(time.DateTime), day.AddDate(0, 0, 1).Format(time.DateTime)
			return w.dayCompare(x, op, lo, hi)
		}
	}
	arg, ok := w.value(col, v)
	if !ok {
		return ""
	}
	w.args = append(w.args, arg)
	switch op {
	case crm.OpEquals:
		return x + " = ?"
	case crm.OpNotEquals:
		return "(" + x + " IS NULL OR " + x + " <> ?)"
	case crm.OpLess:
		return x + " < ?"
	case crm.OpGreater:
		return x + " > ?"
	case crm.OpLessOrEqual:
		return x + " <= ?"
	}
	return x + " >= ?"
}

func (w *whereBuilder) dayCompare(x, op, lo, hi string) string {
	switch op {
	case crm.OpEquals:
		w.args = append(w.args, lo, hi)
		return "(" + x + " >= ? AND " + x + " < ?)"
	case crm.OpNotEquals:
		w.args = append(w.args, lo, hi)
		return "(" + x + " IS NULL OR " + x + " < ? OR " + x + " >= ?)"
	case crm.OpLess:
		w.args = append(w.args, lo)
		return x + " < ?"
	case crm.OpGreater:
		w.args = append(w.args, hi)
		return x + " >= ?"
	case crm.OpLessOrEqual:
		w.args = append(w.args, hi)
		return x + " < ?"
	}
	w.args = append(w.args, lo)
	return x + " >= ?"
}

// value checks v against the column's kind and returns the argument.
// Text values pass unchanged; numbers and dates are trimmed.
func (w *whereBuilder) value(col *listCol, v string) (any, bool) {
	t := strings.TrimSpace(v)
	var err error
	var want string
	switch col.kind() {
	case "number":
		_, err = strconv.ParseFloat(t, 64)
		want = "a number"
	case "date":
		_, err = time.Parse(time.DateOnly, t)
		want = "a date (YYYY-MM-DD)"
	case "datetime":
		_, err = time.Parse(time.DateTime, t)
		want = "a date and time (YYYY-MM-DD HH:MM:SS)"
	default:
		return v, true
	}
	if err != nil {
		w.fail(col.field.Name, "not "+want+": "+strconv.Quote(v))
		return nil, false
	}
	return t, true
}
