package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// multiSeparator joins the values of a multi-select picklist, as vtiger
// stores them.
const multiSeparator = " |##| "

// shownValue is a field value as a page shows it: text, and a link when
// the value leads somewhere (a referenced record, a mail address, a site).
type shownValue struct {
	Text string
	Href string
}

// valueNames is what showing values takes besides the values: the names
// of referenced records and of owners.
type valueNames struct {
	refs   map[int64]crm.RecordRef
	owners map[int64]string
}

// isOwner reports whether f holds the record's owner.
func isOwner(f *crm.Field) bool { return f.UIType == 53 }

// isReference reports whether f points at another record.
func isReference(f *crm.Field) bool { return !isOwner(f) && f.RefModules != nil }

// namesFor looks up the names the given records' fields refer to.
func (s *Server) namesFor(ctx context.Context, fields []*crm.Field, recs ...*crm.Record) (valueNames, error) {
	var ids []int64
	for _, rec := range recs {
		for _, f := range fields {
			if !isReference(f) {
				continue
			}
			if id, err := strconv.ParseInt(rec.Values[f.Name], 10, 64); err == nil && id > 0 {
				ids = append(ids, id)
			}
		}
	}
	refs, err := s.deps.Records.RecordRefs(ctx, ids)
	if err != nil {
		return valueNames{}, err
	}
	owners, _, err := s.ownerNames(ctx)
	if err != nil {
		return valueNames{}, err
	}
	return valueNames{refs: refs, owners: owners}, nil
}

// showValue turns a stored value into what a page shows, by uitype and
// type of data.
func showValue(tr translator, f *crm.Field, raw string, n valueNames) shownValue {
	if raw == "" {
		return shownValue{}
	}
	switch {
	case isOwner(f):
		id, _ := strconv.ParseInt(raw, 10, 64)
		if name, ok := n.owners[id]; ok {
			return shownValue{Text: name}
		}
		return shownValue{Text: tr.Tf("Group %s", raw)}
	case isReference(f):
		id, _ := strconv.ParseInt(raw, 10, 64)
		if ref, ok := n.refs[id]; ok {
			label := ref.Label
			if label == "" {
				label = "#" + raw
			}
			return shownValue{Text: label, Href: recordHref(ref.Module, id)}
		}
		if id == 0 {
			return shownValue{}
		}
		return shownValue{Text: "#" + raw}
	case f.UIType == 33:
		parts := strings.Split(raw, multiSeparator)
		for i, p := range parts {
			parts[i] = tr.T(p)
		}
		return shownValue{Text: strings.Join(parts, ", ")}
	case f.Picklist != "":
		return shownValue{Text: tr.T(raw)}
	case f.UIType == 56 || f.Type() == "C":
		if raw == "1" {
			return shownValue{Text: tr.T("Yes")}
		}
		return shownValue{Text: tr.T("No")}
	case f.UIType == 13 || f.Type() == "E":
		return shownValue{Text: raw, Href: "mailto:" + raw}
	case f.UIType == 11: // a phone: click to call
		return shownValue{Text: raw, Href: "/calls/dial?number=" + url.QueryEscape(raw)}
	case f.UIType == 17:
		href := raw
		if !strings.Contains(raw, "://") {
			href = "http://" + raw
		}
		return shownValue{Text: raw, Href: href}
	case f.UIType == 71 || f.UIType == 72:
		if v, err := strconv.ParseFloat(raw, 64); err == nil {
			return shownValue{Text: groupThousands(strconv.FormatFloat(v, 'f', 2, 64))}
		}
	case f.UIType == 9:
		if v, err := strconv.ParseFloat(raw, 64); err == nil {
			return shownValue{Text: strconv.FormatFloat(v, 'f', -1, 64) + " %"}
		}
	}
	return shownValue{Text: showTime(tr, f, raw)}
}

// showTime shows dates and date-times per language, and any other value
// unchanged.
func showTime(tr translator, f *crm.Field, raw string) string {
	switch {
	case f.Type() == "D":
		if d, err := time.Parse(time.DateOnly, raw); err == nil {
			return tr.Date(d)
		}
	case f.Type() == "DT" || f.UIType == 70:
		if d, err := time.Parse(time.DateTime, raw); err == nil {
			return tr.DateTime(d)
		}
	}
	return raw
}

// groupThousands puts commas between the thousands of a decimal number.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
