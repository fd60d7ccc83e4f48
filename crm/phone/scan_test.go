package phone

import "testing"

func TestScan(t *testing.T) {
	tests := []struct {
		raw    string
		plus   bool
		digits string
	}{
		{"", false, ""},
		{"+1 (415) 555-0142", true, "14155550142"},
		{"tel:+14155550142", true, "14155550142"},
		{"(+852) 2345 6789", true, "85223456789"},
		{"＋８５２ ２３４５", true, "8522345"},
		{"٠١٢٣٤٥٦٧٨٩", false, "0123456789"},
		{"۰۱۲", false, "012"},
		{"555-0142 ext. 12", false, "5550142"},
		{"555 0142 x12", false, "5550142"},
		{"555-0142#12", false, "5550142"},
		{"555-0142 EXT 12", false, "5550142"},
		{"555-0142EXT12", false, "5550142"},
		{"555-0142X12", false, "5550142"},
		{"555-0142,,12", false, "5550142"},
		{"02-2712-3456轉123", false, "0227123456"},
		{"1-800-FLOWERS", false, "18003569377"},
		{"1800FLOWERS", false, "18003569377"},
		{"1-800-MY-APPLE", false, "18006927753"},
		{"1 800 FLOWERS", false, "1800"},
		{"1-800-Flowers", false, "1800"},
		{"2345 6789 HOME", false, "23456789"},
		{"02/2712 3456", false, "0227123456"},
		{"2345 6789 / 9123 4567", false, "23456789"},
		{"2345 6789 /9123 4567", false, "23456789"},
		{"+1 415 +1 212", true, "1415"},
		{"++852 2345", true, "8522345"},
		{"sip:101@10.0.0.1", false, "101"},
		{"anonymous", false, ""},
		{"FLOWERS", false, ""},
	}
	for _, tt := range tests {
		plus, digits := scan(tt.raw)
		if plus != tt.plus || digits != tt.digits {
			t.Errorf("scan(%q): got %v %q, want %v %q", tt.raw, plus, digits, tt.plus, tt.digits)
		}
	}
}
