package mysql

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// bulkRecord is one generated record, its values as CreateRecord's
// validator leaves them, before it has an id or a number.
type bulkRecord struct {
	vals     map[string]string
	owner    int64
	created  time.Time
	modified time.Time
	phones   []bulkPhone
	city     int32
}

// bulkPhone is a phone field's normalised number, for the lookup table.
type bulkPhone struct{ field, fnumber string }

// bulkAccount is a seeded account that contacts may belong to.
type bulkAccount struct {
	id   int64
	city int32 // index in bulkGen.cities, -1 when unknown
}

// bulkGen makes realistic records of one module. It is used by one
// goroutine at a time.
type bulkGen struct {
	r        *rand.Rand
	m        *crm.Module
	phones   *phone.Normalizer
	cities   []bulkCity
	cum      []float64
	picks    map[string][]string // picklist field → values
	owners   []int64
	from, to time.Time
	accounts []bulkAccount
}

// batch makes n records, the k-th to k+n-1-th of total: their created
// times advance with k over the two years before g.to, as ids do in a
// real CRM, and a third of them were modified later.
func (g *bulkGen) batch(k, n, total int) []bulkRecord {
	out := make([]bulkRecord, n)
	span := g.to.Sub(g.from)
	for i := range out {
		rec := &out[i]
		rec.vals = map[string]string{}
		rec.owner = bulkPickOne(g.r, g.owners)
		at := g.from.Add(time.Duration(float64(span) * float64(k+i) / float64(max(total, 1))))
		at = at.Add(time.Duration(g.r.Int64N(int64(6 * time.Hour))))
		rec.created = bulkMinTime(at, g.to).Truncate(time.Second)
		rec.modified = rec.created
		if g.r.IntN(3) == 0 {
			later := time.Duration(float64(g.to.Sub(rec.created)) * math.Pow(g.r.Float64(), 2))
			rec.modified = rec.created.Add(later).Truncate(time.Second)
		}
		switch g.m.Name {
		case "Accounts":
			g.account(rec)
		case "Contacts":
			g.contact(rec)
		}
		g.fill(rec)
	}
	return out
}

func bulkMinTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// fill sets the owner and some picklists, trims values to their fields'
// lengths and normalises the phone fields for the lookup table.
func (g *bulkGen) fill(rec *bulkRecord) {
	v := rec.vals
	v["assigned_user_id"] = strconv.FormatInt(rec.owner, 10)
	for _, f := range g.m.Fields {
		if vals := g.picks[f.Name]; len(vals) > 0 && v[f.Name] == "" && g.r.IntN(10) < 7 {
			v[f.Name] = bulkPickOne(g.r, vals)
		}
		val := v[f.Name]
		if val == "" {
			continue
		}
		if f.MaxLength > 0 && utf8.RuneCountInString(val) > f.MaxLength {
			v[f.Name] = string([]rune(val)[:f.MaxLength])
		}
		if f.UIType == 11 {
			if fn, ok := g.phones.Store(v[f.Name]); ok {
				rec.phones = append(rec.phones, bulkPhone{field: f.Name, fnumber: fn})
			}
		}
	}
}

func (g *bulkGen) chance(percent int) bool { return g.r.IntN(100) < percent }

func (g *bulkGen) mobile(c *bulkCountry) string {
	if c.mobile == nil {
		return c.phone(g.r)
	}
	return c.mobile(g.r)
}

func (g *bulkGen) account(rec *bulkRecord) {
	r, v := g.r, rec.vals
	rec.city = int32(bulkPickCity(r, g.cum))
	city := &g.cities[rec.city]
	c := city.country
	name := bulkCompanyName(r, c, city.name)
	domain := bulkDomainOf(name, c)
	v["accountname"] = name
	if g.chance(95) {
		v["phone"] = c.phone(r)
	}
	if g.chance(30) {
		v["fax"] = c.phone(r)
	}
	if g.chance(15) {
		v["otherphone"] = g.mobile(c)
	}
	if g.chance(70) {
		v["website"] = "www." + domain
	}
	if g.chance(60) {
		v["email1"] = bulkPickOne(r, []string{"info", "sales", "contact", "office", "hello"}) + "@" + domain
	}
	if g.chance(60) {
		v["employees"] = strconv.Itoa(1 + int(math.Exp(r.Float64()*9)))
	}
	if g.chance(40) {
		v["annual_revenue"] = strconv.Itoa(10000 * (1 + int(math.Exp(r.Float64()*10))))
	}
	v["bill_street"], v["bill_city"], v["bill_state"] = bulkStreet(r), city.name, city.state
	v["bill_code"], v["bill_country"] = c.zip(r), c.name
	if g.chance(50) {
		v["ship_street"], v["ship_city"], v["ship_state"] = v["bill_street"], city.name, city.state
		v["ship_code"], v["ship_country"] = v["bill_code"], c.name
	}
	v["emailoptout"], v["notify_owner"] = "0", "0"
	if g.chance(3) {
		v["emailoptout"] = "1"
	}
	if g.chance(10) {
		v["description"] = fmt.Sprintf("Customer since %d. Prefers calls in the morning.", rec.created.Year())
	}
}

func (g *bulkGen) contact(rec *bulkRecord) {
	r, v := g.r, rec.vals
	rec.city = int32(bulkPickCity(r, g.cum))
	if len(g.accounts) > 0 && g.chance(85) {
		// Skewed: a few accounts have a hundred contacts, most none.
		a := g.accounts[int(float64(len(g.accounts))*math.Pow(r.Float64(), 1.5))]
		v["account_id"] = strconv.FormatInt(a.id, 10)
		if a.city >= 0 && g.chance(70) {
			rec.city = a.city
		}
	}
	city := &g.cities[rec.city]
	c := city.country
	first, last := bulkPickOne(r, c.first), bulkPickOne(r, c.last)
	v["salutationtype"] = bulkPickOne(r, []string{"Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", ""})
	v["firstname"], v["lastname"] = first, last
	if g.chance(80) {
		host := bulkPickOne(r, []string{"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com", bulkEmailPart(last) + "-" + c.code + ".com"})
		v["email"] = fmt.Sprintf("%s.%s%d@%s", bulkEmailPart(first), bulkEmailPart(last), r.IntN(1000), host)
	}
	if g.chance(80) {
		v["phone"] = c.phone(r)
	}
	if g.chance(70) {
		v["mobile"] = g.mobile(c)
	}
	if g.chance(10) {
		v["homephone"] = c.phone(r)
	}
	if g.chance(5) {
		v["otherphone"] = g.mobile(c)
	}
	if g.chance(5) {
		v["fax"] = c.phone(r)
	}
	if g.chance(3) {
		v["assistantphone"] = c.phone(r)
	}
	if g.chance(60) {
		v["title"], v["department"] = bulkPickOne(r, bulkTitles), bulkPickOne(r, bulkDepartments)
	}
	v["mailingstreet"], v["mailingcity"], v["mailingstate"] = bulkStreet(r), city.name, city.state
	v["mailingzip"], v["mailingcountry"] = c.zip(r), c.name
	if g.chance(20) {
		v["birthday"] = time.Date(1950+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	}
	v["donotcall"], v["emailoptout"], v["reference"], v["notify_owner"] = "0", "0", "0", "0"
	if g.chance(4) {
		v["donotcall"] = "1"
	}
}
