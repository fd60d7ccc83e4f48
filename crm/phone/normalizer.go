package phone

import (
	"fmt"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Normalizer reads phone numbers for one default country. It is immutable
// after New and safe for concurrent use.
type Normalizer struct {
	region  string
	outside []string
}

// Option configures a Normalizer.
type Option func(*Normalizer)

// WithOutsidePrefix declares a prefix the PBX puts before external
// numbers (the "9" dialled for an outside line, which some PBXes also
// prepend to incoming caller-ids). It is removed only when the number
// without it is complete and the number with it is not valid, so a real
// number that starts with the prefix is left alone. It may be given more
// than once; the prefix must be 1 to 4 digits.
func WithOutsidePrefix(prefix string) Option {
	return func(n *Normalizer) { n.outside = append(n.outside, prefix) }
}

// New returns a Normalizer whose national-format numbers belong to
// defaultCountry, an ISO 3166 alpha-2 code such as "HK", "TW", "US" or
// "GB" (case-insensitive).
func New(defaultCountry string, opts ...Option) (*Normalizer, error) {
	region := strings.ToUpper(strings.TrimSpace(defaultCountry))
	if !phonenumbers.GetSupportedRegions()[region] {
		return nil, fmt.Errorf("phone: unknown country code %q", defaultCountry)
	}
	n := &Normalizer{region: region}
	for _, opt := range opts {
		opt(n)
	}
	for _, p := range n.outside {
		if len(p) < 1 || len(p) > 4 || strings.Trim(p, "0123456789") != "" {
			return nil, fmt.Errorf("phone: outside-line prefix %q is not 1 to 4 digits", p)
		}
	}
	return n, nil
}

// Country returns the default country as an upper-case ISO 3166 code.
func (n *Normalizer) Country() string { return n.region }

// Store returns the fnumber to store for a phone field value as people type
// it, and ok=false when the value holds no number and the row should be
// skipped. The result is E.164 digits without '+' for a complete number,
// the digits of a short internal extension, or else the value's digits;
// extensions, labels and comments are dropped (see the package doc).
func (n *Normalizer) Store(raw string) (fnumber string, ok bool) {
	plus, digits := scan(raw)
	num := n.read(plus, digits)
	return num.digits, num.digits != ""
}

// Lookup returns what a caller-id from the PBX should be searched as. It
// accepts bare digits, '+', 00/011 and trunk-prefixed forms, SIP and tel
// URIs and `"Name" <number>`. Withheld caller-ids (empty, "anonymous",
// "<unknown>", a single digit, all zeros) give a Query with empty Digits,
// which matches nothing.
func (n *Normalizer) Lookup(raw string) Query {
	plus, digits := scan(angleBracketed(raw))
	if len(digits) < minExtension || strings.Trim(digits, "0") == "" {
		return Query{}
	}
	num := n.read(plus, digits)
	q := Query{
		Digits:   num.digits,
		Reversed: Reverse(num.digits),
		Suffix:   num.digits,
		Internal: num.internal,
		Valid:    num.complete,
	}
	if num.complete {
		q.Suffix = suffix(num)
		q.Trunk = trunkPrefix(num.cc)
	}
	return q
}

// suffix is the NSN, or all the digits when the NSN is shorter than
// minSuffix, so that a suffix never collides with an extension.
func suffix(num number) string {
	if len(num.nsn) >= minSuffix {
		return num.nsn
	}
	return num.digits
}

// angleBracketed returns the part of `"Name" <sip:101@pbx>` inside the last
// angle brackets, so digits in a display name are not read as the number.
func angleBracketed(raw string) string {
	i := strings.LastIndexByte(raw, '<')
	if i < 0 {
		return raw
	}
	j := strings.IndexByte(raw[i:], '>')
	if j < 0 {
		return raw
	}
	return raw[i+1 : i+j]
}
