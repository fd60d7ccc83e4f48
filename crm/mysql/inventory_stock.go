package mysql

import (
	"context"
	"fmt"
	"slices"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// receivedShipment is the purchase order status that adds its lines to
// stock.
const receivedShipment = "Received Shipment"

// stockMove is a change of stock per product.
type stockMove map[int64]crm.Decimal

func (sm stockMove) add(id int64, qty crm.Decimal) { sm[id] = sm[id].Add(qty) }

// apply changes qtyinstock by each amount (negative takes), products in
// id order so concurrent saves lock rows in one order. Services have no
// vtiger_products row, so they match nothing, as in vtiger. Stock may go
// negative; an empty stock counts as 0.
func (sm stockMove) apply(ctx context.Context, tx *sqlx.Tx) error {
	ids := make([]int64, 0, len(sm))
	for id := range sm {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if sm[id].IsZero() {
			continue
		}
		const q = `UPDATE vtiger_products SET qtyinstock = COALESCE(qtyinstock, 0) + ? WHERE productid = ?`
		if _, err := tx.ExecContext(ctx, q, sm[id].Fixed(3), id); err != nil {
			return fmt.Errorf("update stock of %d: %w", id, err)
		}
	}
	return nil
}

// storedLine is a saved line as the stock rules see it.
type storedLine struct {
	Seq     int    `db:"sequence_no"`
	Product int64  `db:"productid"`
	Qty     string `db:"qty"`
	Flagged bool   `db:"incrementondel"`
}

// storedQuantities sums a document's saved line quantities per product,
// sign times each; flaggedOnly keeps the lines flagged incrementondel,
// and withParts counts the line's quantity once more for each of its
// stored parts (vtiger_inventorysubproductrel).
func storedQuantities(ctx context.Context, tx *sqlx.Tx, id int64, sign int64, flaggedOnly, withParts bool) (stockMove, error) {
	var lines []storedLine
	const q = `SELECT COALESCE(sequence_no, 0) AS sequence_no, COALESCE(productid, 0) AS productid,
		CAST(COALESCE(quantity, 0) AS CHAR) AS qty, incrementondel <> 0 AS incrementondel
		FROM vtiger_inventoryproductrel WHERE id = ?`
	if err := tx.SelectContext(ctx, &lines, q, id); err != nil {
		return nil, fmt.Errorf("read lines of %d: %w", id, err)
	}
	parts := map[int][]int64{}
	if withParts {
		var rows []struct {
			Seq     int   `db:"sequence_no"`
			Product int64 `db:"productid"`
		}
		const pq = `SELECT sequence_no, productid FROM vtiger_inventorysubproductrel WHERE id = ?`
		if err := tx.SelectContext(ctx, &rows, pq, id); err != nil {
			return nil, fmt.Errorf("read parts of %d: %w", id, err)
		}
		for _, r := range rows {
			parts[r.Seq] = append(parts[r.Seq], r.Product)
		}
	}
	out := stockMove{}
	for _, l := range lines {
		if flaggedOnly && !l.Flagged {
			continue
		}
		qty, err := crm.ParseDecimal(l.Qty)
		if err != nil {
			return nil, fmt.Errorf("line %d of %d: %w", l.Seq, id, err)
		}
		qty = qty.Mul(crm.DecimalFromInt(sign))
		out.add(l.Product, qty)
		for _, p := range parts[l.Seq] {
			out.add(p, qty)
		}
	}
	return out, nil
}

// returnInvoiceStock adds back what an invoice's flagged lines and their
// parts took, before its lines are replaced (vtiger's
// deleteInventoryProductDetails).
func returnInvoiceStock(ctx context.Context, tx *sqlx.Tx, id int64) error {
	back, err := storedQuantities(ctx, tx, id, +1, true, true)
	if err != nil {
		return err
	}
	return back.apply(ctx, tx)
}

// takeInvoiceStock takes an invoice's new lines and their parts from
// stock; the lines were written flagged (vtiger's UpdateInventory
// workflow task, run on every save of an invoice whatever its status).
func takeInvoiceStock(ctx context.Context, tx *sqlx.Tx, id int64) error {
	take, err := storedQuantities(ctx, tx, id, -1, true, true)
	if err != nil {
		return err
	}
	return take.apply(ctx, tx)
}

// receiveIfShipped adds a new purchase order's lines to stock when it is
// created as Received Shipment.
func receiveIfShipped(ctx context.Context, tx *sqlx.Tx, id int64) error {
	var status string
	const q = `SELECT COALESCE(postatus, '') FROM vtiger_purchaseorder WHERE purchaseorderid = ?`
	if err := tx.GetContext(ctx, &status, q, id); err != nil {
		return fmt.Errorf("read status of purchase order %d: %w", id, err)
	}
	if status != receivedShipment {
		return nil
	}
	return receiveShipment(ctx, tx, id)
}

// receiveShipment adds a purchase order's line quantities to stock; its
// bundles' parts are not added, as in vtiger.
func receiveShipment(ctx context.Context, tx *sqlx.Tx, id int64) error {
	in, err := storedQuantities(ctx, tx, id, +1, false, false)
	if err != nil {
		return err
	}
	return in.apply(ctx, tx)
}

// markSources does what every save of a sales order or invoice does to
// the document it came from: the quote of a sales order becomes
// Accepted, the sales order of an invoice Approved. vtiger writes the
// status directly, without history, and so does Tigerline.
func markSources(ctx context.Context, tx *sqlx.Tx, module string, id int64) error {
	var q string
	switch module {
	case "SalesOrder":
		q = `UPDATE vtiger_quotes q JOIN vtiger_salesorder so ON so.quoteid = q.quoteid
			SET q.quotestage = 'Accepted' WHERE so.salesorderid = ?`
	case "Invoice":
		q = `UPDATE vtiger_salesorder so JOIN vtiger_invoice i ON i.salesorderid = so.salesorderid
			SET so.sostatus = 'Approved' WHERE i.invoiceid = ?`
	default:
		return nil
	}
	if _, err := tx.ExecContext(ctx, q, id); err != nil {
		return fmt.Errorf("mark the source of %s %d: %w", module, id, err)
	}
	return nil
}

// afterInventoryUpdate is what a change of an inventory document's
// header does, whichever way it is saved (full form, inline or mass
// edit, webservice): a sales order or invoice marks its source, and a
// purchase order whose status becomes Received Shipment adds its lines
// to stock, once.
func afterInventoryUpdate(ctx context.Context, tx *sqlx.Tx, module string, id int64, changes []crm.FieldChange) error {
	if module != "PurchaseOrder" {
		return markSources(ctx, tx, module, id)
	}
	for _, c := range changes {
		if c.Field == "postatus" && c.After == receivedShipment && c.Before != receivedShipment {
			return receiveShipment(ctx, tx, id)
		}
	}
	return nil
}
