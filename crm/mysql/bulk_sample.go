package mysql

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// BulkSample is what benchmarks of a seeded database pick their inputs
// from: random live records, their phone numbers as typed, and the
// accounts' billing cities with how many accounts each holds.
type BulkSample struct {
	AccountIDs []int64
	// Phones are phone fields' text of random accounts and contacts.
	Phones []string
	// Cities are sorted by count, smallest first.
	Cities []CityCount
}

// CityCount is a billing city and its number of accounts.
type CityCount struct {
	City  string `db:"city"`
	Count int    `db:"n"`
}

// SampleBulk picks about n random live accounts and n phone numbers
// from a seeded database. Errors: invalid when it has no accounts.
func SampleBulk(ctx context.Context, db *DB, n int, r *rand.Rand) (*BulkSample, error) {
	s := &BulkSample{}
	var err error
	if s.AccountIDs, err = sampleIDs(ctx, db, "Accounts", n, r); err != nil {
		return nil, err
	}
	if len(s.AccountIDs) == 0 {
		return nil, crm.Errorf(crm.EInvalid, "database %s has no accounts: run `tigerline seed` first", db.Name)
	}
	contacts, err := sampleIDs(ctx, db, "Contacts", n, r)
	if err != nil {
		return nil, err
	}
	if s.Phones, err = samplePhones(ctx, db, s.AccountIDs, contacts); err != nil {
		return nil, err
	}
	r.Shuffle(len(s.Phones), func(i, j int) { s.Phones[i], s.Phones[j] = s.Phones[j], s.Phones[i] })
	const qc = `SELECT bill_city AS city, COUNT(*) AS n FROM vtiger_accountbillads
		WHERE bill_city <> '' GROUP BY bill_city`
	if err := sqlx.SelectContext(ctx, db, &s.Cities, qc); err != nil {
		return nil, fmt.Errorf("sample cities: %w", err)
	}
	sort.Slice(s.Cities, func(i, j int) bool { return s.Cities[i].Count < s.Cities[j].Count })
	return s, nil
}

// CitiesNear returns up to k cities whose account count is closest to n.
func (s *BulkSample) CitiesNear(n, k int) []CityCount {
	out := append([]CityCount(nil), s.Cities...)
	dist := func(c CityCount) int { return max(c.Count-n, n-c.Count) }
	sort.SliceStable(out, func(i, j int) bool { return dist(out[i]) < dist(out[j]) })
	return out[:min(k, len(out))]
}

// sampleIDs draws random ids between a module's smallest and largest
// crmid and keeps the live records of the module, up to n.
func sampleIDs(ctx context.Context, db *DB, module string, n int, r *rand.Rand) ([]int64, error) {
	var bounds struct {
		Min *int64 `db:"lo"`
		Max *int64 `db:"hi"`
	}
	const qb = `SELECT MIN(crmid) AS lo, MAX(crmid) AS hi FROM vtiger_crmentity WHERE setype = ? AND deleted = 0`
	if err := sqlx.GetContext(ctx, db, &bounds, qb, module); err != nil {
		return nil, fmt.Errorf("sample %s: %w", module, err)
	}
	if bounds.Min == nil {
		return nil, nil
	}
	var out []int64
	for try := 0; try < 20 && len(out) < n; try++ {
		cand := make([]int64, 2*(n-len(out)))
		for i := range cand {
			cand[i] = *bounds.Min + r.Int64N(*bounds.Max-*bounds.Min+1)
		}
		q, args, err := sqlx.In(`SELECT crmid FROM vtiger_crmentity WHERE crmid IN (?) AND setype = ? AND deleted = 0`, cand, module)
		if err != nil {
			return nil, err
		}
		var got []int64
		if err := sqlx.SelectContext(ctx, db, &got, q, args...); err != nil {
			return nil, fmt.Errorf("sample %s: %w", module, err)
		}
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		out = append(out, got[:min(len(got), n-len(out))]...)
	}
	return out, nil
}

// samplePhones reads the accounts' main phones and the contacts' mobiles.
func samplePhones(ctx context.Context, db *DB, accounts, contacts []int64) ([]string, error) {
	var out []string
	for _, q := range []struct {
		sql string
		ids []int64
	}{
		{`SELECT phone FROM vtiger_account WHERE accountid IN (?) AND phone <> ''`, accounts},
		{`SELECT mobile FROM vtiger_contactdetails WHERE contactid IN (?) AND mobile <> ''`, contacts},
	} {
		if len(q.ids) == 0 {
			continue
		}
		query, args, err := sqlx.In(q.sql, q.ids)
		if err != nil {
			return nil, err
		}
		var got []string
		if err := sqlx.SelectContext(ctx, db, &got, query, args...); err != nil {
			return nil, fmt.Errorf("sample phones: %w", err)
		}
		out = append(out, got...)
	}
	return out, nil
}

// CountLive counts the live records of a module exactly (a list's total
// stops at crm.TotalCap).
func CountLive(ctx context.Context, db *DB, module string) (int, error) {
	const q = `SELECT COUNT(*) FROM vtiger_crmentity WHERE setype = ? AND deleted = 0`
	var n int
	if err := db.GetContext(ctx, &n, q, module); err != nil {
		return 0, fmt.Errorf("count %s: %w", module, err)
	}
	return n, nil
}
