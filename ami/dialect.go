package ami

import (
	"fmt"
	"strconv"
	"strings"
)

// Dialect is the family of AMI event shapes a server speaks. The zero
// value, DialectAuto, means "detect from the banner".
type Dialect int

// Dialects, oldest first.
const (
	DialectAuto Dialect = iota
	Dialect14           // Asterisk 1.4: AMI 1.0, Link/Unlink, one Dial event
	Dialect16           // Asterisk 1.6: AMI 1.1, Bridge, Dial SubEvent Begin/End
	Dialect18           // Asterisk 1.8 to 11: as 1.6 plus Linkedid (AMI 1.1 to 1.3)
	DialectAMI2         // Asterisk 12+: AMI 2 and later, DialBegin, BridgeEnter
)

var dialectNames = map[Dialect]string{
	DialectAuto: "auto", Dialect14: "1.4", Dialect16: "1.6", Dialect18: "1.8", DialectAMI2: "ami2",
}

// String returns the name ParseDialect accepts.
func (d Dialect) String() string {
	if n, ok := dialectNames[d]; ok {
		return n
	}
	return "dialect(" + strconv.Itoa(int(d)) + ")"
}

// ParseDialect reads a configured dialect: "auto" (or empty), "1.4",
// "1.6", "1.8" (also "10", "11"), "ami2" (also "12+", "2", or any Asterisk
// version from 12 on).
func ParseDialect(s string) (Dialect, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", "auto":
		return DialectAuto, nil
	case "1.4":
		return Dialect14, nil
	case "1.6":
		return Dialect16, nil
	case "1.8", "10", "11":
		return Dialect18, nil
	case "ami2", "2", "12+":
		return DialectAMI2, nil
	default:
		if major, err := strconv.Atoi(strings.SplitN(v, ".", 2)[0]); err == nil && major >= 12 {
			return DialectAMI2, nil
		}
		return DialectAuto, fmt.Errorf("ami: unknown dialect %q (want auto, 1.4, 1.6, 1.8 or ami2)", s)
	}
}

// DetectDialect tells the dialect from the banner's AMI version:
// 1.0 is Asterisk 1.4, 1.1 is 1.6 or 1.8 (Refine tells them apart), 1.2
// and 1.3 are 10 and 11 (1.8 shapes), and 2.0 or later is Asterisk 12+
// (22 says 11.0.0). forced, when not DialectAuto, wins.
func DetectDialect(b Banner, forced Dialect) Dialect {
	if forced != DialectAuto {
		return forced
	}
	major, minor, _ := strings.Cut(b.Version, ".")
	maj, err := strconv.Atoi(major)
	if err != nil {
		return Dialect16
	}
	mnr, _ := strconv.Atoi(strings.SplitN(minor, ".", 2)[0])
	switch {
	case maj >= 2:
		return DialectAMI2
	case maj == 1 && mnr == 0:
		return Dialect14
	case maj == 1 && mnr == 1:
		return Dialect16
	case maj == 1:
		return Dialect18
	}
	return Dialect16
}

// Refine upgrades a banner-detected 1.6 to 1.8 once a frame proves it: an
// event with a Linkedid header, or a CoreSettings reply whose
// AsteriskVersion is 1.8 or later. Other dialects are returned as is.
func (d Dialect) Refine(m *Message) Dialect {
	if d != Dialect16 {
		return d
	}
	if _, ok := m.Lookup("Linkedid"); ok && m.IsEvent() {
		return Dialect18
	}
	v := m.Get("AsteriskVersion")
	if v == "" {
		return d
	}
	v = strings.TrimPrefix(strings.ToLower(v), "svn-branch-")
	major, minor, _ := strings.Cut(v, ".")
	maj, err1 := strconv.Atoi(major)
	mnr, _ := strconv.Atoi(strings.SplitN(minor, ".", 2)[0])
	switch {
	case err1 != nil:
		return d
	case maj >= 12:
		return DialectAMI2
	case maj > 1 || mnr >= 8:
		return Dialect18
	}
	return d
}
