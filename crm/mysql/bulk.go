package mysql

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// DefaultBulkBatch is how many records BulkSeed writes per transaction.
const DefaultBulkBatch = 2000

// BulkOptions say what BulkSeed writes.
type BulkOptions struct {
	// Accounts and Contacts are how many records of each to add.
	Accounts, Contacts int
	// Batch is the number of records per transaction; 0 means
	// DefaultBulkBatch.
	Batch int
	// Seed makes the data repeatable; 0 picks a random seed.
	Seed uint64
	// Progress, when set, is called after each committed batch.
	Progress func(module string, done, total int)
}

// BulkSeed adds realistic accounts and then contacts (most linked to the
// new accounts, or to existing ones when it adds no accounts), fast: each
// batch is one transaction of multi-row INSERTs. The rows are those
// CreateRecord writes — vtiger_crmentity, every per-record table of the
// module, the record number, the phone lookup rows and the ModTracker
// "created" entry — with crmids, numbers and history ids reserved a block
// at a time from vtiger's own sequences, so later creates continue after
// them. Created and modified times spread over the last two years.
func BulkSeed(ctx context.Context, db *DB, phones *phone.Normalizer, o BulkOptions) error {
	if o.Accounts < 0 || o.Contacts < 0 {
		return crm.Errorf(crm.EInvalid, "bulk seed: negative record count")
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBulkBatch
	}
	seed := o.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	mods, cols, err := loadModules(ctx, db)
	if err != nil {
		return err
	}
	owners, err := bulkOwners(ctx, db)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	cities, cum := bulkCities(r, 2000)
	now := time.Now().UTC()
	base := bulkGen{phones: phones, cities: cities, cum: cum, owners: owners, from: now.AddDate(-2, 0, 0), to: now}
	var accounts []bulkAccount
	if o.Accounts > 0 {
		g, err := newBulkGen(ctx, db, base, mods, "Accounts", seed+1)
		if err != nil {
			return err
		}
		accounts, err = bulkModule(ctx, db, g, cols, o.Accounts, o.Batch, o.Progress)
		if err != nil {
			return err
		}
	}
	if o.Contacts > 0 {
		if len(accounts) == 0 {
			if accounts, err = bulkExistingAccounts(ctx, db, cities); err != nil {
				return err
			}
		}
		g, err := newBulkGen(ctx, db, base, mods, "Contacts", seed+2)
		if err != nil {
			return err
		}
		g.accounts = accounts
		if _, err := bulkModule(ctx, db, g, cols, o.Contacts, o.Batch, o.Progress); err != nil {
			return err
		}
	}
	return nil
}

// newBulkGen prepares a generator for one module with its picklists'
// values, as an admin may choose them.
func newBulkGen(ctx context.Context, db *DB, base bulkGen, mods map[string]*crm.Module, module string, seed uint64) (*bulkGen, error) {
	m := mods[module]
	if m == nil {
		return nil, crm.Errorf(crm.ENotFound, "bulk seed: no module %q", module)
	}
	g := base
	g.m = m
	g.r = rand.New(rand.NewPCG(seed, seed<<1|1))
	g.picks = map[string][]string{}
	perRecord := map[string]bool{}
	for _, t := range m.Tables {
		perRecord[t.Name] = true
	}
	for _, f := range m.Fields {
		if f.Picklist == "" || f.UIType == 33 || !perRecord[f.Table] {
			continue
		}
		vals, err := picklistValues(ctx, db, f.Picklist, nil)
		if err != nil {
			return nil, fmt.Errorf("bulk seed: picklist %s: %w", f.Picklist, err)
		}
		for _, v := range vals {
			if v != "" {
				g.picks[f.Name] = append(g.picks[f.Name], v)
			}
		}
	}
	return &g, nil
}

// bulkOwners lists the active users records are assigned to.
func bulkOwners(ctx context.Context, db *DB) ([]int64, error) {
	var ids []int64
	const q = `SELECT id FROM vtiger_users WHERE deleted = 0 AND status = 'Active' ORDER BY id`
	if err := sqlx.SelectContext(ctx, db, &ids, q); err != nil {
		return nil, fmt.Errorf("bulk seed: read users: %w", err)
	}
	if len(ids) == 0 {
		return nil, crm.Errorf(crm.EInvalid, "bulk seed: no active user to own the records")
	}
	return ids, nil
}

// bulkExistingAccounts reads up to 200,000 live accounts for contacts to
// belong to, with their billing city when it is one of cities.
func bulkExistingAccounts(ctx context.Context, db *DB, cities []bulkCity) ([]bulkAccount, error) {
	index := map[string]int32{}
	for i, c := range cities {
		index[c.name] = int32(i)
	}
	var rows []struct {
		ID   int64  `db:"crmid"`
		City string `db:"city"`
	}
	const q = `SELECT e.crmid, COALESCE(b.bill_city, '') AS city FROM vtiger_crmentity e
		LEFT JOIN vtiger_accountbillads b ON b.accountaddressid = e.crmid
		WHERE e.setype = 'Accounts' AND e.deleted = 0 LIMIT 200000`
	if err := sqlx.SelectContext(ctx, db, &rows, q); err != nil {
		return nil, fmt.Errorf("bulk seed: read accounts: %w", err)
	}
	out := make([]bulkAccount, len(rows))
	for i, row := range rows {
		c, ok := index[row.City]
		if !ok {
			c = -1
		}
		out[i] = bulkAccount{id: row.ID, city: c}
	}
	return out, nil
}

// bulkModule writes total records of g's module in batches. A goroutine
// generates the next batch while the current one is written. It returns
// the accounts written, for contacts to link to.
func bulkModule(ctx context.Context, db *DB, g *bulkGen, cols tableColumns, total, batch int, progress func(string, int, int)) ([]bulkAccount, error) {
	plan := newBulkPlan(g.m, cols)
	ctx, cancel := context.WithCancel(ctx)
	batches := make(chan []bulkRecord, 2)
	go func() {
		defer close(batches)
		for k := 0; k < total; k += batch {
			select {
			case batches <- g.batch(k, min(batch, total-k), total):
			case <-ctx.Done():
				return
			}
		}
	}()
	defer func() {
		cancel()
		for range batches { // wait for the generator to stop
		}
	}()
	var accounts []bulkAccount
	done := 0
	for recs := range batches {
		first, err := plan.write(ctx, db, recs)
		if err != nil {
			return nil, err
		}
		if g.m.Name == "Accounts" {
			for i, rec := range recs {
				accounts = append(accounts, bulkAccount{id: first + int64(i), city: rec.city})
			}
		}
		done += len(recs)
		if progress != nil {
			progress(g.m.Name, done, total)
		}
	}
	return accounts, ctx.Err()
}
