package phone

import (
	"strings"
	"unicode"
)

// scanner walks a phone field once, keeping what a person would dial.
// It never allocates more than the digits it keeps.
type scanner struct {
	plus    bool
	started bool
	digits  []byte
	// gap holds the punctuation seen since the last kept digit or vanity
	// letter; vanity letters count only when it is empty, "-" or ".".
	gap string
}

// scan returns whether the number starts with '+' and its digits, after the
// text rules in the package doc: labels skipped, extensions, comments and
// second numbers cut, capital vanity letters converted.
func scan(raw string) (plus bool, digits string) {
	s := scanner{digits: make([]byte, 0, 16)}
	rs := []rune(raw)
	for i := 0; i < len(rs); i++ {
		n, stop := s.step(rs, i)
		if stop {
			break
		}
		i += n
	}
	return s.plus, string(s.digits)
}

// step consumes rs[i] (and, for a vanity run, the n runes after it) and
// reports whether the number has ended.
func (s *scanner) step(rs []rune, i int) (n int, stop bool) {
	r := rs[i]
	if d, ok := digitValue(r); ok {
		s.started = true
		s.digits = append(s.digits, d)
		s.gap = ""
		return 0, false
	}
	if isPlus(r) {
		if len(s.digits) > 0 {
			return 0, true // a second number
		}
		s.plus, s.started = true, true
		return 0, false
	}
	if !s.started {
		return 0, false // label
	}
	if r >= 'A' && r <= 'Z' {
		return s.vanity(rs, i)
	}
	if unicode.IsLetter(r) || strings.ContainsRune("#,;|@*", r) {
		return 0, true
	}
	if r == '/' && (isSpaceAt(rs, i-1) || isSpaceAt(rs, i+1)) {
		return 0, true
	}
	s.gap += string(r)
	return 0, false
}

// vanity converts a run of capitals attached to the digits, or ends the
// number when the run is a lone capital ("X12") or a detached word.
func (s *scanner) vanity(rs []rune, i int) (n int, stop bool) {
	j := i
	for j < len(rs) && rs[j] >= 'A' && rs[j] <= 'Z' {
		j++
	}
	attached := s.gap == "" || s.gap == "-" || s.gap == "."
	lower := j < len(rs) && unicode.IsLower(rs[j])
	word := string(rs[i:j])
	ext := word == "EXT" || word == "EXTN" || word == "EXTENSION"
	if j-i < 2 || !attached || lower || ext || len(s.digits) == 0 {
		return 0, true
	}
	for _, r := range rs[i:j] {
		s.digits = append(s.digits, keypad[r-'A'])
	}
	s.gap = ""
	return j - i - 1, false
}

// keypad maps A–Z to the ITU E.161 telephone keypad.
const keypad = "22233344455566677778889999"

// digitValue maps ASCII, full-width and Arabic-Indic digits to ASCII.
// Full-width digits matter because CJK input methods produce them.
func digitValue(r rune) (byte, bool) {
	for _, zero := range [...]rune{'0', '０', '٠', '۰'} {
		if r >= zero && r <= zero+9 {
			return byte('0' + r - zero), true
		}
	}
	return 0, false
}

func isPlus(r rune) bool { return r == '+' || r == '＋' }

func isSpaceAt(rs []rune, i int) bool {
	return i >= 0 && i < len(rs) && unicode.IsSpace(rs[i])
}
