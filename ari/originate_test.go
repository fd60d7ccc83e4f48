package ari_test

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

func originateClient(t *testing.T, scfg aritest.Config) (*aritest.Server, *ari.Client) {
	t.Helper()
	tr, err := aritest.LoadTrace(filepath.Join(pbxtrace.Dir(t), "asterisk-22"), "ari-22-monitor-click-to-call")
	if err != nil {
		t.Fatal(err)
	}
	srv := aritest.NewServer(tr, scfg)
	t.Cleanup(srv.Close)
	c, err := ari.New(ari.Config{URL: srv.URL(), Username: "crm", Password: "crmsecret", Application: "crm", RequestTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return srv, c
}

// TestOriginateAsRecorded places the recorded click-to-call and requires
// the request the recording client sent.
func TestOriginateAsRecorded(t *testing.T) {
	srv, c := originateClient(t, aritest.Config{})
	id, err := c.Originate(context.Background(), ari.OriginateRequest{
		Extension: "101", Number: "+1 (415) 555-0142", CallerName: "Agent 101",
		Variables: map[string]string{"SIM_TALK": "30"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if id != "1795802822.154" {
		t.Errorf("channel id: got %q, want 1795802822.154", id)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].Method != "POST" || reqs[0].Path != "/ari/channels" {
		t.Fatalf("requests: got %+v, want one POST /ari/channels", reqs)
	}
	got, _ := url.ParseQuery(reqs[0].Query)
	want, _ := url.ParseQuery("endpoint=Local%2F101%40agents&extension=%2B14155550142&context=from-internal&priority=1&callerId=%22Agent+101%22+%3C101%3E&timeout=30")
	for k := range want {
		if got.Get(k) != want.Get(k) {
			t.Errorf("query %s: got %q, want %q", k, got.Get(k), want.Get(k))
		}
	}
	var body struct{ Variables map[string]string }
	if err := json.Unmarshal([]byte(reqs[0].Body), &body); err != nil || body.Variables["SIM_TALK"] != "30" {
		t.Errorf("body: got %s (%v), want {\"variables\":{\"SIM_TALK\":\"30\"}}", reqs[0].Body, err)
	}
}

func TestOriginateErrors(t *testing.T) {
	tests := []struct {
		name   string
		scfg   aritest.Config
		down   bool
		ext    string
		number string
		code   string
	}{
		{name: "no extension", ext: "", number: "+14155550142", code: crm.EInvalid},
		{name: "invalid number", ext: "101", number: "call me", code: crm.EInvalid},
		{name: "number with dialplan syntax", ext: "101", number: "123&Local/9", code: crm.EInvalid},
		{name: "PBX refuses", scfg: aritest.Config{OriginateStatus: 400}, ext: "101", number: "+14155550142", code: crm.EInvalid},
		{name: "PBX fails", scfg: aritest.Config{OriginateStatus: 500}, ext: "101", number: "+14155550142", code: crm.EUnavailable},
		{name: "wrong credentials", scfg: aritest.Config{Password: "other"}, ext: "101", number: "+14155550142", code: crm.EUnavailable},
		{name: "PBX down", down: true, ext: "101", number: "+14155550142", code: crm.EUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.scfg.Password != "" {
				tt.scfg.Username = "crm"
			}
			srv, c := originateClient(t, tt.scfg)
			if tt.down {
				srv.Close()
			}
			_, err := c.Originate(context.Background(), ari.OriginateRequest{Extension: tt.ext, Number: tt.number})
			if got := crm.ErrorCode(err); got != tt.code {
				t.Errorf("got %v (code %q), want code %q", err, got, tt.code)
			}
		})
	}
}
