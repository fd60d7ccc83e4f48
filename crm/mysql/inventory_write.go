package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// write saves a checked inventory for document id as vtiger's full save
// does (InventoryUtils saveInventoryProductDetails): every line, part
// and S&H row is deleted and inserted again, the header's totals are
// set, and then stock and the source documents are updated.
func (s *InventoryService) write(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, p *inventoryPlan, created bool) error {
	invoice := m.Name == "Invoice"
	if invoice {
		// What the lines being replaced took comes back first.
		if err := returnInvoiceStock(ctx, tx, id); err != nil {
			return err
		}
	}
	for _, table := range []string{"vtiger_inventoryproductrel", "vtiger_inventorysubproductrel", "vtiger_inventoryshippingrel"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id); err != nil {
			return fmt.Errorf("clear %s of %d: %w", table, id, err)
		}
	}
	if err := insertLines(ctx, tx, id, p, invoice); err != nil {
		return err
	}
	if err := insertParts(ctx, tx, id, p); err != nil {
		return err
	}
	if err := insertShipping(ctx, tx, id, p); err != nil {
		return err
	}
	if err := writeTotals(ctx, tx, m, id, p); err != nil {
		return err
	}
	if invoice {
		if err := takeInvoiceStock(ctx, tx, id); err != nil {
			return err
		}
	}
	// A purchase order whose status becomes Received Shipment by an edit
	// is afterUpdate's; one created so is this save's.
	if created && m.Name == "PurchaseOrder" {
		if err := receiveIfShipped(ctx, tx, id); err != nil {
			return err
		}
	}
	return markSources(ctx, tx, m.Name, id)
}

// insertLines writes the lines, sequence_no 1..n, with one column per
// tax: the line's percentage, or NULL for a tax it does not have.
// Invoice lines are flagged incrementondel: their quantities are taken
// from stock and come back when the invoice is saved again.
func insertLines(ctx context.Context, tx *sqlx.Tx, id int64, p *inventoryPlan, invoice bool) error {
	cols := []string{"id", "productid", "sequence_no", "quantity", "listprice", "discount_percent",
		"discount_amount", "comment", "description", "incrementondel"}
	for _, t := range p.taxes {
		cols = append(cols, quoteIdent(t.Name))
	}
	flag := 0
	if invoice {
		flag = 1
	}
	var rows []string
	var args []any
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	for i, l := range p.inv.Lines {
		rows = append(rows, row)
		args = append(args, id, l.ProductID, i+1, l.Quantity.Fixed(3), l.ListPrice.Fixed(3),
			optional(l.Discount.Percent), optional(l.Discount.Amount), l.Comment, l.Description, flag)
		args = append(args, rateColumns(p.taxes, l.Taxes)...)
	}
	q := "INSERT INTO vtiger_inventoryproductrel (" + strings.Join(cols, ", ") + ") VALUES " + strings.Join(rows, ", ")
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("insert lines of %d: %w", id, err)
	}
	return nil
}

// insertParts writes each bundle line's parts under the line's sequence
// number.
func insertParts(ctx context.Context, tx *sqlx.Tx, id int64, p *inventoryPlan) error {
	for i, l := range p.inv.Lines {
		for _, part := range p.parts[l.ProductID] {
			const q = `INSERT INTO vtiger_inventorysubproductrel (id, sequence_no, productid) VALUES (?, ?, ?)`
			if _, err := tx.ExecContext(ctx, q, id, i+1, part); err != nil {
				return fmt.Errorf("insert parts of %d: %w", id, err)
			}
		}
	}
	return nil
}

// insertShipping writes the S&H tax row.
func insertShipping(ctx context.Context, tx *sqlx.Tx, id int64, p *inventoryPlan) error {
	cols := []string{"id"}
	for _, t := range p.shipTaxes {
		cols = append(cols, quoteIdent(t.Name))
	}
	args := append([]any{id}, rateColumns(p.shipTaxes, p.inv.ShippingTaxes)...)
	q := "INSERT INTO vtiger_inventoryshippingrel (" + strings.Join(cols, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("insert S&H taxes of %d: %w", id, err)
	}
	return nil
}

// writeTotals sets the header's computed columns. Only one of the two
// discount columns is set, as vtiger does.
func writeTotals(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64, p *inventoryPlan) error {
	t := p.totals
	// The base table and its id column come from vtiger_field metadata.
	q := "UPDATE " + quoteIdent(m.BaseTable) + ` SET subtotal = ?, total = ?, taxtype = ?,
		discount_percent = ?, discount_amount = ?, s_h_amount = ?, adjustment = ?,
		currency_id = ?, conversion_rate = ? WHERE ` + quoteIdent(m.IDColumn) + " = ?"
	_, err := tx.ExecContext(ctx, q, t.Subtotal.Fixed(3), t.Total.Fixed(2), p.inv.TaxMode,
		optional(p.inv.Discount.Percent), optional(p.inv.Discount.Amount), p.inv.ShippingAmount.Fixed(3),
		p.inv.Adjustment.Fixed(3), p.inv.CurrencyID, p.inv.ConversionRate.Fixed(3), id)
	if err != nil {
		return fmt.Errorf("write totals of %s %d: %w", m.Name, id, err)
	}
	return nil
}

// rateColumns lines up percentages with the tax columns: each tax's
// percentage as text, or nil for NULL.
func rateColumns(taxes []taxRow, rates []crm.TaxRate) []any {
	out := make([]any, len(taxes))
	for i, t := range taxes {
		for _, r := range rates {
			if r.TaxID == t.ID {
				out[i] = r.Percent.Fixed(3)
			}
		}
	}
	return out
}

// optional is a decimal column's value: NULL when absent.
func optional(d *crm.Decimal) any {
	if d == nil {
		return nil
	}
	return d.Fixed(3)
}
