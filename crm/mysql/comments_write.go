package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// commentField is the field of tickets and FAQs a comment is typed into
// on vtiger's edit form ("Add Comment").
const commentField = "comments"

// addOwnComment stores a ticket or FAQ comment in one transaction. In
// vtiger such a comment is part of a save of the record, so the record's
// modified time and user move, and ModTracker notes the comments field.
func (s *RecordService) addOwnComment(ctx context.Context, actor *crm.User, m *crm.Module, st commentStore, id int64, text string) (*crm.Comment, error) {
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	defer tx.Rollback()
	if _, err := liveRecordOf(ctx, tx, m.Name, id, true); err != nil {
		return nil, err
	}
	now := time.Now().UTC().Truncate(time.Second)
	c := &crm.Comment{RecordID: id, Text: text, Created: now}
	var res sql.Result
	if st == ticketComments {
		const q = `INSERT INTO vtiger_ticketcomments (ticketid, comments, ownerid, ownertype, createdtime)
			VALUES (?, ?, ?, ?, ?)`
		c.AuthorID, c.AuthorType, c.Author = actor.ID, crm.CommentByUser, actor.FullName()
		res, err = tx.ExecContext(ctx, q, id, text, actor.ID, crm.CommentByUser, now)
	} else {
		const q = `INSERT INTO vtiger_faqcomments (faqid, comments, createdtime) VALUES (?, ?, ?)`
		res, err = tx.ExecContext(ctx, q, id, text, now)
	}
	if err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	const touch = `UPDATE vtiger_crmentity SET modifiedtime = ?, modifiedby = ? WHERE crmid = ?`
	if _, err := tx.ExecContext(ctx, touch, now, actor.ID, id); err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	change := []crm.FieldChange{{Field: commentField, After: text}}
	if err := recordChange(ctx, tx, m.Name, id, actor, crm.ChangeUpdated, now, change); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	return c, nil
}

// addModComment creates a ModComments record related to the record, as
// vtiger's comment widget does: owned and created by actor. Commenting
// needs sight of the record; CreateRecord checks create on ModComments.
func (s *RecordService) addModComment(ctx context.Context, actor *crm.User, m *crm.Module, id int64, text string) (*crm.Comment, error) {
	if err := s.authorize(ctx, actor, m.Name, crm.ActionView, id); err != nil {
		return nil, err
	}
	if _, err := liveRecordOf(ctx, s.db, m.Name, id, false); err != nil {
		return nil, err
	}
	rec, err := s.CreateRecord(ctx, actor, "ModComments", map[string]string{
		"commentcontent":   text,
		"related_to":       strconv.FormatInt(id, 10),
		"assigned_user_id": strconv.FormatInt(actor.ID, 10),
	})
	if err != nil {
		return nil, fmt.Errorf("comment on %s %d: %w", m.Name, id, err)
	}
	return &crm.Comment{ID: rec.ID, RecordID: id, AuthorID: actor.ID, AuthorType: crm.CommentByUser,
		Author: actor.FullName(), Text: text, Created: rec.Created}, nil
}
