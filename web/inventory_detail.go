package web

import (
	"net/http"

	"github.com/tigerline/tigerline/crm"
)

// lineItemsView is the line-items table of a document's detail page.
type lineItemsView struct {
	translator
	Individual bool
	TaxMode    string
	Currency   string
	Rows       []lineViewRow
	Subtotal   string
	// Discount is the overall discount's amount; DiscountNote its
	// percentage, when it is one.
	Discount     string
	DiscountNote string
	GroupTaxes   []taxShown
	GroupTax     string
	Shipping     string
	ShipTaxes    []taxShown
	ShippingTax  string
	Adjustment   string
	Total        string
}

// lineViewRow is one line as shown.
type lineViewRow struct {
	Seq          int
	Name         string
	Href         string
	Comment      string
	Qty          string
	Price        string
	Gross        string
	Discount     string
	DiscountNote string
	Taxes        []taxShown
	Net          string
}

// taxShown is a tax with its percentage and amount.
type taxShown struct {
	Label   string
	Percent string
	Amount  string
}

// lineItemsFor builds the line-items table of an inventory document, nil
// for other modules.
func (s *Server) lineItemsFor(r *http.Request, tr translator, m *crm.Module, id int64) (*lineItemsView, error) {
	if !s.inventoryOn(m) {
		return nil, nil
	}
	ctx := r.Context()
	inv, t, err := s.deps.Inventory.FindInventory(ctx, m.Name, id)
	if err != nil {
		return nil, err
	}
	setup, err := s.deps.Inventory.InventorySetup(ctx)
	if err != nil {
		return nil, err
	}
	v := &lineItemsView{translator: tr, Individual: inv.TaxMode == crm.TaxIndividual, TaxMode: tr.T(taxModeLabel(inv.TaxMode)),
		Subtotal: t.Subtotal.Fixed(2), Discount: t.Discount.Fixed(2), GroupTax: t.GroupTax.Fixed(2),
		Shipping: t.Shipping.Fixed(2), ShippingTax: t.ShippingTax.Fixed(2), Adjustment: t.Adjustment.Fixed(2), Total: t.Total.Fixed(2)}
	if c, ok := currencyOf(setup.Currencies, inv.CurrencyID); ok {
		v.Currency = c.Code
	}
	if inv.Discount.Percent != nil {
		v.DiscountNote = inv.Discount.Percent.String() + "%"
	}
	for i, l := range inv.Lines {
		lt := t.Lines[i]
		row := lineViewRow{Seq: i + 1, Name: l.ItemName, Comment: l.Comment, Qty: l.Quantity.String(),
			Price: l.ListPrice.Fixed(2), Gross: lt.Gross.Fixed(2), Discount: lt.Discount.Fixed(2), Net: lt.Net.Fixed(2)}
		if l.ItemModule != "" {
			row.Href = recordHref(l.ItemModule, l.ProductID)
		}
		if l.Discount.Percent != nil {
			row.DiscountNote = l.Discount.Percent.String() + "%"
		}
		if v.Individual {
			row.Taxes = shownTaxes(l.Taxes, lt.Taxes)
		}
		v.Rows = append(v.Rows, row)
	}
	if !v.Individual {
		v.GroupTaxes = shownTaxes(inv.GroupTaxes, t.GroupTaxes)
	}
	v.ShipTaxes = shownTaxes(inv.ShippingTaxes, t.ShippingTaxes)
	return v, nil
}

// shownTaxes pairs rates with their amounts.
func shownTaxes(rates []crm.TaxRate, amounts []crm.Decimal) []taxShown {
	out := make([]taxShown, 0, len(rates))
	for i, r := range rates {
		ts := taxShown{Label: r.Label, Percent: r.Percent.String() + "%"}
		if i < len(amounts) {
			ts.Amount = amounts[i].Fixed(2)
		}
		out = append(out, ts)
	}
	return out
}

// taxModeLabel names a tax mode as vtiger's form does.
func taxModeLabel(mode string) string {
	if mode == crm.TaxIndividual {
		return "Individual"
	}
	return "Group"
}

// currencyOf finds a document's currency among the active ones.
func currencyOf(list []crm.Currency, id int64) (crm.Currency, bool) {
	for _, c := range list {
		if c.ID == id {
			return c, true
		}
	}
	return crm.Currency{}, false
}
