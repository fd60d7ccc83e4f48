package ami_test

import (
	"testing"

	"github.com/tigerline/tigerline/ami"
)

func TestDetectDialect(t *testing.T) {
	tests := []struct {
		banner string
		forced ami.Dialect
		want   ami.Dialect
	}{
		{"Asterisk Call Manager/1.0", ami.DialectAuto, ami.Dialect14},
		{"Asterisk Call Manager/1.1", ami.DialectAuto, ami.Dialect16},
		{"Asterisk Call Manager/1.3", ami.DialectAuto, ami.Dialect18},
		{"Asterisk Call Manager/2.10.5", ami.DialectAuto, ami.DialectAMI2},
		{"Asterisk Call Manager/11.0.0", ami.DialectAuto, ami.DialectAMI2},
		{"Asterisk Call Manager/1.1", ami.Dialect14, ami.Dialect14},
	}
	for _, tc := range tests {
		b, err := ami.ParseBanner(tc.banner)
		if err != nil {
			t.Fatal(err)
		}
		if got := ami.DetectDialect(b, tc.forced); got != tc.want {
			t.Errorf("DetectDialect(%q, %v): got %v, want %v", tc.banner, tc.forced, got, tc.want)
		}
	}
}

func TestDialectRefine(t *testing.T) {
	tests := []struct {
		name string
		d    ami.Dialect
		msg  *ami.Message
		want ami.Dialect
	}{
		{"linkedid proves 1.8", ami.Dialect16, msg("Event", "Newchannel", "Linkedid", "1.0"), ami.Dialect18},
		{"no linkedid stays 1.6", ami.Dialect16, msg("Event", "Newchannel", "Uniqueid", "1.0"), ami.Dialect16},
		{"CoreSettings 1.8", ami.Dialect16, msg("Response", "Success", "AsteriskVersion", "1.8.32.3"), ami.Dialect18},
		{"CoreSettings 1.6", ami.Dialect16, msg("Response", "Success", "AsteriskVersion", "1.6.2.24"), ami.Dialect16},
		{"1.4 untouched", ami.Dialect14, msg("Event", "Newchannel", "Linkedid", "1.0"), ami.Dialect14},
	}
	for _, tc := range tests {
		if got := tc.d.Refine(tc.msg); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestParseDialect(t *testing.T) {
	tests := []struct {
		in      string
		want    ami.Dialect
		wantErr bool
	}{
		{"", ami.DialectAuto, false}, {"1.4", ami.Dialect14, false}, {"1.6", ami.Dialect16, false},
		{"1.8", ami.Dialect18, false}, {"ami2", ami.DialectAMI2, false}, {"22.10.1", ami.DialectAMI2, false},
		{"1.2", ami.DialectAuto, true},
	}
	for _, tc := range tests {
		got, err := ami.ParseDialect(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseDialect(%q): got %v, %v, want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func msg(kv ...string) *ami.Message {
	m := &ami.Message{}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Add(kv[i], kv[i+1])
	}
	return m
}
