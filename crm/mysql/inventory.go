package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// InventoryService implements crm.InventoryService on vtiger's tables:
// vtiger_inventoryproductrel (lines), vtiger_inventorysubproductrel
// (bundles' parts), vtiger_inventoryshippingrel (S&H taxes) and the total
// columns of the document's own table.
//
// vtiger quirks, and whether Tigerline copies them:
//   - Inline or mass edits and restoring an invoice from the recycle bin
//     deduct its stock again without adding it back: not copied. Only a
//     full save touches an invoice's stock, and it always adds back what
//     the lines it replaces took, so saving twice deducts once.
//   - Not quirks but kept as vtiger does: invoice status is ignored,
//     stock may go negative, deleting restores nothing, quotes and sales
//     orders never touch stock, qtyindemand is never updated, and a
//     purchase order's received stock is never taken back.
//
// Left out: recurring invoices and low-stock emails.
type InventoryService struct {
	rs       *RecordService
	db       *DB
	maxLines int
}

// NewInventoryService returns an InventoryService that saves headers
// through rs, so numbering, validation, history and access checks are
// the record engine's.
func NewInventoryService(rs *RecordService) *InventoryService {
	return &InventoryService{rs: rs, db: rs.db, maxLines: crm.MaxLineItems}
}

var _ crm.InventoryService = (*InventoryService)(nil)

// totalColumns are the header columns the server computes from the lines;
// a posted value for any of them is dropped, never trusted.
var totalColumns = map[string]bool{
	"subtotal": true, "total": true, "taxtype": true, "discount_percent": true, "discount_amount": true,
	"s_h_amount": true, "adjustment": true, "currency_id": true, "conversion_rate": true,
}

// CreateDocument creates a document and its lines in one transaction.
func (s *InventoryService) CreateDocument(ctx context.Context, actor *crm.User, module string, values map[string]string, inv *crm.Inventory) (*crm.Record, error) {
	if err := checkInventoryModule(module); err != nil {
		return nil, err
	}
	if err := s.rs.authorize(ctx, actor, module, crm.ActionCreate, 0); err != nil {
		return nil, err
	}
	m, cols, err := s.rs.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", module, err)
	}
	defer tx.Rollback()
	hook := s.hook(inv, true)
	id, err := s.rs.createInTx(ctx, tx, actor, m, cols, headerValues(m, values))
	if err = hook.checkWith(ctx, tx, err); err != nil {
		return nil, err
	}
	if err := hook.saveWith(ctx, tx, m, id); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("create %s: %w", module, err)
	}
	return s.rs.FindRecordByID(ctx, module, id)
}

// UpdateDocument changes the given header fields and replaces every line
// in one transaction: vtiger's full save.
func (s *InventoryService) UpdateDocument(ctx context.Context, actor *crm.User, module string, id int64, values map[string]string, inv *crm.Inventory) (*crm.Record, error) {
	if err := checkInventoryModule(module); err != nil {
		return nil, err
	}
	m, err := s.rs.Module(ctx, module)
	if err != nil {
		return nil, err
	}
	return s.rs.updateRecord(ctx, actor, module, id, headerValues(m, values), s.hook(inv, false))
}

// hook checks inv against the database inside the save's transaction and
// then writes it; created tells a new document from a full edit.
func (s *InventoryService) hook(inv *crm.Inventory, created bool) *saveHook {
	var plan *inventoryPlan
	return &saveHook{
		check: func(ctx context.Context, tx *sqlx.Tx) (map[string]string, error) {
			if inv == nil {
				return map[string]string{crm.InvLines: "Add at least one product or service."}, nil
			}
			var problems map[string]string
			var err error
			plan, problems, err = s.plan(ctx, tx, inv)
			return problems, err
		},
		save: func(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64) error {
			return s.write(ctx, tx, m, id, plan, created)
		},
	}
}

// headerValues drops the computed total fields from posted values.
func headerValues(m *crm.Module, values map[string]string) map[string]string {
	out := make(map[string]string, len(values))
	for name, v := range values {
		if f := m.Field(name); f != nil && f.Table == m.BaseTable && totalColumns[f.Column] {
			continue
		}
		out[name] = v
	}
	return out
}

func checkInventoryModule(module string) error {
	if !crm.IsInventoryModule(module) {
		return crm.Errorf(crm.ENotFound, "%s keeps no line items", module)
	}
	return nil
}
