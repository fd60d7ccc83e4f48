package vtql

import (
	"reflect"
	"strings"
	"testing"
)

// permissive resolves every field to one fixed column, so any text in the
// generated SQL other than sqlWords must have leaked from the query.
type permissive struct{}

func (permissive) Column(string) (string, bool) { return "t.col", true }

// sqlWords is everything WhereSQL may write besides "(", ")" and ",".
var sqlWords = map[string]bool{
	"t.col": true, "?": true, "AND": true, "OR": true, "NOT": true,
	"LIKE": true, "IN": true, "=": true, "!=": true, "<": true, ">": true,
	"<=": true, ">=": true,
}

func FuzzParse(f *testing.F) {
	for _, tt := range whereTests {
		f.Add("SELECT * FROM Accounts WHERE " + tt.where + " ORDER BY a DESC LIMIT 3, 4;")
	}
	for _, tt := range errorTests {
		f.Add(tt.in)
	}
	for _, v := range injections {
		f.Add("SELECT a FROM M WHERE a = " + quote(v) + ";")
	}
	f.Add("select count(*) from Leads where a in (1, 'x', \"y\") or b not like '\\%';")
	f.Fuzz(func(t *testing.T, in string) {
		q, err := Parse(in)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("Parse(%q): got error type %T, want *SyntaxError", in, err)
			}
			return
		}
		checkWhereSQL(t, in, q)
		if _, err := q.OrderSQL(permissive{}); err != nil {
			t.Fatalf("OrderSQL of %q: got error %v, want nil", in, err)
		}
		back, err := Parse(q.String())
		if err != nil || !reflect.DeepEqual(back, q) {
			t.Fatalf("round trip of %q via %q: got %s, %v, want %s", in, q.String(), dump(back), err, dump(q))
		}
	})
}

// checkWhereSQL asserts the SQL holds only known words and one "?" per
// argument.
func checkWhereSQL(t *testing.T, in string, q *Query) {
	t.Helper()
	sql, args, err := q.WhereSQL(permissive{})
	if err != nil {
		t.Fatalf("WhereSQL of %q: got error %v, want nil", in, err)
	}
	words := strings.Fields(strings.NewReplacer("(", " ", ")", " ", ",", " ").Replace(sql))
	for _, w := range words {
		if !sqlWords[w] {
			t.Fatalf("WhereSQL of %q: got word %q in %q, want only resolver columns, ? and operators", in, w, sql)
		}
	}
	if n := strings.Count(sql, "?"); n != len(args) {
		t.Fatalf("WhereSQL of %q: got %d placeholders in %q, want %d (len(args))", in, n, sql, len(args))
	}
}
