package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// FindInventory reads a live document's lines and header inputs and
// computes its totals. A line's taxes are the tax columns it has a
// percentage in, disabled taxes included, so a document reads back as it
// was saved; in group mode the document's taxes are its first line's.
func (s *InventoryService) FindInventory(ctx context.Context, module string, id int64) (*crm.Inventory, crm.Totals, error) {
	if err := checkInventoryModule(module); err != nil {
		return nil, crm.Totals{}, err
	}
	m, err := s.rs.Module(ctx, module)
	if err != nil {
		return nil, crm.Totals{}, err
	}
	inv, err := readHeader(ctx, s.db, m, id)
	if err != nil {
		return nil, crm.Totals{}, err
	}
	taxes, err := loadTaxes(ctx, s.db, lineTaxTable)
	if err != nil {
		return nil, crm.Totals{}, err
	}
	shipTaxes, err := loadTaxes(ctx, s.db, shipTaxTable)
	if err != nil {
		return nil, crm.Totals{}, err
	}
	if inv.Lines, err = readLines(ctx, s.db, id, taxes); err != nil {
		return nil, crm.Totals{}, err
	}
	if inv.TaxMode == crm.TaxGroup && len(inv.Lines) > 0 {
		inv.GroupTaxes = inv.Lines[0].Taxes
	}
	if inv.ShippingTaxes, err = readShipping(ctx, s.db, id, shipTaxes); err != nil {
		return nil, crm.Totals{}, err
	}
	return inv, crm.ComputeTotals(inv), nil
}

// readHeader reads a document's tax mode, discount, S&H, adjustment and
// currency. A document saved without lines has no tax mode: it reads as
// group, vtiger's default.
func readHeader(ctx context.Context, ext sqlx.QueryerContext, m *crm.Module, id int64) (*crm.Inventory, error) {
	var h struct {
		TaxMode    string `db:"taxtype"`
		Percent    string `db:"discount_percent"`
		Amount     string `db:"discount_amount"`
		Shipping   string `db:"s_h_amount"`
		Adjustment string `db:"adjustment"`
		Currency   int64  `db:"currency_id"`
		Rate       string `db:"conversion_rate"`
	}
	// The base table and its id column come from vtiger_field metadata.
	q := `SELECT COALESCE(b.taxtype, '') AS taxtype,
		CAST(COALESCE(b.discount_percent, 0) AS CHAR) AS discount_percent,
		CAST(COALESCE(b.discount_amount, 0) AS CHAR) AS discount_amount,
		CAST(COALESCE(b.s_h_amount, 0) AS CHAR) AS s_h_amount,
		CAST(COALESCE(b.adjustment, 0) AS CHAR) AS adjustment,
		b.currency_id, CAST(b.conversion_rate AS CHAR) AS conversion_rate
		FROM ` + quoteIdent(m.BaseTable) + ` b JOIN vtiger_crmentity e ON e.crmid = b.` + quoteIdent(m.IDColumn) + `
		WHERE b.` + quoteIdent(m.IDColumn) + ` = ? AND e.deleted = 0`
	err := sqlx.GetContext(ctx, ext, &h, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no %s record %d", m.Name, id)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s %d: %w", m.Name, id, err)
	}
	inv := &crm.Inventory{TaxMode: h.TaxMode, CurrencyID: h.Currency}
	if inv.TaxMode != crm.TaxIndividual {
		inv.TaxMode = crm.TaxGroup
	}
	nums := []*crm.Decimal{new(crm.Decimal), new(crm.Decimal), &inv.ShippingAmount, &inv.Adjustment, &inv.ConversionRate}
	for i, text := range []string{h.Percent, h.Amount, h.Shipping, h.Adjustment, h.Rate} {
		if *nums[i], err = crm.ParseDecimal(text); err != nil {
			return nil, fmt.Errorf("read %s %d: %w", m.Name, id, err)
		}
	}
	inv.Discount = storedDiscount(*nums[0], *nums[1])
	return inv, nil
}

// storedDiscount reads vtiger's two discount columns: a non-zero
// percentage wins, then a non-zero amount; zero in both is no discount.
func storedDiscount(percent, amount crm.Decimal) crm.Discount {
	switch {
	case !percent.IsZero():
		return crm.Discount{Percent: &percent}
	case !amount.IsZero():
		return crm.Discount{Amount: &amount}
	}
	return crm.Discount{}
}

// readLines reads a document's lines in sequence order, with the name
// and module of each item.
func readLines(ctx context.Context, ext sqlx.QueryerContext, id int64, taxes []taxRow) ([]crm.LineItem, error) {
	cols := []string{"r.productid", "COALESCE(e.setype, '')", "COALESCE(p.productname, sv.servicename, '')",
		"CAST(COALESCE(r.quantity, 0) AS CHAR)", "CAST(COALESCE(r.listprice, 0) AS CHAR)",
		"CAST(COALESCE(r.discount_percent, 0) AS CHAR)", "CAST(COALESCE(r.discount_amount, 0) AS CHAR)",
		"COALESCE(r.comment, '')", "COALESCE(r.description, '')"}
	for _, t := range taxes {
		cols = append(cols, "CAST(r."+quoteIdent(t.Name)+" AS CHAR)")
	}
	q := "SELECT " + strings.Join(cols, ", ") + ` FROM vtiger_inventoryproductrel r
		LEFT JOIN vtiger_crmentity e ON e.crmid = r.productid
		LEFT JOIN vtiger_products p ON p.productid = r.productid
		LEFT JOIN vtiger_service sv ON sv.serviceid = r.productid
		WHERE r.id = ? ORDER BY r.sequence_no, r.lineitem_id`
	rows, err := ext.QueryxContext(ctx, q, id)
	if err != nil {
		return nil, fmt.Errorf("read lines of %d: %w", id, err)
	}
	defer rows.Close()
	var lines []crm.LineItem
	for rows.Next() {
		l, err := scanLine(rows, taxes)
		if err != nil {
			return nil, fmt.Errorf("read lines of %d: %w", id, err)
		}
		lines = append(lines, l)
	}
	return lines, rows.Err()
}

// scanLine reads one row of readLines.
func scanLine(rows *sqlx.Rows, taxes []taxRow) (crm.LineItem, error) {
	var l crm.LineItem
	var qty, price, pct, amt string
	tax := make([]sql.NullString, len(taxes))
	dest := []any{&l.ProductID, &l.ItemModule, &l.ItemName, &qty, &price, &pct, &amt, &l.Comment, &l.Description}
	for i := range tax {
		dest = append(dest, &tax[i])
	}
	if err := rows.Scan(dest...); err != nil {
		return l, err
	}
	nums := []*crm.Decimal{&l.Quantity, &l.ListPrice, new(crm.Decimal), new(crm.Decimal)}
	for i, text := range []string{qty, price, pct, amt} {
		var err error
		if *nums[i], err = crm.ParseDecimal(text); err != nil {
			return l, err
		}
	}
	l.Discount = storedDiscount(*nums[2], *nums[3])
	var err error
	if l.Taxes, err = storedRates(taxes, tax); err != nil {
		return l, err
	}
	return l, nil
}

// storedRates turns tax columns into rates, skipping NULL ones.
func storedRates(taxes []taxRow, vals []sql.NullString) ([]crm.TaxRate, error) {
	var out []crm.TaxRate
	for i, v := range vals {
		if !v.Valid {
			continue
		}
		p, err := crm.ParseDecimal(v.String)
		if err != nil {
			return nil, err
		}
		out = append(out, rateOf(taxes[i].Tax, p))
	}
	return out, nil
}

// readShipping reads the S&H tax percentages of a document.
func readShipping(ctx context.Context, ext sqlx.QueryerContext, id int64, taxes []taxRow) ([]crm.TaxRate, error) {
	if len(taxes) == 0 {
		return nil, nil
	}
	cols := make([]string, len(taxes))
	for i, t := range taxes {
		cols[i] = "CAST(" + quoteIdent(t.Name) + " AS CHAR)"
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM vtiger_inventoryshippingrel WHERE id = ? LIMIT 1"
	vals := make([]sql.NullString, len(taxes))
	dest := make([]any, len(vals))
	for i := range vals {
		dest[i] = &vals[i]
	}
	err := ext.QueryRowxContext(ctx, q, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read S&H taxes of %d: %w", id, err)
	}
	return storedRates(taxes, vals)
}
