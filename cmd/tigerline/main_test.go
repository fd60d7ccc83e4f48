package main

import (
	"bytes"
	"context"
	"net"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

// tl runs the CLI in-process and returns its output and one-line error.
func tl(t *testing.T, stdin string, args ...string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"--log-level", "warn"}, args...), strings.NewReader(stdin), &out, &errOut)
	if err != nil {
		return out.String(), errorLine(err)
	}
	return out.String(), ""
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestClearOneLineErrors(t *testing.T) {
	down := freePort(t)
	dsn, err := mysql.WithDatabase(mysqltest.ServerDSN(), "tltest_missing_db")
	if err != nil {
		t.Fatal(err)
	}
	wrongUser, _ := mysql.WithDatabase("nobody:wrong@tcp(127.0.0.1:3306)/", "x")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"bad DSN", []string{"--db", "not a dsn", "migrate"}, "bad database DSN"},
		{"database down", []string{"--db", "root@tcp(" + down + ")/x", "migrate"}, "connection refused (is MariaDB/MySQL running?)"},
		{"wrong credentials", []string{"--db", wrongUser, "migrate"}, "refused user \"nobody\""},
		{"database missing", []string{"--db", dsn, "user", "list"}, "run `tigerline migrate`"},
		{"bad log level", []string{"--log-level", "loud", "migrate"}, "bad log level"},
		{"bad redis URL", []string{"--redis", "mongodb://x", "--db", "root@tcp(" + down + ")/x", "serve"}, "bad redis URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msg := tl(t, "", tt.args...)
			if msg == "" {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			if !strings.Contains(msg, tt.want) {
				t.Errorf("got %q, want it to contain %q", msg, tt.want)
			}
		})
	}
}

func TestListenPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = listen(ln.Addr().String())
	if err == nil || !strings.Contains(err.Error(), "address already in use") || !strings.Contains(err.Error(), "--http") {
		t.Errorf("got %v, want a port-in-use message naming --http", err)
	}
}

func TestMigrateAndUsers(t *testing.T) {
	dsn := mysqltest.Scratch(t, "cli")
	out, msg := tl(t, "", "--db", dsn, "migrate")
	if msg != "" || !strings.Contains(out, "built a fresh database") {
		t.Fatalf("migrate: out %q err %q", out, msg)
	}
	if out, _ := tl(t, "", "--db", dsn, "migrate"); !strings.Contains(out, "up to date") {
		t.Errorf("second migrate: got %q, want up to date", out)
	}
	if _, msg := tl(t, "secret-pass\n", "--db", dsn, "user", "add", "amy", "--first-name", "Amy", "--extension", "101"); msg != "" {
		t.Fatalf("user add: %s", msg)
	}
	if _, msg := tl(t, "secret-pass\n", "--db", dsn, "user", "add", "amy"); !strings.Contains(msg, "taken") {
		t.Errorf("duplicate user: got %q, want taken", msg)
	}
	if _, msg := tl(t, "short\n", "--db", dsn, "user", "passwd", "amy"); !strings.Contains(msg, "too short") {
		t.Errorf("short password: got %q", msg)
	}
	if _, msg := tl(t, "another-pass\n", "--db", dsn, "user", "passwd", "amy"); msg != "" {
		t.Errorf("passwd: %s", msg)
	}
	out, _ = tl(t, "", "--db", dsn, "user", "list")
	if !strings.Contains(out, "amy") || !strings.Contains(out, "101") || !strings.Contains(out, "admin") {
		t.Errorf("user list: got %q", out)
	}
	if out, msg := tl(t, "", "--db", dsn, "role", "add", "Support Agent", "--parent", "H4", "--profile", "Support Profile"); msg != "" || !strings.Contains(out, "created role H6") {
		t.Errorf("role add: out %q err %q", out, msg)
	}
	if _, msg := tl(t, "", "--db", dsn, "role", "add", "Team", "--parent", "H42"); !strings.Contains(msg, `no role "H42"`) {
		t.Errorf("role add under an unknown parent: got %q", msg)
	}
	if out, _ := tl(t, "", "--db", dsn, "role", "list"); !strings.Contains(out, "Support Agent") || !strings.Contains(out, "H1::H2::H3::H4::H6") {
		t.Errorf("role list: got %q", out)
	}
	if _, msg := tl(t, "ben-secret-1\n", "--db", dsn, "user", "add", "ben", "--extension", "102", "--role", "H6"); msg != "" {
		t.Errorf("user add with the new role: %s", msg)
	}
	db, err := mysql.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := mysql.NewUserService(db).Authenticate(context.Background(), "amy", "another-pass"); err != nil {
		t.Errorf("amy logs in with the new password: %v", err)
	}
}
