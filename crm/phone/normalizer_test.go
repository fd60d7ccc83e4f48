package phone

import "testing"

func TestNew(t *testing.T) {
	tests := []struct {
		country string
		opts    []Option
		want    string // Country(), or "" for an error
	}{
		{"HK", nil, "HK"},
		{"tw", nil, "TW"},
		{" us ", nil, "US"},
		{"GB", []Option{WithOutsidePrefix("9"), WithOutsidePrefix("0")}, "GB"},
		{"", nil, ""},
		{"UK", nil, ""},
		{"ZZ", nil, ""},
		{"USA", nil, ""},
		{"US", []Option{WithOutsidePrefix("")}, ""},
		{"US", []Option{WithOutsidePrefix("9a")}, ""},
		{"US", []Option{WithOutsidePrefix("12345")}, ""},
	}
	for _, tt := range tests {
		n, err := New(tt.country, tt.opts...)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("New(%q): got no error, want one", tt.country)
		case tt.want != "" && err != nil:
			t.Errorf("New(%q): got error %v, want none", tt.country, err)
		case tt.want != "" && n.Country() != tt.want:
			t.Errorf("New(%q).Country(): got %q, want %q", tt.country, n.Country(), tt.want)
		}
	}
}

func TestStore(t *testing.T) {
	tests := []struct {
		country, raw string
		want         string
	}{
		{"US", "+1 (415) 555-0142", "14155550142"},
		{"US", "415.555.0142", "14155550142"},
		{"US", "00852 2345 6789", "85223456789"},
		{"US", "011 44 20 7946 0958", "442079460958"},
		{"TW", "(02) 2712-3456", "886227123456"},
		{"TW", "0912-345-678", "886912345678"},
		{"HK", "2345 6789", "85223456789"},
		{"HK", "+852-2345-6789", "85223456789"},
		{"US", "555-0142 ext. 12", "5550142"},
		{"US", "555 0142 x12", "5550142"},
		{"US", "tel:+14155550142", "14155550142"},
		{"US", "101", "101"},
		{"US", "12", "12"},
		{"US", "123456", "123456"},
		{"US", "5", "5"},
		{"US", "+12", "12"},
		{"HK", "415-555-0142", "4155550142"},
		{"HK", "14155550142", "14155550142"},
		{"TW", "00852 2345 6789", "85223456789"},
		{"US", "0227123456", "0227123456"},
		{"GB", "07700 900123", "447700900123"},
		{"GB", "+44 (0)20 7946 0958", "442079460958"},
		{"IT", "06 1234 5678", "390612345678"},
		{"US", "", ""},
		{"US", "n/a", ""},
		{"US", "call John", ""},
	}
	for _, tt := range tests {
		n, err := New(tt.country)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := n.Store(tt.raw)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s Store(%q): got %q %v, want %q %v", tt.country, tt.raw, got, ok, tt.want, tt.want != "")
		}
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		country, raw string
		want         Query
	}{
		{"US", "+14155550142", Query{"14155550142", "24105555141", "4155550142", "1", false, true}},
		{"US", "4155550142", Query{"14155550142", "24105555141", "4155550142", "1", false, true}},
		{"US", "0041446681800", Query{"41446681800", "00818664414", "446681800", "0", false, true}},
		{"TW", "0227123456", Query{"886227123456", "654321722688", "227123456", "0", false, true}},
		{"HK", "23456789", Query{"85223456789", "98765432258", "23456789", "", false, true}},
		{"NU", "+6834002", Query{"6834002", "2004386", "6834002", "", false, true}},
		{"US", "101", Query{"101", "101", "101", "", true, false}},
		{"US", "5550142", Query{"5550142", "2410555", "5550142", "", false, false}},
		{"US", "anonymous", Query{}},
		{"US", "<unknown>", Query{}},
		{"US", "", Query{}},
		{"US", "0", Query{}},
		{"US", "000000", Query{}},
	}
	for _, tt := range tests {
		n, err := New(tt.country)
		if err != nil {
			t.Fatal(err)
		}
		if got := n.Lookup(tt.raw); got != tt.want {
			t.Errorf("%s Lookup(%q): got %+v, want %+v", tt.country, tt.raw, got, tt.want)
		}
	}
}
