package phone

import (
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Lengths that decide how a digit string is read. Extensions stop at 6
// digits because the shortest complete numbers we care about (7-digit
// subscriber numbers) start at 7; a bare country code needs at least 8
// digits so a local number is never taken for a foreign one.
const (
	minExtension = 2
	maxExtension = 6
	minBareCC    = 8
)

// number is the chosen reading of a digit string.
type number struct {
	digits   string // what Store keeps: E.164 digits, extension or raw digits
	nsn      string // national significant number; set only when complete
	cc       int    // country calling code; set only when complete
	internal bool
	complete bool
}

// read picks the reading of digits described in the package doc.
func (n *Normalizer) read(plus bool, digits string) number {
	if digits == "" {
		return number{}
	}
	if !plus && len(digits) >= minExtension && len(digits) <= maxExtension {
		return number{digits: digits, internal: true}
	}
	p := n.best(n.readings(plus, digits))
	if p == nil {
		return number{digits: digits}
	}
	cc := int(p.GetCountryCode())
	nsn := phonenumbers.GetNationalSignificantNumber(p)
	return number{digits: strconv.Itoa(cc) + nsn, nsn: nsn, cc: cc, complete: true}
}

// readings lists the strings to hand to the parser, most likely first: as
// typed, with 00/011 as an international prefix, without an outside-line
// prefix, and last with a bare country code.
func (n *Normalizer) readings(plus bool, digits string) []string {
	if plus {
		return []string{"+" + digits}
	}
	stems := []string{digits}
	for _, p := range n.outside {
		if rest, ok := strings.CutPrefix(digits, p); ok && len(rest) > maxExtension {
			stems = append(stems, rest)
		}
	}
	out := make([]string, 0, 3*len(stems))
	for _, s := range stems {
		out = append(out, s)
		if rest, ok := cutIDD(s); ok {
			out = append(out, "+"+rest)
		}
	}
	for _, s := range stems {
		if len(s) >= minBareCC && s[0] != '0' {
			out = append(out, "+"+s)
		}
	}
	return out
}

// cutIDD strips the two international prefixes people type most, whatever
// the default country's own prefix is: the parser reads "00852…" in Taiwan
// as 008 + Mexico, which nobody means.
func cutIDD(s string) (string, bool) {
	if rest, ok := strings.CutPrefix(s, "011"); ok {
		return rest, true
	}
	return strings.CutPrefix(s, "00")
}

// best returns the first valid reading, else the first complete one, else
// nil.
func (n *Normalizer) best(readings []string) *phonenumbers.PhoneNumber {
	var fallback *phonenumbers.PhoneNumber
	for _, r := range readings {
		p, err := phonenumbers.Parse(r, n.region)
		if err != nil {
			continue
		}
		if phonenumbers.IsValidNumber(p) {
			return p
		}
		if fallback == nil && plausible(p) {
			fallback = p
		}
	}
	return fallback
}

// storedAsE164 reports whether Store keeps f, a digit string, as the E.164
// digits of a complete number rather than as digits written without a
// country code. Store reads a string of minBareCC or more digits that does
// not start with 0 as a bare country code whenever no other reading is
// complete, so such a stored fnumber is E.164 exactly when "+"+f is
// complete. Forms uses this to keep a national form of one country from
// matching another country's E.164 digits (CN 151 0555 0142 against
// +1 510 555 0142).
func storedAsE164(f string) bool {
	if len(f) < minBareCC || f[0] == '0' {
		return false
	}
	p, err := phonenumbers.Parse("+"+f, "ZZ")
	return err == nil && (phonenumbers.IsValidNumber(p) || plausible(p))
}
