package phone

import (
	"strings"
	"testing"
)

// matchCase is one corpus entry: a phone field value saved in a CRM whose
// default country is country, a caller-id as the PBX reports it, and
// whether the call must find the record.
type matchCase struct {
	country  string
	stored   string
	incoming string
	want     bool
}

// runCorpus stores, looks up and matches every case the way the lookup
// table does, and checks that each match is inside the range scan.
func runCorpus(t *testing.T, cases []matchCase, opts ...Option) {
	t.Helper()
	norms := map[string]*Normalizer{}
	for i, c := range cases {
		n, ok := norms[c.country]
		if !ok {
			var err error
			if n, err = New(c.country, opts...); err != nil {
				t.Fatalf("New(%q): %v", c.country, err)
			}
			norms[c.country] = n
		}
		f, _ := n.Store(c.stored)
		q := n.Lookup(c.incoming)
		if got := Matches(f, q); got != c.want {
			t.Errorf("case %d %s: stored %q (fnumber %q), caller %q (forms %v): got match %v, want %v",
				i, c.country, c.stored, f, c.incoming, Forms(q), got, c.want)
		}
		if Matches(f, q) && !strings.HasPrefix(Reverse(f), ScanPrefix(q)) {
			t.Errorf("case %d: rnumber %q outside scan prefix %q", i, Reverse(f), ScanPrefix(q))
		}
	}
}

func TestCorpusSize(t *testing.T) {
	got := len(corpusUS) + len(corpusHKTW) + len(corpusIntl) + len(corpusEdge) + len(corpusOutside)
	if got < 200 {
		t.Errorf("got %d corpus cases, want at least 200", got)
	}
}
