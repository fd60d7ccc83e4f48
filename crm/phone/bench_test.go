package phone

import "testing"

var benchInputs = []struct{ country, raw string }{
	{"US", "+1 (415) 555-0142"},
	{"US", "555-0142 ext. 12"},
	{"HK", "2345 6789"},
	{"HK", "415-555-0142"},
	{"TW", "(02) 2712-3456轉123"},
	{"GB", "07700 900123"},
}

func benchNormalizers(b *testing.B) []*Normalizer {
	b.Helper()
	ns := make([]*Normalizer, len(benchInputs))
	for i, in := range benchInputs {
		n, err := New(in.country)
		if err != nil {
			b.Fatal(err)
		}
		ns[i] = n
	}
	return ns
}

func BenchmarkStore(b *testing.B) {
	ns := benchNormalizers(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		j := i % len(benchInputs)
		ns[j].Store(benchInputs[j].raw)
	}
}

func BenchmarkLookup(b *testing.B) {
	ns := benchNormalizers(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		j := i % len(benchInputs)
		ns[j].Lookup(benchInputs[j].raw)
	}
}

func BenchmarkLookupForms(b *testing.B) {
	n, err := New("US")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Forms(n.Lookup("+14155550142"))
	}
}
