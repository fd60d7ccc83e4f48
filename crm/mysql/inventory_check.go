package mysql

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// inventoryPlan is an inventory checked against the database and ready
// to write: items named, every tax percentage settled, totals computed.
type inventoryPlan struct {
	inv    crm.Inventory
	totals crm.Totals
	// taxes and shipTaxes are every row of the tax tables: their columns
	// are written, NULL where a line or the S&H row has no such tax.
	taxes     []taxRow
	shipTaxes []taxRow
	// parts are each product's bundle parts (vtiger_seproductsrel).
	parts map[int64][]int64
}

// lineItem is a live product or service as a line needs it.
type lineItem struct {
	ID     int64  `db:"crmid"`
	Module string `db:"setype"`
	Name   string `db:"name"`
}

// problemSet collects problems by key, the first one of a key kept.
type problemSet map[string]string

func (ps problemSet) fail(key, msg string) {
	if _, ok := ps[key]; !ok {
		ps[key] = msg
	}
}

// planFacts are what a plan reads from the database.
type planFacts struct {
	items      map[int64]lineItem
	own        map[int64][]crm.TaxRate // each item's active taxes
	currencies []crm.Currency
}

// plan checks inv and settles what the database decides: the items are
// live products or services, the taxes are known and active (a line's
// taxes in individual mode must be its item's), the currency is active.
// It returns the problems by key, or a plan when there are none.
func (s *InventoryService) plan(ctx context.Context, ext sqlx.QueryerContext, in *crm.Inventory) (*inventoryPlan, map[string]string, error) {
	p, facts, err := loadPlan(ctx, ext, in)
	if err != nil {
		return nil, nil, err
	}
	problems := problemSet(in.Validate(s.maxLines))
	if problems == nil {
		problems = problemSet{}
	}
	p.settle(in, facts, problems)
	if len(problems) > 0 {
		return nil, problems, nil
	}
	p.totals = crm.ComputeTotals(&p.inv)
	return p, nil, nil
}

// loadPlan reads the taxes, items, bundles and currencies inv needs.
func loadPlan(ctx context.Context, ext sqlx.QueryerContext, in *crm.Inventory) (*inventoryPlan, *planFacts, error) {
	p := &inventoryPlan{inv: *in}
	p.inv.Lines = slices.Clone(in.Lines)
	f := &planFacts{}
	var err error
	if p.taxes, err = loadTaxes(ctx, ext, lineTaxTable); err != nil {
		return nil, nil, err
	}
	if p.shipTaxes, err = loadTaxes(ctx, ext, shipTaxTable); err != nil {
		return nil, nil, err
	}
	ids := lineProductIDs(in.Lines)
	if f.items, err = liveItems(ctx, ext, ids); err != nil {
		return nil, nil, err
	}
	if f.own, err = itemTaxes(ctx, ext, p.taxes, ids); err != nil {
		return nil, nil, err
	}
	if p.parts, err = bundleParts(ctx, ext, ids); err != nil {
		return nil, nil, err
	}
	if f.currencies, err = loadCurrencies(ctx, ext); err != nil {
		return nil, nil, err
	}
	return p, f, nil
}

// settle names each line's item and sets every tax percentage and the
// currency's rate, reporting what the facts refuse.
func (p *inventoryPlan) settle(in *crm.Inventory, f *planFacts, problems problemSet) {
	var msg string
	if p.inv.GroupTaxes, msg = documentRates(p.taxes, in.GroupTaxes); msg != "" {
		problems.fail(crm.InvGroupTax, msg)
	}
	if p.inv.ShippingTaxes, msg = documentRates(p.shipTaxes, in.ShippingTaxes); msg != "" {
		problems.fail(crm.InvShipTax, msg)
	}
	for i := range p.inv.Lines {
		l := &p.inv.Lines[i]
		it, ok := f.items[l.ProductID]
		if !ok {
			if l.ProductID > 0 {
				problems.fail(crm.LineField(i+1, crm.LineProduct), "This product or service does not exist or was deleted.")
			}
			continue
		}
		l.ItemModule, l.ItemName = it.Module, it.Name
		if in.TaxMode == crm.TaxGroup {
			l.Taxes = p.inv.GroupTaxes
			continue
		}
		if l.Taxes, msg = lineRates(p.taxes, f.own[l.ProductID], l.Taxes); msg != "" {
			problems.fail(crm.LineField(i+1, crm.LineTax), msg)
		}
	}
	cur, ok := findCurrency(f.currencies, in.CurrencyID)
	if !ok {
		problems.fail(crm.InvCurrency, "This currency is not active.")
	}
	p.inv.CurrencyID, p.inv.ConversionRate = cur.ID, cur.Rate
}

// lineRates settles a line's taxes in individual mode: its item's active
// taxes, each at the given percentage or else the item's own.
func lineRates(rows []taxRow, own, given []crm.TaxRate) ([]crm.TaxRate, string) {
	want := map[int]crm.Decimal{}
	for _, g := range given {
		if r, ok := taxByID(rows, g.TaxID); !ok || !r.Active {
			return nil, fmt.Sprintf("Tax %d is not an active tax.", g.TaxID)
		}
		if !slices.ContainsFunc(own, func(o crm.TaxRate) bool { return o.TaxID == g.TaxID }) {
			return nil, fmt.Sprintf("Tax %d does not apply to this item.", g.TaxID)
		}
		want[g.TaxID] = g.Percent
	}
	out := make([]crm.TaxRate, len(own))
	for i, o := range own {
		out[i] = o
		if p, ok := want[o.TaxID]; ok {
			out[i].Percent = p
		}
	}
	return out, ""
}

// lineProductIDs lists the distinct item ids of lines, in order.
func lineProductIDs(lines []crm.LineItem) []int64 {
	seen := map[int64]bool{}
	var ids []int64
	for _, l := range lines {
		if l.ProductID > 0 && !seen[l.ProductID] {
			seen[l.ProductID] = true
			ids = append(ids, l.ProductID)
		}
	}
	return ids
}

// liveItems reads the live products and services among ids.
func liveItems(ctx context.Context, ext sqlx.QueryerContext, ids []int64) (map[int64]lineItem, error) {
	out := map[int64]lineItem{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT e.crmid, e.setype, COALESCE(p.productname, sv.servicename, '') AS name
		FROM vtiger_crmentity e
		LEFT JOIN vtiger_products p ON p.productid = e.crmid
		LEFT JOIN vtiger_service sv ON sv.serviceid = e.crmid
		WHERE e.crmid IN (?) AND e.deleted = 0 AND e.setype IN ('Products', 'Services')`, ids)
	if err != nil {
		return nil, err
	}
	var rows []lineItem
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("read line items: %w", err)
	}
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}

// bundleParts reads the live parts of products that are bundles: rows of
// vtiger_seproductsrel with setype Products, productid the bundle and
// crmid the part.
func bundleParts(ctx context.Context, ext sqlx.QueryerContext, ids []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT r.productid, r.crmid FROM vtiger_seproductsrel r
		JOIN vtiger_crmentity e ON e.crmid = r.crmid AND e.deleted = 0 AND e.setype = 'Products'
		WHERE r.setype = 'Products' AND r.productid IN (?) ORDER BY r.productid, r.crmid`, ids)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Bundle int64 `db:"productid"`
		Part   int64 `db:"crmid"`
	}
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("read bundle parts: %w", err)
	}
	for _, r := range rows {
		out[r.Bundle] = append(out[r.Bundle], r.Part)
	}
	return out, nil
}
