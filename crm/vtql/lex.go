package vtql

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// kind classifies a token.
type kind int

const (
	kEOF    kind = iota
	kIdent       // letter or underscore, then letters, digits, underscores
	kNumber      // -?digits(.digits)?
	kWord        // unquoted value starting like a number, e.g. 11x42
	kString      // quoted literal; text holds the decoded value
	kPunct       // one of * , ( ) ;
	kOp          // = != <> < > <= >=
)

// token is one lexical unit. raw is the source text, used in messages;
// text is the value (decoded for strings, equal to raw otherwise).
type token struct {
	kind kind
	text string
	raw  string
	pos  int
}

// lex splits q into tokens ending with a kEOF token at len(q).
func lex(q string) ([]token, error) {
	var toks []token
	for i := 0; i < len(q); {
		c := q[i]
		var t token
		var err error
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case isIdentStart(c):
			t = token{kind: kIdent, raw: q[i:scanIdent(q, i)]}
		case isDigit(c) || c == '-' && i+1 < len(q) && isDigit(q[i+1]):
			t = lexNumber(q, i)
		case c == '\'' || c == '"':
			t, err = lexString(q, i)
		case strings.IndexByte("*,();", c) >= 0:
			t = token{kind: kPunct, raw: q[i : i+1]}
		case strings.IndexByte("=!<>", c) >= 0:
			t, err = lexOp(q, i)
		default:
			r, _ := utf8.DecodeRuneInString(q[i:])
			err = &SyntaxError{Pos: i, Msg: fmt.Sprintf("unexpected character %q", r)}
		}
		if err != nil {
			return nil, err
		}
		t.pos = i
		if t.kind != kString {
			t.text = t.raw
		}
		toks = append(toks, t)
		i += len(t.raw)
	}
	return append(toks, token{kind: kEOF, pos: len(q)}), nil
}

func isIdentStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }

// scanIdent returns the end of the identifier characters starting at i.
func scanIdent(q string, i int) int {
	for i < len(q) && isIdentChar(q[i]) {
		i++
	}
	return i
}

func scanDigits(q string, i int) int {
	for i < len(q) && isDigit(q[i]) {
		i++
	}
	return i
}

// lexNumber reads -?digits(.digits)?. If identifier characters follow, the
// whole run becomes a kWord so unquoted ids such as 11x42 stay one value.
func lexNumber(q string, i int) token {
	j := i
	if q[j] == '-' {
		j++
	}
	j = scanDigits(q, j)
	if j+1 < len(q) && q[j] == '.' && isDigit(q[j+1]) {
		j = scanDigits(q, j+1)
	}
	if j < len(q) && isIdentChar(q[j]) {
		return token{kind: kWord, raw: q[i:scanIdent(q, j)]}
	}
	return token{kind: kNumber, raw: q[i:j]}
}

// lexOp reads a comparison operator; a lone "!" is not one.
func lexOp(q string, i int) (token, error) {
	two := ""
	if i+1 < len(q) {
		two = q[i : i+2]
	}
	switch two {
	case "!=", "<>", "<=", ">=":
		return token{kind: kOp, raw: two}, nil
	}
	if q[i] == '!' {
		return token{}, &SyntaxError{Pos: i, Msg: `unexpected character '!' (did you mean "!="?)`}
	}
	return token{kind: kOp, raw: q[i : i+1]}, nil
}

// lexString reads a quoted literal starting at q[i] with MySQL escaping
// rules (see the package comment).
func lexString(q string, i int) (token, error) {
	quote := q[i]
	var b strings.Builder
	for j := i + 1; j < len(q); j++ {
		c := q[j]
		switch {
		case c == '\\' && j+1 < len(q):
			j++
			writeEscape(&b, q[j])
		case c == quote && j+1 < len(q) && q[j+1] == quote:
			j++
			b.WriteByte(quote)
		case c == quote:
			return token{kind: kString, text: b.String(), raw: q[i : j+1]}, nil
		default:
			b.WriteByte(c)
		}
	}
	return token{}, &SyntaxError{Pos: i, Msg: "unterminated string"}
}

// writeEscape writes the character a backslash followed by c stands for.
func writeEscape(b *strings.Builder, c byte) {
	switch c {
	case '0':
		b.WriteByte(0)
	case 'b':
		b.WriteByte('\b')
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case 'Z':
		b.WriteByte(0x1a)
	case '%', '_':
		// Kept escaped so a LIKE pattern still matches them literally.
		b.WriteByte('\\')
		b.WriteByte(c)
	default:
		b.WriteByte(c)
	}
}
