package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// comparatorOps maps vtiger's advanced-filter comparators to list
// operators. "b" (before) and "a" (after) are vtiger's date forms of less
// and greater; "bw", "y" and "ny" come from later vtiger versions.
var comparatorOps = map[string]string{
	"e": crm.OpEquals, "n": crm.OpNotEquals, "s": crm.OpStartsWith, "ew": crm.OpEndsWith,
	"c": crm.OpContains, "k": crm.OpNotContains, "l": crm.OpLess, "g": crm.OpGreater,
	"m": crm.OpLessOrEqual, "h": crm.OpGreaterOrEqual, "b": crm.OpLess, "a": crm.OpGreater,
	"bw": crm.OpBetween, "y": crm.OpEmpty, "ny": crm.OpNotEmpty,
}

// opComparators is the reverse map for saving, 5.4's own codes first.
var opComparators = map[string]string{
	crm.OpEquals: "e", crm.OpNotEquals: "n", crm.OpStartsWith: "s", crm.OpEndsWith: "ew",
	crm.OpContains: "c", crm.OpNotContains: "k", crm.OpLess: "l", crm.OpGreater: "g",
	crm.OpLessOrEqual: "m", crm.OpGreaterOrEqual: "h", crm.OpBetween: "bw",
	crm.OpEmpty: "e", crm.OpNotEmpty: "n", crm.OpIn: "e", crm.OpNotIn: "n",
}

// advCondition reads one vtiger_cvadvfilter row the way vtiger 5.4 runs
// it: "e"/"n" with an empty value test for empty, and with a
// comma-separated value match any (none) of the values.
func advCondition(colname, comparator, value string) crm.Condition {
	c := crm.Condition{Field: fieldOfColumn(colname), Op: comparatorOps[comparator]}
	if c.Op == "" {
		c.Op = comparator // unknown: FindRecords reports it
	}
	switch {
	case c.Op == crm.OpEmpty || c.Op == crm.OpNotEmpty:
	case (comparator == "e" || comparator == "n") && strings.TrimSpace(value) == "":
		c.Op = map[string]string{"e": crm.OpEmpty, "n": crm.OpNotEmpty}[comparator]
	case (comparator == "e" || comparator == "n") && strings.Contains(value, ","):
		c.Op = map[string]string{"e": crm.OpIn, "n": crm.OpNotIn}[comparator]
		c.Values = splitTrim(value)
	case comparator == "bw":
		c.Values = splitTrim(value)
	default:
		c.Values = []string{value}
	}
	return c
}

func splitTrim(s string) []string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

type advRow struct {
	ID         int    `db:"cvid"`
	Column     string `db:"columnname"`
	Comparator string `db:"comparator"`
	Value      string `db:"value"`
	Group      int    `db:"groupid"`
	Glue       string `db:"column_condition"`
}

// loadAdvFilters fills each view's Groups. A condition's glue joins it to
// the next one, and a group's glue to the next group; a group mixing
// "and" and "or" is read with its first glue.
func loadAdvFilters(ctx context.Context, ext sqlx.QueryerContext, byID map[int]*crm.CustomView, ids []any) error {
	q, args, err := sqlx.In(`SELECT cvid, COALESCE(columnname, '') AS columnname, COALESCE(comparator, '') AS comparator,
		COALESCE(value, '') AS value, COALESCE(groupid, 1) AS groupid, COALESCE(column_condition, '') AS column_condition
		FROM vtiger_cvadvfilter WHERE cvid IN (?) ORDER BY cvid, groupid, columnindex`, ids)
	if err != nil {
		return fmt.Errorf("custom view filters: %w", err)
	}
	var rows []advRow
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return fmt.Errorf("custom view filters: %w", err)
	}
	groupOf := map[[2]int]int{} // (cvid, groupid) → index in Groups
	glued := map[[2]int]bool{}
	for _, r := range rows {
		cv, key := byID[r.ID], [2]int{r.ID, r.Group}
		i, ok := groupOf[key]
		if !ok {
			i = len(cv.Groups)
			groupOf[key] = i
			cv.Groups = append(cv.Groups, crm.FilterGroup{})
		}
		g := &cv.Groups[i]
		g.Conditions = append(g.Conditions, advCondition(r.Column, r.Comparator, r.Value))
		if glue := strings.ToLower(strings.TrimSpace(r.Glue)); glue != "" && !glued[key] {
			g.MatchAny, glued[key] = glue == "or", true
		}
	}
	return loadGroupGlue(ctx, ext, byID, ids)
}

func loadGroupGlue(ctx context.Context, ext sqlx.QueryerContext, byID map[int]*crm.CustomView, ids []any) error {
	q, args, err := sqlx.In(`SELECT cvid, COALESCE(group_condition, '') AS group_condition
		FROM vtiger_cvadvfilter_grouping WHERE cvid IN (?) ORDER BY cvid, groupid`, ids)
	if err != nil {
		return fmt.Errorf("custom view filter groups: %w", err)
	}
	var rows []struct {
		ID   int    `db:"cvid"`
		Glue string `db:"group_condition"`
	}
	if err := sqlx.SelectContext(ctx, ext, &rows, q, args...); err != nil {
		return fmt.Errorf("custom view filter groups: %w", err)
	}
	seen := map[int]bool{}
	for _, r := range rows {
		if glue := strings.ToLower(strings.TrimSpace(r.Glue)); glue != "" && !seen[r.ID] {
			byID[r.ID].GroupsMatchAny, seen[r.ID] = glue == "or", true
		}
	}
	return nil
}

// advValue is the comparator and value a condition is saved with.
func advValue(c crm.Condition) (comparator, value string) {
	comparator = opComparators[c.Op]
	switch c.Op {
	case crm.OpEmpty, crm.OpNotEmpty:
		return comparator, ""
	case crm.OpIn, crm.OpNotIn, crm.OpBetween:
		return comparator, strings.Join(c.Values, ",")
	}
	if len(c.Values) == 0 {
		return comparator, ""
	}
	return comparator, c.Values[0]
}
