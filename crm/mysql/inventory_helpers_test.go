package mysql_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
)

// invEnv is a fresh database with the record engine, the inventory
// service and an account and a vendor to bill.
type invEnv struct {
	rs      *mysql.RecordService
	inv     *mysql.InventoryService
	db      *mysql.DB
	admin   *crm.User
	account int64
	vendor  int64
}

func newInvEnv(t *testing.T) *invEnv {
	t.Helper()
	rs, db, admin := newRecords(t)
	e := &invEnv{rs: rs, inv: mysql.NewInventoryService(rs), db: db, admin: admin}
	e.account = relMake(t, rs, admin, "Accounts", map[string]string{"accountname": "Kowloon Bay Logistics"})
	e.vendor = relMake(t, rs, admin, "Vendors", map[string]string{"vendorname": "Shenzhen Parts"})
	return e
}

// product creates a product with a price and stock, taxed with the given
// vtiger tax ids at their global percentages.
func (e *invEnv) product(t *testing.T, name, price, stock string, taxIDs ...int) int64 {
	t.Helper()
	id := relMake(t, e.rs, e.admin, "Products", map[string]string{"productname": name, "unit_price": price, "qtyinstock": stock})
	for _, tax := range taxIDs {
		accExec(t, e.db, `INSERT INTO vtiger_producttaxrel (productid, taxid, taxpercentage)
			SELECT ?, taxid, percentage FROM vtiger_inventorytaxinfo WHERE taxid = ?`, id, tax)
	}
	return id
}

// service creates a service with a price.
func (e *invEnv) service(t *testing.T, name, price string) int64 {
	t.Helper()
	return relMake(t, e.rs, e.admin, "Services", map[string]string{"servicename": name, "unit_price": price})
}

// header is what a module's mandatory header fields need.
func (e *invEnv) header(module, subject string) map[string]string {
	v := map[string]string{"subject": subject, "bill_street": "1 Wang Chiu Rd", "ship_street": "1 Wang Chiu Rd",
		"assigned_user_id": fmt.Sprint(e.admin.ID)}
	switch module {
	case "Quotes":
		v["quotestage"], v["account_id"] = "Created", fmt.Sprint(e.account)
	case "SalesOrder":
		// vtiger makes the recurring invoices' status mandatory.
		v["sostatus"], v["account_id"], v["invoicestatus"] = "Created", fmt.Sprint(e.account), "Created"
	case "Invoice":
		v["invoicestatus"], v["account_id"] = "Created", fmt.Sprint(e.account)
	case "PurchaseOrder":
		v["postatus"], v["vendor_id"] = "Created", fmt.Sprint(e.vendor)
	}
	return v
}

// create makes a document, failing the test on error.
func (e *invEnv) create(t *testing.T, module string, vals map[string]string, inv *crm.Inventory) int64 {
	t.Helper()
	rec, err := e.inv.CreateDocument(context.Background(), e.admin, module, vals, inv)
	if err != nil {
		t.Fatalf("create %s: %v", module, err)
	}
	return rec.ID
}

// save is a full save of a document, failing the test on error.
func (e *invEnv) save(t *testing.T, module string, id int64, vals map[string]string, inv *crm.Inventory) {
	t.Helper()
	if _, err := e.inv.UpdateDocument(context.Background(), e.admin, module, id, vals, inv); err != nil {
		t.Fatalf("save %s %d: %v", module, id, err)
	}
}

// stock is a product's qtyinstock as text.
func (e *invEnv) stock(t *testing.T, id int64) string {
	t.Helper()
	var s string
	if err := e.db.GetContext(context.Background(), &s, `SELECT CAST(qtyinstock AS CHAR) FROM vtiger_products WHERE productid = ?`, id); err != nil {
		t.Fatal(err)
	}
	return s
}

// column reads one column of a row as text ("" for NULL).
func (e *invEnv) column(t *testing.T, q string, args ...any) string {
	t.Helper()
	var s *string
	if err := e.db.GetContext(context.Background(), &s, q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if s == nil {
		return ""
	}
	return *s
}

// wantStock checks products' stock after a step.
func (e *invEnv) wantStock(t *testing.T, step string, want map[int64]string) {
	t.Helper()
	for id, w := range want {
		if got := e.stock(t, id); got != w {
			t.Errorf("%s: stock of %d = %s, want %s", step, id, got, w)
		}
	}
}

func invDec(s string) crm.Decimal { return crm.MustDecimal(s) }

func invDecp(s string) *crm.Decimal { d := invDec(s); return &d }

// invLine is a line of qty items at price.
func invLine(id int64, qty, price string) crm.LineItem {
	return crm.LineItem{ProductID: id, Quantity: invDec(qty), ListPrice: invDec(price)}
}

// groupInv is a group-mode inventory of lines.
func groupInv(lines ...crm.LineItem) *crm.Inventory {
	return &crm.Inventory{TaxMode: crm.TaxGroup, Lines: lines}
}
