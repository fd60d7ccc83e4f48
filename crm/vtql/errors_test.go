package vtql

import (
	"errors"
	"testing"
)

// errorTests lists malformed queries with the position and exact message
// the parser must report; the fuzz test reuses them as seeds.
var errorTests = []struct {
	name string
	in   string
	pos  int
	msg  string
}{
	{"empty", "", 0, `expected SELECT, found end of query`},
	{"not select", "UPDATE Accounts;", 0, `expected SELECT, found "UPDATE"`},
	{"missing from", "SELECT * Accounts;", 9, `expected FROM, found "Accounts"`},
	{"missing from after fields", "SELECT a, b Accounts;", 12, `expected FROM, found "Accounts"`},
	{"missing module", "SELECT * FROM;", 13, `expected module name, found ";"`},
	{"keyword as module", "SELECT * FROM where;", 14, `expected module name, found keyword WHERE`},
	{"empty select list", "SELECT FROM Accounts;", 7, `expected "*", count(*) or field name, found keyword FROM`},
	{"trailing comma in fields", "SELECT a, FROM Accounts;", 10, `expected "*", count(*) or field name, found keyword FROM`},
	{"star and field", "SELECT *, a FROM Accounts;", 8, `expected FROM, found ","`},
	{"count of field", "SELECT count(a) FROM Accounts;", 13, `expected "*", found "a"`},
	{"count unclosed", "SELECT count(* FROM Accounts;", 15, `expected ")", found keyword FROM`},
	{"missing semicolon", "SELECT * FROM Accounts", 22, `missing ";" at end of query`},
	{"missing semicolon after limit", "SELECT * FROM Accounts LIMIT 5", 30, `missing ";" at end of query`},
	{"trailing garbage after module", "SELECT * FROM Accounts foo;", 23, `expected WHERE, ORDER BY, LIMIT or ";", found "foo"`},
	{"trailing garbage after where", "SELECT * FROM A WHERE a = 1 b = 2;", 28, `expected AND, OR, ORDER BY, LIMIT or ";", found "b"`},
	{"trailing garbage after order", "SELECT * FROM A ORDER BY a b;", 27, `expected ASC, DESC, ",", LIMIT or ";", found "b"`},
	{"trailing garbage after limit", "SELECT * FROM A LIMIT 1, 2, 3;", 26, `expected ";", found ","`},
	{"garbage after semicolon", "SELECT * FROM A; DROP TABLE x;", 17, `unexpected "DROP" after ";"`},
	{"second semicolon", "SELECT * FROM A;;", 16, `unexpected ";" after ";"`},
	{"where without condition", "SELECT * FROM A WHERE;", 21, `expected field name or "(", found ";"`},
	{"bad operator word", "SELECT * FROM A WHERE a BETWEEN 1;", 24, `expected operator (=, !=, <>, <, >, <=, >=, LIKE, NOT LIKE, IN, NOT IN) after field a, found "BETWEEN"`},
	{"bad operator double equals", "SELECT * FROM A WHERE a == 1;", 25, `expected value, found "="`},
	{"bad operator char", "SELECT * FROM A WHERE a ~ 1;", 24, `unexpected character '~'`},
	{"lone bang", "SELECT * FROM A WHERE a ! 1;", 24, `unexpected character '!' (did you mean "!="?)`},
	{"not without like", "SELECT * FROM A WHERE a NOT = 1;", 28, `expected LIKE or IN after NOT, found "="`},
	{"missing value", "SELECT * FROM A WHERE a = ;", 26, `expected value, found ";"`},
	{"keyword as value", "SELECT * FROM A WHERE a = AND;", 26, `expected value, found keyword AND`},
	{"dangling or", "SELECT * FROM A WHERE a = 1 OR;", 30, `expected field name or "(", found ";"`},
	{"long token shortened", "SELECT * FROM A WHERE a = 1 'abcdefghijklmnopqrstuvwxyz';", 28, `expected AND, OR, ORDER BY, LIMIT or ";", found "'abcdefghijklmnopqrst..."`},
	{"dangling and", "SELECT * FROM A WHERE a = 1 AND;", 31, `expected field name or "(", found ";"`},
	{"unterminated single", "SELECT * FROM A WHERE a = 'abc;", 26, `unterminated string`},
	{"unterminated double", `SELECT * FROM A WHERE a = "abc\";`, 26, `unterminated string`},
	{"unterminated trailing backslash", `SELECT * FROM A WHERE a = 'abc\`, 26, `unterminated string`},
	{"unbalanced open paren", "SELECT * FROM A WHERE (a = 1;", 28, `expected ")", found ";"`},
	{"unbalanced close paren", "SELECT * FROM A WHERE a = 1);", 27, `expected AND, OR, ORDER BY, LIMIT or ";", found ")"`},
	{"empty parens", "SELECT * FROM A WHERE ();", 23, `expected field name or "(", found ")"`},
	{"empty in list", "SELECT * FROM A WHERE a IN ();", 28, `empty IN list`},
	{"in without parens", "SELECT * FROM A WHERE a IN 1;", 27, `expected "(", found "1"`},
	{"in trailing comma", "SELECT * FROM A WHERE a IN (1,);", 30, `expected value, found ")"`},
	{"in unclosed", "SELECT * FROM A WHERE a IN (1 2);", 30, `expected "," or ")" in IN list, found "2"`},
	{"order without by", "SELECT * FROM A ORDER a;", 22, `expected BY, found "a"`},
	{"order by nothing", "SELECT * FROM A ORDER BY;", 24, `expected field name, found ";"`},
	{"limit missing", "SELECT * FROM A LIMIT;", 21, `expected non-negative integer in LIMIT, found ";"`},
	{"limit negative", "SELECT * FROM A LIMIT -1;", 22, `expected non-negative integer in LIMIT, found "-1"`},
	{"limit negative count", "SELECT * FROM A LIMIT 0, -5;", 25, `expected non-negative integer in LIMIT, found "-5"`},
	{"limit decimal", "SELECT * FROM A LIMIT 1.5;", 22, `expected non-negative integer in LIMIT, found "1.5"`},
	{"limit quoted", "SELECT * FROM A LIMIT '5';", 22, `expected non-negative integer in LIMIT, found "'5'"`},
	{"limit above int32", "SELECT * FROM A LIMIT 2147483648;", 22, `LIMIT value "2147483648" is too large (maximum 2147483647)`},
	{"limit overflows int64", "SELECT * FROM A LIMIT 99999999999999999999999;", 22, `LIMIT value "99999999999999999999999" is too large (maximum 2147483647)`},
	{"limit before order", "SELECT * FROM A LIMIT 5 ORDER BY a;", 24, `expected ";", found keyword ORDER`},
	{"non-ascii identifier", "SELECT * FROM Accöunts;", 17, `unexpected character 'ö'`},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range errorTests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q): got %s, want error %q", tt.in, dump(q), tt.msg)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q): got error %T %v, want *SyntaxError", tt.in, err, err)
			}
			if se.Pos != tt.pos || se.Msg != tt.msg {
				t.Errorf("Parse(%q): got %q at %d, want %q at %d", tt.in, se.Msg, se.Pos, tt.msg, tt.pos)
			}
		})
	}
}

func TestParseNestingLimit(t *testing.T) {
	deep := "SELECT * FROM A WHERE "
	for range maxDepth + 1 {
		deep += "("
	}
	_, err := Parse(deep + "a = 1;")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Msg != "conditions nested too deeply" {
		t.Errorf("got %v, want conditions nested too deeply", err)
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := Parse("SELECT * Accounts;")
	want := `expected FROM, found "Accounts" at position 9`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
