package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// Names of the line-items form's inputs. Every row posts its key as
// inv-line, in page order, and its inputs as inv-<key>-<part>; the
// document's own inputs are inv-<part>. The inv- prefix keeps them apart
// from the header's field names.
const (
	invLine       = "inv-line"
	invTaxMode    = "inv-taxtype"
	invCurrency   = "inv-currency"
	invDiscType   = "inv-disctype"
	invDiscount   = "inv-discount"
	invShipping   = "inv-shipping"
	invAdjustment = "inv-adjustment"
	invGroupTax   = "inv-grouptax-" // + tax id
	invShipTax    = "inv-shtax-"    // + tax id
	// blankKey marks the row template that the script copies.
	blankKey = "__KEY__"
)

// Discount kinds offered by the discount selects.
const (
	discNone    = "none"
	discPercent = "percent"
	discAmount  = "amount"
)

// lineItemsForm is the line-items section of an inventory document's
// form: the rows as typed (or as stored), the document's inputs, the
// errors beside each, and the totals the server computed last.
type lineItemsForm struct {
	translator
	TaxMode    string
	Currencies []option
	DiscType   string
	Discount   string
	Shipping   string
	Adjustment string
	GroupTaxes []taxInput
	ShipTaxes  []taxInput
	Rows       []*lineRow
	// Blank is the empty row the script copies for "Add line".
	Blank *lineRow
	// Errors are the document-level problems by crm.Inv* key.
	Errors map[string]string
	Totals totalsShown
}

// taxInput is one tax percentage input, with the tax's amount when the
// server computed it.
type taxInput struct {
	ID     int
	Label  string
	Value  string
	Amount string
}

// lineRow is one row of the form.
type lineRow struct {
	translator
	Key          string
	ProductID    string
	ProductLabel string
	Description  string
	Qty          string
	Price        string
	DiscType     string
	Discount     string
	Comment      string
	// Taxes are the item's taxes (individual mode).
	Taxes []taxInput
	Net   string
	// Errors are the row's problems, as sentences.
	Errors []string
}

// totalsShown are computed totals as text, empty when unknown; each
// tax's amount is on its taxInput.
type totalsShown struct {
	Subtotal    string
	Discount    string
	GroupTax    string
	ShippingTax string
	Total       string
}

// inventoryOn reports whether m's forms and pages have line items.
func (s *Server) inventoryOn(m *crm.Module) bool {
	return s.deps.Inventory != nil && crm.IsInventoryModule(m.Name)
}

// fillLineItems puts the line-items section on a new or edit form of an
// inventory document: the stored lines, or one empty row.
func (s *Server) fillLineItems(r *http.Request, p *editPage, m *crm.Module, rec *crm.Record) error {
	if !s.inventoryOn(m) || p.Mode != "" {
		return nil
	}
	ctx := r.Context()
	setup, err := s.deps.Inventory.InventorySetup(ctx)
	if err != nil {
		return err
	}
	inv := &crm.Inventory{TaxMode: crm.TaxGroup, Lines: []crm.LineItem{{}}}
	if rec != nil {
		if inv, _, err = s.deps.Inventory.FindInventory(ctx, m.Name, rec.ID); err != nil {
			return err
		}
	}
	f := newLineItemsForm(p.translator, setup, inv)
	if err := s.fillItemTaxes(r, f, inv); err != nil {
		return err
	}
	if rec != nil {
		f.showTotals(inv)
	}
	p.Inventory = f
	return nil
}

// newLineItemsForm shows inv in a form; rows get their item taxes from
// fillItemTaxes.
func newLineItemsForm(tr translator, setup *crm.InventorySetup, inv *crm.Inventory) *lineItemsForm {
	f := &lineItemsForm{translator: tr, TaxMode: inv.TaxMode, Errors: map[string]string{},
		Shipping: decimalText(inv.ShippingAmount), Adjustment: decimalText(inv.Adjustment)}
	f.DiscType, f.Discount = discountInputs(inv.Discount)
	f.Currencies = currencyOptions(setup.Currencies, inv.CurrencyID)
	f.GroupTaxes = taxInputs(setup.Taxes, inv.GroupTaxes)
	f.ShipTaxes = taxInputs(setup.ShippingTaxes, inv.ShippingTaxes)
	for i, l := range inv.Lines {
		row := &lineRow{translator: tr, Key: strconv.Itoa(i + 1), Description: l.Description,
			Comment: l.Comment, ProductLabel: l.ItemName}
		if l.ProductID > 0 {
			row.ProductID = strconv.FormatInt(l.ProductID, 10)
			row.Qty, row.Price = l.Quantity.String(), l.ListPrice.Fixed(2)
			if !l.ListPrice.HasPlaces(2) {
				row.Price = l.ListPrice.String()
			}
		}
		row.DiscType, row.Discount = discountInputs(l.Discount)
		f.Rows = append(f.Rows, row)
	}
	f.Blank = &lineRow{translator: tr, Key: blankKey, DiscType: discNone}
	return f
}

// currencyOptions offers the active currencies, selecting id (0: the
// base one).
func currencyOptions(list []crm.Currency, id int64) []option {
	out := make([]option, 0, len(list))
	for _, c := range list {
		label := c.Code
		if c.Symbol != "" {
			label += " (" + c.Symbol + ")"
		}
		out = append(out, option{Value: strconv.FormatInt(c.ID, 10), Label: label, Selected: c.ID == id || (id == 0 && c.Base)})
	}
	return out
}

// taxInputs offers each active tax with the document's percentage, or its
// global one where the document has none.
func taxInputs(active []crm.Tax, given []crm.TaxRate) []taxInput {
	out := make([]taxInput, 0, len(active))
	for _, t := range active {
		in := taxInput{ID: t.ID, Label: t.Label, Value: t.Percent.String()}
		for _, g := range given {
			if g.TaxID == t.ID {
				in.Value = g.Percent.String()
			}
		}
		out = append(out, in)
	}
	return out
}

// fillItemTaxes gives each row its item's taxes, at the line's stored
// percentages in individual mode.
func (s *Server) fillItemTaxes(r *http.Request, f *lineItemsForm, inv *crm.Inventory) error {
	infos := map[int64]*crm.LineItemInfo{} // an item on several lines is read once
	for i, row := range f.Rows {
		id, err := strconv.ParseInt(row.ProductID, 10, 64)
		if err != nil || id <= 0 {
			continue
		}
		info, seen := infos[id]
		if !seen {
			info, err = s.deps.Inventory.FindLineItemInfo(r.Context(), id, inv.CurrencyID)
			if err != nil && crm.ErrorCode(err) != crm.ENotFound {
				return err
			}
			infos[id] = info
		}
		if info == nil {
			continue // deleted since: the save will say so
		}
		var given []crm.TaxRate
		if inv.TaxMode == crm.TaxIndividual && i < len(inv.Lines) {
			given = inv.Lines[i].Taxes
		}
		for _, t := range info.Taxes {
			in := taxInput{ID: t.TaxID, Label: t.Label, Value: t.Percent.String()}
			for _, g := range given {
				if g.TaxID == t.TaxID {
					in.Value = g.Percent.String()
				}
			}
			row.Taxes = append(row.Taxes, in)
		}
	}
	return nil
}

// showTotals writes inv's computed totals into the form.
func (f *lineItemsForm) showTotals(inv *crm.Inventory) {
	t := crm.ComputeTotals(inv)
	for i, lt := range t.Lines {
		if i < len(f.Rows) {
			f.Rows[i].Net = lt.Net.Fixed(2)
		}
	}
	f.Totals = totalsShown{Subtotal: t.Subtotal.Fixed(2), Discount: t.Discount.Fixed(2),
		GroupTax: t.GroupTax.Fixed(2), ShippingTax: t.ShippingTax.Fixed(2), Total: t.Total.Fixed(2)}
	showAmounts(f.GroupTaxes, inv.GroupTaxes, t.GroupTaxes)
	showAmounts(f.ShipTaxes, inv.ShippingTaxes, t.ShippingTaxes)
}

// showAmounts puts each rate's amount beside its input.
func showAmounts(inputs []taxInput, rates []crm.TaxRate, amounts []crm.Decimal) {
	for i, r := range rates {
		for j := range inputs {
			if inputs[j].ID == r.TaxID && i < len(amounts) {
				inputs[j].Amount = amounts[i].Fixed(2)
			}
		}
	}
}

// discountInputs shows a discount as a kind and a number.
func discountInputs(d crm.Discount) (kind, value string) {
	switch {
	case d.Percent != nil:
		return discPercent, d.Percent.String()
	case d.Amount != nil:
		return discAmount, d.Amount.String()
	}
	return discNone, ""
}

// decimalText shows a number for an input; 0 shows as empty.
func decimalText(d crm.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
