// Package phone turns phone numbers as people type them and caller-ids as
// carriers send them into the digit strings stored in vtiger's
// vtiger_pbxmanager_phonelookup table, and decides which stored numbers a
// caller-id matches.
//
// # Storage form
//
// Store writes fnumber, the canonical digits of a phone field, and the
// caller of Store writes rnumber = Reverse(fnumber):
//
//   - a complete number is stored as E.164 digits without '+'
//     (14155550142, 85223456789, 886227123456);
//   - a short internal extension, 2 to 6 digits typed without '+'
//     (101), is stored as those digits;
//   - anything else (a 7-digit US local number, a number invalid in the
//     default country) is stored as its digits only, so it can still be
//     matched exactly or as a suffix.
//
// An empty fnumber means the field holds no number: skip the row.
//
// A number is complete when libphonenumber finds it valid, or, failing
// that, when its length is possible and its national significant number
// (NSN) fits the country's general pattern; the second test keeps
// fictional and newly opened ranges (UK 07700 900xxx) canonical even when
// the bundled metadata says they are unassigned. Readings are tried in
// order: as typed in the default country; with a leading 00 or 011 read as
// an international prefix; without a configured outside-line prefix (see
// WithOutsidePrefix); and as a country code typed without '+'. The first
// valid reading wins, then the first complete one.
//
// # Text rules
//
// Anything before the first digit or '+' is a label ("Tel:", "tel:",
// "sip:", "ext"). The number ends at the first lower-case or non-ASCII
// letter, at a lone capital or EXT, and at '#', ',', ';', '|', '@', '*', a second
// '+' or a '/' next to a space; so "ext. 12", "x12", "#12", "轉12",
// "(home)" and a second number are dropped. Spaces, dashes, dots,
// parentheses and a slash between digits are punctuation. Runs of two or
// more capitals attached to the digits ("1-800-FLOWERS", "1800CALLME")
// are vanity letters and become keypad digits; other letters are labels or
// comments, because lower-case words after a number are far more often
// "home" or "ext" than a vanity spelling. Full-width and Arabic-Indic
// digits count as digits.
//
// # Matching rule
//
// Lookup reads a caller-id the same way into a Query. A stored fnumber F
// matches a Query q exactly when F is one of Forms(q):
//
//   - for a complete number with country code CC, NSN N of at least 7
//     digits and national trunk prefix T: CC+N (the E.164 digits), T+N,
//     N, and every suffix of N that has at least 7 digits. So caller
//     +14155550142 matches stored 14155550142, 4155550142, 155550142,
//     55550142 and 5550142, but not 12125550142 (a different number
//     sharing 7 digits) and not 142 (an extension);
//   - a form other than CC+N is dropped when Store would keep it as a
//     complete number of its own, that is when it has 8 or more digits,
//     does not start with 0 and reads as complete with a '+' in front:
//     then it is some other country's E.164 digits, not this caller
//     written nationally. Chinese mobile 151 0555 0142 has N = 15105550142,
//     which is how +1 510 555 0142 is stored, so it is not a form;
//   - for a complete number whose NSN is shorter than 7 digits (Niue
//     +683 4002), for an internal extension and for an incomplete
//     caller-id: the digits themselves, and nothing else. A caller-id
//     shorter than a complete number (5550142 without an area code) is
//     ambiguous across area codes, so it never matches a longer stored
//     number: the stored side may be the less complete one, never the
//     caller.
//
// The cost of suffix matching is that digits saved without a country code
// match every caller whose number ends in them: a 23456789 saved in a US
// CRM matches both +852 2345 6789 and +44 20 2345 6789.
//
// Matches(F, q) is that membership test. Every form ends with the last 7
// digits of q.Digits (all of them when shorter), which ScanPrefix returns
// reversed. Forms parses each candidate, so when filtering many rows call
// it once rather than Matches per row.
//
// # SQL
//
// Either query returns exactly the rows for which Matches is true.
//
// Recommended, using vtiger's existing INDEX(fnumber, rnumber):
//
//	SELECT crmid, setype, fnumber, fieldname
//	FROM vtiger_pbxmanager_phonelookup
//	WHERE fnumber IN (?)        -- sqlx.In with Forms(q)
//
// Range scan on rnumber, which needs an index led by rnumber, e.g.
// INDEX tl_pbxlookup_rnumber (rnumber), and a post-filter:
//
//	SELECT crmid, setype, fnumber, fieldname
//	FROM vtiger_pbxmanager_phonelookup
//	WHERE rnumber LIKE CONCAT(?, '%')   -- ScanPrefix(q); digits only, no escaping
//
// then keep the rows where Matches(fnumber, q). Skip the query when
// q.Digits is empty (anonymous, <unknown>, withheld).
package phone
