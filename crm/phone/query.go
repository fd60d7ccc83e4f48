package phone

// minSuffix is the fewest digits a stored number may share with a caller
// to match it without the rest of the number: a 7-digit subscriber number.
const minSuffix = 7

// Query is a caller-id read for searching. The zero Query (empty Digits)
// is a withheld or unusable caller-id and matches nothing.
type Query struct {
	// Digits is the canonical form, comparable with a stored fnumber:
	// E.164 digits without '+' when Valid, the extension when Internal,
	// otherwise the caller-id's digits.
	Digits string
	// Reversed is Reverse(Digits).
	Reversed string
	// Suffix is the national significant number (NSN) when Valid and at
	// least 7 digits long, otherwise Digits. Numbers stored without a
	// country code end in it.
	Suffix string
	// Trunk is the national (trunk) prefix of the caller's country when
	// Valid: "0" for TW and GB, "1" for NANPA, "" for HK.
	Trunk string
	// Internal reports a short extension (2 to 6 digits, no '+').
	Internal bool
	// Valid reports a complete number: country code plus national
	// significant number, valid or at least plausible per libphonenumber.
	Valid bool
}

// Reverse returns s with its bytes in reverse order. It is meant for the
// ASCII digit strings of fnumber and rnumber.
func Reverse(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		b[len(s)-1-i] = s[i]
	}
	return string(b)
}

// Forms returns every stored fnumber that matches q, per the rule in the
// package doc, without duplicates; nil for the zero Query. Use it as the
// list in `fnumber IN (...)`.
func Forms(q Query) []string {
	if q.Digits == "" {
		return nil
	}
	forms := []string{q.Digits}
	if !q.Valid || len(q.Suffix) < minSuffix || len(q.Suffix) >= len(q.Digits) {
		return forms
	}
	national := make([]string, 0, 1+len(q.Suffix)-minSuffix+1)
	if q.Trunk != "" {
		national = append(national, q.Trunk+q.Suffix)
	}
	for n := len(q.Suffix); n >= minSuffix; n-- {
		national = append(national, lastN(q.Suffix, n))
	}
	for _, f := range national {
		// A national form that Store would have kept as another country's
		// E.164 digits names that other number, not this caller.
		if f != q.Digits && !storedAsE164(f) {
			forms = appendNew(forms, f)
		}
	}
	return forms
}

// Matches reports whether a stored fnumber matches q: whether it is one of
// Forms(q). Both SQL shapes in the package doc return exactly these rows.
func Matches(storedF string, q Query) bool {
	for _, f := range Forms(q) {
		if f == storedF {
			return true
		}
	}
	return false
}

// ScanPrefix returns the reversed prefix for the range scan
// `rnumber LIKE CONCAT(?, '%')`: the reversed last 7 digits of q.Digits, or
// all of them when shorter. Every form of q, reversed, starts with it, so
// the scan finds every match; it also finds other numbers sharing those
// digits, which Matches filters out. Empty for the zero Query: skip the
// query rather than scan the whole table.
func ScanPrefix(q Query) string {
	return Reverse(lastN(q.Digits, minSuffix))
}

func lastN(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
