package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// writeViewParts writes a view's columns, date filter and condition
// groups, and makes it the module's only default view when it is one.
func writeViewParts(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int, cv *crm.CustomView) error {
	if cv.Default {
		const q = `UPDATE vtiger_customview SET setdefault = 0 WHERE entitytype = ? AND cvid <> ?`
		if _, err := tx.ExecContext(ctx, q, m.Name, id); err != nil {
			return fmt.Errorf("custom view default: %w", err)
		}
	}
	for i, name := range cv.Columns {
		const q = `INSERT INTO vtiger_cvcolumnlist (cvid, columnindex, columnname) VALUES (?, ?, ?)`
		if _, err := tx.ExecContext(ctx, q, id, i, viewColumnName(m, m.Field(name), true)); err != nil {
			return fmt.Errorf("custom view columns: %w", err)
		}
	}
	if df := cv.DateFilter; df != nil {
		const q = `INSERT INTO vtiger_cvstdfilter (cvid, columnname, stdfilter, startdate, enddate) VALUES (?, ?, ?, ?, ?)`
		start, end := stdRange(df, today())
		if _, err := tx.ExecContext(ctx, q, id, viewColumnName(m, m.Field(df.Field), false), df.Range, nullDate(start), nullDate(end)); err != nil {
			return fmt.Errorf("custom view date filter: %w", err)
		}
	}
	return writeAdvFilter(ctx, tx, m, id, cv)
}

// writeAdvFilter writes the condition groups as vtiger does: one row per
// condition with a columnindex running across groups, the glue to the
// next condition, and one grouping row per group with its expression
// (" 0 and 1 ").
func writeAdvFilter(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int, cv *crm.CustomView) error {
	index := 0
	for gi, g := range cv.Groups {
		glue, expr := glueWord(g.MatchAny), []string{}
		for ci, c := range g.Conditions {
			comparator, value := advValue(c)
			next := glue
			if ci == len(g.Conditions)-1 {
				next = ""
			}
			const q = `INSERT INTO vtiger_cvadvfilter (cvid, columnindex, columnname, comparator, value, groupid, column_condition)
				VALUES (?, ?, ?, ?, ?, ?, ?)`
			_, err := tx.ExecContext(ctx, q, id, index, viewColumnName(m, m.Field(c.Field), true), comparator, value, gi+1, next)
			if err != nil {
				return fmt.Errorf("custom view filter: %w", err)
			}
			expr = append(expr, fmt.Sprint(index))
			index++
		}
		groupGlue := glueWord(cv.GroupsMatchAny)
		if gi == len(cv.Groups)-1 {
			groupGlue = ""
		}
		const q = `INSERT INTO vtiger_cvadvfilter_grouping (groupid, cvid, group_condition, condition_expression) VALUES (?, ?, ?, ?)`
		if _, err := tx.ExecContext(ctx, q, gi+1, id, groupGlue, " "+strings.Join(expr, " "+glue+" ")+" "); err != nil {
			return fmt.Errorf("custom view filter group: %w", err)
		}
	}
	return nil
}

func glueWord(or bool) string {
	if or {
		return "or"
	}
	return "and"
}

// deleteViewParts removes everything writeViewParts writes.
func deleteViewParts(ctx context.Context, tx *sqlx.Tx, id int) error {
	for _, t := range []string{"vtiger_cvcolumnlist", "vtiger_cvstdfilter", "vtiger_cvadvfilter", "vtiger_cvadvfilter_grouping"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+t+" WHERE cvid = ?", id); err != nil {
			return fmt.Errorf("clear custom view %d: %w", id, err)
		}
	}
	return nil
}

// viewColumnName is vtiger's stored form of a field,
// "vtiger_account:accountname:accountname:Accounts_Account_Name:V"; the
// date filter's form has no type letter. f was checked by checkView.
func viewColumnName(m *crm.Module, f *crm.Field, withType bool) string {
	label := m.Name + "_" + strings.ReplaceAll(f.Label, " ", "_")
	s := f.Table + ":" + f.Column + ":" + f.Name + ":" + label
	if withType {
		s += ":" + f.Type()
	}
	return s
}

func nullDate(d string) any {
	if d == "" {
		return nil
	}
	return d
}
