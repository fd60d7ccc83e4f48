package mysql

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/phone"
)

// Global search bounds.
const (
	defaultSearchLimit = 5
	maxSearchLimit     = 50
	minSearchText      = 2
	maxSearchText      = 100
	minSearchDigits    = 4 // fewer digits would match half the phone book
)

// SearchRecords finds live records whose name fields (vtiger_entityname),
// full name, record number or email starts with text, or whose phone ends
// with text's digits, module by module: at most limit hits each, newest
// created first. Ordering by crmid lets the scan stop at the limit; prefix
// matches can use an index on the column (vtiger has none on names); phone
// matches use vtiger_pbxmanager_phonelookup's reversed numbers.
func (s *RecordService) SearchRecords(ctx context.Context, actor *crm.User, text string, modules []string, limit int) ([]crm.SearchResult, error) {
	text = strings.TrimSpace(text)
	if n := utf8.RuneCountInString(text); n < minSearchText || n > maxSearchText {
		return nil, crm.Errorf(crm.EInvalid, "search text must have %d to %d characters", minSearchText, maxSearchText)
	}
	if limit <= 0 {
		limit = defaultSearchLimit
	}
	limit = min(limit, maxSearchLimit)
	mods, cols, err := s.meta.all(ctx, s.db)
	if err != nil {
		return nil, err
	}
	if modules == nil {
		for name, m := range mods {
			if m.Presence != 1 {
				modules = append(modules, name)
			}
		}
		sort.Strings(modules)
	}
	out := []crm.SearchResult{}
	for _, name := range modules {
		m := mods[name]
		if m == nil {
			return nil, crm.Errorf(crm.ENotFound, "no module %q", name)
		}
		res, err := s.searchModule(ctx, m, cols, text, limit)
		if err != nil {
			return nil, err
		}
		if len(res.Hits) > 0 {
			out = append(out, res)
		}
	}
	return out, nil
}

// searchFields are the fields a module is searched on, name fields first.
func searchFields(m *crm.Module) []*crm.Field {
	var out []*crm.Field
	seen := map[string]bool{}
	add := func(f *crm.Field) {
		if f != nil && !seen[f.Name] {
			seen[f.Name] = true
			out = append(out, f)
		}
	}
	for _, n := range m.NameFields {
		add(m.Field(strings.TrimSpace(n)))
	}
	for _, f := range m.Fields {
		if f.UIType == 4 || f.UIType == 13 {
			add(f)
		}
	}
	return out
}

func (s *RecordService) searchModule(ctx context.Context, m *crm.Module, cols tableColumns, text string, limit int) (crm.SearchResult, error) {
	res := crm.SearchResult{Module: m.Name}
	sc := newListScope(m, cols)
	var conds, exprs []string
	var fields []*crm.Field
	var args []any
	prefix := escapeLike(text) + "%"
	for _, f := range searchFields(m) {
		col, ok := sc.fieldColumn(f)
		if !ok {
			continue
		}
		conds = append(conds, col.expr+" LIKE ?")
		args = append(args, prefix)
		exprs = append(exprs, "CAST("+col.expr+" AS CHAR)")
		fields = append(fields, f)
	}
	if full := fullName(sc, m); full != "" && strings.ContainsRune(text, ' ') {
		conds = append(conds, full+" LIKE ?")
		args = append(args, prefix)
	}
	digits := phoneDigits(text)
	if len(digits) >= minSearchDigits {
		conds = append(conds, `e.crmid IN (SELECT p.crmid FROM vtiger_pbxmanager_phonelookup p
			WHERE p.setype = ? AND p.rnumber LIKE ?)`)
		args = append(args, m.Name, phone.Reverse(digits)+"%")
		// Read the phone fields too, to say which one matched.
		for _, f := range m.Fields {
			if col, ok := sc.fieldColumn(f); ok && f.UIType == 11 {
				exprs = append(exprs, "CAST("+col.expr+" AS CHAR)")
				fields = append(fields, f)
			}
		}
	}
	if len(conds) == 0 {
		return res, nil
	}
	live := "e.setype = ? AND e.deleted = 0"
	if hide := convertedLeadsHidden(m.Name); hide != "" {
		live += " AND " + hide
	}
	q := "SELECT e.crmid, e.smownerid, e.createdtime, e.modifiedtime, " + strings.Join(exprs, ", ") +
		" FROM vtiger_crmentity e" + sc.joins() + " WHERE " + live + " AND (" +
		strings.Join(conds, " OR ") + ") ORDER BY e.crmid DESC LIMIT ?"
	recs, err := s.scanRecords(ctx, m, fields, q, append(append([]any{m.Name}, args...), limit+1)...)
	if err != nil {
		return res, fmt.Errorf("search %s: %w", m.Name, err)
	}
	if len(recs) > limit {
		recs, res.More = recs[:limit], true
	}
	for _, r := range recs {
		h := crm.SearchHit{ID: r.ID, Label: r.Label}
		h.Field, h.Value = matchedField(fields, r.Values, text, digits)
		res.Hits = append(res.Hits, h)
	}
	return res, nil
}

// matchedField names the first field whose value starts with text, or
// whose digits end with the searched digits (a phone field).
func matchedField(fields []*crm.Field, vals map[string]string, text, digits string) (string, string) {
	for _, f := range fields {
		v := vals[f.Name]
		if f.UIType == 11 {
			if d := phoneDigits(v); len(digits) >= minSearchDigits && d != "" && strings.HasSuffix(d, digits) {
				return f.Name, v
			}
			continue
		}
		if hasFoldPrefix(v, text) {
			return f.Name, v
		}
	}
	return "", ""
}

// fullName is the name fields joined with spaces ("Mei Chan"), or "" for
// modules named by one field.
func fullName(sc *listScope, m *crm.Module) string {
	if len(m.NameFields) < 2 {
		return ""
	}
	var parts []string
	for _, n := range m.NameFields {
		col, ok := sc.column(strings.TrimSpace(n))
		if !ok {
			return ""
		}
		parts = append(parts, col.expr)
	}
	return "CONCAT_WS(' ', " + strings.Join(parts, ", ") + ")"
}

// phoneDigits returns text's digits when text looks like a phone number
// (digits and + - ( ) . spaces only), else "".
func phoneDigits(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case unicode.IsDigit(r) && r < utf8.RuneSelf:
			b.WriteRune(r)
		case strings.ContainsRune("+-(). ", r):
		default:
			return ""
		}
	}
	return b.String()
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
