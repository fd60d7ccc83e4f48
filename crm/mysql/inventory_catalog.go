package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tigerline/tigerline/crm"
)

// InventorySetup lists the active line and S&H taxes and the active
// currencies, the base currency first.
func (s *InventoryService) InventorySetup(ctx context.Context) (*crm.InventorySetup, error) {
	taxes, err := loadTaxes(ctx, s.db, lineTaxTable)
	if err != nil {
		return nil, err
	}
	shipTaxes, err := loadTaxes(ctx, s.db, shipTaxTable)
	if err != nil {
		return nil, err
	}
	currencies, err := loadCurrencies(ctx, s.db)
	if err != nil {
		return nil, err
	}
	return &crm.InventorySetup{Taxes: activeTaxes(taxes), ShippingTaxes: activeTaxes(shipTaxes), Currencies: currencies}, nil
}

// FindLineItemInfo describes a live product or service for a new line:
// its price in currency is its explicit price there
// (vtiger_productcurrencyrel.actual_price), else its unit price converted
// by the two currencies' rates, rounded to cents.
func (s *InventoryService) FindLineItemInfo(ctx context.Context, id, currency int64) (*crm.LineItemInfo, error) {
	var row struct {
		Module   string         `db:"setype"`
		Name     string         `db:"name"`
		Price    string         `db:"unit_price"`
		Currency int64          `db:"currency_id"`
		Stock    sql.NullString `db:"qtyinstock"`
		Explicit sql.NullString `db:"actual_price"`
	}
	const q = `SELECT e.setype, COALESCE(p.productname, sv.servicename, '') AS name,
		CAST(COALESCE(p.unit_price, sv.unit_price, 0) AS CHAR) AS unit_price,
		COALESCE(p.currency_id, sv.currency_id, 1) AS currency_id,
		CASE WHEN e.setype = 'Products' THEN CAST(COALESCE(p.qtyinstock, 0) AS CHAR) END AS qtyinstock,
		(SELECT CAST(actual_price AS CHAR) FROM vtiger_productcurrencyrel c
			WHERE c.productid = e.crmid AND c.currencyid = ? LIMIT 1) AS actual_price
		FROM vtiger_crmentity e
		LEFT JOIN vtiger_products p ON p.productid = e.crmid
		LEFT JOIN vtiger_service sv ON sv.serviceid = e.crmid
		WHERE e.crmid = ? AND e.deleted = 0 AND e.setype IN ('Products', 'Services')`
	currencies, err := loadCurrencies(ctx, s.db)
	if err != nil {
		return nil, err
	}
	target, ok := findCurrency(currencies, currency)
	if !ok {
		return nil, crm.Errorf(crm.ENotFound, "no active currency %d", currency)
	}
	err = s.db.GetContext(ctx, &row, q, target.ID, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no product or service %d", id)
	}
	if err != nil {
		return nil, fmt.Errorf("find line item %d: %w", id, err)
	}
	info := &crm.LineItemInfo{ID: id, Module: row.Module, Name: row.Name}
	if info.UnitPrice, err = itemPrice(row.Price, row.Explicit, row.Currency, target, currencies); err != nil {
		return nil, fmt.Errorf("price of %d: %w", id, err)
	}
	if row.Stock.Valid {
		stock, err := crm.ParseDecimal(row.Stock.String)
		if err != nil {
			return nil, fmt.Errorf("stock of %d: %w", id, err)
		}
		info.Stock = &stock
	}
	taxes, err := loadTaxes(ctx, s.db, lineTaxTable)
	if err != nil {
		return nil, err
	}
	own, err := itemTaxes(ctx, s.db, taxes, []int64{id})
	if err != nil {
		return nil, err
	}
	info.Taxes = own[id]
	return info, nil
}

// itemPrice is an item's price in target: the explicit one when set,
// else unit price × target rate ÷ the rate of the item's own currency (1
// when that currency is gone).
func itemPrice(unit string, explicit sql.NullString, own int64, target crm.Currency, currencies []crm.Currency) (crm.Decimal, error) {
	if explicit.Valid {
		return crm.ParseDecimal(explicit.String)
	}
	price, err := crm.ParseDecimal(unit)
	if err != nil {
		return crm.Decimal{}, err
	}
	if own == target.ID {
		return price, nil
	}
	ownRate := crm.DecimalFromInt(1)
	if c, ok := findCurrency(currencies, own); ok && own != 0 && !c.Rate.IsZero() {
		ownRate = c.Rate
	}
	return price.Mul(target.Rate).Quo(ownRate).Round(2), nil
}
