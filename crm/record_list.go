package crm

import "context"

// Operators of a list Condition. Text comparisons follow the column's
// collation (vtiger's utf8 general_ci: case-insensitive).
const (
	OpEquals         = "equals"
	OpNotEquals      = "not equals"
	OpContains       = "contains"
	OpNotContains    = "does not contain"
	OpStartsWith     = "starts with"
	OpEndsWith       = "ends with"
	OpLess           = "less"
	OpGreater        = "greater"
	OpLessOrEqual    = "less or equal"
	OpGreaterOrEqual = "greater or equal"
	OpBetween        = "between"
	OpEmpty          = "empty"
	OpNotEmpty       = "not empty"
	OpIn             = "in"
	OpNotIn          = "not in"
)

// TotalCap is where a list's count stops (see RecordPage.Total).
const TotalCap = 10000

// List paging bounds: a page without a Limit has DefaultListLimit rows (as
// vtiger's list_max_entries_per_page), and no page has more than
// MaxListLimit.
const (
	DefaultListLimit = 20
	MaxListLimit     = 500
)

// Condition is one filter on a field. Values holds one value, except two
// for OpBetween (low, high, both inclusive), one or more for OpIn and
// OpNotIn, and none for OpEmpty and OpNotEmpty. Numbers are plain decimals;
// dates are YYYY-MM-DD or YYYY-MM-DD HH:MM:SS. A date-only value on a
// date-time field stands for that whole day.
type Condition struct {
	Field  string
	Op     string
	Values []string
}

// FilterGroup is a set of conditions that all match (or, with MatchAny,
// at least one matches): one group of vtiger's advanced filter.
type FilterGroup struct {
	Conditions []Condition
	MatchAny   bool
}

// ListQuery selects a page of a module's live records.
type ListQuery struct {
	// Filters and MatchAny are the caller's own conditions.
	Filters  []Condition
	MatchAny bool
	// Groups are further condition groups (a saved filter's), joined with
	// each other by AND, or OR with GroupsMatchAny, and with Filters by AND.
	Groups         []FilterGroup
	GroupsMatchAny bool
	// Sort is a field name; "" sorts by modified time, newest first.
	Sort string
	Desc bool
	// Offset and Limit page the result; Limit 0 means DefaultListLimit.
	Offset int
	Limit  int
	// Columns lists the fields to return; nil means the columns of the
	// module's default custom view.
	Columns []string
	// SkipTotal saves the COUNT query when the caller needs no total.
	SkipTotal bool
}

// RecordPage is one page of a list.
type RecordPage struct {
	Module string
	// Columns are the fields each record's Values holds, in order. Values
	// also holds the module's name fields, which make Label.
	Columns []string
	Records []*Record
	// Total counts every match, or is -1 when the query skipped it. It
	// stops at TotalCap+1: counting a million rows takes longer than an
	// agent should wait for a page, and "over 10,000" says enough.
	Total int
	// TotalCapped is true when there are more than TotalCap matches.
	TotalCapped bool
	Offset      int
	Limit       int
}

// Custom view statuses, as vtiger stores them in vtiger_customview.status.
const (
	ViewDefault = 0 // the built-in "All" view of a module, seen by all
	ViewPrivate = 1 // seen by its owner (and admins)
	ViewPending = 2 // a non-admin asked for it to be public
	ViewPublic  = 3 // seen by every user
)

// CustomView is a saved list filter (vtiger_customview with its columns,
// standard date filter and advanced filter groups).
type CustomView struct {
	ID      int
	Name    string
	Module  string
	Default bool // setdefault: the module's list opens with it
	Metrics bool // setmetrics: shown among the home page's key metrics
	Status  int
	OwnerID int64
	// Columns lists field names in display order.
	Columns []string
	// DateFilter is vtiger's standard filter, nil when the view has none.
	DateFilter *DateFilter
	// Groups and GroupsMatchAny are the advanced filter.
	Groups         []FilterGroup
	GroupsMatchAny bool
}

// DateFilter restricts a date field to a range: a named vtiger range
// ("today", "thisweek", "last30days", ...) worked out when the view runs,
// or "custom" with Start and End (YYYY-MM-DD).
type DateFilter struct {
	Field string
	Range string
	Start string
	End   string
}

// SearchHit is one record found by a global search.
type SearchHit struct {
	ID    int64
	Label string
	// Field names the field that matched, Value its content.
	Field string
	Value string
}

// SearchResult holds one module's hits; More reports that the module has
// more matches than the limit let through.
type SearchResult struct {
	Module string
	Hits   []SearchHit
	More   bool
}

// VTQLResult is the answer to a VTQL query: rows keyed by field name, as
// vtiger's webservice query returns them. A count(*) query returns one row
// with the key "count".
type VTQLResult struct {
	Module string
	Fields []string
	Rows   []map[string]string
}

// RecordLister reads lists of records: filtered pages, saved filters,
// global search and VTQL.
type RecordLister interface {
	// FindRecords returns a page of a module's live records. Errors:
	// not_found (module), invalid (with Fields: unknown fields, bad
	// operators or values).
	FindRecords(ctx context.Context, actor *User, module string, q ListQuery) (*RecordPage, error)
	// CustomViews lists the saved filters of a module that actor may use.
	// Errors: not_found (module).
	CustomViews(ctx context.Context, actor *User, module string) ([]*CustomView, error)
	// CustomView returns one saved filter. Errors: not_found.
	CustomView(ctx context.Context, id int) (*CustomView, error)
	// CreateCustomView saves a new filter owned by actor. Errors: invalid,
	// not_found (module).
	CreateCustomView(ctx context.Context, actor *User, cv *CustomView) (*CustomView, error)
	// UpdateCustomView replaces a filter's name, flags, columns and
	// conditions. Errors: invalid, not_found, forbidden.
	UpdateCustomView(ctx context.Context, actor *User, cv *CustomView) (*CustomView, error)
	// DeleteCustomView deletes a filter. Errors: not_found, forbidden.
	DeleteCustomView(ctx context.Context, actor *User, id int) error
	// ListQueryFromView turns a saved filter into a query for FindRecords.
	ListQueryFromView(cv *CustomView) ListQuery
	// SearchRecords finds records whose name, email, phone or record
	// number starts with text, across modules (nil: every module), at
	// most limit per module. Errors: invalid.
	SearchRecords(ctx context.Context, actor *User, text string, modules []string, limit int) ([]SearchResult, error)
	// QueryVTQL runs a VTQL query. Errors: invalid (syntax, unknown
	// field), not_found (module).
	QueryVTQL(ctx context.Context, actor *User, query string) (VTQLResult, error)
}
