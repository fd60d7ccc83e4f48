package vtql

import (
	"fmt"
	"strings"
)

// tree renders e fully parenthesized with Go-quoted values so tests can
// see the shape the parser built, not just an equivalent text.
func tree(e Expr) string {
	switch e := e.(type) {
	case nil:
		return "<nil>"
	case *Cond:
		vs := make([]string, len(e.Values))
		for i, v := range e.Values {
			vs[i] = fmt.Sprintf("%q", v)
		}
		return e.Field + " " + e.Op + " " + strings.Join(vs, ",")
	case *Logic:
		return "(" + tree(e.Left) + " " + e.Op + " " + tree(e.Right) + ")"
	}
	return fmt.Sprintf("%#v", e)
}

// dump renders a Query for failure messages; Where is a pointer tree that
// %+v would print as addresses.
func dump(q *Query) string {
	if q == nil {
		return "<nil>"
	}
	lim := "nil"
	if q.Limit != nil {
		lim = fmt.Sprintf("%+v", *q.Limit)
	}
	return fmt.Sprintf("{Module:%q Count:%v Star:%v Fields:%q Where:%s OrderBy:%+v Limit:%s}",
		q.Module, q.Count, q.Star, q.Fields, tree(q.Where), q.OrderBy, lim)
}

// mapResolver resolves the fields it lists and nothing else.
type mapResolver map[string]string

func (m mapResolver) Column(f string) (string, bool) {
	c, ok := m[f]
	return c, ok
}

// testResolver knows a handful of Accounts fields.
var testResolver = mapResolver{
	"accountname":  "vtiger_account.accountname",
	"website":      "vtiger_account.website",
	"employees":    "vtiger_account.employees",
	"id":           "vtiger_crmentity.crmid",
	"modifiedtime": "vtiger_crmentity.modifiedtime",
	"a":            "t.a",
	"b":            "t.b",
	"c":            "t.c",
	"d":            "t.d",
}
