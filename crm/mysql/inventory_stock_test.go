package mysql_test

import (
	"context"
	"testing"

	"github.com/tigerline/tigerline/crm"
)

// TestInventoryInvoiceStock: an invoice takes its lines, and its bundles'
// parts, from stock; saving it again adds back what it took first, so
// it never deducts twice; inline edits, deleting and restoring leave
// stock alone (vtiger's double deduction there is not copied); quotes
// never touch stock.
func TestInventoryInvoiceStock(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	headset := e.product(t, "Headset H200", "59.90", "10")
	kit := e.product(t, "Agent kit", "99", "5")
	cable := e.product(t, "USB cable", "3", "20")
	setup := e.service(t, "On-site setup", "120")
	accExec(t, e.db, `INSERT INTO vtiger_seproductsrel (crmid, productid, setype) VALUES (?, ?, 'Products')`, cable, kit)

	e.create(t, "Quotes", e.header("Quotes", "Refit"), groupInv(invLine(headset, "4", "59.90")))
	e.wantStock(t, "a quote", map[int64]string{headset: "10.000"})

	lines := func(headsets string) *crm.Inventory {
		return groupInv(invLine(headset, headsets, "59.90"), invLine(kit, "2", "99"), invLine(setup, "1", "120"))
	}
	invoice := e.create(t, "Invoice", e.header("Invoice", "Refit invoice"), lines("3"))
	e.wantStock(t, "the invoice", map[int64]string{headset: "7.000", kit: "3.000", cable: "18.000"})
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventoryproductrel WHERE id = ? AND incrementondel = 1`, invoice); n != 3 {
		t.Errorf("flagged lines: %d, want 3", n)
	}
	if n := countRows(t, e.db, `SELECT COUNT(*) FROM vtiger_inventorysubproductrel WHERE id = ? AND sequence_no = 2 AND productid = ?`, invoice, cable); n != 1 {
		t.Errorf("part rows of the kit line: %d, want 1", n)
	}

	e.save(t, "Invoice", invoice, map[string]string{}, lines("3"))
	e.wantStock(t, "the same invoice saved again", map[int64]string{headset: "7.000", kit: "3.000", cable: "18.000"})
	e.save(t, "Invoice", invoice, map[string]string{"invoicestatus": "Paid"}, lines("9"))
	e.wantStock(t, "nine headsets, status ignored", map[int64]string{headset: "1.000", kit: "3.000", cable: "18.000"})
	e.save(t, "Invoice", invoice, map[string]string{}, lines("12"))
	e.wantStock(t, "more than in stock", map[int64]string{headset: "-2.000"})

	if _, err := e.rs.UpdateRecord(ctx, e.admin, "Invoice", invoice, map[string]string{"subject": "Refit, final"}); err != nil {
		t.Fatal(err)
	}
	e.wantStock(t, "an inline edit", map[int64]string{headset: "-2.000", kit: "3.000", cable: "18.000"})
	if err := e.rs.DeleteRecord(ctx, e.admin, "Invoice", invoice); err != nil {
		t.Fatal(err)
	}
	e.wantStock(t, "deleting", map[int64]string{headset: "-2.000", kit: "3.000"})
	if _, err := e.rs.RestoreRecord(ctx, e.admin, "Invoice", invoice); err != nil {
		t.Fatal(err)
	}
	e.wantStock(t, "restoring", map[int64]string{headset: "-2.000", kit: "3.000", cable: "18.000"})
}

// TestInventoryPurchaseOrderStock: a purchase order adds its lines (not
// its bundles' parts) to stock when its status becomes Received
// Shipment, by create, full save or inline edit, and only then.
func TestInventoryPurchaseOrderStock(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	headset := e.product(t, "Headset H200", "59.90", "10")
	kit := e.product(t, "Agent kit", "99", "5")
	cable := e.product(t, "USB cable", "3", "20")
	accExec(t, e.db, `INSERT INTO vtiger_seproductsrel (crmid, productid, setype) VALUES (?, ?, 'Products')`, cable, kit)

	po := e.create(t, "PurchaseOrder", e.header("PurchaseOrder", "Restock"), groupInv(invLine(headset, "50", "40"), invLine(kit, "4", "70")))
	e.wantStock(t, "an ordered purchase", map[int64]string{headset: "10.000", kit: "5.000"})

	setStatus := func(status string) {
		t.Helper()
		if _, err := e.rs.UpdateRecord(ctx, e.admin, "PurchaseOrder", po, map[string]string{"postatus": status}); err != nil {
			t.Fatal(err)
		}
	}
	setStatus("Received Shipment")
	e.wantStock(t, "received", map[int64]string{headset: "60.000", kit: "9.000", cable: "20.000"})
	e.save(t, "PurchaseOrder", po, map[string]string{"postatus": "Received Shipment", "tracking_no": "SF123"},
		groupInv(invLine(headset, "55", "40"), invLine(kit, "4", "70")))
	if _, err := e.rs.UpdateRecord(ctx, e.admin, "PurchaseOrder", po, map[string]string{"carrier": "DHL"}); err != nil {
		t.Fatal(err)
	}
	e.wantStock(t, "saved again while received", map[int64]string{headset: "60.000", kit: "9.000"})
	setStatus("Cancelled")
	e.wantStock(t, "cancelled after receiving", map[int64]string{headset: "60.000", kit: "9.000"})

	// A full save that receives adds the lines it saves.
	vals := map[string]string{"postatus": "Received Shipment"}
	e.save(t, "PurchaseOrder", po, vals, groupInv(invLine(headset, "5", "40")))
	e.wantStock(t, "received again by a full save", map[int64]string{headset: "65.000", kit: "9.000"})

	created := e.header("PurchaseOrder", "Urgent restock")
	created["postatus"] = "Received Shipment"
	e.create(t, "PurchaseOrder", created, groupInv(invLine(kit, "1", "70")))
	e.wantStock(t, "created received", map[int64]string{kit: "10.000", cable: "20.000"})
}

// TestLineItemInfo: a new line's price is the item's explicit price in
// the document's currency, else its unit price converted; its taxes are
// its own.
func TestLineItemInfo(t *testing.T) {
	ctx := context.Background()
	e := newInvEnv(t)
	headset := e.product(t, "Headset H200", "59.90", "7", 1, 3)
	setup := e.service(t, "On-site setup", "120")
	accExec(t, e.db, `INSERT INTO vtiger_currency_info (id, currency_name, currency_code, currency_symbol, conversion_rate, currency_status, defaultid, deleted)
		VALUES (2, 'Hong Kong, Dollars', 'HKD', 'HK$', 7.8, 'Active', '0', 0)`)

	info, err := e.inv.FindLineItemInfo(ctx, headset, 0)
	if err != nil {
		t.Fatal(err)
	}
	if info.Name != "Headset H200" || info.Module != "Products" || info.UnitPrice.Fixed(2) != "59.90" ||
		info.Stock == nil || info.Stock.String() != "7" || len(info.Taxes) != 2 || info.Taxes[1].Percent.String() != "12.5" {
		t.Errorf("headset in base currency = %+v", info)
	}
	if info, err = e.inv.FindLineItemInfo(ctx, headset, 2); err != nil || info.UnitPrice.Fixed(2) != "467.22" {
		t.Errorf("headset in HKD: %v, %v; want 59.90 × 7.8 = 467.22", info, err)
	}
	accExec(t, e.db, `INSERT INTO vtiger_productcurrencyrel (productid, currencyid, converted_price, actual_price) VALUES (?, 2, 467.22, 450)`, headset)
	if info, err = e.inv.FindLineItemInfo(ctx, headset, 2); err != nil || info.UnitPrice.Fixed(2) != "450.00" {
		t.Errorf("headset with an explicit HKD price: %v, %v; want 450.00", info, err)
	}
	if info, err = e.inv.FindLineItemInfo(ctx, setup, 0); err != nil || info.Module != "Services" || info.Stock != nil || info.UnitPrice.String() != "120" {
		t.Errorf("service: %+v, %v", info, err)
	}
	if _, err := e.inv.FindLineItemInfo(ctx, e.account, 0); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("an account as a line item: got %v, want not_found", err)
	}
	setupInfo, err := e.inv.InventorySetup(ctx)
	if err != nil || len(setupInfo.Taxes) != 3 || len(setupInfo.ShippingTaxes) != 3 || len(setupInfo.Currencies) != 2 || !setupInfo.Currencies[0].Base {
		t.Errorf("setup = %+v, %v; want 3 taxes, 3 S&H taxes, 2 currencies base first", setupInfo, err)
	}
}
