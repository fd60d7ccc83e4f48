package phone

import "testing"

func TestCorpusIntl(t *testing.T) { runCorpus(t, corpusIntl) }

// corpusIntl: the UK (trunk 0, +44), other countries, and numbers saved in
// one country's CRM without the country code that another country's
// carrier then sends in full.
var corpusIntl = []matchCase{
	// London +44 20 7946 0958.
	{"GB", "020 7946 0958", "+442079460958", true},
	{"GB", "+44 20 7946 0958", "+442079460958", true},
	{"GB", "+44 (0)20 7946 0958", "+442079460958", true},
	{"GB", "0044 20 7946 0958", "+442079460958", true},
	{"GB", "(020) 7946 0958", "+442079460958", true},
	{"GB", "020-7946-0958", "+442079460958", true},
	{"GB", "02079460958", "+442079460958", true},
	{"GB", "44 20 7946 0958", "+442079460958", true},
	{"GB", "+44 20 7946 0958 ext. 123", "+442079460958", true},
	{"GB", "020 7946 0958", "442079460958", true},
	{"GB", "020 7946 0958", "02079460958", true},
	{"GB", "020 7946 0958", "00442079460958", true},
	{"GB", "020 7946 0958", "2079460958", true},
	// UK mobiles in the Ofcom drama range, which the metadata lists as
	// unassigned: plausible numbers stay canonical.
	{"GB", "07700 900123", "+447700900123", true},
	{"GB", "07700 900123", "07700900123", true},
	{"GB", "+44 7700 900123", "447700900123", true},
	{"GB", "07700 900123", "+447700900124", false},
	{"GB", "0161 496 0123", "+441614960123", true},
	{"GB", "020 7946 0958", "+441619460958", false},
	{"GB", "020 7946 0958", "+12079460958", false},
	{"US", "+44 20 7946 0958", "011442079460958", true},
	{"US", "011 44 20 7946 0958", "+442079460958", true},
	{"US", "+44 20 7946 0958", "+442079460958", true},
	// UK number saved in national form in a US CRM: stored with trunk 0.
	{"US", "020 7946 0958", "+442079460958", true},
	{"HK", "07700 900123", "+447700900123", true},

	// Germany, Switzerland, France, Italy (leading zero kept), Russia
	// (trunk 8), Australia (IDD 0011), Japan, Singapore.
	{"US", "+49 30 1234567", "0049301234567", true},
	{"US", "+49 (0)30 1234567", "+49301234567", true},
	{"DE", "030 1234567", "+49301234567", true},
	{"DE", "030 1234567", "0301234567", true},
	{"DE", "030/1234567", "0049301234567", true},
	{"DE", "030 1234567", "+49301234568", false},
	{"US", "+41 44 668 18 00", "0041446681800", true},
	{"CH", "044 668 18 00", "+41446681800", true},
	{"CH", "044 668 18 00", "0041446681800", true},
	{"CH", "044 668 18 00", "0446681800", true},
	{"US", "+33 1 23 45 67 89", "0033123456789", true},
	{"FR", "01 23 45 67 89", "+33123456789", true},
	{"FR", "01.23.45.67.89", "0123456789", true},
	{"FR", "01 23 45 67 89", "+33123456788", false},
	{"US", "+39 06 1234 5678", "011390612345678", true},
	{"IT", "06 1234 5678", "+390612345678", true},
	{"IT", "06 1234 5678", "0612345678", true},
	{"RU", "8 (495) 123-45-67", "+74951234567", true},
	{"RU", "+7 495 123-45-67", "84951234567", true},
	{"AU", "+61 2 9374 4000", "0011 61 2 9374 4000", true},
	{"AU", "(02) 9374 4000", "+61293744000", true},
	{"AU", "02 9374 4000", "0293744000", true},
	{"JP", "+81 3-1234-5678", "0312345678", true},
	{"JP", "03-1234-5678", "+81312345678", true},
	{"SG", "+65 6123 4567", "61234567", true},
	{"SG", "6123 4567", "+6561234567", true},
	{"US", "+86 10 1234 5678", "0118610 12345678", true},
	// A number whose NSN is shorter than 7 digits matches only in full.
	{"NU", "+683 4002", "+6834002", true},
	{"US", "+683 4002", "0116834002", true},
	{"NU", "4002", "+6834002", false},

	// Saved without a country code in another country's CRM: the digits
	// are kept and match as the caller's national number.
	{"HK", "415-555-0142", "+14155550142", true},
	{"HK", "(415) 555-0142", "14155550142", true},
	{"HK", "1 415 555 0142", "+14155550142", true},
	{"HK", "14155550142", "+14155550142", true},
	{"US", "2345 6789", "+85223456789", true},
	{"US", "0912 345 678", "+886912345678", true},
	{"US", "02 2712 3456", "+886227123456", true},
	{"GB", "0912 345 678", "+886912345678", true},
	// ... but never as a different country's complete number.
	{"US", "+1 510 555 0142", "+8615105550142", false},
	{"HK", "+1 510 555 0142", "+8615105550142", false},
	{"US", "415-555-0142", "+8614155550142", false},
	{"US", "+86 151 0555 0142", "+15105550142", false},
	{"HK", "+86 151 0555 0142", "+8615105550142", true},
	// Different countries, same national digits.
	{"US", "+49 30 1234567", "+43301234567", false},
	{"GB", "+852 2345 6789", "+44 20 2345 6789", false},
	{"GB", "+44 20 2345 6789", "+85223456789", false},
	// The price of suffix matching: digits saved without a country code
	// match any caller whose number ends in them.
	{"US", "2345 6789", "+44 20 2345 6789", true},
}
