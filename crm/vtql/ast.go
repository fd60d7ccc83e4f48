package vtql

// Operators a Cond may carry. The parser normalizes "<>" to OpNe and
// upper-cases keyword operators, so consumers compare against these only.
const (
	OpEq      = "="
	OpNe      = "!="
	OpLt      = "<"
	OpGt      = ">"
	OpLe      = "<="
	OpGe      = ">="
	OpLike    = "LIKE"
	OpNotLike = "NOT LIKE"
	OpIn      = "IN"
	OpNotIn   = "NOT IN"
)

// Logical connectives a Logic node may carry.
const (
	OpAnd = "AND"
	OpOr  = "OR"
)

// Query is a parsed VTQL statement.
type Query struct {
	// Module is the webservice module name as written, e.g. "Accounts".
	Module string
	// Count is set for SELECT count(*).
	Count bool
	// Star is set for SELECT *.
	Star bool
	// Fields lists the selected fields in order; nil when Count or Star.
	Fields []string
	// Where is the condition tree, nil when the query has no WHERE.
	Where Expr
	// OrderBy lists the sort keys in order; nil when absent.
	OrderBy []Order
	// Limit is nil when the query has no LIMIT clause.
	Limit *Limit
}

// Order is one ORDER BY key.
type Order struct {
	Field string
	Desc  bool
}

// Limit is a LIMIT clause; Offset is 0 when only a count was given.
type Limit struct {
	Offset int
	Count  int
}

// Expr is a WHERE condition tree: either a *Cond or a *Logic. The
// unexported method keeps the set closed so translators can be exhaustive.
type Expr interface {
	// String renders the expression back as VTQL.
	String() string
	expr()
}

// Cond is a single comparison. Values holds exactly one value except for
// OpIn and OpNotIn, which hold at least one.
type Cond struct {
	Field  string
	Op     string
	Values []string
}

// Logic joins two conditions with OpAnd or OpOr. Chains parse
// left-associatively: a AND b AND c is Logic{AND, Logic{AND, a, b}, c}.
type Logic struct {
	Op    string
	Left  Expr
	Right Expr
}

func (*Cond) expr()  {}
func (*Logic) expr() {}
