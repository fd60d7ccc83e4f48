package web

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// choice is a coded choice of a select with its English label, which the
// catalog translates.
type choice struct {
	Code  string
	Label string
}

// filterOps are the comparators vtiger 5.4's advanced filter offers, by
// its codes (vtiger_cvadvfilter.comparator).
var filterOps = []choice{
	{"e", "equals"}, {"n", "not equal to"}, {"s", "starts with"}, {"ew", "ends with"},
	{"c", "contains"}, {"k", "does not contain"}, {"l", "less than"}, {"g", "greater than"},
	{"m", "less or equal"}, {"h", "greater or equal"}, {"b", "before"}, {"a", "after"},
}

// betweenOp is later vtigers' "between"; a filter saved by one keeps it,
// but a new condition is never offered it.
var betweenOp = choice{"bw", "between"}

// dateRanges are the ranges of vtiger's standard (date) filter.
var dateRanges = []choice{
	{"custom", "Custom"},
	{"prevfy", "Previous FY"}, {"thisfy", "Current FY"}, {"nextfy", "Next FY"},
	{"prevfq", "Previous FQ"}, {"thisfq", "Current FQ"}, {"nextfq", "Next FQ"},
	{"yesterday", "Yesterday"}, {"today", "Today"}, {"tomorrow", "Tomorrow"},
	{"lastweek", "Last Week"}, {"thisweek", "Current Week"}, {"nextweek", "Next Week"},
	{"lastmonth", "Last Month"}, {"thismonth", "Current Month"}, {"nextmonth", "Next Month"},
	{"last7days", "Last 7 Days"}, {"last30days", "Last 30 Days"}, {"last60days", "Last 60 Days"},
	{"last90days", "Last 90 Days"}, {"last120days", "Last 120 Days"},
	{"next30days", "Next 30 Days"}, {"next60days", "Next 60 Days"},
	{"next90days", "Next 90 Days"}, {"next120days", "Next 120 Days"},
}

// knownChoice reports whether code is one of choices.
func knownChoice(choices []choice, code string) bool {
	for _, c := range choices {
		if c.Code == code {
			return true
		}
	}
	return false
}

// choiceOptions offers choices translated, cur selected.
func choiceOptions(tr translator, choices []choice, cur string) []option {
	out := make([]option, 0, len(choices))
	for _, c := range choices {
		out = append(out, option{Value: c.Code, Label: tr.T(c.Label), Selected: c.Code == cur})
	}
	return out
}

// condOp turns a comparator and value into a list condition the way
// vtiger 5.4 runs it: "e" and "n" with no value test for empty, and with
// a comma-separated value for any (none) of the values.
func condOp(field, code, value string) crm.Condition {
	c := crm.Condition{Field: field, Values: []string{value}}
	switch code {
	case "e", "n":
		c.Op = map[string]string{"e": crm.OpEquals, "n": crm.OpNotEquals}[code]
		if value == "" {
			c.Op, c.Values = map[string]string{"e": crm.OpEmpty, "n": crm.OpNotEmpty}[code], nil
		} else if strings.Contains(value, ",") {
			c.Op, c.Values = map[string]string{"e": crm.OpIn, "n": crm.OpNotIn}[code], splitValues(value)
		}
	case "bw":
		c.Op, c.Values = crm.OpBetween, splitValues(value)
	default:
		c.Op = map[string]string{
			"s": crm.OpStartsWith, "ew": crm.OpEndsWith, "c": crm.OpContains, "k": crm.OpNotContains,
			"l": crm.OpLess, "b": crm.OpLess, "g": crm.OpGreater, "a": crm.OpGreater,
			"m": crm.OpLessOrEqual, "h": crm.OpGreaterOrEqual,
		}[code]
	}
	return c
}

// condCode is the comparator and value a form shows for a condition;
// on a date field less and greater read as vtiger's before and after.
func condCode(f *crm.Field, c crm.Condition) (code, value string) {
	value = strings.Join(c.Values, ",")
	switch c.Op {
	case crm.OpEquals, crm.OpEmpty, crm.OpIn:
		return "e", value
	case crm.OpNotEquals, crm.OpNotEmpty, crm.OpNotIn:
		return "n", value
	case crm.OpBetween:
		return "bw", value
	case crm.OpLess:
		if f != nil && isDateField(f) {
			return "b", value
		}
		return "l", value
	case crm.OpGreater:
		if f != nil && isDateField(f) {
			return "a", value
		}
		return "g", value
	}
	code = map[string]string{
		crm.OpStartsWith: "s", crm.OpEndsWith: "ew", crm.OpContains: "c", crm.OpNotContains: "k",
		crm.OpLessOrEqual: "m", crm.OpGreaterOrEqual: "h",
	}[c.Op]
	return code, value
}

func splitValues(s string) []string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// isDateField reports whether f holds a date or a date and time.
func isDateField(f *crm.Field) bool {
	return f.Type() == "D" || f.Type() == "DT" || f.UIType == 70
}

// isNumberField reports whether f holds a number.
func isNumberField(f *crm.Field) bool {
	switch f.Type() {
	case "N", "NN", "I":
		return !isOwner(f) && !isReference(f) && f.Picklist == ""
	}
	return f.UIType == 7 || f.UIType == 9 || f.UIType == 71 || f.UIType == 72
}

// condProblem says what is wrong with one condition, or "".
func condProblem(f *crm.Field, code, value string) string {
	if !knownChoice(filterOps, code) && code != betweenOp.Code {
		return "Choose a comparison."
	}
	if value == "" {
		if code == "e" || code == "n" {
			return "" // vtiger's test for an empty field
		}
		return "Enter a value to compare with."
	}
	if (code == "b" || code == "a") && !isDateField(f) {
		return "Before and after compare dates; use less than or greater than."
	}
	if code == "bw" && len(splitValues(value)) != 2 {
		return "Enter two values separated by a comma."
	}
	switch code {
	case "s", "ew", "c", "k":
		return "" // text comparisons take any text
	}
	for _, v := range splitValues(value) {
		switch {
		case isDateField(f) && !isDate(v, f.Type() != "D"):
			return "Enter a date as YYYY-MM-DD."
		case isNumberField(f) && !isNumber(v):
			return "Enter a number."
		}
	}
	return ""
}

func isDate(v string, timeToo bool) bool {
	if _, err := time.Parse(time.DateOnly, v); err == nil {
		return true
	}
	_, err := time.Parse(time.DateTime, v)
	return timeToo && err == nil
}

func isNumber(v string) bool {
	n, err := strconv.ParseFloat(v, 64)
	return err == nil && !math.IsNaN(n) && !math.IsInf(n, 0)
}
