package phone

import (
	"slices"
	"strings"
	"testing"
)

func TestReverse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"1", "1"},
		{"14155550142", "24105555141"},
		{"0800", "0080"},
	}
	for _, tt := range tests {
		if got := Reverse(tt.in); got != tt.want {
			t.Errorf("Reverse(%q): got %q, want %q", tt.in, got, tt.want)
		}
		if got := Reverse(Reverse(tt.in)); got != tt.in {
			t.Errorf("Reverse(Reverse(%q)): got %q, want %q", tt.in, got, tt.in)
		}
	}
}

func TestForms(t *testing.T) {
	tests := []struct {
		country, caller string
		want            []string
	}{
		{"US", "+14155550142", []string{"14155550142", "4155550142", "155550142", "55550142", "5550142"}},
		{"HK", "+85223456789", []string{"85223456789", "23456789", "3456789"}},
		{"TW", "0227123456", []string{"886227123456", "0227123456", "227123456", "27123456", "7123456"}},
		{"GB", "+442079460958", []string{"442079460958", "02079460958", "2079460958", "079460958", "79460958", "9460958"}},
		// 15105550142 is +1 510 555 0142 when stored, so it is no form of
		// the Chinese mobile.
		{"HK", "+8615105550142", []string{"8615105550142", "015105550142", "5105550142", "105550142", "05550142", "5550142"}},
		{"NU", "+6834002", []string{"6834002"}},
		{"US", "101", []string{"101"}},
		{"US", "5550142", []string{"5550142"}},
		{"US", "anonymous", nil},
	}
	for _, tt := range tests {
		n, err := New(tt.country)
		if err != nil {
			t.Fatal(err)
		}
		q := n.Lookup(tt.caller)
		got := Forms(q)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s Forms(Lookup(%q)): got %v, want %v", tt.country, tt.caller, got, tt.want)
		}
		for _, f := range got {
			if !Matches(f, q) {
				t.Errorf("Matches(%q, Lookup(%q)): got false, want true", f, tt.caller)
			}
			if !strings.HasPrefix(Reverse(f), ScanPrefix(q)) {
				t.Errorf("form %q reversed: got %q, want prefix %q", f, Reverse(f), ScanPrefix(q))
			}
		}
	}
}

func TestScanPrefix(t *testing.T) {
	tests := []struct {
		q    Query
		want string
	}{
		{Query{Digits: "14155550142"}, "2410555"},
		{Query{Digits: "5550142"}, "2410555"},
		{Query{Digits: "101"}, "101"},
		{Query{}, ""},
	}
	for _, tt := range tests {
		if got := ScanPrefix(tt.q); got != tt.want {
			t.Errorf("ScanPrefix(%+v): got %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestMatchesZeroQuery(t *testing.T) {
	for _, f := range []string{"", "0", "14155550142"} {
		if Matches(f, Query{}) {
			t.Errorf("Matches(%q, Query{}): got true, want false", f)
		}
	}
}
