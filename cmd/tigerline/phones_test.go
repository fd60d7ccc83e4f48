package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/crm/phone"
)

func TestPhonesAndPBXCommands(t *testing.T) {
	dsn := mysqltest.Scratch(t, "cli")
	if _, msg := tl(t, "", "--db", dsn, "migrate"); msg != "" {
		t.Fatalf("migrate: %s", msg)
	}
	ctx := context.Background()
	db, err := mysql.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n, _ := phone.New("US")
	admin, _ := mysql.NewUserService(db).FindUserByName(ctx, "admin")
	con, err := mysql.NewRecordService(db, n, mysqltest.Logger()).CreateRecord(ctx, admin, "Contacts",
		map[string]string{"firstname": "Mei", "lastname": "Chan", "phone": "+1 (415) 555-0142"})
	if err != nil {
		t.Fatal(err)
	}

	out, msg := tl(t, "", "--db", dsn, "phones", "lookup", "--json", "+14155550142")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || msg != "" {
		t.Fatalf("lookup --json: out %q err %q (%v)", out, msg, err)
	}
	if len(got) != 1 || got[0]["module"] != "Contacts" || got[0]["crmid"] != float64(con.ID) || got[0]["name"] != "Mei Chan" || got[0]["field"] != "phone" {
		t.Errorf("lookup --json: got %v", got)
	}
	if out, _ := tl(t, "", "--db", dsn, "phones", "lookup", "--json", "+442079460000"); strings.TrimSpace(out) != "[]" {
		t.Errorf("unknown caller --json: got %q, want []", out)
	}
	if out, _ := tl(t, "", "--db", dsn, "phones", "lookup", "--country", "HK", "+1 415 555 0142"); !strings.Contains(out, "Mei Chan") {
		t.Errorf("lookup with --country HK: got %q", out)
	}
	if out, _ := tl(t, "", "--db", dsn, "phones", "lookup", "+852 2345 6789"); !strings.Contains(out, "unknown caller") {
		t.Errorf("lookup of an unknown caller: got %q", out)
	}
	if _, msg := tl(t, "", "--db", dsn, "phones", "lookup", "--country", "XX", "1"); !strings.Contains(msg, "bad --country") {
		t.Errorf("bad country: got %q", msg)
	}
	db.MustExecContext(ctx, `DELETE FROM vtiger_pbxmanager_phonelookup`)
	out, msg = tl(t, "", "--db", dsn, "phones", "reindex")
	if msg != "" || !strings.Contains(out, "1/1 records") || !strings.Contains(out, "reindexed the phone numbers of 1 records") {
		t.Errorf("reindex: out %q err %q", out, msg)
	}
	if out, _ := tl(t, "", "--db", dsn, "phones", "lookup", "4155550142"); !strings.Contains(out, "Mei Chan") {
		t.Errorf("lookup after reindex: got %q", out)
	}

	add := []string{"--db", dsn, "pbx", "add", "--name", "main", "--ami", "10.0.0.5:5038", "--user", "tl", "--inbound-context", "from-pstn", "--inbound-context", "ivr"}
	if _, msg := tl(t, "s3cret\n", append(add, "--secret-stdin")...); msg != "" {
		t.Fatalf("pbx add: %s", msg)
	}
	if _, msg := tl(t, "", append(add, "--secret", "x")...); !strings.Contains(msg, "already exists") {
		t.Errorf("pbx add twice: got %q", msg)
	}
	if _, msg := tl(t, "", "--db", dsn, "pbx", "add", "--name", "b", "--ami", "pbx", "--user", "u", "--secret", "s", "--version", "13"); !strings.Contains(msg, "address") || !strings.Contains(msg, "version") {
		t.Errorf("pbx add with bad address and version: got %q", msg)
	}
	if _, msg := tl(t, "", "--db", dsn, "pbx", "add", "--name", "ari1", "--ari", "http://10.0.0.6:8088", "--user", "tl", "--secret", "s",
		"--app", "tigerline", "--mode", "control"); msg != "" {
		t.Errorf("pbx add --ari --mode control: %s", msg)
	}
	if _, msg := tl(t, "", "--db", dsn, "pbx", "add", "--name", "ari2", "--ari", "http://10.0.0.7:8088", "--user", "tl", "--secret", "s",
		"--app", "tigerline", "--mode", "snoop"); !strings.Contains(msg, "monitor or control") {
		t.Errorf("pbx add --mode snoop: got %q, want the modes named", msg)
	}
	out, _ = tl(t, "", "--db", dsn, "pbx", "list")
	if !strings.Contains(out, "ari1") || !strings.Contains(out, "control") {
		t.Errorf("pbx list: got %q, want ari1 in control (stasis) mode", out)
	}
	if !strings.Contains(out, "main") || !strings.Contains(out, "from-pstn,ivr") || !strings.Contains(out, "****") || strings.Contains(out, "s3cret") {
		t.Errorf("pbx list: got %q, want main with masked secret", out)
	}
	if _, msg := tl(t, "", "--db", dsn, "pbx", "remove", "main"); msg != "" {
		t.Errorf("pbx remove: %s", msg)
	}
	if _, msg := tl(t, "", "--db", dsn, "pbx", "remove", "main"); !strings.Contains(msg, "no PBX named") {
		t.Errorf("pbx remove twice: got %q", msg)
	}
}
