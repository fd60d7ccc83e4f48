package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// A place gives names, cities and phone formats that belong together: a
// Hong Kong company has Cantonese names and 8-digit numbers.
type place struct {
	country, code string
	cities        []string
	firstNames    []string
	lastNames     []string
	// phone returns a number written the way people of this place write
	// it, in one of several habits.
	phone func(r *rand.Rand) string
}

var places = []place{
	{
		country: "Hong Kong", code: "HK",
		cities:     []string{"Central", "Kowloon Bay", "Tsim Sha Tsui", "Wan Chai", "Sha Tin", "Kwun Tong"},
		firstNames: []string{"Ka Ming", "Wing Yan", "Siu Fung", "Mei Ling", "Chi Keung", "Hoi Ying", "Tsz Wai", "Man Kit"},
		lastNames:  []string{"Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Ho", "Leung"},
		phone: func(r *rand.Rand) string {
			n := fmt.Sprintf("%d%03d%04d", 2+r.IntN(8), r.IntN(1000), r.IntN(10000))
			return pick(r, []string{
				n[:4] + " " + n[4:], "+852 " + n[:4] + " " + n[4:], "+852-" + n[:4] + "-" + n[4:],
				"(852) " + n, "00852 " + n, n,
			})
		},
	},
	{
		country: "Taiwan", code: "TW",
		cities:     []string{"Taipei", "Taichung", "Kaohsiung", "Tainan", "Hsinchu"},
		firstNames: []string{"Chia-Hao", "Yi-Ting", "Chun-Chieh", "Shu-Fen", "Po-Han", "Ya-Wen"},
		lastNames:  []string{"Chen", "Lin", "Huang", "Chang", "Wang", "Tsai", "Liu"},
		phone: func(r *rand.Rand) string {
			if r.IntN(2) == 0 {
				m := fmt.Sprintf("9%02d%06d", r.IntN(100), r.IntN(1000000))
				return pick(r, []string{"0" + m[:3] + "-" + m[3:6] + "-" + m[6:], "+886 " + m[:3] + " " + m[3:6] + " " + m[6:], "0" + m})
			}
			n := fmt.Sprintf("%04d%04d", r.IntN(10000), r.IntN(10000))
			return pick(r, []string{"(02) " + n[:4] + "-" + n[4:], "02-" + n[:4] + "-" + n[4:], "+886 2 " + n[:4] + " " + n[4:], "+886-2-" + n})
		},
	},
	{
		country: "United States", code: "US",
		cities:     []string{"San Francisco", "New York", "Chicago", "Austin", "Seattle", "Boston", "Denver"},
		firstNames: []string{"James", "Maria", "Robert", "Linda", "David", "Susan", "Michael", "Karen", "Daniel", "Emily"},
		lastNames:  []string{"Smith", "Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Lopez", "Clark"},
		phone: func(r *rand.Rand) string {
			area := []string{"415", "212", "312", "512", "206", "617", "303"}[r.IntN(7)]
			ex, ln := fmt.Sprintf("%03d", 200+r.IntN(800)), fmt.Sprintf("%04d", r.IntN(10000))
			return pick(r, []string{
				"(" + area + ") " + ex + "-" + ln, area + "-" + ex + "-" + ln, area + "." + ex + "." + ln,
				"+1 " + area + " " + ex + " " + ln, "1-" + area + "-" + ex + "-" + ln,
				"+1 (" + area + ") " + ex + "-" + ln + " ext. " + fmt.Sprint(10+r.IntN(90)),
			})
		},
	},
	{
		country: "United Kingdom", code: "GB",
		cities:     []string{"London", "Manchester", "Leeds", "Bristol", "Edinburgh"},
		firstNames: []string{"Oliver", "Amelia", "Harry", "Isla", "George", "Ava"},
		lastNames:  []string{"Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts"},
		phone: func(r *rand.Rand) string {
			n := fmt.Sprintf("%04d %04d", r.IntN(10000), r.IntN(10000))
			return pick(r, []string{"020 " + n, "+44 20 " + n, "+44 (0)20 " + n, "0044 20 " + strings.ReplaceAll(n, " ", "")})
		},
	},
}

var companyWords = [][]string{
	{"Golden", "Harbour", "Pacific", "Summit", "Jade", "Northwind", "Evergreen", "Silverline", "Bluewater", "Red Lantern", "Orchid", "Phoenix", "Granite", "Lotus", "Kowloon", "Formosa", "Lakeside", "Iron Bridge"},
	{"Trading", "Logistics", "Electronics", "Insurance", "Foods", "Textiles", "Engineering", "Travel", "Software", "Medical", "Telecom", "Shipping", "Properties", "Retail"},
	{"Ltd", "Limited", "Co.", "Inc.", "Group", "Holdings", "Corp.", "LLC"},
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func companyName(r *rand.Rand, used map[string]bool) string {
	for {
		n := pick(r, companyWords[0]) + " " + pick(r, companyWords[1]) + " " + pick(r, companyWords[2])
		if !used[n] {
			used[n] = true
			return n
		}
		if len(used) > 1500 {
			n = fmt.Sprintf("%s %d", n, len(used))
			used[n] = true
			return n
		}
	}
}

func emailFor(first, last, domain string) string {
	clean := func(s string) string {
		return strings.ToLower(strings.NewReplacer(" ", "", "-", "", "'", "").Replace(s))
	}
	return clean(first) + "." + clean(last) + "@" + domain
}

func domainOf(company string) string {
	w := strings.Fields(strings.ToLower(company))
	if len(w) > 2 {
		w = w[:2]
	}
	return strings.Join(w, "") + ".example"
}
