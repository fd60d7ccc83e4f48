package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Password is the password of every demo user but vtiger's admin, who
// keeps admin/admin.
const Password = "tigerline"

// Options sizes the demo data.
type Options struct {
	Accounts, Contacts, Leads, Products, Contracts, Tickets int
	// AgentRole is the role of the demo agents; "" gives them the lowest
	// role, whose Sales Profile may not edit tickets.
	AgentRole string
	// Now anchors contract and ticket dates; zero means time.Now().
	Now time.Time
}

// DefaultOptions is the size `tigerline demo` uses.
var DefaultOptions = Options{Accounts: 300, Contacts: 450, Leads: 200, Products: 24, Contracts: 90, Tickets: 160}

// Summary counts what Seed created.
type Summary struct {
	Users, Accounts, Contacts, Leads, Products, Contracts, Tickets int
}

// seeder carries the state of one run.
type seeder struct {
	ctx     context.Context
	records crm.RecordService
	admin   *crm.User
	agents  []*crm.User
	// agentRole is Options.AgentRole.
	agentRole string
	r         *rand.Rand
	now       time.Time
	accounts  []*crm.Record
	contacts  []*crm.Record
	products  []*crm.Record
	sum       Summary
}

// Seed creates the demo users and records. It expects a freshly migrated
// database (vtiger's admin present, no demo users yet).
func Seed(ctx context.Context, users crm.UserService, records crm.RecordService, o Options) (*Summary, error) {
	admin, err := users.FindUserByName(ctx, "admin")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	if o.Now.IsZero() {
		o.Now = time.Now().UTC()
	}
	s := &seeder{ctx: ctx, records: records, admin: admin, r: rand.New(rand.NewPCG(2026, 11)), now: o.Now, agentRole: o.AgentRole}
	if err := s.users(users); err != nil {
		return nil, err
	}
	steps := []func(Options) error{s.wellKnown, s.accountsStep, s.contactsStep, s.leadsStep, s.productsStep, s.contractsStep, s.ticketsStep}
	for _, step := range steps {
		if err := step(o); err != nil {
			return nil, err
		}
	}
	return &s.sum, nil
}

func (s *seeder) create(module string, vals map[string]string) (*crm.Record, error) {
	owner := s.admin
	if len(s.agents) > 0 {
		owner = s.agents[s.r.IntN(len(s.agents))]
	}
	if vals["assigned_user_id"] == "" {
		vals["assigned_user_id"] = strconv.FormatInt(owner.ID, 10)
	}
	rec, err := s.records.CreateRecord(s.ctx, s.admin, module, vals)
	if err != nil {
		return nil, fmt.Errorf("demo %s: %w", module, err)
	}
	return rec, nil
}

func (s *seeder) users(users crm.UserService) error {
	people := []struct{ user, first, last, ext, role string }{
		{"agent101", "Amy", "Chan", "101", ""},
		{"agent102", "Ben", "Lau", "102", ""},
		{"agent103", "Chloe", "Lin", "103", ""},
		{"agent104", "David", "Smith", "104", ""},
		{"agent105", "Erin", "Wong", "105", ""},
		{"supervisor", "Grace", "Ho", "", "H4"},
	}
	for _, p := range people {
		if p.ext != "" && p.role == "" {
			p.role = s.agentRole
		}
		u, err := users.CreateUser(s.ctx, crm.NewUser{
			UserName: p.user, Password: Password, FirstName: p.first, LastName: p.last,
			Email: p.user + "@tigerline.example", Extension: p.ext, RoleID: p.role,
		})
		if err != nil {
			return fmt.Errorf("demo user %s: %w", p.user, err)
		}
		if p.ext != "" {
			s.agents = append(s.agents, u)
		}
		s.sum.Users++
	}
	return nil
}

func (s *seeder) date(days int) string {
	return s.now.AddDate(0, 0, days).Format("2006-01-02")
}
