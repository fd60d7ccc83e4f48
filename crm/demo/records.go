package demo

import (
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// wellKnown creates the callers of the PBX recordings and the simulator,
// so a newcomer's first screen pops find someone: the sales caller, the
// caller nobody answers (a lead), and a support customer with a contract.
func (s *seeder) wellKnown(Options) error {
	acc, err := s.create("Accounts", map[string]string{
		"accountname": "Golden Harbour Trading Ltd", "phone": "+1 (415) 555-0100", "bill_city": "San Francisco",
		"bill_country": "United States", "industry": "Shipping", "accounttype": "Customer",
		"website": "www.goldenharbour.example", "email1": "hello@goldenharbour.example",
	})
	if err != nil {
		return err
	}
	if _, err := s.create("Contacts", map[string]string{
		"salutationtype": "Ms.", "firstname": "Alice", "lastname": "Wong", "account_id": id(acc),
		"phone": "+1 (415) 555-0142", "email": "alice.wong@goldenharbour.example", "title": "Purchasing Manager",
		"mailingcity": "San Francisco", "leadsource": "Existing Customer",
	}); err != nil {
		return err
	}
	if _, err := s.create("Leads", map[string]string{
		"firstname": "Brian", "lastname": "Miller", "company": "Miller Freight", "phone": "(212) 555-0199",
		"city": "New York", "leadsource": "Cold Call", "leadstatus": "Contacted", "email": "brian@millerfreight.example",
	}); err != nil {
		return err
	}
	support, err := s.create("Accounts", map[string]string{
		"accountname": "Lakeside Medical Inc.", "phone": "312-555-0100", "bill_city": "Chicago",
		"bill_country": "United States", "industry": "Healthcare", "accounttype": "Customer",
	})
	if err != nil {
		return err
	}
	if _, err := s.create("Contacts", map[string]string{
		"salutationtype": "Dr.", "firstname": "Carmen", "lastname": "Lopez", "account_id": id(support),
		"phone": "+1 312 555 0123", "email": "carmen.lopez@lakesidemedical.example", "title": "IT Director",
	}); err != nil {
		return err
	}
	_, err = s.create("ServiceContracts", map[string]string{
		"subject": "Lakeside Medical premium support", "sc_related_to": id(support), "contract_type": "Support",
		"tracking_unit": "Hours", "total_units": "40", "used_units": "12.5", "progress": "31.25",
		"start_date": s.date(-120), "due_date": s.date(245), "contract_status": "In Progress", "contract_priority": "High",
	})
	s.accounts = append(s.accounts, acc, support)
	s.sum.Accounts += 2
	s.sum.Contacts += 2
	s.sum.Leads++
	s.sum.Contracts++
	return err
}

func (s *seeder) accountsStep(o Options) error {
	used := map[string]bool{"Golden Harbour Trading Ltd": true, "Lakeside Medical Inc.": true}
	industries := []string{"Banking", "Electronics", "Healthcare", "Hospitality", "Insurance", "Manufacturing", "Retail", "Shipping", "Technology", "Telecommunications", "Transportation"}
	types := []string{"Customer", "Customer", "Customer", "Prospect", "Partner", "Reseller"}
	for i := 0; i < o.Accounts; i++ {
		p := pick(s.r, places)
		name := companyName(s.r, used)
		vals := map[string]string{
			"accountname": name, "phone": p.phone(s.r), "bill_city": pick(s.r, p.cities), "bill_country": p.country,
			"industry": pick(s.r, industries), "accounttype": pick(s.r, types), "email1": "info@" + domainOf(name),
			"website": "www." + domainOf(name), "employees": strconv.Itoa(5 + s.r.IntN(2000)),
		}
		if s.r.IntN(3) == 0 {
			vals["fax"] = p.phone(s.r)
		}
		acc, err := s.create("Accounts", vals)
		if err != nil {
			return err
		}
		s.accounts = append(s.accounts, acc)
		s.sum.Accounts++
	}
	return nil
}

func (s *seeder) contactsStep(o Options) error {
	titles := []string{"Office Manager", "IT Manager", "Buyer", "Director", "Accountant", "Operations Lead", "CEO"}
	for i := 0; i < o.Contacts; i++ {
		p := pick(s.r, places)
		acc := pick(s.r, s.accounts)
		first, last := pick(s.r, p.firstNames), pick(s.r, p.lastNames)
		vals := map[string]string{
			"firstname": first, "lastname": last, "account_id": id(acc), "phone": p.phone(s.r),
			"email": emailFor(first, last, domainOf(acc.Values["accountname"])), "title": pick(s.r, titles),
			"mailingcity": pick(s.r, p.cities), "mailingcountry": p.country,
		}
		if s.r.IntN(2) == 0 {
			vals["mobile"] = p.phone(s.r)
		}
		c, err := s.create("Contacts", vals)
		if err != nil {
			return err
		}
		s.contacts = append(s.contacts, c)
		s.sum.Contacts++
	}
	return nil
}

func (s *seeder) leadsStep(o Options) error {
	statuses := []string{"Not Contacted", "Attempted to Contact", "Contacted", "Warm", "Hot", "Cold", "Qualified"}
	sources := []string{"Web Site", "Cold Call", "Trade Show", "Word of mouth", "Partner"}
	used := map[string]bool{}
	for i := 0; i < o.Leads; i++ {
		p := pick(s.r, places)
		first, last := pick(s.r, p.firstNames), pick(s.r, p.lastNames)
		company := companyName(s.r, used)
		if _, err := s.create("Leads", map[string]string{
			"firstname": first, "lastname": last, "company": company, "phone": p.phone(s.r),
			"email": emailFor(first, last, domainOf(company)), "city": pick(s.r, p.cities), "country": p.country,
			"leadstatus": pick(s.r, statuses), "leadsource": pick(s.r, sources),
		}); err != nil {
			return err
		}
		s.sum.Leads++
	}
	return nil
}

func id(r *crm.Record) string { return strconv.FormatInt(r.ID, 10) }
