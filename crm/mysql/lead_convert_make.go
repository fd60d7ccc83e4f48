package mysql

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// createConverted fills the mandatory fields and makes the record through the
// normal create path; field errors are keyed "<Module>.<field>".
func (s *RecordService) createConverted(ctx context.Context, tx *sqlx.Tx, cv *conversion, module string, vals map[string]string) (int64, error) {
	cm := cv.mods[module]
	if err := cv.fillMandatory(ctx, tx, cm, vals); err != nil {
		return 0, err
	}
	id, err := s.createInTx(ctx, tx, cv.actor, cm.m, cm.cols, vals)
	if err != nil {
		return 0, moduleFieldErrors(module, err)
	}
	return id, nil
}

func moduleFieldErrors(module string, err error) error {
	var ce *crm.Error
	if !errors.As(err, &ce) || ce.Code != crm.EInvalid || len(ce.Fields) == 0 {
		return err
	}
	fields := make(map[string]string, len(ce.Fields))
	for k, v := range ce.Fields {
		fields[module+"."+k] = v
	}
	return &crm.Error{Code: crm.EInvalid, Message: ce.Message, Fields: fields}
}

// makeConverted makes (or, for an account, finds) the records in vtiger's
// order, linking each to those before it: the contact to the account,
// the potential to the account or else the contact, and the contact to
// the potential when all three exist (vtiger_contpotentialrel).
func (s *RecordService) makeConverted(ctx context.Context, tx *sqlx.Tx, cv *conversion, lead *crm.Record, out *crm.LeadConverted) error {
	var err error
	if cv.req.Account.Create {
		vals := cv.valuesFor(lead, "Accounts")
		if out.AccountID, err = sameNamedAccount(ctx, tx, vals["accountname"]); err != nil {
			return err
		}
		out.AccountReused = out.AccountID > 0
		if !out.AccountReused {
			if out.AccountID, err = s.createConverted(ctx, tx, cv, "Accounts", vals); err != nil {
				return err
			}
		}
	}
	if cv.req.Contact.Create {
		vals := cv.valuesFor(lead, "Contacts")
		if out.AccountID > 0 {
			vals["account_id"] = strconv.FormatInt(out.AccountID, 10)
		}
		if out.ContactID, err = s.createConverted(ctx, tx, cv, "Contacts", vals); err != nil {
			return err
		}
	}
	if !cv.req.Potential.Create {
		return nil
	}
	vals := cv.valuesFor(lead, "Potentials")
	related := out.AccountID
	if related == 0 {
		related = out.ContactID
	}
	vals["related_to"] = strconv.FormatInt(related, 10)
	if out.PotentialID, err = s.createConverted(ctx, tx, cv, "Potentials", vals); err != nil {
		return err
	}
	if out.AccountID > 0 && out.ContactID > 0 {
		const q = `INSERT IGNORE INTO vtiger_contpotentialrel (contactid, potentialid) VALUES (?, ?)`
		if _, err := tx.ExecContext(ctx, q, out.ContactID, out.PotentialID); err != nil {
			return fmt.Errorf("link contact %d to potential %d: %w", out.ContactID, out.PotentialID, err)
		}
	}
	return nil
}

// sameNamedAccount finds the live account vtiger reuses: the first whose
// name equals name as the column's collation compares (vtiger's plain
// "accountname = ?"), or 0.
func sameNamedAccount(ctx context.Context, tx *sqlx.Tx, name string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	var ids []int64
	const q = `SELECT a.accountid FROM vtiger_account a
		JOIN vtiger_crmentity e ON e.crmid = a.accountid AND e.deleted = 0
		WHERE a.accountname = ? ORDER BY a.accountid LIMIT 1`
	if err := tx.SelectContext(ctx, &ids, q, name); err != nil {
		return 0, fmt.Errorf("find account %q: %w", name, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], nil
}
