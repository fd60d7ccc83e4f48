package crm

import (
	"regexp"
	"strings"
)

// DefaultExtensionPatterns map channel names to extensions: the first
// submatch is the extension. They cover SIP/101-0000000a,
// PJSIP/101-00000001, IAX2/101-1234, DAHDI/1-1 and Local/101@agents-…;1
// (",1" on Asterisk 1.4), and the bare interfaces queues name (SIP/101,
// Local/101@agents).
var DefaultExtensionPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^Local/([^@/;,]+)@`),
	regexp.MustCompile(`^(?:SIP|PJSIP|IAX2|DAHDI|SCCP|Skinny|MGCP|H323|OOH323|UNISTIM|Console)/([^/@;,]+?)(?:-[0-9a-fA-F]+)?(?:<[^>]*>)?$`),
}

// TrackerConfig describes one PBX's dialplan as far as the tracker needs it.
// Contexts and numbers are configuration because every dialplan differs;
// the recorded traces use agents 101, 102, 201, 202, inbound context
// from-pstn and outbound context pstn-out.
type TrackerConfig struct {
	Gateway string // the PBX's name, copied onto every record
	// Agents is the set of agent extensions. A channel whose extension
	// (per ExtensionPatterns) is in it is an agent's phone.
	Agents map[string]bool
	// InboundContexts are the contexts where calls from outside enter
	// (from-pstn); OutboundContexts where calls leave (pstn-out).
	InboundContexts  map[string]bool
	OutboundContexts map[string]bool
	// DIDs are numbers customers dial; a channel starting at one of them
	// is an inbound trunk leg whatever its context.
	DIDs map[string]bool
	// TrunkChannels match channels of trunks (e.g. ^PJSIP/provider-): an
	// inbound leg when it starts the call, an outbound one when dialled.
	TrunkChannels []*regexp.Regexp
	// ExtensionPatterns replace DefaultExtensionPatterns when set.
	ExtensionPatterns []*regexp.Regexp
	// RecentlyEnded is how many ended channel uniqueids are remembered so
	// late and repeated events of ended calls are ignored; default 4096.
	RecentlyEnded int
}

// SetOf returns a set holding items, for the map fields of TrackerConfig.
func SetOf(items ...string) map[string]bool {
	s := make(map[string]bool, len(items))
	for _, it := range items {
		s[it] = true
	}
	return s
}

// Extension returns the extension in a channel or interface name
// (Local/101@agents-1f5c,1 → 101), or "" when no pattern matches.
func (c *TrackerConfig) Extension(channel string) string {
	pats := c.ExtensionPatterns
	if len(pats) == 0 {
		pats = DefaultExtensionPatterns
	}
	for _, re := range pats {
		if m := re.FindStringSubmatch(channel); len(m) > 1 {
			return m[1]
		}
	}
	return ""
}

func (c *TrackerConfig) isTrunk(channel string) bool {
	for _, re := range c.TrunkChannels {
		if re.MatchString(channel) {
			return true
		}
	}
	return false
}

// localPairBase returns the name shared by both halves of a Local channel
// pair ("Local/101@agents-1f5c" for ...-1f5c,1 and ...-1f5c;2), or "".
func localPairBase(name string) string {
	if !strings.HasPrefix(name, "Local/") || len(name) < 3 {
		return ""
	}
	sep, half := name[len(name)-2], name[len(name)-1]
	if (sep != ';' && sep != ',') || (half != '1' && half != '2') {
		return ""
	}
	return name[:len(name)-2]
}

// localTarget returns the extension and context a Local channel was
// created for (Local/+14155550142@pstn-out-8d28,1 → +14155550142,
// pstn-out); 1.4 does not say them on Newchannel.
func localTarget(name string) (exten, context string) {
	base := localPairBase(name)
	if base == "" {
		return "", ""
	}
	base = strings.TrimPrefix(base, "Local/")
	at := strings.LastIndexByte(base, '@')
	dash := strings.LastIndexByte(base, '-')
	if at < 0 || dash < at {
		return "", ""
	}
	return base[:at], base[at+1 : dash]
}

// cleanNum drops the placeholders Asterisk uses for an absent caller id.
func cleanNum(s string) string {
	switch strings.ToLower(s) {
	case "<unknown>", "unknown", "<null>", "(null)", "anonymous":
		return ""
	}
	return s
}
