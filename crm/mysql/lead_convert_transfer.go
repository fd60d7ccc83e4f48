package mysql

import (
	"context"
	"fmt"
	"strconv"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// transferLeadRecords hands the lead's related records on, as vtiger's
// vtws_transferLeadRelatedRecords and vtws_getRelatedActivities do. To
// the transfer target (the contact or the account) documents,
// attachments, products, generic links and campaigns are copied, the lead
// keeping them (its campaign rows go when it is marked converted), and
// comments move. Activities move: emails to the target, the others to
// the account and the contact, whichever were made. Copies skip links the
// target already has, so a reused account is never linked twice.
func transferLeadRecords(ctx context.Context, tx *sqlx.Tx, leadID int64, out *crm.LeadConverted, transferTo string) error {
	target := out.ContactID
	if transferTo == crm.TransferToAccounts {
		target = out.AccountID
	}
	copies := []sqlStep{
		{"documents", `INSERT IGNORE INTO vtiger_senotesrel (crmid, notesid)
			SELECT ?, notesid FROM vtiger_senotesrel WHERE crmid = ?`, []any{target, leadID}},
		{"attachments", `INSERT IGNORE INTO vtiger_seattachmentsrel (crmid, attachmentsid)
			SELECT ?, attachmentsid FROM vtiger_seattachmentsrel WHERE crmid = ?`, []any{target, leadID}},
		{"products", `INSERT IGNORE INTO vtiger_seproductsrel (crmid, productid, setype)
			SELECT ?, productid, ? FROM vtiger_seproductsrel WHERE crmid = ?`, []any{target, transferTo, leadID}},
		{"links", `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule)
			SELECT ?, ?, r.relcrmid, r.relmodule FROM vtiger_crmentityrel r WHERE r.crmid = ?
			AND NOT EXISTS (SELECT 1 FROM vtiger_crmentityrel x
				WHERE (x.crmid = ? AND x.relcrmid = r.relcrmid) OR (x.crmid = r.relcrmid AND x.relcrmid = ?))`,
			[]any{target, transferTo, leadID, target, target}},
		{"links", `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule)
			SELECT ?, ?, r.crmid, r.module FROM vtiger_crmentityrel r WHERE r.relcrmid = ?
			AND NOT EXISTS (SELECT 1 FROM vtiger_crmentityrel x
				WHERE (x.crmid = ? AND x.relcrmid = r.crmid) OR (x.crmid = r.crmid AND x.relcrmid = ?))`,
			[]any{target, transferTo, leadID, target, target}},
		campaignCopy(transferTo, target, leadID),
		{"comments", `UPDATE vtiger_modcomments SET related_to = ? WHERE related_to = ?`,
			[]any{strconv.FormatInt(target, 10), strconv.FormatInt(leadID, 10)}},
	}
	for _, c := range copies {
		if _, err := tx.ExecContext(ctx, c.q, c.args...); err != nil {
			return fmt.Errorf("transfer %s of lead %d to %s %d: %w", c.what, leadID, transferTo, target, err)
		}
	}
	return moveLeadActivities(ctx, tx, leadID, out, target)
}

// sqlStep is one statement of a sequence, named for its error.
type sqlStep struct {
	what string
	q    string
	args []any
}

// campaignCopy copies the lead's campaigns to the target's campaign
// table, with the lead's campaign status (vtiger leaves it unset).
// vtiger_campaignaccountrel has no key, so duplicates are skipped by hand.
func campaignCopy(transferTo string, target, leadID int64) sqlStep {
	if transferTo == crm.TransferToAccounts {
		return sqlStep{"campaigns", `INSERT INTO vtiger_campaignaccountrel (campaignid, accountid, campaignrelstatusid)
			SELECT l.campaignid, ?, l.campaignrelstatusid FROM vtiger_campaignleadrel l WHERE l.leadid = ?
			AND NOT EXISTS (SELECT 1 FROM vtiger_campaignaccountrel a WHERE a.campaignid = l.campaignid AND a.accountid = ?)`,
			[]any{target, leadID, target}}
	}
	return sqlStep{"campaigns", `INSERT IGNORE INTO vtiger_campaigncontrel (campaignid, contactid, campaignrelstatusid)
		SELECT campaignid, ?, campaignrelstatusid FROM vtiger_campaignleadrel WHERE leadid = ?`,
		[]any{target, leadID}}
}

// moveLeadActivities moves the lead's activities (vtiger_seactivityrel
// rows of the lead): an email to the transfer target; a task or event to
// the account (vtiger_seactivityrel) and to the contact
// (vtiger_cntactivityrel), whichever exist.
func moveLeadActivities(ctx context.Context, tx *sqlx.Tx, leadID int64, out *crm.LeadConverted, target int64) error {
	var acts []struct {
		ID     int64  `db:"activityid"`
		SEType string `db:"setype"`
	}
	const q = `SELECT r.activityid, COALESCE(e.setype, '') AS setype FROM vtiger_seactivityrel r
		LEFT JOIN vtiger_crmentity e ON e.crmid = r.activityid WHERE r.crmid = ?`
	if err := tx.SelectContext(ctx, &acts, q, leadID); err != nil {
		return fmt.Errorf("activities of lead %d: %w", leadID, err)
	}
	if len(acts) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM vtiger_seactivityrel WHERE crmid = ?`, leadID); err != nil {
		return fmt.Errorf("unlink activities of lead %d: %w", leadID, err)
	}
	link := func(q string, id, activity int64) error {
		if _, err := tx.ExecContext(ctx, q, id, activity); err != nil {
			return fmt.Errorf("move activity %d of lead %d: %w", activity, leadID, err)
		}
		return nil
	}
	const se = `INSERT IGNORE INTO vtiger_seactivityrel (crmid, activityid) VALUES (?, ?)`
	const cnt = `INSERT IGNORE INTO vtiger_cntactivityrel (contactid, activityid) VALUES (?, ?)`
	for _, a := range acts {
		if a.SEType == "Emails" {
			if err := link(se, target, a.ID); err != nil {
				return err
			}
			continue
		}
		if out.AccountID > 0 {
			if err := link(se, out.AccountID, a.ID); err != nil {
				return err
			}
		}
		if out.ContactID > 0 {
			if err := link(cnt, out.ContactID, a.ID); err != nil {
				return err
			}
		}
	}
	return nil
}
