package mysql

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// bulkCountry is one country of seeded data: names, states and the ways
// its people write phone numbers, which belong together.
type bulkCountry struct {
	name, code  string
	states      []string
	cities      []string // real cities; synthetic ones are added to English-speaking countries
	first, last []string
	companySuf  []string
	zip         func(r *rand.Rand) string
	phone       func(r *rand.Rand) string
	mobile      func(r *rand.Rand) string
}

func bulkDigits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func bulkPickOne[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

var bulkUsAreas = []string{"201", "202", "206", "212", "213", "214", "305", "312", "313", "404", "415", "503", "512", "602", "617", "702", "713", "718", "801", "813", "919"}

var bulkCountries = []bulkCountry{
	{
		name: "United States", code: "US",
		states:     []string{"CA", "NY", "TX", "IL", "WA", "MA", "CO", "FL", "GA", "OR", "AZ", "NV", "MI", "NC"},
		cities:     []string{"New York", "Los Angeles", "Chicago", "Houston", "Phoenix", "San Antonio", "San Diego", "Dallas", "Austin", "Seattle", "Boston", "Denver", "Miami", "Atlanta", "Portland", "Detroit"},
		first:      []string{"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Daniel", "Karen", "Emily", "Jacob", "Olivia", "Ethan"},
		last:       []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark"},
		companySuf: []string{"Inc.", "LLC", "Corp.", "Co.", "Group"},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 5) },
		phone: func(r *rand.Rand) string {
			a, ex, ln := bulkPickOne(r, bulkUsAreas), fmt.Sprint(200+r.IntN(800)), bulkDigits(r, 4)
			switch r.IntN(8) {
			case 0:
				return a + "-" + ex + "-" + ln
			case 1:
				return a + "." + ex + "." + ln
			case 2:
				return "+1 " + a + " " + ex + " " + ln
			case 3:
				return "1-" + a + "-" + ex + "-" + ln
			case 4:
				return "(" + a + ") " + ex + "-" + ln + " ext. " + fmt.Sprint(10+r.IntN(900))
			case 5:
				return a + ex + ln
			}
			return "(" + a + ") " + ex + "-" + ln
		},
	},
	{
		name: "United Kingdom", code: "GB",
		states:     []string{"England", "Scotland", "Wales", "Northern Ireland"},
		cities:     []string{"London", "Manchester", "Birmingham", "Leeds", "Glasgow", "Edinburgh", "Bristol", "Liverpool", "Cardiff", "Belfast", "Sheffield", "Nottingham", "Leicester", "Brighton"},
		first:      []string{"Oliver", "Amelia", "Harry", "Isla", "George", "Ava", "Noah", "Emily", "Jack", "Sophie", "Charlie", "Grace", "Alfie", "Poppy", "Freddie", "Evie"},
		last:       []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "Hughes", "Edwards"},
		companySuf: []string{"Ltd", "plc", "Ltd", "& Co."},
		zip: func(r *rand.Rand) string {
			return fmt.Sprintf("%c%c%d %d%c%c", 'A'+r.IntN(26), 'A'+r.IntN(26), 1+r.IntN(20), r.IntN(10), 'A'+r.IntN(26), 'A'+r.IntN(26))
		},
		phone: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			switch r.IntN(4) {
			case 0:
				return "020 " + n[:4] + " " + n[4:]
			case 1:
				return "+44 (0)20 " + n[:4] + " " + n[4:]
			case 2:
				return "0161 " + n[1:4] + " " + n[4:]
			}
			return "+44 20 " + n[:4] + " " + n[4:]
		},
		mobile: func(r *rand.Rand) string {
			n := bulkDigits(r, 6)
			return bulkPickOne(r, []string{"07700 " + n, "+44 7700 " + n, "+447700" + n})
		},
	},
	{
		name: "Hong Kong", code: "HK",
		cities:     []string{"Central", "Wan Chai", "Tsim Sha Tsui", "Kowloon Bay", "Kwun Tong", "Sha Tin", "Tsuen Wan", "Causeway Bay", "Mong Kok", "Quarry Bay"},
		first:      []string{"Ka Ming", "Wing Yan", "Siu Fung", "Mei Ling", "Chi Keung", "Hoi Ying", "Tsz Wai", "Man Kit", "Wai Lun", "Suet Yee"},
		last:       []string{"Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Ho", "Leung", "Yip", "Tang", "Kwok", "Lam"},
		companySuf: []string{"Limited", "Co. Ltd", "Holdings Ltd"},
		zip:        func(*rand.Rand) string { return "" },
		phone: func(r *rand.Rand) string {
			n := fmt.Sprint(2+r.IntN(2)) + bulkDigits(r, 7)
			return bulkPickOne(r, []string{n[:4] + " " + n[4:], "+852 " + n[:4] + " " + n[4:], "(852) " + n, "00852-" + n, "+852-" + n[:4] + "-" + n[4:]})
		},
		mobile: func(r *rand.Rand) string {
			n := fmt.Sprint(5+r.IntN(5)) + bulkDigits(r, 7)
			return bulkPickOne(r, []string{n[:4] + " " + n[4:], "+852 " + n[:4] + " " + n[4:], "+852" + n})
		},
	},
	{
		name: "Taiwan", code: "TW",
		cities:     []string{"Taipei", "New Taipei", "Taichung", "Kaohsiung", "Tainan", "Hsinchu", "Taoyuan", "Keelung"},
		first:      []string{"Chia-Hao", "Yi-Ting", "Chun-Chieh", "Shu-Fen", "Po-Han", "Ya-Wen", "Chih-Ming", "Hsiu-Ying"},
		last:       []string{"Chen", "Lin", "Huang", "Chang", "Wang", "Tsai", "Liu", "Yang", "Wu", "Hsu"},
		companySuf: []string{"Co., Ltd.", "Corp.", "Inc."},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 3) },
		phone: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			return bulkPickOne(r, []string{"(02) " + n[:4] + "-" + n[4:], "02-" + n[:4] + "-" + n[4:], "+886 2 " + n[:4] + " " + n[4:], "+886-2-" + n})
		},
		mobile: func(r *rand.Rand) string {
			m := "9" + bulkDigits(r, 8)
			return bulkPickOne(r, []string{"0" + m[:3] + "-" + m[3:6] + "-" + m[6:], "+886 " + m[:3] + " " + m[3:6] + " " + m[6:], "0" + m})
		},
	},
	{
		name: "Germany", code: "DE",
		states:     []string{"Berlin", "Bayern", "Hessen", "Hamburg", "Nordrhein-Westfalen", "Sachsen"},
		cities:     []string{"Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig", "Dresden", "Nürnberg", "Bremen", "Hannover"},
		first:      []string{"Lukas", "Anna", "Leon", "Lena", "Finn", "Hannah", "Jonas", "Lea", "Felix", "Laura", "Paul", "Julia"},
		last:       []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"},
		companySuf: []string{"GmbH", "AG", "GmbH & Co. KG"},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 5) },
		phone: func(r *rand.Rand) string {
			n := bulkDigits(r, 7)
			return bulkPickOne(r, []string{"+49 30 " + n, "030 " + n, "+49 (0)89 " + n, "089/" + n, "+49-40-" + n})
		},
	},
	{
		name: "Australia", code: "AU",
		states:     []string{"NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT"},
		cities:     []string{"Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Hobart", "Canberra", "Darwin", "Gold Coast", "Newcastle"},
		first:      []string{"Jack", "Charlotte", "William", "Olivia", "Lachlan", "Mia", "Thomas", "Chloe", "Cooper", "Zoe"},
		last:       []string{"Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Kelly", "Ryan", "Walsh"},
		companySuf: []string{"Pty Ltd", "Pty. Ltd.", "Ltd"},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 4) },
		phone: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			return bulkPickOne(r, []string{"(02) " + n[:4] + " " + n[4:], "+61 2 " + n[:4] + " " + n[4:], "03 " + n[:4] + " " + n[4:], "+61-3-" + n})
		},
		mobile: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			return bulkPickOne(r, []string{"04" + n[:2] + " " + n[2:5] + " " + n[5:], "+61 4" + n[:2] + " " + n[2:5] + " " + n[5:]})
		},
	},
	{
		name: "Singapore", code: "SG",
		cities:     []string{"Singapore", "Jurong East", "Tampines", "Woodlands", "Ang Mo Kio", "Bedok"},
		first:      []string{"Wei Ling", "Jun Jie", "Hui Min", "Kai Wen", "Siti", "Arjun", "Mei Xin", "Zhi Hao"},
		last:       []string{"Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Kumar", "Rahman"},
		companySuf: []string{"Pte Ltd", "Pte. Ltd."},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 6) },
		phone: func(r *rand.Rand) string {
			n := "6" + bulkDigits(r, 7)
			return bulkPickOne(r, []string{"+65 " + n[:4] + " " + n[4:], "6" + n[1:4] + " " + n[4:], "(65) " + n})
		},
		mobile: func(r *rand.Rand) string {
			n := fmt.Sprint(8+r.IntN(2)) + bulkDigits(r, 7)
			return bulkPickOne(r, []string{"+65 " + n[:4] + " " + n[4:], "+65" + n})
		},
	},
	{
		name: "France", code: "FR",
		states:     []string{"Île-de-France", "Auvergne-Rhône-Alpes", "Occitanie", "Nouvelle-Aquitaine", "Grand Est"},
		cities:     []string{"Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille"},
		first:      []string{"Gabriel", "Louise", "Raphaël", "Emma", "Léo", "Jade", "Louis", "Alice", "Arthur", "Chloé"},
		last:       []string{"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"},
		companySuf: []string{"SARL", "SA", "SAS"},
		zip:        func(r *rand.Rand) string { return bulkDigits(r, 5) },
		phone: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			p := n[:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:]
			return bulkPickOne(r, []string{"01 " + p, "+33 1 " + p, "+33 (0)1 " + p, "04." + strings.ReplaceAll(p, " ", ".")})
		},
		mobile: func(r *rand.Rand) string {
			n := bulkDigits(r, 8)
			return bulkPickOne(r, []string{"06 " + n[:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:], "+33 6 " + n})
		},
	},
}

// Roots and endings of synthetic English place names (Ashford,
// Maplewood, ...): with the real cities they make about 2,000 cities.
var (
	bulkPlaceRoots = []string{"Ash", "Oak", "Elm", "Maple", "Brook", "Green", "Fair", "Spring", "Clear", "Red",
		"Stone", "River", "Lake", "Mill", "Glen", "Rock", "Silver", "Pine", "Cedar", "Bridge",
		"Marl", "Bel", "Ches", "Dun", "Ever", "Hamp", "Kings", "Queens", "Win", "Wood",
		"Hazel", "Birch", "Willow", "Fox", "Hart", "Lyn", "Col", "Ard", "Strat", "Nor", "Sud", "Wes", "Brad", "Hol", "Thorn", "Black", "White"}
	bulkPlaceEnds = []string{"ford", "field", "ton", "ville", "wood", "dale", "burg", "port", "mont", "view",
		"side", "brook", "haven", "wick", "stead", "ham", "by", "bury", "chester", "land",
		"ridge", "crest", "grove", "hill", "worth", "mouth", "more", "well", "minster", "gate", " Springs", " Falls", " Heights", " Park", " Junction", " Harbor", " Valley", " Creek", " Point", " Bay"}
	bulkCompanyWords = []string{"Logistics", "Trading", "Holdings", "Electronics", "Foods", "Consulting", "Partners", "Textiles",
		"Engineering", "Software", "Pharma", "Insurance", "Realty", "Travel", "Printing", "Motors", "Telecom",
		"Solar", "Dental", "Legal", "Systems", "Analytics", "Freight", "Medical", "Security", "Design", "Media", "Energy", "Garments", "Imports"}
	bulkStreetWords = []string{"Main St", "High Street", "Queen's Road", "Market St", "Church Road", "Station Road", "Park Avenue", "Harbour Road", "King Street", "Oak Lane", "Nathan Road", "Zhongshan Rd", "Hauptstraße", "Rue de la Paix", "George St", "Orchard Road"}
	bulkTitles      = []string{"Manager", "Director", "Sales Manager", "Purchasing Manager", "CEO", "CFO", "Accountant", "Engineer", "Office Manager", "IT Manager", "Operations Lead", "Assistant", "Buyer", "Consultant"}
	bulkDepartments = []string{"Sales", "Purchasing", "Finance", "IT", "Operations", "Support", "Marketing", "HR", "Logistics", "Management"}
)

// bulkCity is one seeded city with its country and its share of records.
type bulkCity struct {
	name    string
	country *bulkCountry
	state   string
}

// bulkCities builds about n distinct cities, each with a weight: weights
// are spread log-uniformly over two orders of magnitude (real cities in
// the upper half), so at a million records a city holds from tens to a
// few thousand of them. cum is the cumulative weight, for sampling.
func bulkCities(r *rand.Rand, n int) (cities []bulkCity, cum []float64) {
	const spread = 150.0
	seen := map[string]bool{}
	var weights []float64
	add := func(name string, c *bulkCountry, w float64) {
		if seen[name] || len(name) > 30 {
			return
		}
		seen[name] = true
		st := ""
		if len(c.states) > 0 {
			st = bulkPickOne(r, c.states)
		}
		cities = append(cities, bulkCity{name: name, country: c, state: st})
		weights = append(weights, w)
	}
	for i := range bulkCountries {
		c := &bulkCountries[i]
		for _, name := range c.cities {
			add(name, c, math.Pow(spread, 0.5+r.Float64()/2))
		}
	}
	english := []*bulkCountry{&bulkCountries[0], &bulkCountries[0], &bulkCountries[1], &bulkCountries[5]}
	for _, root := range bulkPlaceRoots {
		for _, end := range bulkPlaceEnds {
			add(root+end, bulkPickOne(r, english), math.Pow(spread, r.Float64()))
		}
	}
	// Keep n of them: the real cities and a random choice of the rest.
	nReal := 0
	for i := range bulkCountries {
		nReal += len(bulkCountries[i].cities)
	}
	rest := cities[nReal:]
	rw := weights[nReal:]
	r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i]; rw[i], rw[j] = rw[j], rw[i] })
	if n < len(cities) {
		cities, weights = cities[:max(n, nReal)], weights[:max(n, nReal)]
	}
	cum = make([]float64, len(weights))
	total := 0.0
	for i, w := range weights {
		total += w
		cum[i] = total
	}
	return cities, cum
}

// bulkPickCity draws a city index by weight.
func bulkPickCity(r *rand.Rand, cum []float64) int {
	x := r.Float64() * cum[len(cum)-1]
	return sort.SearchFloat64s(cum, x)
}

func bulkCompanyName(r *rand.Rand, c *bulkCountry, city string) string {
	suf := bulkPickOne(r, c.companySuf)
	switch r.IntN(5) {
	case 0:
		return bulkPickOne(r, c.last) + " & " + bulkPickOne(r, c.last) + " " + suf
	case 1:
		return city + " " + bulkPickOne(r, bulkCompanyWords) + " " + suf
	case 2:
		return bulkPickOne(r, bulkPlaceRoots) + bulkPickOne(r, bulkPlaceEnds[:30]) + " " + bulkPickOne(r, bulkCompanyWords)
	}
	return bulkPickOne(r, c.last) + " " + bulkPickOne(r, bulkCompanyWords) + " " + suf
}

// bulkEmailPart makes an ASCII mailbox or domain part from a name.
func bulkEmailPart(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == 'ü':
			b.WriteString("ue")
		case c == 'ö':
			b.WriteString("oe")
		case c == 'é', c == 'ë':
			b.WriteRune('e')
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

func bulkDomainOf(company string, c *bulkCountry) string {
	words := strings.Fields(company)
	d := bulkEmailPart(words[0])
	if len(words) > 1 && words[1] != "&" {
		d += bulkEmailPart(words[1])
	}
	if len(d) > 30 {
		d = d[:30]
	}
	switch c.code {
	case "US":
		return d + ".com"
	case "GB":
		return d + ".co.uk"
	case "AU":
		return d + ".com.au"
	}
	return d + "." + strings.ToLower(c.code)
}

func bulkStreet(r *rand.Rand) string {
	return fmt.Sprintf("%d %s", 1+r.IntN(400), bulkPickOne(r, bulkStreetWords))
}
