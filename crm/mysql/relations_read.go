package mysql

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// FindRelated returns a page of the live records related to a live record
// through one relation, most recently modified first. With an actor, the
// record must be visible to them and the list keeps to the related
// records they may see; a nil actor is the system and sees everything.
func (s *RecordService) FindRelated(ctx context.Context, actor *crm.User, module string, id int64, relationID int, offset, limit int) (*crm.RelatedPage, error) {
	m, _, err := s.meta.get(ctx, s.db, module)
	if err != nil {
		return nil, err
	}
	if offset < 0 || limit < 0 {
		return nil, crm.Errorf(crm.EInvalid, "offset and limit must not be negative")
	}
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return nil, err
	}
	rel, err := findRelation(ctx, s.db, m.Name, relationID)
	if err != nil {
		return nil, err
	}
	plan, err := planRelation(mods, cols, rel)
	if err != nil {
		return nil, err
	}
	rel.Linkable = plan.readOnly == ""
	rm := mods[rel.RelatedModule]
	where, args, err := s.relatedWhere(ctx, actor, m, rm, id, plan)
	if err != nil {
		return nil, err
	}
	page := &crm.RelatedPage{Relation: rel, RecordID: id, Offset: offset, Limit: listLimit(limit)}
	types := setypes(rm.Name)
	qc, cargs, err := sqlx.In("SELECT COUNT(*) FROM vtiger_crmentity e WHERE e.setype IN (?) AND "+where, append([]any{types}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("count related %s: %w", rm.Name, err)
	}
	if err := sqlx.GetContext(ctx, s.db, &page.Total, qc, cargs...); err != nil {
		return nil, fmt.Errorf("count related %s of %s %d: %w", rm.Name, m.Name, id, err)
	}
	page.Records, err = selectRelated(ctx, s.db, rm, types, where,
		" ORDER BY e.modifiedtime DESC, e.crmid DESC LIMIT ? OFFSET ?", append(args, page.Limit, offset)...)
	if err != nil {
		return nil, err
	}
	return page, nil
}

// relatedWhere checks the record and builds the condition on the related
// records (alias e): live, linked through the plan's stores, within its
// filter and within what actor may see.
func (s *RecordService) relatedWhere(ctx context.Context, actor *crm.User, m, rm *crm.Module, id int64, plan *relPlan) (string, []any, error) {
	var scope string
	var scopeArgs []any
	if actor != nil {
		rights, err := NewAccessService(s.db).Rights(ctx, actor)
		if err != nil {
			return "", nil, err
		}
		if err := rights.Check(ctx, m.Name, crm.ActionView, id); err != nil {
			return "", nil, err
		}
		if scope, scopeArgs, err = rights.ListScope(ctx, rm.Name); err != nil {
			return "", nil, err
		}
	}
	if _, err := liveRecordOf(ctx, s.db, m.Name, id, false); err != nil {
		return "", nil, err
	}
	sub, args := plan.linkedIDs(id)
	where := "e.deleted = 0 AND e.crmid IN (" + sub + ")"
	if plan.filter != "" {
		where += " AND " + plan.filter
	}
	if hide := convertedLeadsHidden(rm.Name); hide != "" {
		where += " AND " + hide
	}
	if scope != "" {
		where += " AND " + scope
		args = append(args, scopeArgs...)
	}
	return where, args, nil
}

// linkedIDs is a query of the ids linked to id through every store.
func (p *relPlan) linkedIDs(id int64) (string, []any) {
	var parts []string
	var args []any
	for _, st := range p.stores {
		switch st.kind {
		case storeEntityRel:
			parts = append(parts, "SELECT relcrmid FROM vtiger_crmentityrel WHERE crmid = ?",
				"SELECT crmid FROM vtiger_crmentityrel WHERE relcrmid = ?")
			args = append(args, id, id)
		case storeReference:
			// Text: some reference columns are varchar (parent_id).
			parts = append(parts, "SELECT "+quoteIdent(st.rel)+" FROM "+quoteIdent(st.table)+" WHERE "+quoteIdent(st.own)+" = ?")
			args = append(args, strconv.FormatInt(id, 10))
		default:
			parts = append(parts, "SELECT "+quoteIdent(st.rel)+" FROM "+quoteIdent(st.table)+" WHERE "+quoteIdent(st.own)+" = ?")
			args = append(args, id)
		}
	}
	return strings.Join(parts, " UNION "), args
}

// setypes are the crmentity types of a module's records: vtiger stores
// events as Calendar, Tigerline may store them as Events.
func setypes(module string) []string {
	if module == "Calendar" || module == "Events" {
		return []string{"Calendar", "Events"}
	}
	return []string{module}
}

// liveRecordOf checks that id is a live record of module (of either
// activity type for Calendar and Events) and returns its setype. lock
// holds its crmentity row until the transaction ends.
func liveRecordOf(ctx context.Context, ext sqlx.QueryerContext, module string, id int64, lock bool) (string, error) {
	q := `SELECT setype FROM vtiger_crmentity WHERE crmid = ? AND deleted = 0`
	if lock {
		q += " FOR UPDATE"
	}
	var setype []string
	if err := sqlx.SelectContext(ctx, ext, &setype, q, id); err != nil {
		return "", fmt.Errorf("find %s %d: %w", module, id, err)
	}
	if len(setype) == 0 || !sameModule(setype[0], module) {
		return "", crm.Errorf(crm.ENotFound, "no %s record %d", module, id)
	}
	return setype[0], nil
}

// selectRelated reads whole live records of m like selectRecords, for any
// of the given setypes.
func selectRelated(ctx context.Context, ext sqlx.QueryerContext, m *crm.Module, types []string, where, tail string, args ...any) ([]*crm.Record, error) {
	selects := []string{"e.crmid", "e.smownerid", "e.createdtime", "e.modifiedtime", "e.deleted"}
	alias := tableAliases(m)
	var fields []*crm.Field
	for _, f := range m.Fields {
		if a, ok := alias[f.Table]; ok {
			selects = append(selects, fmt.Sprintf("CAST(%s.%s AS CHAR)", a, quoteIdent(f.Column)))
			fields = append(fields, f)
		}
	}
	q, qargs, err := sqlx.In("SELECT "+strings.Join(selects, ", ")+" FROM vtiger_crmentity e"+joinTables(m, nil)+
		" WHERE e.setype IN (?) AND "+where+tail, append([]any{types}, args...)...)
	if err != nil {
		return nil, fmt.Errorf("read related %s: %w", m.Name, err)
	}
	rows, err := ext.QueryxContext(ctx, q, qargs...)
	if err != nil {
		return nil, fmt.Errorf("read related %s: %w", m.Name, err)
	}
	defer rows.Close()
	out := []*crm.Record{}
	for rows.Next() {
		r, err := scanRecord(rows, m, fields)
		if err != nil {
			return nil, fmt.Errorf("read related %s: %w", m.Name, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read related %s: %w", m.Name, err)
	}
	return out, nil
}
