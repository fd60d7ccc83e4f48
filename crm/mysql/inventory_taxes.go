package mysql

import (
	"context"
	"fmt"
	"regexp"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Tax tables: line taxes keep their percentage in a taxN column of each
// line, S&H taxes in a shtaxN column of the S&H row. vtiger adds the
// column when it adds the tax and never drops it, so every row, disabled
// or not, has its column.
const (
	lineTaxTable = "vtiger_inventorytaxinfo"
	shipTaxTable = "vtiger_shippingtaxinfo"
)

var taxColumnRe = map[string]*regexp.Regexp{
	lineTaxTable: regexp.MustCompile(`^tax[0-9]+$`),
	shipTaxTable: regexp.MustCompile(`^shtax[0-9]+$`),
}

// taxRow is one row of a tax table.
type taxRow struct {
	crm.Tax
	Active bool
}

// loadTaxes reads every tax of table, disabled ones included, by id.
func loadTaxes(ctx context.Context, ext sqlx.QueryerContext, table string) ([]taxRow, error) {
	var rows []struct {
		ID      int    `db:"taxid"`
		Name    string `db:"taxname"`
		Label   string `db:"taxlabel"`
		Percent string `db:"percentage"`
		Deleted int    `db:"deleted"`
	}
	// table is one of the two constants above, never input.
	q := `SELECT taxid, COALESCE(taxname, '') AS taxname, COALESCE(taxlabel, '') AS taxlabel,
		CAST(COALESCE(percentage, 0) AS CHAR) AS percentage, COALESCE(deleted, 0) AS deleted
		FROM ` + table + ` ORDER BY taxid`
	if err := sqlx.SelectContext(ctx, ext, &rows, q); err != nil {
		return nil, fmt.Errorf("read %s: %w", table, err)
	}
	out := make([]taxRow, 0, len(rows))
	for _, r := range rows {
		if !taxColumnRe[table].MatchString(r.Name) {
			return nil, fmt.Errorf("%s: tax %d names column %q, which is not a tax column", table, r.ID, r.Name)
		}
		p, err := crm.ParseDecimal(r.Percent)
		if err != nil {
			return nil, fmt.Errorf("%s: tax %d: %w", table, r.ID, err)
		}
		out = append(out, taxRow{Tax: crm.Tax{ID: r.ID, Name: r.Name, Label: r.Label, Percent: p}, Active: r.Deleted == 0})
	}
	return out, nil
}

// activeTaxes keeps the enabled taxes.
func activeTaxes(rows []taxRow) []crm.Tax {
	var out []crm.Tax
	for _, r := range rows {
		if r.Active {
			out = append(out, r.Tax)
		}
	}
	return out
}

// taxByID finds a tax row.
func taxByID(rows []taxRow, id int) (taxRow, bool) {
	for _, r := range rows {
		if r.ID == id {
			return r, true
		}
	}
	return taxRow{}, false
}

// rateOf names a tax at a percentage.
func rateOf(t crm.Tax, p crm.Decimal) crm.TaxRate {
	return crm.TaxRate{TaxID: t.ID, Name: t.Name, Label: t.Label, Percent: p}
}

// documentRates settles a document-level set of percentages (group taxes
// or S&H taxes): one per active tax, the given percentage or else the
// global one. A given tax that is unknown or disabled is a problem.
func documentRates(rows []taxRow, given []crm.TaxRate) ([]crm.TaxRate, string) {
	want := map[int]crm.Decimal{}
	for _, g := range given {
		r, ok := taxByID(rows, g.TaxID)
		if !ok || !r.Active {
			return nil, fmt.Sprintf("Tax %d is not an active tax.", g.TaxID)
		}
		want[g.TaxID] = g.Percent
	}
	var out []crm.TaxRate
	for _, r := range rows {
		if !r.Active {
			continue
		}
		p, ok := want[r.ID]
		if !ok {
			p = r.Percent
		}
		out = append(out, rateOf(r.Tax, p))
	}
	return out, ""
}

// itemTaxes reads the active taxes of products and services
// (vtiger_producttaxrel), each at the item's percentage or, when that is
// blank, the global one.
func itemTaxes(ctx context.Context, ext sqlx.QueryerContext, rows []taxRow, ids []int64) (map[int64][]crm.TaxRate, error) {
	out := map[int64][]crm.TaxRate{}
	if len(ids) == 0 {
		return out, nil
	}
	q, args, err := sqlx.In(`SELECT productid, taxid, CAST(taxpercentage AS CHAR) AS pct
		FROM vtiger_producttaxrel WHERE productid IN (?) ORDER BY productid, taxid`, ids)
	if err != nil {
		return nil, err
	}
	var rels []struct {
		ProductID int64   `db:"productid"`
		TaxID     int     `db:"taxid"`
		Pct       *string `db:"pct"`
	}
	if err := sqlx.SelectContext(ctx, ext, &rels, q, args...); err != nil {
		return nil, fmt.Errorf("read product taxes: %w", err)
	}
	for _, rel := range rels {
		t, ok := taxByID(rows, rel.TaxID)
		if !ok || !t.Active {
			continue
		}
		p := t.Percent
		if rel.Pct != nil {
			if p, err = crm.ParseDecimal(*rel.Pct); err != nil {
				return nil, fmt.Errorf("product %d tax %d: %w", rel.ProductID, rel.TaxID, err)
			}
		}
		out[rel.ProductID] = append(out[rel.ProductID], rateOf(t.Tax, p))
	}
	return out, nil
}

// loadCurrencies reads the active currencies, the base one first.
func loadCurrencies(ctx context.Context, ext sqlx.QueryerContext) ([]crm.Currency, error) {
	var rows []struct {
		ID     int64  `db:"id"`
		Name   string `db:"currency_name"`
		Code   string `db:"currency_code"`
		Symbol string `db:"currency_symbol"`
		Rate   string `db:"conversion_rate"`
		Base   bool   `db:"base"`
	}
	const q = `SELECT id, COALESCE(currency_name, '') AS currency_name, COALESCE(currency_code, '') AS currency_code,
		COALESCE(currency_symbol, '') AS currency_symbol, CAST(COALESCE(conversion_rate, 1) AS CHAR) AS conversion_rate,
		defaultid = '-11' AS base
		FROM vtiger_currency_info WHERE deleted = 0 AND currency_status = 'Active'
		ORDER BY defaultid = '-11' DESC, id`
	if err := sqlx.SelectContext(ctx, ext, &rows, q); err != nil {
		return nil, fmt.Errorf("read currencies: %w", err)
	}
	out := make([]crm.Currency, 0, len(rows))
	for _, r := range rows {
		rate, err := crm.ParseDecimal(r.Rate)
		if err != nil {
			return nil, fmt.Errorf("currency %d: %w", r.ID, err)
		}
		out = append(out, crm.Currency{ID: r.ID, Name: r.Name, Code: r.Code, Symbol: r.Symbol, Rate: rate, Base: r.Base})
	}
	return out, nil
}

// findCurrency picks currency id among the active ones; 0 is the base
// (the first active one where none is marked base).
func findCurrency(list []crm.Currency, id int64) (crm.Currency, bool) {
	for _, c := range list {
		if c.ID == id || (id == 0 && c.Base) {
			return c, true
		}
	}
	if id == 0 && len(list) > 0 {
		return list[0], true
	}
	return crm.Currency{}, false
}
