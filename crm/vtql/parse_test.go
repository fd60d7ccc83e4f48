package vtql

import (
	"reflect"
	"testing"
)

func TestParseClauses(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want *Query
	}{
		{"star", "SELECT * FROM Accounts;", &Query{Module: "Accounts", Star: true}},
		{"count", "select count(*) from Leads;", &Query{Module: "Leads", Count: true}},
		{"count spaced upper", "SELECT COUNT ( * ) FROM Leads ;", &Query{Module: "Leads", Count: true}},
		{"fields", "SELECT accountname, website,id FROM Accounts;",
			&Query{Module: "Accounts", Fields: []string{"accountname", "website", "id"}}},
		{"field named count", "SELECT count FROM Accounts;",
			&Query{Module: "Accounts", Fields: []string{"count"}}},
		{"mixed case keywords", "sElEcT * FrOm Contacts wHeRe a = 1 OrDeR bY a DeSc LiMiT 5;",
			&Query{Module: "Contacts", Star: true, Where: &Cond{Field: "a", Op: OpEq, Values: []string{"1"}},
				OrderBy: []Order{{Field: "a", Desc: true}}, Limit: &Limit{Count: 5}}},
		{"newlines and tabs", "SELECT *\n\tFROM Accounts\r\n;\n",
			&Query{Module: "Accounts", Star: true}},
		{"order by several", "SELECT * FROM Accounts ORDER BY a, b ASC, c DESC;",
			&Query{Module: "Accounts", Star: true, OrderBy: []Order{{Field: "a"}, {Field: "b"}, {Field: "c", Desc: true}}}},
		{"limit count", "SELECT * FROM Accounts LIMIT 10;",
			&Query{Module: "Accounts", Star: true, Limit: &Limit{Count: 10}}},
		{"limit offset count", "SELECT * FROM Accounts LIMIT 20, 10;",
			&Query{Module: "Accounts", Star: true, Limit: &Limit{Offset: 20, Count: 10}}},
		{"limit zero", "SELECT * FROM Accounts LIMIT 0;",
			&Query{Module: "Accounts", Star: true, Limit: &Limit{}}},
		{"limit above max parses", "SELECT * FROM Accounts LIMIT 5000;",
			&Query{Module: "Accounts", Star: true, Limit: &Limit{Count: 5000}}},
		{"limit int32 max", "SELECT * FROM Accounts LIMIT 2147483647, 1;",
			&Query{Module: "Accounts", Star: true, Limit: &Limit{Offset: 2147483647, Count: 1}}},
		{"all clauses", "SELECT accountname FROM Accounts WHERE website LIKE '%.com' ORDER BY accountname LIMIT 1, 2;",
			&Query{Module: "Accounts", Fields: []string{"accountname"},
				Where:   &Cond{Field: "website", Op: OpLike, Values: []string{"%.com"}},
				OrderBy: []Order{{Field: "accountname"}}, Limit: &Limit{Offset: 1, Count: 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): got error %v, want nil", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q):\ngot  %s\nwant %s", tt.in, dump(got), dump(tt.want))
			}
		})
	}
}

// whereTests pairs a WHERE clause with the fully parenthesized tree the
// parser must build; the fuzz test reuses them as seeds.
var whereTests = []struct {
	name  string
	where string
	want  string
}{
	{"eq", "a = 1", `a = "1"`},
	{"ne bang", "a != 1", `a != "1"`},
	{"ne angle normalized", "a <> 1", `a != "1"`},
	{"lt", "a < 1", `a < "1"`},
	{"gt", "a > 1", `a > "1"`},
	{"le", "a <= 1", `a <= "1"`},
	{"ge", "a >= 1", `a >= "1"`},
	{"no spaces", "a>=1", `a >= "1"`},
	{"like", "a LIKE 'x%'", `a LIKE "x%"`},
	{"like lower", "a like 'x%'", `a LIKE "x%"`},
	{"not like", "a NOT LIKE '%y'", `a NOT LIKE "%y"`},
	{"in", "a IN ('1', 2, three)", `a IN "1","2","three"`},
	{"in single", "a in ('1')", `a IN "1"`},
	{"not in", "a not in (1,2)", `a NOT IN "1","2"`},
	{"webservice id", "id = '11x42'", `id = "11x42"`},
	{"unquoted webservice id", "id = 11x42", `id = "11x42"`},
	{"unquoted word", "a = Open", `a = "Open"`},
	{"negative decimal", "a > -3.25", `a > "-3.25"`},
	{"double quoted", `a = "it's"`, `a = "it's"`},
	{"empty string", "a = ''", `a = ""`},
	{"doubled single quote", "a = 'O''Brien'", `a = "O'Brien"`},
	{"doubled double quote", `a = "say ""hi"""`, `a = "say \"hi\""`},
	{"backslash quote", `a = 'O\'Brien'`, `a = "O'Brien"`},
	{"backslash escapes", `a = '\\ \n\t\r\0\Z\b\x'`, `a = "\\ \n\t\r\x00\x1a\bx"`},
	{"like escapes kept", `a LIKE '100\%\_'`, `a LIKE "100\\%\\_"`},
	{"and", "a = 1 AND b = 2", `(a = "1" AND b = "2")`},
	{"or", "a = 1 OR b = 2", `(a = "1" OR b = "2")`},
	{"and left assoc", "a = 1 AND b = 2 AND c = 3", `((a = "1" AND b = "2") AND c = "3")`},
	{"and binds tighter right", "a = 1 OR b = 2 AND c = 3", `(a = "1" OR (b = "2" AND c = "3"))`},
	{"and binds tighter left", "a = 1 AND b = 2 OR c = 3", `((a = "1" AND b = "2") OR c = "3")`},
	{"parens override", "(a = 1 OR b = 2) AND c = 3", `((a = "1" OR b = "2") AND c = "3")`},
	{"parens right", "a = 1 AND (b = 2 OR c = 3)", `(a = "1" AND (b = "2" OR c = "3"))`},
	{"redundant parens", "((a = 1))", `a = "1"`},
	{"mixed", "a = 1 AND (b LIKE 'x' OR c IN (1, 2)) or d <> 'z'",
		`((a = "1" AND (b LIKE "x" OR c IN "1","2")) OR d != "z")`},
}

func TestParseWhere(t *testing.T) {
	for _, tt := range whereTests {
		t.Run(tt.name, func(t *testing.T) {
			in := "SELECT * FROM Accounts WHERE " + tt.where + ";"
			q, err := Parse(in)
			if err != nil {
				t.Fatalf("Parse(%q): got error %v, want nil", in, err)
			}
			if got := tree(q.Where); got != tt.want {
				t.Errorf("Parse(%q): got %s, want %s", in, got, tt.want)
			}
		})
	}
}

// TestStringRoundTrip checks that String renders VTQL parsing back to an
// equal Query, including shapes the minimal parenthesization must keep.
func TestStringRoundTrip(t *testing.T) {
	ins := []string{
		"SELECT a, b FROM M WHERE a = 1 AND (b = 2 AND c = 3) ORDER BY a DESC, b LIMIT 3, 4;",
		"SELECT count(*) FROM M WHERE (a = 1 OR b = 2) OR c = 3 LIMIT 0, 7;",
		"SELECT * FROM M WHERE a = 1 OR (b = 2 OR c = 3) AND d NOT IN ('x\\\\', 'y''');",
	}
	for _, tt := range whereTests {
		ins = append(ins, "SELECT * FROM M WHERE "+tt.where+";")
	}
	for _, in := range ins {
		q, err := Parse(in)
		if err != nil {
			t.Fatalf("Parse(%q): got error %v, want nil", in, err)
		}
		s := q.String()
		back, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(String()) of %q = %q: got error %v, want nil", in, s, err)
		}
		if !reflect.DeepEqual(back, q) {
			t.Errorf("round trip of %q via %q:\ngot  %s\nwant %s", in, s, dump(back), dump(q))
		}
	}
}
