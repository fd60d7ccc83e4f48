package crm

// LineTotals is one line's share of a document's totals.
type LineTotals struct {
	// Gross is quantity × list price.
	Gross    Decimal
	Discount Decimal
	// Taxes are the line's tax amounts in individual mode, in the order
	// of LineItem.Taxes, each rounded; none in group mode.
	Taxes []Decimal
	// Net is gross − discount, plus the taxes in individual mode.
	Net Decimal
}

// Totals are what the header of a document keeps, with the parts that
// make them up.
type Totals struct {
	Lines    []LineTotals
	Subtotal Decimal
	// Discount is the overall discount.
	Discount Decimal
	// GroupTaxes are the amounts of Inventory.GroupTaxes in group mode,
	// unrounded; GroupTax is their rounded sum (0 in individual mode).
	GroupTaxes []Decimal
	GroupTax   Decimal
	Shipping   Decimal
	// ShippingTaxes are the amounts of Inventory.ShippingTaxes, each
	// rounded; ShippingTax is their sum.
	ShippingTaxes []Decimal
	ShippingTax   Decimal
	Adjustment    Decimal
	Total         Decimal
}

// ComputeTotals computes a document's totals by vtiger's rules
// (include/js/Inventory.js), each rounding half-up to cents where vtiger
// rounds and nowhere else:
//
//  1. line = quantity × list price;
//  2. line discount = its percentage of the line (rounded), or its amount;
//  3. individual mode: each tax = (line − discount) × % (each rounded),
//     net = line − discount + taxes; group mode: net = line − discount;
//  4. subtotal = Σ net;
//  5. overall discount = its percentage of the subtotal (rounded), or its
//     amount;
//  6. group mode: group tax = Σ (subtotal − overall discount) × %, the sum
//     rounded; individual mode has none, so there the overall discount
//     does not reduce tax;
//  7. S&H tax = Σ S&H amount × % (each rounded), in both modes;
//  8. the adjustment is signed (negative deducts);
//  9. total = subtotal − overall discount + group tax + S&H + S&H tax +
//     adjustment, rounded.
//
// It trusts inv: check it with Validate first.
func ComputeTotals(inv *Inventory) Totals {
	var t Totals
	for _, l := range inv.Lines {
		lt := lineTotals(l, inv.TaxMode == TaxIndividual)
		t.Lines = append(t.Lines, lt)
		t.Subtotal = t.Subtotal.Add(lt.Net)
	}
	t.Discount = inv.Discount.Of(t.Subtotal)
	if inv.TaxMode == TaxGroup {
		base := t.Subtotal.Sub(t.Discount)
		var sum Decimal
		for _, r := range inv.GroupTaxes {
			amount := base.Percent(r.Percent)
			t.GroupTaxes = append(t.GroupTaxes, amount)
			sum = sum.Add(amount)
		}
		t.GroupTax = sum.Round(2)
	}
	t.Shipping = inv.ShippingAmount
	for _, r := range inv.ShippingTaxes {
		amount := t.Shipping.Percent(r.Percent).Round(2)
		t.ShippingTaxes = append(t.ShippingTaxes, amount)
		t.ShippingTax = t.ShippingTax.Add(amount)
	}
	t.Adjustment = inv.Adjustment
	t.Total = t.Subtotal.Sub(t.Discount).Add(t.GroupTax).Add(t.Shipping).
		Add(t.ShippingTax).Add(t.Adjustment).Round(2)
	return t
}

// lineTotals applies rules 1 to 3 to one line.
func lineTotals(l LineItem, individual bool) LineTotals {
	lt := LineTotals{Gross: l.Quantity.Mul(l.ListPrice)}
	lt.Discount = l.Discount.Of(lt.Gross)
	lt.Net = lt.Gross.Sub(lt.Discount)
	if !individual {
		return lt
	}
	taxable := lt.Net
	for _, r := range l.Taxes {
		amount := taxable.Percent(r.Percent).Round(2)
		lt.Taxes = append(lt.Taxes, amount)
		lt.Net = lt.Net.Add(amount)
	}
	return lt
}
