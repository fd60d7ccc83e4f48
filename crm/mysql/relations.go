package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

var _ crm.RelationService = (*RecordService)(nil)

// relationColumns reads a vtiger_relatedlists row with its modules' names;
// a list of something else than records has no related tab.
const relationColumns = `SELECT r.relation_id, t.name AS module, COALESCE(rt.name, '') AS related,
	COALESCE(r.label, '') AS label, COALESCE(r.name, '') AS name,
	COALESCE(r.sequence, 0) AS sequence, COALESCE(r.actions, '') AS actions
	FROM vtiger_relatedlists r
	JOIN vtiger_tab t ON t.tabid = r.tabid
	LEFT JOIN vtiger_tab rt ON rt.tabid = r.related_tabid AND r.related_tabid > 0`

type relationRow struct {
	ID       int    `db:"relation_id"`
	Module   string `db:"module"`
	Related  string `db:"related"`
	Label    string `db:"label"`
	Name     string `db:"name"`
	Sequence int    `db:"sequence"`
	Actions  string `db:"actions"`
}

func (r relationRow) relation() *crm.Relation {
	rel := &crm.Relation{ID: r.ID, Module: r.Module, RelatedModule: r.Related, Label: r.Label, Name: r.Name, Sequence: r.Sequence}
	for _, a := range strings.Split(r.Actions, ",") {
		switch strings.ToLower(strings.TrimSpace(a)) {
		case "add":
			rel.CanAdd = true
		case "select":
			rel.CanSelect = true
		}
	}
	return rel
}

// relationModule is the module whose related lists a module shows: vtiger
// keeps those of events under Calendar.
func relationModule(module string) string {
	if module == "Events" {
		return "Calendar"
	}
	return module
}

// Relations lists a module's visible related lists (presence 0) in
// display order, leaving out those of disabled modules.
func (s *RecordService) Relations(ctx context.Context, module string) ([]*crm.Relation, error) {
	if _, _, err := s.meta.get(ctx, s.db, module); err != nil {
		return nil, err
	}
	q := relationColumns + ` WHERE t.name = ? AND COALESCE(r.presence, 0) = 0
		AND COALESCE(rt.presence, 0) <> 1 ORDER BY r.sequence, r.relation_id`
	var rows []relationRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, relationModule(module)); err != nil {
		return nil, fmt.Errorf("relations of %s: %w", module, err)
	}
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return nil, err
	}
	out := make([]*crm.Relation, len(rows))
	for i, r := range rows {
		out[i] = r.relation()
		plan, err := planRelation(mods, cols, out[i])
		out[i].Linkable = err == nil && plan.readOnly == ""
	}
	return out, nil
}

// findRelation reads one relation of module.
func findRelation(ctx context.Context, ext sqlx.QueryerContext, module string, id int) (*crm.Relation, error) {
	var row relationRow
	err := sqlx.GetContext(ctx, ext, &row, relationColumns+` WHERE r.relation_id = ? AND t.name = ?`, id, relationModule(module))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "%s has no relation %d", module, id)
	}
	if err != nil {
		return nil, fmt.Errorf("relation %d of %s: %w", id, module, err)
	}
	return row.relation(), nil
}

// relationBetween finds the relation that links two modules: one of
// module's own first, else one of relatedModule's towards module, which
// reverse reports. Several relations of one pair (activities and their
// history) keep their links in the same place, so the first one serves.
func relationBetween(ctx context.Context, ext sqlx.QueryerContext, module, relatedModule string) (rel *crm.Relation, reverse bool, err error) {
	m, rm := relationModule(module), relationModule(relatedModule)
	q := relationColumns + ` WHERE (t.name = ? AND rt.name = ?) OR (t.name = ? AND rt.name = ?)
		ORDER BY t.name = ? DESC, r.sequence, r.relation_id LIMIT 1`
	var row relationRow
	err = sqlx.GetContext(ctx, ext, &row, q, m, rm, rm, m, m)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, crm.Errorf(crm.EInvalid, "%s records cannot be linked to %s records", module, relatedModule)
	}
	if err != nil {
		return nil, false, fmt.Errorf("relation of %s and %s: %w", module, relatedModule, err)
	}
	return row.relation(), row.Module != m, nil
}
