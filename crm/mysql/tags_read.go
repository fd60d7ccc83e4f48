package mysql

import (
	"context"
	"fmt"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// RecordTags returns the tags actor gave a record, sorted.
func (s *RecordService) RecordTags(ctx context.Context, actor *crm.User, id int64) ([]string, error) {
	const q = `SELECT t.raw_tag FROM vtiger_freetagged_objects o JOIN vtiger_freetags t ON t.id = o.tag_id
		WHERE o.tagger_id = ? AND o.object_id = ? ORDER BY t.raw_tag`
	tags := []string{}
	if err := sqlx.SelectContext(ctx, s.db, &tags, q, actorID(actor), id); err != nil {
		return nil, fmt.Errorf("tags of %d: %w", id, err)
	}
	return tags, nil
}

// TagCloud counts actor's tags over live records. Tags that normalise
// alike count as one, shown in the first spelling.
func (s *RecordService) TagCloud(ctx context.Context, actor *crm.User) ([]crm.TagCount, error) {
	const q = `SELECT MIN(t.raw_tag) AS tag, COUNT(DISTINCT o.object_id) AS count
		FROM vtiger_freetagged_objects o
		JOIN vtiger_freetags t ON t.id = o.tag_id
		JOIN vtiger_crmentity e ON e.crmid = o.object_id AND e.deleted = 0
		WHERE o.tagger_id = ? GROUP BY t.tag ORDER BY tag`
	var rows []struct {
		Tag   string `db:"tag"`
		Count int    `db:"count"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, actorID(actor)); err != nil {
		return nil, fmt.Errorf("tag cloud: %w", err)
	}
	out := make([]crm.TagCount, len(rows))
	for i, r := range rows {
		out[i] = crm.TagCount{Tag: r.Tag, Count: r.Count}
	}
	return out, nil
}

// FindTagged lists the live records actor gave a tag, most recently
// tagged first, each with its label.
func (s *RecordService) FindTagged(ctx context.Context, actor *crm.User, tag string) ([]crm.RecordRef, error) {
	const q = `SELECT DISTINCT o.object_id AS id, e.setype AS module, o.tagged_on
		FROM vtiger_freetagged_objects o
		JOIN vtiger_freetags t ON t.id = o.tag_id
		JOIN vtiger_crmentity e ON e.crmid = o.object_id AND e.deleted = 0
		WHERE o.tagger_id = ? AND t.tag = ? ORDER BY o.tagged_on DESC, o.object_id DESC`
	var rows []struct {
		ID     int64  `db:"id"`
		Module string `db:"module"`
		On     any    `db:"tagged_on"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, actorID(actor), normalizeTag(tag)); err != nil {
		return nil, fmt.Errorf("find tagged %q: %w", tag, err)
	}
	out := make([]crm.RecordRef, len(rows))
	byModule := map[string][]int64{}
	for i, r := range rows {
		out[i] = crm.RecordRef{ID: r.ID, Module: r.Module}
		byModule[r.Module] = append(byModule[r.Module], r.ID)
	}
	labels := map[int64]string{}
	for module, ids := range byModule {
		if err := s.labelRecords(ctx, module, ids, labels); err != nil {
			return nil, err
		}
	}
	for i := range out {
		out[i].Label = labels[out[i].ID]
	}
	return out, nil
}

// labelRecords adds the labels of a module's records to labels. A module
// the metadata does not know leaves its records unlabelled.
func (s *RecordService) labelRecords(ctx context.Context, module string, ids []int64, labels map[int64]string) error {
	m, _, err := s.meta.get(ctx, s.db, module)
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil
	}
	if err != nil {
		return err
	}
	where, args, err := sqlx.In("e.crmid IN (?)", ids)
	if err != nil {
		return err
	}
	recs, err := selectRecords(ctx, s.db, m, where, "", args...)
	if err != nil {
		return err
	}
	for _, r := range recs {
		labels[r.ID] = r.Label
	}
	return nil
}
