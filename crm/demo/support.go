package demo

import (
	"fmt"
	"strconv"
)

func (s *seeder) productsStep(o Options) error {
	names := []string{"Headset Pro", "Desk Phone X2", "Softphone Licence", "Call Recorder", "IVR Module", "Queue Display",
		"Wallboard 55\"", "Router 5G", "Backup Appliance", "Support Pack Basic", "Support Pack Plus", "Conference Bridge"}
	cats := []string{"Hardware", "Software", "CRM Applications"}
	for i := 0; i < o.Products; i++ {
		name := names[i%len(names)]
		if i >= len(names) {
			name = fmt.Sprintf("%s v%d", name, i/len(names)+1)
		}
		p, err := s.create("Products", map[string]string{
			"productname": name, "productcode": fmt.Sprintf("TL-%04d", 100+i), "productcategory": pick(s.r, cats),
			"unit_price": fmt.Sprintf("%d.%02d", 20+s.r.IntN(980), s.r.IntN(100)), "qtyinstock": strconv.Itoa(s.r.IntN(500)),
			"sales_start_date": s.date(-400), "discontinued": "1",
		})
		if err != nil {
			return err
		}
		s.products = append(s.products, p)
		s.sum.Products++
	}
	return nil
}

// contractsStep sells support by the hour, the day and the incident. Some
// contracts have expired and some are used up, so the demo shows what an
// agent sees for each.
func (s *seeder) contractsStep(o Options) error {
	units := []string{"Hours", "Hours", "Days", "Incidents"}
	for i := 0; i < o.Contracts; i++ {
		acc := pick(s.r, s.accounts)
		unit := pick(s.r, units)
		total := map[string]int{"Hours": 20 + 10*s.r.IntN(8), "Days": 5 + s.r.IntN(20), "Incidents": 5 + s.r.IntN(25)}[unit]
		used := s.r.IntN(total + 1)
		start := -30 - s.r.IntN(500)
		due := start + 365
		status := "In Progress"
		if due < 0 {
			status = "Complete"
		}
		vals := map[string]string{
			"subject": fmt.Sprintf("%s support (%s)", acc.Values["accountname"], unit), "sc_related_to": id(acc),
			"contract_type": "Support", "tracking_unit": unit, "total_units": strconv.Itoa(total),
			"used_units": strconv.Itoa(used), "progress": fmt.Sprintf("%.2f", float64(used)*100/float64(total)),
			"start_date": s.date(start), "due_date": s.date(due), "contract_status": status,
			"contract_priority": pick(s.r, []string{"Low", "Normal", "High"}),
		}
		if status == "Complete" || used >= total {
			vals["end_date"] = s.date(min(due, 0))
		}
		if _, err := s.create("ServiceContracts", vals); err != nil {
			return err
		}
		s.sum.Contracts++
	}
	return nil
}

func (s *seeder) ticketsStep(o Options) error {
	titles := []string{"Headset crackles on calls", "Cannot log in to the portal", "Invoice shows wrong tax",
		"Queue display frozen", "Calls drop after 30 seconds", "Request for extra licences",
		"Recording missing for yesterday", "Router reboots at night", "Password reset", "Wallboard shows old data"}
	statuses := []string{"Open", "Open", "In Progress", "Wait For Response", "Closed", "Closed"}
	for i := 0; i < o.Tickets; i++ {
		c := pick(s.r, s.contacts)
		vals := map[string]string{
			"ticket_title": pick(s.r, titles), "parent_id": c.Values["account_id"], "ticketstatus": pick(s.r, statuses),
			"ticketpriorities": pick(s.r, []string{"Low", "Normal", "Normal", "High", "Urgent"}),
			"ticketseverities": pick(s.r, []string{"Minor", "Major", "Critical"}),
			"ticketcategories": pick(s.r, []string{"Big Problem", "Small Problem", "Other Problem"}),
			"product_id":       id(pick(s.r, s.products)), "hours": strconv.Itoa(s.r.IntN(6)),
			"description": fmt.Sprintf("Reported by %s by phone.", c.Label),
		}
		if vals["parent_id"] == "" || vals["parent_id"] == "0" {
			vals["parent_id"] = id(c)
		}
		if _, err := s.create("HelpDesk", vals); err != nil {
			return err
		}
		s.sum.Tickets++
	}
	return nil
}
