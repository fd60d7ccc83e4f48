package mysql

import (
	"context"
	"fmt"
	"html"
	"sort"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// LookupStrategy is the SQL shape LookupCaller reads
// vtiger_pbxmanager_phonelookup with. Both return the same records.
type LookupStrategy int

// Lookup strategies.
const (
	// LookupByForms is the default: `fnumber IN (Forms(q))` on vtiger's
	// own index_phone_number (fnumber, rnumber). Every form is an exact
	// key, so the index returns only matching rows, nothing is filtered
	// afterwards, and the cost stays a handful of point lookups however
	// many numbers share the caller's last digits (a short internal
	// extension, a switchboard's 7-digit suffix in a multi-country CRM).
	// It also needs no index of ours. BenchmarkLookupCaller measures both.
	LookupByForms LookupStrategy = iota
	// LookupByReversedRange is a range scan on the reversed number:
	// `rnumber LIKE CONCAT(ScanPrefix(q), '%')` on tl_rnumber, then only
	// the rows whose fnumber is one of Forms(q) are kept. It reads every
	// stored number sharing the caller's last 7 digits (all digits of a
	// shorter caller-id), which grows with the table.
	LookupByReversedRange
)

// String names the strategy, for benchmarks and the CLI.
func (st LookupStrategy) String() string {
	if st == LookupByReversedRange {
		return "rnumber-range"
	}
	return "fnumber-in"
}

// LookupService implements crm.CallerLookup on vtiger_pbxmanager_phonelookup.
type LookupService struct {
	db       *DB
	phones   *phone.Normalizer
	strategy LookupStrategy
	names    entityNames
	queries  lookupQueries
}

// LookupOption configures a LookupService.
type LookupOption func(*LookupService)

// WithLookupStrategy picks the SQL shape; LookupByForms is the default.
func WithLookupStrategy(st LookupStrategy) LookupOption {
	return func(s *LookupService) { s.strategy = st }
}

// NewLookupService returns a LookupService on db. phones reads caller-ids
// the way stored numbers were normalised (same default country).
func NewLookupService(db *DB, phones *phone.Normalizer, opts ...LookupOption) *LookupService {
	s := &LookupService{db: db, phones: phones}
	for _, o := range opts {
		o(s)
	}
	return s
}

var _ crm.CallerLookup = (*LookupService)(nil)

// lookupRow is one matching vtiger_pbxmanager_phonelookup row, with its
// record's label when the query joins its module (labelledModules).
type lookupRow struct {
	CrmID   int64   `db:"crmid"`
	Module  string  `db:"setype"`
	Field   string  `db:"fieldname"`
	FNumber string  `db:"fnumber"`
	Label   *string `db:"label"`
}

// LookupCaller returns every live record with a phone number matching
// number (see crm/phone for the rule), best first, labelled. A withheld or
// unmatched number gives Unknown and an empty list.
func (s *LookupService) LookupCaller(ctx context.Context, number string) (crm.CallerMatch, error) {
	q := s.phones.Lookup(number)
	m := crm.CallerMatch{Number: number, Digits: q.Digits, Records: []crm.CallerRecord{}}
	if q.Digits == "" {
		m.Unknown = true
		return m, nil
	}
	forms := phone.Forms(q)
	rows, err := s.matchingRows(ctx, q, forms)
	if err != nil {
		return m, fmt.Errorf("look up caller %q: %w", number, err)
	}
	m.Records, m.Ambiguous = rankCallers(rows, forms)
	m.Unknown = len(m.Records) == 0
	var rest []crm.CallerRecord // records of modules the query did not label
	for _, r := range m.Records {
		if !s.queries.labelled[r.Module] {
			rest = append(rest, r)
		}
	}
	if len(rest) == 0 {
		return m, nil
	}
	if err := s.names.label(ctx, s.db, rest); err != nil {
		return m, fmt.Errorf("look up caller %q: %w", number, err)
	}
	names := make(map[int64]string, len(rest))
	for _, r := range rest {
		names[r.ID] = r.Name
	}
	for i, r := range m.Records {
		if !s.queries.labelled[r.Module] {
			m.Records[i].Name = names[r.ID]
		}
	}
	return m, nil
}

// matchingRows runs the strategy's query and returns exactly the rows
// whose fnumber is one of forms.
func (s *LookupService) matchingRows(ctx context.Context, q phone.Query, forms []string) ([]lookupRow, error) {
	if err := s.queries.build(ctx, s.db, &s.names); err != nil {
		return nil, err
	}
	query, args, err := s.queries.query(s.strategy, q, forms)
	if err != nil {
		return nil, err
	}
	var rows []lookupRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, query, args...); err != nil {
		return nil, err
	}
	if s.strategy != LookupByReversedRange {
		return rows, nil
	}
	keep := rows[:0]
	for _, r := range rows {
		if formIndex(forms, r.FNumber) >= 0 {
			keep = append(keep, r)
		}
	}
	return keep, nil
}

// callerPrecedence is vtiger's getCallerInfo order: contacts, then
// accounts, then leads; other modules with phone fields come after.
var callerPrecedence = map[string]int{"Contacts": 0, "Accounts": 1, "Leads": 2}

func precedence(module string) int {
	if p, ok := callerPrecedence[module]; ok {
		return p
	}
	return len(callerPrecedence)
}

// rankCallers orders rows by module precedence, then by how complete the
// stored number is (its place in forms: the E.164 digits first), then by
// module, crmid and field, and keeps one entry per record. ambiguous
// reports several records at the best precedence.
func rankCallers(rows []lookupRow, forms []string) (recs []crm.CallerRecord, ambiguous bool) {
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if pa, pb := precedence(a.Module), precedence(b.Module); pa != pb {
			return pa < pb
		}
		if fa, fb := formIndex(forms, a.FNumber), formIndex(forms, b.FNumber); fa != fb {
			return fa < fb
		}
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.CrmID != b.CrmID {
			return a.CrmID < b.CrmID
		}
		return a.Field < b.Field
	})
	recs = []crm.CallerRecord{}
	seen := map[int64]bool{}
	for _, r := range rows {
		if seen[r.CrmID] {
			continue
		}
		seen[r.CrmID] = true
		rec := crm.CallerRecord{Module: r.Module, ID: r.CrmID, Field: r.Field, Number: r.FNumber}
		if r.Label != nil {
			rec.Name = html.UnescapeString(*r.Label) // vtiger's UI saved "AT&amp;T"
		}
		recs = append(recs, rec)
	}
	return recs, len(recs) > 1 && precedence(recs[1].Module) == precedence(recs[0].Module)
}

func formIndex(forms []string, f string) int {
	for i, x := range forms {
		if x == f {
			return i
		}
	}
	return -1
}
