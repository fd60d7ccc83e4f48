package crm

import "context"

// Tax modes of an inventory document (vtiger's taxtype).
const (
	// TaxIndividual taxes each line with its own product's taxes.
	TaxIndividual = "individual"
	// TaxGroup taxes the discounted subtotal with the document's taxes.
	TaxGroup = "group"
)

// MaxLineItems bounds the lines of one document, so one form cannot make
// a save arbitrarily long.
const MaxLineItems = 100

// inventoryModules are vtiger's modules with line items.
var inventoryModules = map[string]bool{"Quotes": true, "SalesOrder": true, "Invoice": true, "PurchaseOrder": true}

// IsInventoryModule reports whether module keeps line items: Quotes,
// SalesOrder, Invoice or PurchaseOrder.
func IsInventoryModule(module string) bool { return inventoryModules[module] }

// Tax is one row of vtiger_inventorytaxinfo (line taxes) or
// vtiger_shippingtaxinfo (S&H taxes). Name is also the column that keeps
// its percentage on each line (tax1) or S&H row (shtax1).
type Tax struct {
	ID      int
	Name    string
	Label   string
	Percent Decimal // the global percentage, the default of new documents
}

// TaxRate is a tax applied at a percentage. Name and Label are filled by
// the server.
type TaxRate struct {
	TaxID   int
	Name    string
	Label   string
	Percent Decimal
}

// Discount is a percentage or a flat amount, never both; neither means no
// discount.
type Discount struct {
	Percent *Decimal
	Amount  *Decimal
}

// Of returns the discount on base: the percentage of base rounded half-up
// to cents, or the flat amount.
func (d Discount) Of(base Decimal) Decimal {
	switch {
	case d.Percent != nil:
		return base.Percent(*d.Percent).Round(2)
	case d.Amount != nil:
		return *d.Amount
	}
	return Decimal{}
}

// LineItem is one line of a document: a product or a service.
type LineItem struct {
	ProductID int64
	// ItemModule ("Products" or "Services") and ItemName are filled by
	// the server.
	ItemModule  string
	ItemName    string
	Quantity    Decimal
	ListPrice   Decimal
	Discount    Discount
	Comment     string
	Description string
	// Taxes are the line's own percentages in individual mode, one per
	// tax of its product; a tax of the product left out gets the
	// product's percentage. Group mode ignores them.
	Taxes []TaxRate
}

// Inventory is what a document keeps besides its header fields: its lines
// and what makes up its total.
type Inventory struct {
	TaxMode  string
	Lines    []LineItem
	Discount Discount
	// GroupTaxes are the document's percentages in group mode, one per
	// active tax; a tax left out gets its global percentage.
	GroupTaxes     []TaxRate
	ShippingAmount Decimal
	// ShippingTaxes are the S&H percentages, one per active S&H tax; a
	// tax left out gets its global percentage.
	ShippingTaxes []TaxRate
	// Adjustment is added to the total; negative deducts.
	Adjustment Decimal
	// CurrencyID is the document's currency (0: the base currency);
	// ConversionRate is its rate against the base currency, set by the
	// server at save.
	CurrencyID     int64
	ConversionRate Decimal
}

// Currency is an active row of vtiger_currency_info.
type Currency struct {
	ID     int64
	Name   string
	Code   string
	Symbol string
	Rate   Decimal // against the base currency
	Base   bool
}

// InventorySetup is what a line-items form offers: the active line and
// S&H taxes and the active currencies.
type InventorySetup struct {
	Taxes         []Tax
	ShippingTaxes []Tax
	Currencies    []Currency
}

// LineItemInfo is what a new line needs of a product or service.
type LineItemInfo struct {
	ID     int64
	Module string // Products or Services
	Name   string
	// UnitPrice is the item's price in the currency asked for.
	UnitPrice Decimal
	// Taxes are the item's taxes at its own percentages (individual mode).
	Taxes []TaxRate
	// Stock is the product's quantity in stock; nil for services.
	Stock *Decimal
}

// InventoryService keeps the line items of Quotes, SalesOrder, Invoice
// and PurchaseOrder. A full save (the edit form) writes the header and
// every line in one transaction, computes the totals itself (posted
// totals are never trusted) and does what vtiger's save does to stock
// and to the quote or sales order a document came from. Inline and mass
// edits go through RecordWriter and leave the lines alone.
type InventoryService interface {
	// FindInventory reads a document's lines and totals. Errors:
	// not_found (module is not an inventory module, or no such live
	// record).
	FindInventory(ctx context.Context, module string, id int64) (*Inventory, Totals, error)
	// CreateDocument creates a document and its lines. Errors: invalid
	// (with Fields: header field names, and LineField or document keys
	// for the lines), not_found, forbidden.
	CreateDocument(ctx context.Context, actor *User, module string, values map[string]string, inv *Inventory) (*Record, error)
	// UpdateDocument changes the given header fields and replaces every
	// line. Errors: as CreateDocument.
	UpdateDocument(ctx context.Context, actor *User, module string, id int64, values map[string]string, inv *Inventory) (*Record, error)
	// InventorySetup lists the active taxes and currencies.
	InventorySetup(ctx context.Context) (*InventorySetup, error)
	// FindLineItemInfo describes a live product or service, its price in
	// currency (0: base). Errors: not_found.
	FindLineItemInfo(ctx context.Context, id, currency int64) (*LineItemInfo, error)
}
