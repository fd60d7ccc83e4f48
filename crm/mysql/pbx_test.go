package mysql_test

import (
	"context"
	"testing"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
)

func TestPBXAddListRemove(t *testing.T) {
	ctx := context.Background()
	db, _ := mysqltest.NewDB(t)
	svc := mysql.NewPBXService(db)

	if list, err := svc.List(ctx); err != nil || len(list) != 0 {
		t.Fatalf("fresh database: got %v %v, want no PBX", list, err)
	}
	mainPBX := &crm.PBX{Name: "main", Address: "10.0.0.5:5038", Username: "tigerline", Secret: "s3cret",
		InboundContexts: []string{"from-pstn", " "}, OutboundContexts: []string{"pstn-out"},
		TrunkChannels: []string{`^PJSIP/provider-`}, DIDs: []string{"2125550100"}}
	added, err := svc.Add(ctx, mainPBX)
	if err != nil {
		t.Fatalf("add: %v", err)
	}
	if added.ID == 0 || added.Kind != crm.PBXKindAMI || added.Version != crm.PBXVersionAuto || !added.Enabled {
		t.Errorf("added: got %+v, want an enabled AMI PBX detecting its version", added)
	}
	if _, err := svc.Add(ctx, mainPBX); crm.ErrorCode(err) != crm.EConflict {
		t.Errorf("same name again: got %v, want conflict", err)
	}
	ari := &crm.PBX{Name: "cloud", Kind: crm.PBXKindARI, Address: "https://pbx.example.com:8089", Username: "u", Secret: "p", ARIApp: "tigerline"}
	if _, err := svc.Add(ctx, ari); err != nil {
		t.Fatalf("add ARI: %v", err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO vtiger_asterisk (server, port, username, password, version) VALUES ('192.168.1.10', '', 'admin', 'amp111', '1.4')`); err != nil {
		t.Fatal(err)
	}

	list, err := svc.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].Name != "cloud" || list[1].Name != "main" || list[2].Name != "vtiger" {
		t.Fatalf("list: got %v, want cloud, main, vtiger", pbxNames(list))
	}
	m := list[1]
	if m.Secret != "s3cret" || len(m.InboundContexts) != 1 || m.InboundContexts[0] != "from-pstn" ||
		m.TrunkChannels[0] != `^PJSIP/provider-` || m.DIDs[0] != "2125550100" {
		t.Errorf("main read back: got %+v", m)
	}
	v := list[2]
	if !v.FromVtiger || v.Address != "192.168.1.10:5038" || v.Version != "1.4" || v.Username != "admin" || v.Secret != "amp111" {
		t.Errorf("vtiger's PBX: got %+v, want 192.168.1.10:5038 pinned to 1.4", v)
	}

	if err := svc.SetStatus(ctx, "main", crm.PBXStatus{State: crm.PBXStateAuthFailed, LastError: "Authentication failed"}); err != nil {
		t.Fatal(err)
	}
	first := pbxByName(t, svc, "main").Status
	time.Sleep(1100 * time.Millisecond)
	svc.SetStatus(ctx, "main", crm.PBXStatus{State: crm.PBXStateAuthFailed, LastError: "Authentication failed"})
	again := pbxByName(t, svc, "main").Status
	if again.State != crm.PBXStateAuthFailed || again.LastError != "Authentication failed" || !again.Since.Equal(first.Since) || !again.Updated.After(first.Updated) {
		t.Errorf("same state twice: got %+v after %+v, want since kept and updated moved", again, first)
	}
	svc.SetStatus(ctx, "main", crm.PBXStatus{State: crm.PBXStateConnected})
	if st := pbxByName(t, svc, "main").Status; st.State != crm.PBXStateConnected || !st.Since.After(first.Since) || st.LastError != "" {
		t.Errorf("new state: got %+v, want connected since now", st)
	}
	if err := svc.SetStatus(ctx, "vtiger", crm.PBXStatus{State: crm.PBXStateUnreachable, LastError: "connection refused"}); err != nil {
		t.Errorf("vtiger's PBX status: %v", err)
	}
	if err := svc.SetStatus(ctx, "nope", crm.PBXStatus{State: crm.PBXStateConnected}); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("status of unknown PBX: got %v, want not_found", err)
	}
	if err := svc.SetStatus(ctx, "main", crm.PBXStatus{State: "sleepy"}); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("unknown state: got %v, want invalid", err)
	}

	if err := svc.Remove(ctx, "main"); err != nil {
		t.Fatal(err)
	}
	if err := svc.Remove(ctx, "main"); crm.ErrorCode(err) != crm.ENotFound {
		t.Errorf("remove twice: got %v, want not_found", err)
	}
	if err := svc.Remove(ctx, "vtiger"); crm.ErrorCode(err) != crm.EInvalid {
		t.Errorf("remove vtiger's PBX: got %v, want invalid", err)
	}
	var n int
	db.GetContext(ctx, &n, `SELECT COUNT(*) FROM tl_pbx_status WHERE name = 'main'`)
	if list, _ := svc.List(ctx); len(list) != 2 || n != 0 {
		t.Errorf("after remove: got %v and %d status rows, want cloud, vtiger and none", pbxNames(list), n)
	}
}

func TestPBXValidation(t *testing.T) {
	db, _ := mysqltest.NewDB(t)
	svc := mysql.NewPBXService(db)
	ok := crm.PBX{Name: "main", Address: "pbx:5038", Username: "u", Secret: "s"}
	tests := []struct {
		name  string
		edit  func(p *crm.PBX)
		field string
	}{
		{"no name", func(p *crm.PBX) { p.Name = "" }, "name"},
		{"long name", func(p *crm.PBX) { p.Name = "a-name-longer-than-twenty" }, "name"},
		{"reserved name", func(p *crm.PBX) { p.Name = "vtiger" }, "name"},
		{"no port", func(p *crm.PBX) { p.Address = "pbx" }, "address"},
		{"bad port", func(p *crm.PBX) { p.Address = "pbx:70000" }, "address"},
		{"no host", func(p *crm.PBX) { p.Address = ":5038" }, "address"},
		{"no user", func(p *crm.PBX) { p.Username = "" }, "username"},
		{"no secret", func(p *crm.PBX) { p.Secret = "" }, "secret"},
		{"bad version", func(p *crm.PBX) { p.Version = "13" }, "version"},
		{"bad kind", func(p *crm.PBX) { p.Kind = "sip" }, "kind"},
		{"bad trunk pattern", func(p *crm.PBX) { p.TrunkChannels = []string{"^SIP/(trunk"} }, "trunk_channels"},
		{"ARI without app", func(p *crm.PBX) { p.Kind, p.Address = crm.PBXKindARI, "http://pbx:8088" }, "ari_app"},
		{"ARI with host:port", func(p *crm.PBX) { p.Kind, p.Address, p.ARIApp = crm.PBXKindARI, "pbx:8088", "tl" }, "address"},
	}
	for _, tt := range tests {
		p := ok
		tt.edit(&p)
		_, err := svc.Add(context.Background(), &p)
		var e *crm.Error
		if !errorsAs(err, &e) || e.Code != crm.EInvalid || e.Fields[tt.field] == "" {
			t.Errorf("%s: got %v, want invalid naming %s", tt.name, err, tt.field)
		}
	}
	for _, v := range []string{"1.4", "1.6", "1.8", "auto", ""} {
		p := ok
		p.Name, p.Version = "v"+v, v
		if _, err := svc.Add(context.Background(), &p); err != nil {
			t.Errorf("version %q: %v", v, err)
		}
	}
}

func pbxNames(list []*crm.PBX) []string {
	var out []string
	for _, p := range list {
		out = append(out, p.Name)
	}
	return out
}

func pbxByName(t *testing.T, svc *mysql.PBXService, name string) *crm.PBX {
	t.Helper()
	list, err := svc.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no PBX %s in %v", name, pbxNames(list))
	return nil
}
