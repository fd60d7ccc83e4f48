package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.LeadConverter = (*RecordService)(nil)

// ConvertLead does what vtiger 5.4's vtws_convertlead does, in one
// transaction: where vtiger deletes the records it made when a later step
// fails, a rollback here leaves nothing behind.
func (s *RecordService) ConvertLead(ctx context.Context, actor *crm.User, leadID int64, c crm.LeadConversion) (*crm.LeadConverted, error) {
	if err := checkConversion(&c); err != nil {
		return nil, err
	}
	if err := s.authorizeConversion(ctx, actor, leadID, c); err != nil {
		return nil, err
	}
	cv, err := s.newConversion(ctx, actor, c)
	if err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("convert lead %d: %w", leadID, err)
	}
	defer tx.Rollback()
	lead, err := lockLead(ctx, tx, cv.lead, leadID)
	if err != nil {
		return nil, err
	}
	if cv.mapping, err = readLeadMapping(ctx, tx); err != nil {
		return nil, err
	}
	out := &crm.LeadConverted{LeadID: leadID}
	if err := s.makeConverted(ctx, tx, cv, lead, out); err != nil {
		return nil, err
	}
	if err := transferLeadRecords(ctx, tx, leadID, out, c.TransferTo); err != nil {
		return nil, err
	}
	if err := markLeadConverted(ctx, tx, leadID, actor); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("convert lead %d: %w", leadID, err)
	}
	return out, nil
}

// checkConversion refuses what vtiger refuses before touching anything:
// no account and no contact, a potential alone, a transfer target that is
// not being made. It settles the default transfer target.
func checkConversion(c *crm.LeadConversion) error {
	if !c.Account.Create && !c.Contact.Create {
		if c.Potential.Create {
			return fieldError("entities", "a potential cannot be made alone: choose an account or a contact as well")
		}
		return fieldError("entities", "choose an account or a contact to convert the lead to")
	}
	switch c.TransferTo {
	case "":
		c.TransferTo = crm.TransferToAccounts
		if c.Contact.Create {
			c.TransferTo = crm.TransferToContacts
		}
	case crm.TransferToContacts:
		if !c.Contact.Create {
			return fieldError("transfer_to", "related records can move to the contact only when a contact is made")
		}
	case crm.TransferToAccounts:
		if !c.Account.Create {
			return fieldError("transfer_to", "related records can move to the account only when an account is made")
		}
	default:
		return fieldError("transfer_to", fmt.Sprintf("must be %s or %s", crm.TransferToContacts, crm.TransferToAccounts))
	}
	if c.OwnerID < 0 {
		return fieldError("assigned_user_id", "is not a user or group id")
	}
	return nil
}

func fieldError(field, why string) error {
	return &crm.Error{Code: crm.EInvalid, Message: field + " " + why, Fields: map[string]string{field: why}}
}

// authorizeConversion asks for edit of the lead, as vtiger's ConvertLead
// action needs, and create of every module a record is made in.
func (s *RecordService) authorizeConversion(ctx context.Context, actor *crm.User, leadID int64, c crm.LeadConversion) error {
	if err := s.authorize(ctx, actor, "Leads", crm.ActionEdit, leadID); err != nil {
		return err
	}
	for module, made := range map[string]bool{"Accounts": c.Account.Create, "Contacts": c.Contact.Create, "Potentials": c.Potential.Create} {
		if !made {
			continue
		}
		if err := s.authorize(ctx, actor, module, crm.ActionCreate, 0); err != nil {
			return err
		}
	}
	return nil
}

// lockLead reads a live lead and locks it for the conversion, so two
// conversions of one lead cannot both go through.
func lockLead(ctx context.Context, tx *sqlx.Tx, m *crm.Module, leadID int64) (*crm.Record, error) {
	var converted sql.NullInt64
	const q = `SELECT l.converted FROM vtiger_leaddetails l
		JOIN vtiger_crmentity e ON e.crmid = l.leadid AND e.deleted = 0
		WHERE l.leadid = ? FOR UPDATE`
	err := tx.GetContext(ctx, &converted, q, leadID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "no Leads record %d", leadID)
	}
	if err != nil {
		return nil, fmt.Errorf("lock lead %d: %w", leadID, err)
	}
	if converted.Int64 == 1 {
		return nil, crm.Errorf(crm.EInvalid, "lead %d is already converted", leadID)
	}
	return lockRecord(ctx, tx, m, leadID, false)
}

// markLeadConverted keeps the lead but marks it converted, drops its
// campaign links (copied to the new records before) and its entries in
// the recently-viewed tracker, and records the change as a save: new
// modified time and user. Like vtiger, no ModTracker entry is written.
func markLeadConverted(ctx context.Context, tx *sqlx.Tx, leadID int64, actor *crm.User) error {
	now := time.Now().UTC().Truncate(time.Second)
	steps := []sqlStep{
		{"flag", `UPDATE vtiger_leaddetails SET converted = 1 WHERE leadid = ?`, []any{leadID}},
		{"campaigns", `DELETE FROM vtiger_campaignleadrel WHERE leadid = ?`, []any{leadID}},
		{"tracker", `DELETE FROM vtiger_tracker WHERE item_id = ?`, []any{strconv.FormatInt(leadID, 10)}},
		{"modified time", `UPDATE vtiger_crmentity SET modifiedtime = ?, modifiedby = ? WHERE crmid = ?`, []any{now, actorID(actor), leadID}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("mark lead %d converted (%s): %w", leadID, st.what, err)
		}
	}
	return nil
}

// IsLeadConverted reports vtiger_leaddetails.converted of a live lead.
func (s *RecordService) IsLeadConverted(ctx context.Context, leadID int64) (bool, error) {
	var converted sql.NullInt64
	const q = `SELECT l.converted FROM vtiger_leaddetails l
		JOIN vtiger_crmentity e ON e.crmid = l.leadid AND e.deleted = 0
		WHERE l.leadid = ?`
	err := s.db.GetContext(ctx, &converted, q, leadID)
	if errors.Is(err, sql.ErrNoRows) {
		return false, crm.Errorf(crm.ENotFound, "no Leads record %d", leadID)
	}
	if err != nil {
		return false, fmt.Errorf("read lead %d: %w", leadID, err)
	}
	return converted.Int64 == 1, nil
}
