package mysql

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// Fields the server fills: record numbers, created/modified times and the
// user who modified a record.
var systemUITypes = map[int]bool{4: true, 70: true, 52: true}

var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// validator checks a record's values against its module's metadata and
// turns them into what the columns store. Every problem is collected, so
// one error names every bad field.
type validator struct {
	ctx   context.Context
	ext   sqlx.QueryerContext
	m     *crm.Module
	cols  tableColumns
	actor *crm.User
	// partial checks an update: only the given fields, and a given
	// mandatory field (the owner included) may not be empty.
	partial bool
	errors  map[string]string
}

func (v *validator) fail(field, format string, args ...any) {
	if _, ok := v.errors[field]; !ok {
		v.errors[field] = fmt.Sprintf(format, args...)
	}
}

// check validates values for a new record, or for an update when partial,
// and returns the normalised ones.
func (v *validator) check(values map[string]string) (map[string]string, error) {
	v.errors = map[string]string{}
	out := map[string]string{}
	for name, val := range values {
		f := v.m.Field(name)
		if f == nil {
			v.fail(name, "no such field in %s", v.m.Name)
			continue
		}
		if systemUITypes[f.UIType] {
			if val != "" {
				v.fail(name, "is set by the system")
			}
			continue
		}
		out[name] = strings.TrimSpace(val)
	}
	for _, f := range v.m.Fields {
		if systemUITypes[f.UIType] || fieldTablesNotPerRecord[f.Table] && f.Table != "vtiger_crmentity" {
			continue
		}
		val, given := out[f.Name]
		if v.partial && !given {
			continue
		}
		if val == "" {
			if f.Mandatory && (f.UIType != 53 || v.partial) {
				v.fail(f.Name, "is required")
			}
			continue
		}
		norm, err := v.value(f, val)
		if err != "" {
			v.fail(f.Name, "%s", err)
			continue
		}
		out[f.Name] = norm
	}
	if len(v.errors) > 0 {
		return nil, v.err()
	}
	return out, nil
}

func (v *validator) err() error {
	return invalidFields(v.m.Name+" record", v.errors)
}

// value checks one non-empty value and returns it as stored, or a reason.
func (v *validator) value(f *crm.Field, val string) (string, string) {
	if f.MaxLength > 0 && utf8.RuneCountInString(val) > f.MaxLength {
		return "", fmt.Sprintf("is too long: %d characters, at most %d", utf8.RuneCountInString(val), f.MaxLength)
	}
	switch {
	case f.Picklist != "":
		return v.picklist(f, val)
	case f.UIType == 53:
		return v.owner(val)
	case f.RefModules != nil:
		return v.reference(f, val)
	}
	switch f.Type() {
	case "E":
		if !emailRe.MatchString(val) {
			return "", "is not an email address"
		}
	case "N", "NN":
		n, err := strconv.ParseFloat(strings.ReplaceAll(val, ",", ""), 64)
		if err != nil {
			return "", "is not a number"
		}
		if f.Type() == "NN" && n < 0 {
			return "", "must not be negative"
		}
		return strconv.FormatFloat(n, 'f', -1, 64), ""
	case "I":
		if _, err := strconv.ParseInt(val, 10, 64); err != nil {
			return "", "is not a whole number"
		}
	case "D":
		if _, err := time.Parse("2006-01-02", val); err != nil {
			return "", "is not a date (YYYY-MM-DD)"
		}
	case "DT":
		if _, err := time.Parse("2006-01-02 15:04:05", val); err != nil {
			if _, err := time.Parse("2006-01-02 15:04", val); err != nil {
				return "", "is not a date and time (YYYY-MM-DD HH:MM)"
			}
		}
	case "T":
		if _, err := time.Parse("15:04", val); err != nil {
			if _, err := time.Parse("15:04:05", val); err != nil {
				return "", "is not a time (HH:MM)"
			}
		}
	case "C":
		switch strings.ToLower(val) {
		case "1", "on", "yes", "true":
			return "1", ""
		case "0", "off", "no", "false":
			return "0", ""
		}
		return "", "is not yes or no"
	}
	return val, ""
}
