package mysql

import (
	"context"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// ticketWorkFields are the HelpDesk fields a service contract counts: a
// change to any of them recounts the ticket's contracts.
var ticketWorkFields = map[string]bool{"ticketstatus": true, "hours": true, "days": true}

// afterUpdate does, inside an update's transaction, what vtiger's save
// handlers do after a record changed, so every write path (the web form,
// the webservice, the pop, an inline edit) gets it: a ticket whose
// status, hours or days changed recounts every contract it is linked to
// (ServiceContractsHandler). Tigerline recounts in full rather than
// adding and subtracting as vtiger does, so the counts never drift. An
// inventory document updates stock and its source documents
// (afterInventoryUpdate).
func afterUpdate(ctx context.Context, tx *sqlx.Tx, module string, id int64, changes []crm.FieldChange) error {
	if crm.IsInventoryModule(module) {
		return afterInventoryUpdate(ctx, tx, module, id, changes)
	}
	if module != "HelpDesk" {
		return nil
	}
	for _, c := range changes {
		if ticketWorkFields[c.Field] {
			return recomputeContractsOfTicket(ctx, tx, id)
		}
	}
	return nil
}
