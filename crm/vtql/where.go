package vtql

import "strings"

// expr parses OR-separated terms; OR binds loosest.
func (p *parser) expr() (Expr, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.acceptKeyword(OpOr) {
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		left = &Logic{Op: OpOr, Left: left, Right: right}
	}
	return left, nil
}

// and parses AND-separated units.
func (p *parser) and() (Expr, error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for p.acceptKeyword(OpAnd) {
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = &Logic{Op: OpAnd, Left: left, Right: right}
	}
	return left, nil
}

// unary parses a parenthesized expression or a single condition.
func (p *parser) unary() (Expr, error) {
	open := p.peek()
	if !p.acceptPunct("(") {
		return p.cond()
	}
	if p.depth++; p.depth > maxDepth {
		return nil, &SyntaxError{Pos: open.pos, Msg: "conditions nested too deeply"}
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.depth--
	if err := p.expectPunct(")"); err != nil {
		return nil, err
	}
	return e, nil
}

const opList = "operator (=, !=, <>, <, >, <=, >=, LIKE, NOT LIKE, IN, NOT IN)"

// cond parses "field op value" or "field [NOT] IN (values)".
func (p *parser) cond() (Expr, error) {
	f, err := p.name(`field name or "("`)
	if err != nil {
		return nil, err
	}
	c := &Cond{Field: f}
	t := p.peek()
	switch {
	case t.kind == kOp:
		p.i++
		c.Op = t.text
		if c.Op == "<>" {
			c.Op = OpNe
		}
	case isKeyword(t, "LIKE"), isKeyword(t, "IN"):
		p.i++
		c.Op = strings.ToUpper(t.text)
	case isKeyword(t, "NOT"):
		p.i++
		switch u := p.peek(); {
		case isKeyword(u, "LIKE"), isKeyword(u, "IN"):
			p.i++
			c.Op = "NOT " + strings.ToUpper(u.text)
		default:
			return nil, p.unexpected("LIKE or IN after NOT")
		}
	default:
		return nil, p.unexpected(opList + " after field " + f)
	}
	if c.Op == OpIn || c.Op == OpNotIn {
		c.Values, err = p.valueList()
	} else {
		var v string
		v, err = p.value()
		c.Values = []string{v}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// value consumes a literal: quoted string, number, or unquoted word.
func (p *parser) value() (string, error) {
	t := p.peek()
	switch t.kind {
	case kString, kNumber, kWord:
	case kIdent:
		if isReserved(t.text) {
			return "", p.unexpected("value")
		}
	default:
		return "", p.unexpected("value")
	}
	p.i++
	return t.text, nil
}

// valueList parses "(v1, v2, ...)"; an empty list is an error because
// "IN ()" is not valid SQL and matches nothing in vtiger either.
func (p *parser) valueList() ([]string, error) {
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	if t := p.peek(); isPunct(t, ")") {
		return nil, &SyntaxError{Pos: t.pos, Msg: "empty IN list"}
	}
	var vs []string
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
		if p.acceptPunct(")") {
			return vs, nil
		}
		if !p.acceptPunct(",") {
			return nil, p.unexpected(`"," or ")" in IN list`)
		}
	}
}
