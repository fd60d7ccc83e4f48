package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.RecordTagger = (*RecordService)(nil)

// maxTagLength is vtiger's limit on one tag, in characters.
const maxTagLength = 30

// splitTags reads tags the way vtiger's freetag does: quotes stripped,
// words split on white space, case kept.
func splitTags(in []string) ([]string, error) {
	var out []string
	for _, s := range in {
		s = strings.NewReplacer(`"`, "", `'`, "").Replace(s)
		for _, t := range strings.Fields(s) {
			if utf8.RuneCountInString(t) > maxTagLength {
				return nil, crm.Errorf(crm.EInvalid, "tag %q is longer than %d characters", t, maxTagLength)
			}
			if normalizeTag(t) == "" {
				return nil, crm.Errorf(crm.EInvalid, "tag %q has no letters or digits", t)
			}
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, crm.Errorf(crm.EInvalid, "no tag given")
	}
	return out, nil
}

// normalizeTag is vtiger_freetags.tag: the tag in lower case with letters
// and digits only. vtiger keeps ASCII ones alone, which turns every
// Chinese tag into ""; Tigerline keeps the letters of every script.
func normalizeTag(raw string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, raw)
}

// liveSetype returns the module of a live record.
func liveSetype(ctx context.Context, ext sqlx.QueryerContext, id int64) (string, error) {
	var setype string
	const q = `SELECT setype FROM vtiger_crmentity WHERE crmid = ? AND deleted = 0`
	err := sqlx.GetContext(ctx, ext, &setype, q, id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", crm.Errorf(crm.ENotFound, "no record %d", id)
	}
	if err != nil {
		return "", fmt.Errorf("find record %d: %w", id, err)
	}
	return setype, nil
}

// TagRecord gives a live record actor's tags in one transaction. A tag
// actor already gave it (compared normalised) is skipped; a new tag text
// gets a vtiger_freetags row with an id from vtiger_freetags_seq.
func (s *RecordService) TagRecord(ctx context.Context, actor *crm.User, id int64, tags ...string) error {
	raws, err := splitTags(tags)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("tag %d: %w", id, err)
	}
	defer tx.Rollback()
	setype, err := liveSetype(ctx, tx, id)
	if err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Second)
	for _, raw := range raws {
		if err := tagOnce(ctx, tx, actorID(actor), id, setype, raw, now); err != nil {
			return fmt.Errorf("tag %d: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("tag %d: %w", id, err)
	}
	return nil
}

func tagOnce(ctx context.Context, ext sqlx.ExtContext, userID, id int64, setype, raw string, now time.Time) error {
	var n int
	const has = `SELECT COUNT(*) FROM vtiger_freetagged_objects o JOIN vtiger_freetags t ON t.id = o.tag_id
		WHERE o.tagger_id = ? AND o.object_id = ? AND t.tag = ?`
	if err := sqlx.GetContext(ctx, ext, &n, has, userID, id, normalizeTag(raw)); err != nil || n > 0 {
		return err
	}
	tagID, err := tagIDOf(ctx, ext, raw)
	if err != nil {
		return err
	}
	const q = `INSERT INTO vtiger_freetagged_objects (tag_id, tagger_id, object_id, tagged_on, module)
		VALUES (?, ?, ?, ?, ?)`
	_, err = ext.ExecContext(ctx, q, tagID, userID, id, now, setype)
	return err
}

// tagIDOf finds a tag by its text, as vtiger does, or creates it.
func tagIDOf(ctx context.Context, ext sqlx.ExtContext, raw string) (int64, error) {
	var id int64
	const q = `SELECT id FROM vtiger_freetags WHERE raw_tag = ? ORDER BY id LIMIT 1`
	err := sqlx.GetContext(ctx, ext, &id, q, raw)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	if id, err = nextID(ctx, ext, "vtiger_freetags_seq"); err != nil {
		return 0, err
	}
	const ins = `INSERT INTO vtiger_freetags (id, tag, raw_tag) VALUES (?, ?, ?)`
	_, err = ext.ExecContext(ctx, ins, id, normalizeTag(raw), raw)
	return id, err
}

// UntagRecord removes actor's tags (compared normalised) from a live
// record, in one transaction.
func (s *RecordService) UntagRecord(ctx context.Context, actor *crm.User, id int64, tags ...string) error {
	raws, err := splitTags(tags)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("untag %d: %w", id, err)
	}
	defer tx.Rollback()
	if _, err := liveSetype(ctx, tx, id); err != nil {
		return err
	}
	const q = `DELETE o FROM vtiger_freetagged_objects o JOIN vtiger_freetags t ON t.id = o.tag_id
		WHERE o.tagger_id = ? AND o.object_id = ? AND t.tag = ?`
	for _, raw := range raws {
		if _, err := tx.ExecContext(ctx, q, actorID(actor), id, normalizeTag(raw)); err != nil {
			return fmt.Errorf("untag %d: %w", id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("untag %d: %w", id, err)
	}
	return nil
}
