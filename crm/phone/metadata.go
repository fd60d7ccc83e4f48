package phone

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// plausible reports whether p has a possible length for its country and an
// NSN that fits the country's general pattern. It accepts numbers in ranges
// the bundled metadata does not list as assigned (fictional, reserved or
// newly opened), which IsValidNumber rejects.
func plausible(p *phonenumbers.PhoneNumber) bool {
	if phonenumbers.IsPossibleNumberWithReason(p) != phonenumbers.IS_POSSIBLE {
		return false
	}
	re := generalPattern(int(p.GetCountryCode()))
	return re != nil && re.MatchString(phonenumbers.GetNationalSignificantNumber(p))
}

// generalSources maps a country calling code to the general national
// number pattern of its main region.
var generalSources = sync.OnceValue(func() map[int]string {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return nil
	}
	m := make(map[int]string)
	for _, md := range coll.GetMetadata() {
		cc := int(md.GetCountryCode())
		if _, seen := m[cc]; seen && !md.GetMainCountryForCode() {
			continue
		}
		m[cc] = md.GetGeneralDesc().GetNationalNumberPattern()
	}
	return m
})

// generalCompiled caches compiled patterns by country code; only the few
// countries a contact center sees get compiled.
var generalCompiled sync.Map // int → *regexp.Regexp

func generalPattern(cc int) *regexp.Regexp {
	if re, ok := generalCompiled.Load(cc); ok {
		return re.(*regexp.Regexp)
	}
	src := generalSources()[cc]
	if src == "" {
		return nil
	}
	re, err := regexp.Compile("^(?:" + src + ")$")
	if err != nil {
		return nil
	}
	generalCompiled.Store(cc, re)
	return re
}

// trunkPrefix returns the national (trunk) prefix of the main region for
// cc: "0" for TW and GB, "1" for NANPA, "" for HK. Prefixes that are not
// plain digits are ignored.
func trunkPrefix(cc int) string {
	t := phonenumbers.GetNddPrefixForRegion(phonenumbers.GetRegionCodeForCountryCode(cc), true)
	if strings.Trim(t, "0123456789") != "" {
		return ""
	}
	return t
}
