package vtql

import (
	"fmt"
	"math"
	"strconv"
)

// Parse parses one VTQL statement, which must end with ";". Errors are
// *SyntaxError values; callers add their own context when wrapping.
func Parse(q string) (*Query, error) {
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks}
	return p.query()
}

// query parses the whole statement; each optional clause names what may
// follow it so a stray token gets a precise message.
func (p *parser) query() (*Query, error) {
	q := &Query{}
	if err := p.expectKeyword("SELECT"); err != nil {
		return nil, err
	}
	if err := p.selectList(q); err != nil {
		return nil, err
	}
	if err := p.expectKeyword("FROM"); err != nil {
		return nil, err
	}
	mod, err := p.name("module name")
	if err != nil {
		return nil, err
	}
	q.Module = mod
	if p.acceptKeyword("WHERE") {
		if q.Where, err = p.expr(); err != nil {
			return nil, err
		}
	}
	if p.acceptKeyword("ORDER") {
		if q.OrderBy, err = p.orderBy(); err != nil {
			return nil, err
		}
	}
	if p.acceptKeyword("LIMIT") {
		if q.Limit, err = p.limit(); err != nil {
			return nil, err
		}
	}
	return q, p.end(q)
}

// end checks for the mandatory ";" and that nothing follows it.
func (p *parser) end(q *Query) error {
	t := p.peek()
	if t.kind == kEOF {
		return &SyntaxError{Pos: t.pos, Msg: `missing ";" at end of query`}
	}
	if !p.acceptPunct(";") {
		return p.unexpected(followers(q))
	}
	if t := p.peek(); t.kind != kEOF {
		return &SyntaxError{Pos: t.pos, Msg: fmt.Sprintf(`unexpected %s after ";"`, describe(t))}
	}
	return nil
}

// followers lists what could have come where parsing stopped, which
// depends on the last clause present.
func followers(q *Query) string {
	switch {
	case q.Limit != nil:
		return `";"`
	case q.OrderBy != nil:
		return `ASC, DESC, ",", LIMIT or ";"`
	case q.Where != nil:
		return `AND, OR, ORDER BY, LIMIT or ";"`
	}
	return `WHERE, ORDER BY, LIMIT or ";"`
}

// selectList parses "*", count(*) or a comma-separated field list.
func (p *parser) selectList(q *Query) error {
	if p.acceptPunct("*") {
		q.Star = true
		return nil
	}
	if isKeyword(p.peek(), "count") && isPunct(p.toks[p.i+1], "(") {
		p.i += 2
		if err := p.expectPunct("*"); err != nil {
			return err
		}
		q.Count = true
		return p.expectPunct(")")
	}
	for {
		f, err := p.name(`"*", count(*) or field name`)
		if err != nil {
			return err
		}
		q.Fields = append(q.Fields, f)
		if !p.acceptPunct(",") {
			return nil
		}
	}
}

// orderBy parses the keys after ORDER.
func (p *parser) orderBy() ([]Order, error) {
	if err := p.expectKeyword("BY"); err != nil {
		return nil, err
	}
	var keys []Order
	for {
		f, err := p.name("field name")
		if err != nil {
			return nil, err
		}
		o := Order{Field: f}
		if p.acceptKeyword("DESC") {
			o.Desc = true
		} else {
			p.acceptKeyword("ASC")
		}
		keys = append(keys, o)
		if !p.acceptPunct(",") {
			return keys, nil
		}
	}
}

// limit parses "n" or "offset, n" after LIMIT.
func (p *parser) limit() (*Limit, error) {
	n, err := p.limitNumber()
	if err != nil {
		return nil, err
	}
	if !p.acceptPunct(",") {
		return &Limit{Count: n}, nil
	}
	c, err := p.limitNumber()
	if err != nil {
		return nil, err
	}
	return &Limit{Offset: n, Count: c}, nil
}

// limitNumber reads a non-negative integer that fits in 32 bits, the
// range MySQL and every int size accept.
func (p *parser) limitNumber() (int, error) {
	t := p.peek()
	if t.kind != kNumber || t.text[0] == '-' || !isAllDigits(t.text) {
		return 0, p.unexpected("non-negative integer in LIMIT")
	}
	n, err := strconv.ParseInt(t.text, 10, 64)
	if err != nil || n > math.MaxInt32 {
		return 0, &SyntaxError{Pos: t.pos, Msg: fmt.Sprintf("LIMIT value %s is too large (maximum %d)", describe(t), math.MaxInt32)}
	}
	p.i++
	return int(n), nil
}

func isAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
