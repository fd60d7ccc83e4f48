package mysql

import "github.com/tigerline/tigerline/crm/phone"

// LookupSQL returns the query and arguments LookupCaller runs for number,
// so tests can EXPLAIN it and benchmarks can time the bare query.
func (s *LookupService) LookupSQL(number string) (string, []any, error) {
	q := s.phones.Lookup(number)
	return lookupQuery(s.strategy, q, phone.Forms(q))
}
