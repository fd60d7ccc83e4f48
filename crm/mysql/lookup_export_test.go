package mysql

import (
	"context"

	"github.com/tigerline/tigerline/crm/phone"
)

// LookupSQL returns the query and arguments LookupCaller runs for number,
// so tests can EXPLAIN it and benchmarks can time the bare query.
func (s *LookupService) LookupSQL(ctx context.Context, number string) (string, []any, error) {
	if err := s.queries.build(ctx, s.db, &s.names); err != nil {
		return "", nil, err
	}
	q := s.phones.Lookup(number)
	return s.queries.query(s.strategy, q, phone.Forms(q))
}
