package vtql

import (
	"fmt"
	"strings"
)

// reserved words cannot name fields or modules, which keeps messages like
// "expected field name, found FROM" precise.
var reserved = []string{
	"SELECT", "FROM", "WHERE", "AND", "OR", "ORDER", "BY", "ASC", "DESC",
	"LIMIT", "LIKE", "NOT", "IN",
}

// isReserved compares without upper-casing s, which would allocate for
// every identifier parsed.
func isReserved(s string) bool {
	for _, r := range reserved {
		if strings.EqualFold(s, r) {
			return true
		}
	}
	return false
}

// maxDepth bounds parenthesis nesting so hostile input cannot exhaust the
// stack; real queries nest two or three levels.
const maxDepth = 64

// parser walks the token slice produced by lex.
type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }

// isKeyword reports whether t is the keyword kw in any letter case.
func isKeyword(t token, kw string) bool {
	return t.kind == kIdent && strings.EqualFold(t.text, kw)
}

func isPunct(t token, s string) bool { return t.kind == kPunct && t.text == s }

// acceptKeyword consumes the next token if it is kw.
func (p *parser) acceptKeyword(kw string) bool {
	if isKeyword(p.peek(), kw) {
		p.i++
		return true
	}
	return false
}

// acceptPunct consumes the next token if it is the punctuation s.
func (p *parser) acceptPunct(s string) bool {
	if isPunct(p.peek(), s) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectKeyword(kw string) error {
	if !p.acceptKeyword(kw) {
		return p.unexpected(kw)
	}
	return nil
}

func (p *parser) expectPunct(s string) error {
	if !p.acceptPunct(s) {
		return p.unexpected(`"` + s + `"`)
	}
	return nil
}

// unexpected builds "expected <want>, found <next token>" at the next token.
func (p *parser) unexpected(want string) *SyntaxError {
	t := p.peek()
	return &SyntaxError{Pos: t.pos, Msg: fmt.Sprintf("expected %s, found %s", want, describe(t))}
}

// describe names a token for messages, shortening long literals.
func describe(t token) string {
	if t.kind == kEOF {
		return "end of query"
	}
	raw := t.raw
	if len(raw) > 24 {
		raw = raw[:21] + "..."
	}
	if t.kind == kIdent && isReserved(raw) {
		return "keyword " + strings.ToUpper(raw)
	}
	return fmt.Sprintf("%q", raw)
}

// name consumes an identifier that is not a reserved word; what says what
// the name is for ("field name", "module name").
func (p *parser) name(what string) (string, error) {
	t := p.peek()
	if t.kind != kIdent || isReserved(t.text) {
		return "", p.unexpected(what)
	}
	p.i++
	return t.text, nil
}
