package aritest_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari/aritest"
)

type listed struct {
	ID, Name, State string
	Channels        []string
}

func list(t *testing.T, srv *aritest.Server, path string) []listed {
	t.Helper()
	st, body := callBody(t, srv, "GET", path)
	if st != 200 {
		t.Fatalf("GET %s: status %d", path, st)
	}
	var out []listed
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
	return out
}

// TestGeneratedChannelsListed: GET /channels and /bridges list the
// generated call's live channels and bridge, as a resync reads them,
// and nothing once it ended.
func TestGeneratedChannelsListed(t *testing.T) {
	srv := aritest.NewServer(nil, aritest.Config{})
	t.Cleanup(srv.Close)
	ws := events(t, srv, true)
	trunk, err := srv.Place(aritest.Call{CallerNum: "+14155550142", Extension: "101", Answered: true, Ring: 100 * time.Millisecond, Talk: 600 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	readUntil(t, ws, nil, func(h head) bool { return h.Type == "ChannelEnteredBridge" && h.Channel.ID == trunk })
	chans := list(t, srv, "/channels")
	if len(chans) != 4 {
		t.Fatalf("live channels: got %d, want the trunk and agent pairs: %+v", len(chans), chans)
	}
	if chans[1].ID != trunk || !strings.HasPrefix(chans[1].Name, "Local/+18005550100@from-pstn-") || chans[1].State != "Up" {
		t.Errorf("trunk leg: got %+v, want %s up, second in creation order", chans[1], trunk)
	}
	bridges := list(t, srv, "/bridges")
	if len(bridges) != 1 || len(bridges[0].Channels) != 2 || !strings.Contains(strings.Join(bridges[0].Channels, ","), trunk) {
		t.Errorf("bridges: got %+v, want one with the trunk leg and the agent", bridges)
	}
	if st, body := callBody(t, srv, "GET", "/channels/"+trunk); st != 200 || !strings.Contains(string(body), `"id":"`+trunk+`"`) {
		t.Errorf("GET /channels/%s: %d %s", trunk, st, body)
	}
	readUntil(t, ws, nil, func(h head) bool { return h.Type == "ChannelDestroyed" && h.Channel.ID == trunk })
	deadline := time.Now().Add(5 * time.Second)
	for srv.LiveChannels() > 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := list(t, srv, "/channels"); len(got) != 0 {
		t.Errorf("channels after the call: got %+v, want none", got)
	}
	if got := list(t, srv, "/bridges"); len(got) != 0 {
		t.Errorf("bridges after the call: got %+v, want none", got)
	}
}

// TestApplicationRESTErrors: the resources answer bad requests with
// Asterisk's statuses.
func TestApplicationRESTErrors(t *testing.T) {
	srv := aritest.NewServer(nil, aritest.Config{})
	t.Cleanup(srv.Close)
	ws := events(t, srv, true)
	trunk, err := srv.Place(aritest.Call{CallerNum: "+14155550142", Stasis: true})
	if err != nil {
		t.Fatal(err)
	}
	var handset string
	readUntil(t, ws, func(h head) {
		if h.Type == "ChannelCreated" && handset == "" {
			handset = h.Channel.ID
		}
	}, func(h head) bool { return h.Type == "StasisStart" })
	if st := call(t, srv, "POST", "/bridges?bridgeId=b1"); st != 200 {
		t.Fatalf("create bridge: %d", st)
	}
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{"POST", "/channels/nosuch/answer", 404},
		{"POST", "/channels/" + handset + "/answer", 409}, // not in the application
		{"POST", "/channels/" + trunk + "/play", 400},     // no media
		{"POST", "/channels/nosuch/play?media=sound:hello-world", 404},
		{"POST", "/bridges/nosuch/addChannel?channel=" + trunk, 404},
		{"POST", "/bridges/b1/addChannel?channel=nosuch", 400},
		{"POST", "/bridges/b1/addChannel?channel=" + handset, 422},
		{"POST", "/bridges/b1/removeChannel?channel=" + trunk, 422},
		{"POST", "/bridges?bridgeId=b1", 409},
		{"DELETE", "/bridges/nosuch", 404},
		{"POST", "/channels?endpoint=Bogus&app=crm", 400},
		{"POST", "/channels?app=crm", 400},
		{"POST", "/channels?endpoint=SIP/101&app=crm&channelId=" + trunk, 409},
		{"DELETE", "/channels/" + trunk + "?reason=fainted", 400},
		{"DELETE", "/channels/nosuch", 404},
		{"GET", "/channels/nosuch", 404},
		{"GET", "/bridges/nosuch", 404},
	} {
		if st := call(t, srv, tc.method, tc.path); st != tc.want {
			t.Errorf("%s %s: got %d, want %d", tc.method, tc.path, st, tc.want)
		}
	}
	if st := call(t, srv, "DELETE", "/channels/"+trunk+"?reason=normal"); st != 204 {
		t.Errorf("hangup: got %d, want 204", st)
	}
}

func TestPlaceRejectsBadCalls(t *testing.T) {
	srv := aritest.NewServer(nil, aritest.Config{})
	t.Cleanup(srv.Close)
	for _, c := range []aritest.Call{
		{CallerNum: "", Extension: "101"},
		{CallerNum: "alice", Extension: "101"},
		{CallerNum: "+14155550142"}, // a dialplan call rings an agent
		{CallerNum: "+14155550142", Extension: "1o1"},
		{CallerNum: "+14155550142", Extension: "101", Talk: -time.Second},
	} {
		if _, err := srv.Place(c); err == nil {
			t.Errorf("Place(%+v): got no error", c)
		}
	}
	if srv.Calls() != 0 {
		t.Errorf("calls placed: got %d, want 0", srv.Calls())
	}
}
