package phone

import "testing"

func TestCorpusEdge(t *testing.T) { runCorpus(t, corpusEdge) }

func TestCorpusOutside(t *testing.T) { runCorpus(t, corpusOutside, WithOutsidePrefix("9")) }

// corpusEdge: withheld caller-ids, fields without a number, extensions,
// odd punctuation, URIs and several numbers in one field.
var corpusEdge = []matchCase{
	// Withheld or unusable caller-ids match nothing, not even an empty
	// stored number.
	{"US", "+1 415 555 0142", "Anonymous", false},
	{"US", "+1 415 555 0142", "unknown", false},
	{"US", "+1 415 555 0142", "Private", false},
	{"US", "+1 415 555 0142", "Unavailable", false},
	{"US", "+1 415 555 0142", "0", false},
	{"US", "0", "0", false},
	{"US", "+1 415 555 0142", "0000000000", false},
	{"US", "+1 415 555 0142", "-", false},
	{"US", "+1 415 555 0142", "+", false},
	{"US", "+1 415 555 0142", "   ", false},
	{"HK", "", "", false},
	{"HK", "", "anonymous", false},
	{"HK", "", "<unknown>", false},
	{"HK", "", "+85223456789", false},
	{"HK", "N/A", "+85223456789", false},
	{"HK", "none", "", false},
	{"HK", "-", "-", false},
	{"TW", "無", "+886227123456", false},
	// Extensions: exact only, never against a full number.
	{"US", "12", "12", true},
	{"US", "123456", "123456", true},
	{"US", "123456", "1234567", false},
	{"US", "2040", "+14155552040", false},
	{"US", "+1 415 555 2040", "2040", false},
	{"US", "101", "1101", false},
	{"US", "1101", "101", false},
	{"US", "101", "+14155550101", false},
	{"US", "x101", "101", true},
	{"US", "ext. 101", "sip:101@pbx.example.com", true},
	{"US", "101", `"2345" <sip:101@pbx>`, true},
	{"HK", "101", `"Room 101" <sip:102@pbx>`, false},
	{"HK", "Ext 8001", "PJSIP/8001", true},
	// A 7-digit stored number is a suffix; a 6-digit one is an extension.
	{"US", "1234567", "+14151234567", true},
	{"US", "234567", "+14151234567", false},
	// The caller's number is longer than any form of the stored one.
	{"US", "+1 415 555 0142", "+141555501420", false},
	{"US", "415 555 0142", "4155550142 9", false},
	// URIs and parameters.
	{"HK", "tel:+852-2345-6789;ext=101", "+85223456789", true},
	{"HK", "sip:+85223456789@carrier.example", "23456789", true},
	{"HK", "2345 6789", "<sip:+85223456789@carrier.example;user=phone>", true},
	{"US", "415-555-0142", "tel:+1-415-555-0142", true},
	// Several numbers in one field: the first wins.
	{"HK", "2345 6789 / 9123 4567", "+85223456789", true},
	{"HK", "2345 6789 / 9123 4567", "+85291234567", false},
	{"HK", "2345 6789, 9123 4567", "+85223456789", true},
	{"HK", "2345 6789; 9123 4567", "+85291234567", false},
	{"HK", "2345 6789 or 9123 4567", "+85223456789", true},
	{"US", "+1 415 555 0142 +1 415 555 0143", "+14155550142", true},
	// Odd punctuation and spacing.
	{"US", "(415)555-0142", "+14155550142", true},
	{"US", "415 - 555 - 0142", "+14155550142", true},
	{"US", "[415] 555 0142", "+14155550142", true},
	{"US", "415_555_0142", "+14155550142", true},
	{"US", "+1-(415)-555-0142.", "+14155550142", true},
	{"HK", "2345\t6789", "+85223456789", true},
	{"HK", "+８５２ ２３４５ ６７８９", "+85223456789", true},
	// Leading labels are skipped.
	{"HK", "Tel: 2345 6789", "+85223456789", true},
	{"HK", "Mobile 9123 4567", "+85291234567", true},
	{"TW", "手機 0912-345-678", "+886912345678", true},
}

// corpusOutside: a PBX that puts the outside-line prefix 9 before
// external caller-ids.
var corpusOutside = []matchCase{
	{"US", "415-555-0142", "914155550142", true},
	{"US", "415-555-0142", "94155550142", true},
	{"US", "415-555-0142", "+14155550142", true},
	{"US", "(917) 234-5678", "9172345678", true},
	{"US", "(917) 234-5678", "99172345678", true},
	{"US", "+44 20 7946 0958", "9011442079460958", true},
	{"US", "101", "101", true},
	{"US", "101", "9101", false},
	{"HK", "2345 6789", "923456789", true},
	{"HK", "9123 4567", "91234567", true},
	{"HK", "9123 4567", "991234567", true},
	{"HK", "9123 4567", "+85291234567", true},
	{"HK", "2345 6789", "9 0085223456789", true},
	{"TW", "0912-345-678", "90912345678", true},
	{"TW", "0912-345-678", "0912345678", true},
	{"TW", "(02) 2712-3456", "90227123456", true},
	{"TW", "(02) 2712-3456", "9002886227123456", true},
	{"GB", "020 7946 0958", "902079460958", true},
	{"GB", "07700 900123", "907700900123", true},
}
