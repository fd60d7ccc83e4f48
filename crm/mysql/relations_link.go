package mysql

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// LinkRecords links two live records in one transaction, in the place
// vtiger keeps links of their module pair (see relations_plan.go), and
// records a ModTracker "linked" entry on both. Linking a ticket and a
// service contract also fills the ticket's empty parent and recounts the
// contract, as vtiger's ServiceContracts module does. With an actor, they
// must be allowed to edit the record and view the related one.
func (s *RecordService) LinkRecords(ctx context.Context, actor *crm.User, module string, id int64, relatedModule string, relatedID int64) error {
	return s.changeLink(ctx, actor, module, id, relatedModule, relatedID, true)
}

// UnlinkRecords removes the link between two live records from every
// place their pair's links are read from (a reference field is cleared
// only while it still points at the record), records a ModTracker
// "unlinked" entry on both, and recounts a service contract that loses a
// ticket.
func (s *RecordService) UnlinkRecords(ctx context.Context, actor *crm.User, module string, id int64, relatedModule string, relatedID int64) error {
	return s.changeLink(ctx, actor, module, id, relatedModule, relatedID, false)
}

func (s *RecordService) changeLink(ctx context.Context, actor *crm.User, module string, id int64, relatedModule string, relatedID int64, link bool) error {
	verb := map[bool]string{true: "link", false: "unlink"}[link]
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return err
	}
	rm, _, err := s.meta.get(ctx, s.db, relatedModule)
	if err != nil {
		return err
	}
	if id == relatedID {
		return crm.Errorf(crm.EInvalid, "a record cannot be linked to itself")
	}
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return err
	}
	rel, reverse, err := relationBetween(ctx, s.db, m.Name, rm.Name)
	if err != nil {
		return err
	}
	plan, err := planRelation(mods, cols, rel)
	if err != nil {
		return err
	}
	if plan.readOnly != "" {
		return crm.Errorf(crm.EInvalid, "%s", plan.readOnly)
	}
	if err := s.checkLinkAccess(ctx, actor, m.Name, id, rm.Name, relatedID); err != nil {
		return err
	}
	// own is the record of the relation's module, other the related one.
	own, other := id, relatedID
	if reverse {
		own, other = relatedID, id
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s %s %d and %s %d: %w", verb, m.Name, id, rm.Name, relatedID, err)
	}
	defer tx.Rollback()
	if err := lockPair(ctx, tx, m.Name, id, rm.Name, relatedID); err != nil {
		return err
	}
	var changed bool
	if link {
		changed, err = plan.link(ctx, tx, cols, own, other)
	} else {
		changed, err = plan.unlink(ctx, tx, cols, own, other)
	}
	if err != nil || !changed {
		return err
	}
	status := map[bool]int{true: crm.ChangeLinked, false: crm.ChangeUnlinked}[link]
	now := time.Now().UTC().Truncate(time.Second)
	if err := recordChange(ctx, tx, m.Name, id, actor, status, now, nil); err != nil {
		return err
	}
	if err := recordChange(ctx, tx, rm.Name, relatedID, actor, status, now, nil); err != nil {
		return err
	}
	if err := afterContractLink(ctx, tx, rel, own, other, link); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s %s %d and %s %d: %w", verb, m.Name, id, rm.Name, relatedID, err)
	}
	return nil
}

// checkLinkAccess: linking changes the record, and shows the related one.
func (s *RecordService) checkLinkAccess(ctx context.Context, actor *crm.User, module string, id int64, relatedModule string, relatedID int64) error {
	if actor == nil {
		return nil
	}
	rights, err := NewAccessService(s.db).Rights(ctx, actor)
	if err != nil {
		return err
	}
	if err := rights.Check(ctx, module, crm.ActionEdit, id); err != nil {
		return err
	}
	return rights.Check(ctx, relatedModule, crm.ActionView, relatedID)
}

// lockPair checks that both records are live and locks their crmentity
// rows, lower id first, so concurrent links of one pair queue up instead
// of deadlocking or writing a link twice.
func lockPair(ctx context.Context, tx *sqlx.Tx, m string, id int64, rm string, relatedID int64) error {
	if relatedID < id {
		m, id, rm, relatedID = rm, relatedID, m, id
	}
	if _, err := liveRecordOf(ctx, tx, m, id, true); err != nil {
		return err
	}
	_, err := liveRecordOf(ctx, tx, rm, relatedID, true)
	return err
}

// afterContractLink applies vtiger's ServiceContracts rules when a ticket
// joins or leaves a contract.
func afterContractLink(ctx context.Context, ext sqlx.ExtContext, rel *crm.Relation, own, other int64, link bool) error {
	var contract, ticket int64
	switch {
	case rel.Module == "ServiceContracts" && rel.RelatedModule == "HelpDesk":
		contract, ticket = own, other
	case rel.Module == "HelpDesk" && rel.RelatedModule == "ServiceContracts":
		contract, ticket = other, own
	default:
		return nil
	}
	if link {
		if err := fillTicketParent(ctx, ext, contract, ticket); err != nil {
			return err
		}
	}
	return recomputeContract(ctx, ext, contract)
}
