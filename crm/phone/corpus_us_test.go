package phone

import "testing"

func TestCorpusUS(t *testing.T) { runCorpus(t, corpusUS) }

// corpusUS: NANPA numbers (1 + 10 digits) in US and Canadian CRMs.
var corpusUS = []matchCase{
	// How people type one number; the carrier sends E.164.
	{"US", "+1 (415) 555-0142", "+14155550142", true},
	{"US", "(415) 555-0142", "+14155550142", true},
	{"US", "415-555-0142", "+14155550142", true},
	{"US", "415.555.0142", "+14155550142", true},
	{"US", "415 555 0142", "+14155550142", true},
	{"US", "4155550142", "+14155550142", true},
	{"US", "1-415-555-0142", "+14155550142", true},
	{"US", "1 (415) 555-0142", "+14155550142", true},
	{"US", "+1.415.555.0142", "+14155550142", true},
	{"US", "+14155550142", "+14155550142", true},
	{"US", "415/555-0142", "+14155550142", true},
	{"US", " 415 555 0142 ", "+14155550142", true},
	{"US", "Mobile: 415-555-0142", "+14155550142", true},
	{"US", "415-555-0142 (cell)", "+14155550142", true},
	{"US", "tel:+1-415-555-0142", "+14155550142", true},
	{"US", "011 1 415 555 0142", "+14155550142", true},
	{"US", "001 415 555 0142", "+14155550142", true},
	// Extensions are dropped from the stored number.
	{"US", "415-555-0142 ext. 12", "+14155550142", true},
	{"US", "415 555 0142 x12", "+14155550142", true},
	{"US", "415-555-0142 #12", "+14155550142", true},
	{"US", "(415) 555-0142 ext 204", "+14155550142", true},
	{"US", "415.555.0142 Ext. 7", "+14155550142", true},
	{"US", "415-555-0142 EXT 7", "+14155550142", true},
	{"US", "415-555-0142x7", "+14155550142", true},
	{"US", "415-555-0142,,7", "+14155550142", true},
	// How carriers send it.
	{"US", "(415) 555-0142", "14155550142", true},
	{"US", "(415) 555-0142", "4155550142", true},
	{"US", "(415) 555-0142", "0014155550142", true},
	{"US", "(415) 555-0142", "01114155550142", true},
	{"US", "(415) 555-0142", "+1 415 555 0142", true},
	{"US", "(415) 555-0142", "sip:+14155550142@trunk.example.com;user=phone", true},
	{"US", "(415) 555-0142", `"Jane Doe" <+14155550142>`, true},
	{"US", "(415) 555-0142", "tel:+14155550142", true},
	{"US", "+1 415 555 0142", "4155550142", true},
	{"US", "14155550142", "4155550142", true},
	// A 7-digit local number stored without area code matches as a suffix.
	{"US", "555-0142", "+14155550142", true},
	{"US", "555 0142 x12", "+14155550142", true},
	{"US", "555-0142 ext. 12", "14155550142", true},
	{"US", "555-0142", "+12125550142", true},
	{"US", "555-0143", "+14155550142", false},
	// A caller shorter than the stored number is ambiguous: no match.
	{"US", "+1 415 555 0142", "5550142", false},
	{"US", "415-555-0142", "155550142", false},
	// Different numbers sharing a suffix.
	{"US", "(212) 555-0142", "+14155550142", false},
	{"US", "415-555-0143", "+14155550142", false},
	{"US", "+1 415 555 0142", "+12125550142", false},
	{"US", "1-415-555-01422", "+14155550142", false},
	{"US", "415-555-0142", "+44 20 7946 0958", false},
	{"US", "415-555-0142", "+8614155550142", false},
	// Extensions against full numbers ending in the same digits.
	{"US", "142", "+14155550142", false},
	{"US", "0142", "+14155550142", false},
	{"US", "50142", "+14155550142", false},
	{"US", "x142", "+14155550142", false},
	{"US", "+1 415 555 0142", "0142", false},
	{"US", "+1 415 555 0142", "50142", false},
	{"US", "ext 0142", "0142", true},
	{"US", "Ext. 2040", "sip:2040@pbx.local", true},
	{"US", "2040", `"Reception" <2040>`, true},
	// Withheld caller-ids match nothing.
	{"US", "+1 415 555 0142", "anonymous", false},
	{"US", "+1 415 555 0142", "<unknown>", false},
	{"US", "+1 415 555 0142", "", false},
	{"US", "+1 415 555 0142", "Restricted", false},
	// Canada and the rest of NANPA.
	{"CA", "(604) 555-0199", "+16045550199", true},
	{"CA", "604.555.0199", "6045550199", true},
	{"CA", "+1 514 555 0123", "15145550123", true},
	{"US", "604-555-0199", "16045550199", true},
	{"US", "+1 604 555 0199", "6045550199", true},
	{"US", "416-555-0100", "+14165550199", false},
	{"CA", "1 (416) 555-0100", "4165550100", true},
	// Toll-free and vanity numbers: capitals attached to digits are keypad
	// letters; mixed-case words are read as comments.
	{"US", "1-800-FLOWERS", "18003569377", true},
	{"US", "1-800-FLOWERS", "+18003569377", true},
	{"US", "1 800 356 9377", "8003569377", true},
	{"US", "800-MY-APPLE", "+18006927753", true},
	{"US", "1800FLOWERS", "8003569377", true},
	{"US", "1-800-FLOWERS x12", "+18003569377", true},
	{"US", "1-800-Flowers", "+18003569377", false},
}
