package mysql_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// TestInventorySaveAndRead saves a quote with a product and a service in
// group mode, reads it back, then replaces its lines in individual mode:
// the rows are deleted and inserted again, the header's totals are the
// server's own, posted totals are ignored.
func TestInventorySaveAndRead(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	headset := e.product(t, "Headset H200", "59.90", "40", 1, 2)
	setup := e.service(t, "On-site setup", "120")

	vals := e.header("Quotes", "Call center refit")
	vals["hdnGrandTotal"], vals["hdnSubTotal"] = "1", "1" // never trusted
	inv := groupInv(invLine(headset, "10", "59.90"), invLine(setup, "2", "120"))
	inv.Lines[0].Discount = crm.Discount{Percent: invDecp("5")}
	inv.Lines[0].Comment = "Grey, with spare cushions"
	inv.Discount = crm.Discount{Amount: invDecp("25")}
	inv.GroupTaxes = []crm.TaxRate{{TaxID: 2, Percent: invDec("8")}} // others at their global rates
	inv.ShippingAmount = invDec("30")
	inv.ShippingTaxes = []crm.TaxRate{{TaxID: 1, Percent: invDec("4.5")}}
	inv.Adjustment = invDec("-10")
	id := e.create(t, "Quotes", vals, inv)

	// 10 × 59.90 = 599.00 − 5 % (29.95) = 569.05; 2 × 120 = 240;
	// subtotal 809.05; − 25 = 784.05; taxes 4.5 + 8 + 12.5 = 25 % =
	// 196.0125 → 196.01; S&H 30 taxed 4.5 % as given and Sales and
	// Service at their global 10 and 12.5 %: 1.35 + 3.00 + 3.75 = 8.10;
	// adjustment −10; total 809.05 − 25 + 196.01 + 30 + 8.10 − 10 = 1008.16.
	got, totals, err := e.inv.FindInventory(ctx, "Quotes", id)
	if err != nil {
		t.Fatal(err)
	}
	if got.TaxMode != crm.TaxGroup || len(got.Lines) != 2 {
		t.Fatalf("read back %s with %d lines, want group with 2", got.TaxMode, len(got.Lines))
	}
	l0, l1 := got.Lines[0], got.Lines[1]
	if l0.ProductID != headset || l0.ItemName != "Headset H200" || l0.ItemModule != "Products" || l0.Comment != "Grey, with spare cushions" ||
		l0.Discount.Percent == nil || l0.Discount.Percent.Fixed(2) != "5.00" || l0.Discount.Amount != nil {
		t.Errorf("line 1 = %+v", l0)
	}
	if l1.ProductID != setup || l1.ItemModule != "Services" || l1.Quantity.String() != "2" || l1.ListPrice.String() != "120" {
		t.Errorf("line 2 = %+v", l1)
	}
	if len(got.GroupTaxes) != 3 || got.GroupTaxes[1].Percent.String() != "8" || got.GroupTaxes[2].Percent.String() != "12.5" {
		t.Errorf("group taxes = %+v, want VAT 4.5, Sales 8, Service 12.5", got.GroupTaxes)
	}
	if got.Discount.Amount == nil || got.Discount.Amount.String() != "25" || got.Adjustment.String() != "-10" {
		t.Errorf("discount %+v adjustment %s, want 25 and -10", got.Discount, got.Adjustment)
	}
	if totals.Total.Fixed(2) != "1008.16" || totals.Subtotal.Fixed(2) != "809.05" || totals.GroupTax.Fixed(2) != "196.01" {
		t.Errorf("totals: subtotal %s group tax %s total %s, want 809.05, 196.01, 1008.16",
			totals.Subtotal.Fixed(2), totals.GroupTax.Fixed(2), totals.Total.Fixed(2))
	}
	header := e.column(t, `SELECT CONCAT_WS('|', subtotal, total, taxtype, COALESCE(discount_percent, 'null'), discount_amount,
		s_h_amount, adjustment, currency_id, conversion_rate) FROM vtiger_quotes WHERE quoteid = ?`, id)
	if want := "809.050|1008.160|group|null|25.000|30.000|-10.000|1|1.000"; header != want {
		t.Errorf("header columns = %s, want %s", header, want)
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventoryshippingrel WHERE id = ? AND shtax1 = 4.5 AND shtax2 = 10`, id); n != 1 {
		t.Errorf("S&H row with shtax1 4.5 and shtax2 10: %d, want 1", n)
	}

	// A full save in individual mode replaces the lines: one line now,
	// taxed at the product's own VAT and Sales, Sales overridden.
	one := &crm.Inventory{TaxMode: crm.TaxIndividual, Lines: []crm.LineItem{invLine(headset, "3", "50")}}
	one.Lines[0].Taxes = []crm.TaxRate{{TaxID: 2, Percent: invDec("9")}}
	e.save(t, "Quotes", id, map[string]string{"subject": "Call center refit, phase 1"}, one)
	got, totals, err = e.inv.FindInventory(ctx, "Quotes", id)
	if err != nil {
		t.Fatal(err)
	}
	// 150 + 4.5 % 6.75 + 9 % 13.50 = 170.25; S&H and the rest gone.
	if len(got.Lines) != 1 || len(got.Lines[0].Taxes) != 2 || got.Lines[0].Taxes[1].Percent.String() != "9" || totals.Total.Fixed(2) != "170.25" {
		t.Errorf("after the full save: %+v, total %s, want one line taxed 4.5 and 9, total 170.25", got.Lines, totals.Total.Fixed(2))
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventoryproductrel WHERE id = ? AND sequence_no = 1 AND tax3 IS NULL`, id); n != 1 {
		t.Errorf("lines after the full save: %d, want one, without a Service tax", n)
	}
	if total := e.column(t, `SELECT CAST(total AS CHAR) FROM vtiger_quotes WHERE quoteid = ?`, id); total != "170.250" {
		t.Errorf("header total = %s, want 170.250", total)
	}
	// ModTracker keeps the total's change like any field's.
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_modtracker_detail d JOIN vtiger_modtracker_basic b ON b.id = d.id
		WHERE b.crmid = ? AND d.fieldname = 'hdnGrandTotal'`, id); n != 1 {
		t.Errorf("history entries of the total: %d, want 1", n)
	}

	// An inline edit leaves the lines alone.
	if _, err := e.rs.UpdateRecord(ctx, e.admin, "Quotes", id, map[string]string{"quotestage": "Delivered"}); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventoryproductrel WHERE id = ?`, id); n != 1 {
		t.Errorf("lines after an inline edit: %d, want 1", n)
	}
}

// TestInventoryValidation: every problem of a save is named, header and
// lines together, by the key the form shows it at, and nothing is saved.
func TestInventoryValidation(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	headset := e.product(t, "Headset H200", "59.90", "40", 1)
	gone := e.product(t, "Old headset", "10", "0")
	if err := e.rs.DeleteRecord(ctx, e.admin, "Products", gone); err != nil {
		t.Fatal(err)
	}
	accExec(t, e.db, `UPDATE vtiger_inventorytaxinfo SET deleted = 1 WHERE taxid = 3`)

	tests := []struct {
		name string
		vals func(map[string]string)
		inv  func() *crm.Inventory
		want map[string]string // key → part of the message
	}{
		{"unknown, deleted and wrong-module items", nil, func() *crm.Inventory {
			return groupInv(invLine(999999, "1", "1"), invLine(gone, "1", "1"), invLine(e.account, "1", "1"))
		}, map[string]string{
			crm.LineField(1, crm.LineProduct): "does not exist", crm.LineField(2, crm.LineProduct): "does not exist",
			crm.LineField(3, crm.LineProduct): "does not exist"}},
		{"quantity and discounts", nil, func() *crm.Inventory {
			inv := groupInv(invLine(headset, "0", "1"), invLine(headset, "1", "1"))
			inv.Lines[1].Discount = crm.Discount{Percent: invDecp("5"), Amount: invDecp("1")}
			return inv
		}, map[string]string{crm.LineField(1, crm.LineQuantity): "more than 0", crm.LineField(2, crm.LineDiscount): "not both"}},
		{"too many lines", nil, func() *crm.Inventory {
			inv := groupInv()
			for range crm.MaxLineItems + 1 {
				inv.Lines = append(inv.Lines, invLine(headset, "1", "1"))
			}
			return inv
		}, map[string]string{crm.InvLines: "at most 100"}},
		{"disabled and foreign taxes", nil, func() *crm.Inventory {
			inv := groupInv(invLine(headset, "1", "1"))
			inv.GroupTaxes = []crm.TaxRate{{TaxID: 3, Percent: invDec("12.5")}}
			inv.ShippingTaxes = []crm.TaxRate{{TaxID: 42, Percent: invDec("1")}}
			return inv
		}, map[string]string{crm.InvGroupTax: "not an active tax", crm.InvShipTax: "not an active tax"}},
		{"individual tax the item lacks", nil, func() *crm.Inventory {
			inv := &crm.Inventory{TaxMode: crm.TaxIndividual, Lines: []crm.LineItem{invLine(headset, "1", "1")}}
			inv.Lines[0].Taxes = []crm.TaxRate{{TaxID: 2, Percent: invDec("10")}}
			return inv
		}, map[string]string{crm.LineField(1, crm.LineTax): "does not apply"}},
		{"header and lines at once", func(v map[string]string) { delete(v, "subject") }, func() *crm.Inventory {
			inv := groupInv(invLine(headset, "-1", "1"))
			inv.CurrencyID = 77
			return inv
		}, map[string]string{"subject": "required", crm.LineField(1, crm.LineQuantity): "negative", crm.InvCurrency: "not active"}},
		{"no lines", nil, func() *crm.Inventory { return nil }, map[string]string{crm.InvLines: "at least one"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vals := e.header("Quotes", "Refit")
			if tc.vals != nil {
				tc.vals(vals)
			}
			_, err := e.inv.CreateDocument(ctx, e.admin, "Quotes", vals, tc.inv())
			var ce *crm.Error
			if !errorsAs(err, &ce) || ce.Code != crm.EInvalid {
				t.Fatalf("got %v, want an invalid error", err)
			}
			for key, part := range tc.want {
				if !strings.Contains(ce.Fields[key], part) {
					t.Errorf("%s: got %q, want it to say %q (all: %v)", key, ce.Fields[key], part, ce.Fields)
				}
			}
		})
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_quotes`); n != 0 {
		t.Errorf("quotes after failed saves: %d, want 0", n)
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventoryproductrel`); n != 0 {
		t.Errorf("lines after failed saves: %d, want 0", n)
	}
	if _, err := e.inv.CreateDocument(ctx, e.admin, "Accounts", map[string]string{}, groupInv()); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("line items on an account: got %v, want not_found", err)
	}
}

// TestInventoryStatusPropagation: every save of a sales order with a
// quote accepts the quote; every save of an invoice with a sales order
// approves it, the inline edit included.
func TestInventoryStatusPropagation(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	p := e.product(t, "Headset H200", "59.90", "40")
	quote := e.create(t, "Quotes", e.header("Quotes", "Refit"), groupInv(invLine(p, "1", "59.90")))
	stage := func() string {
		return e.column(t, `SELECT quotestage FROM vtiger_quotes WHERE quoteid = ?`, quote)
	}
	if got := stage(); got != "Created" {
		t.Fatalf("new quote stage %s, want Created", got)
	}
	so := e.header("SalesOrder", "Refit order")
	so["quote_id"] = fmt.Sprint(quote)
	order := e.create(t, "SalesOrder", so, groupInv(invLine(p, "1", "59.90")))
	if got := stage(); got != "Accepted" {
		t.Errorf("after the order: quote stage %s, want Accepted", got)
	}
	accExec(t, e.db, `UPDATE vtiger_quotes SET quotestage = 'Reviewed' WHERE quoteid = ?`, quote)
	e.save(t, "SalesOrder", order, map[string]string{}, groupInv(invLine(p, "2", "59.90")))
	if got := stage(); got != "Accepted" {
		t.Errorf("after saving the order again: quote stage %s, want Accepted", got)
	}
	accExec(t, e.db, `UPDATE vtiger_quotes SET quotestage = 'Reviewed' WHERE quoteid = ?`, quote)
	if _, err := e.rs.UpdateRecord(ctx, e.admin, "SalesOrder", order, map[string]string{"carrier": "FedEx"}); err != nil {
		t.Fatal(err)
	}
	if got := stage(); got != "Accepted" {
		t.Errorf("after an inline edit of the order: quote stage %s, want Accepted", got)
	}

	sostatus := func() string {
		return e.column(t, `SELECT sostatus FROM vtiger_salesorder WHERE salesorderid = ?`, order)
	}
	inv := e.header("Invoice", "Refit invoice")
	inv["salesorder_id"] = fmt.Sprint(order)
	invoice := e.create(t, "Invoice", inv, groupInv(invLine(p, "1", "59.90")))
	if got := sostatus(); got != "Approved" {
		t.Errorf("after the invoice: order status %s, want Approved", got)
	}
	accExec(t, e.db, `UPDATE vtiger_salesorder SET sostatus = 'Delivered' WHERE salesorderid = ?`, order)
	e.save(t, "Invoice", invoice, map[string]string{"invoicestatus": "Sent"}, groupInv(invLine(p, "1", "59.90")))
	if got := sostatus(); got != "Approved" {
		t.Errorf("after saving the invoice again: order status %s, want Approved", got)
	}
}
