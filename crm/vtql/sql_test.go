package vtql

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestWhereSQL(t *testing.T) {
	tests := []struct {
		name  string
		where string
		sql   string
		args  []any
	}{
		{"none", "", "", nil},
		{"eq", "WHERE accountname = 'Acme'", "vtiger_account.accountname = ?", []any{"Acme"}},
		{"ne normalized", "WHERE a <> 1", "t.a != ?", []any{"1"}},
		{"every comparison", "WHERE a = 1 AND a != 2 AND a < 3 AND a > 4 AND a <= 5 AND a >= 6",
			"(t.a = ? AND t.a != ? AND t.a < ? AND t.a > ? AND t.a <= ? AND t.a >= ?)",
			[]any{"1", "2", "3", "4", "5", "6"}},
		{"like and not like", "WHERE a LIKE 'x%' OR b NOT LIKE '%y'",
			"(t.a LIKE ? OR t.b NOT LIKE ?)", []any{"x%", "%y"}},
		{"in and not in", "WHERE a IN (1, '2', three) AND b NOT IN ('z')",
			"(t.a IN (?, ?, ?) AND t.b NOT IN (?))", []any{"1", "2", "three", "z"}},
		{"brief example", "WHERE a = 1 AND (b LIKE 'x' OR c IN (1, 2))",
			"(t.a = ? AND (t.b LIKE ? OR t.c IN (?, ?)))", []any{"1", "x", "1", "2"}},
		{"precedence", "WHERE a = 1 OR b = 2 AND c = 3",
			"(t.a = ? OR (t.b = ? AND t.c = ?))", []any{"1", "2", "3"}},
		{"parens kept", "WHERE (a = 1 OR b = 2) AND c = 3",
			"((t.a = ? OR t.b = ?) AND t.c = ?)", []any{"1", "2", "3"}},
		{"same op flattened", "WHERE a = 1 AND (b = 2 AND c = 3)",
			"(t.a = ? AND t.b = ? AND t.c = ?)", []any{"1", "2", "3"}},
		{"webservice id", "WHERE id = '11x42'", "vtiger_crmentity.crmid = ?", []any{"11x42"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse("SELECT * FROM Accounts " + tt.where + ";")
			if err != nil {
				t.Fatalf("Parse: got error %v, want nil", err)
			}
			sql, args, err := q.WhereSQL(testResolver)
			if err != nil {
				t.Fatalf("WhereSQL: got error %v, want nil", err)
			}
			if sql != tt.sql {
				t.Errorf("sql: got %q, want %q", sql, tt.sql)
			}
			if !reflect.DeepEqual(args, tt.args) {
				t.Errorf("args: got %q, want %q", args, tt.args)
			}
		})
	}
}

func TestUnknownField(t *testing.T) {
	tests := []struct {
		name string
		in   string
		sql  func(*Query) error
	}{
		{"where", "SELECT * FROM A WHERE a = 1 AND password = 'x';", func(q *Query) error {
			_, _, err := q.WhereSQL(testResolver)
			return err
		}},
		{"order by", "SELECT * FROM A ORDER BY a, password;", func(q *Query) error {
			_, err := q.OrderSQL(testResolver)
			return err
		}},
		{"empty column", "SELECT * FROM A WHERE password = 1;", func(q *Query) error {
			_, _, err := q.WhereSQL(mapResolver{"password": ""})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): got error %v, want nil", tt.in, err)
			}
			err = tt.sql(q)
			var ufe *UnknownFieldError
			if !errors.As(err, &ufe) || ufe.Field != "password" {
				t.Fatalf("got error %v, want unknown field password", err)
			}
			if want := `unknown field "password"`; err.Error() != want {
				t.Errorf("got message %q, want %q", err.Error(), want)
			}
		})
	}
}

// TestWhereSQLRejectsHandBuilt checks the translator's own allowlist: a
// Query assembled in code must not smuggle text into SQL through Op.
func TestWhereSQLRejectsHandBuilt(t *testing.T) {
	a := &Cond{Field: "a", Op: OpEq, Values: []string{"1"}}
	tests := []struct {
		name  string
		where Expr
	}{
		{"bad cond op", &Cond{Field: "a", Op: "= 1 OR 1=1 --", Values: []string{"1"}}},
		{"bad logic op", &Logic{Op: "OR 1=1 OR", Left: a, Right: a}},
		{"no values", &Cond{Field: "a", Op: OpEq}},
		{"two values for eq", &Cond{Field: "a", Op: OpEq, Values: []string{"1", "2"}}},
		{"empty in", &Cond{Field: "a", Op: OpIn}},
		{"nil child", &Logic{Op: OpAnd, Left: a}},
		{"nil cond", (*Cond)(nil)},
		{"nil logic", (*Logic)(nil)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := &Query{Module: "A", Star: true, Where: tt.where}
			sql, args, err := q.WhereSQL(testResolver)
			if err == nil {
				t.Errorf("got %q %q, want error", sql, args)
			}
		})
	}
}

func TestOrderSQL(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"SELECT * FROM A;", ""},
		{"SELECT * FROM A ORDER BY accountname;", "vtiger_account.accountname ASC"},
		{"SELECT * FROM A ORDER BY accountname asc, modifiedtime desc;",
			"vtiger_account.accountname ASC, vtiger_crmentity.modifiedtime DESC"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): got error %v, want nil", tt.in, err)
		}
		got, err := q.OrderSQL(testResolver)
		if err != nil || got != tt.want {
			t.Errorf("OrderSQL of %q: got %q, %v, want %q, nil", tt.in, got, err, tt.want)
		}
	}
}

func TestPage(t *testing.T) {
	tests := []struct {
		in            string
		offset, count int
	}{
		{"SELECT * FROM A;", 0, MaxLimit},
		{"SELECT * FROM A LIMIT 10;", 0, 10},
		{"SELECT * FROM A LIMIT 0;", 0, 0},
		{"SELECT * FROM A LIMIT 100;", 0, 100},
		{"SELECT * FROM A LIMIT 101;", 0, 100},
		{"SELECT * FROM A LIMIT 300, 5000;", 300, 100},
		{"SELECT * FROM A LIMIT 2147483647, 2147483647;", 2147483647, 100},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Fatalf("Parse(%q): got error %v, want nil", tt.in, err)
		}
		if o, c := q.Page(); o != tt.offset || c != tt.count {
			t.Errorf("Page of %q: got %d, %d, want %d, %d", tt.in, o, c, tt.offset, tt.count)
		}
	}
}

// injections are hostile values; each must come back as one argument and
// leave no trace in the SQL text.
var injections = []string{
	`x' OR 1=1 --`,
	`"); DROP TABLE vtiger_users; --`,
	`' UNION SELECT user_password FROM vtiger_users WHERE '1'='1`,
	`\'; DELETE FROM vtiger_crmentity; #`,
	"a\x00b/* */",
}

func TestInjection(t *testing.T) {
	for _, v := range injections {
		for _, op := range []string{"=", "LIKE", "IN"} {
			lit := quote(v)
			if op == "IN" {
				lit = "(" + lit + ", " + lit + ")"
			}
			in := "SELECT * FROM Accounts WHERE accountname " + op + " " + lit + ";"
			q, err := Parse(in)
			if err != nil {
				t.Fatalf("Parse(%q): got error %v, want nil", in, err)
			}
			sql, args, err := q.WhereSQL(testResolver)
			if err != nil {
				t.Fatalf("WhereSQL of %q: got error %v, want nil", in, err)
			}
			want := "vtiger_account.accountname " + op + " ?"
			if op == "IN" {
				want = "vtiger_account.accountname IN (?, ?)"
			}
			if sql != want {
				t.Errorf("sql of %q: got %q, want %q", in, sql, want)
			}
			for i, a := range args {
				if a != v {
					t.Errorf("arg %d of %q: got %q, want %q", i, in, a, v)
				}
			}
			if strings.ContainsAny(sql, `'";-#/`) {
				t.Errorf("sql of %q: got %q, want no quote or comment characters", in, sql)
			}
		}
	}
}

// TestInjectionDoubleQuoted feeds the second sample in the form a client
// would write it, inside double quotes, where the embedded ) and ; are
// plain characters.
func TestInjectionDoubleQuoted(t *testing.T) {
	in := `SELECT * FROM Accounts WHERE accountname = "\"); DROP TABLE vtiger_users; --";`
	q, err := Parse(in)
	if err != nil {
		t.Fatalf("Parse(%q): got error %v, want nil", in, err)
	}
	sql, args, err := q.WhereSQL(testResolver)
	if err != nil {
		t.Fatalf("WhereSQL: got error %v, want nil", err)
	}
	if want := "vtiger_account.accountname = ?"; sql != want {
		t.Errorf("sql: got %q, want %q", sql, want)
	}
	if want := []any{`"); DROP TABLE vtiger_users; --`}; !reflect.DeepEqual(args, want) {
		t.Errorf("args: got %q, want %q", args, want)
	}
}
