package phone

import (
	"strings"
	"testing"
)

func FuzzStoreLookup(f *testing.F) {
	for _, s := range []string{
		"+1 (415) 555-0142", "00852 2345 6789", "(02) 2712-3456轉123", "1-800-FLOWERS",
		"555 0142 x12", "sip:+14155550142@host;user=phone", `"A" <101>`, "<unknown>",
		"９0912３", "+", "011", "99999999999999999999999999", "0000", "+0", "٠١٢",
	} {
		f.Add(s)
	}
	norms := make([]*Normalizer, 0, 4)
	for _, c := range []string{"US", "HK", "TW", "GB"} {
		n, err := New(c, WithOutsidePrefix("9"))
		if err != nil {
			f.Fatal(err)
		}
		norms = append(norms, n)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, n := range norms {
			fnumber, ok := n.Store(raw)
			if ok != (fnumber != "") || !onlyDigits(fnumber) {
				t.Fatalf("%s Store(%q): got %q %v, want digits only and ok iff non-empty", n.Country(), raw, fnumber, ok)
			}
			q := n.Lookup(raw)
			for _, s := range []string{q.Digits, q.Reversed, q.Suffix, q.Trunk, ScanPrefix(q)} {
				if !onlyDigits(s) {
					t.Fatalf("%s Lookup(%q): got %+v, want digits only", n.Country(), raw, q)
				}
			}
			if q.Reversed != Reverse(q.Digits) || !strings.HasSuffix(q.Digits, q.Suffix) {
				t.Fatalf("%s Lookup(%q): got %+v, want Reversed and Suffix derived from Digits", n.Country(), raw, q)
			}
			for _, form := range Forms(q) {
				if !onlyDigits(form) || !strings.HasPrefix(Reverse(form), ScanPrefix(q)) {
					t.Fatalf("%s Lookup(%q): form %q outside scan prefix %q", n.Country(), raw, form, ScanPrefix(q))
				}
			}
		}
	})
}

func onlyDigits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}
