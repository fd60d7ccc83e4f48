package aritest_test

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// tracesDir is the Asterisk 22 recordings' folder; it skips t where the
// traces are absent.
func tracesDir(t *testing.T) string {
	t.Helper()
	return filepath.Join(pbxtrace.Dir(t), "asterisk-22")
}

func recordedFrames(t *testing.T, name string) [][]byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(tracesDir(t), name+".events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		out = append(out, append([]byte(nil), sc.Bytes()...))
	}
	return out
}

// events opens the events websocket as the crm application.
func events(t *testing.T, srv *aritest.Server, subscribeAll bool) *websocket.Conn {
	t.Helper()
	u := strings.Replace(srv.URL(), "http", "ws", 1) + "/events?app=crm"
	if subscribeAll {
		u += "&subscribeAll=true"
	}
	h := http.Header{"Authorization": {"Basic " + base64.StdEncoding.EncodeToString([]byte("crm:crmsecret"))}}
	ws, _, err := websocket.DefaultDialer.Dial(u, h)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// head is what the tests read of a frame.
type head struct {
	Type    string
	Channel struct{ ID, Name string }
}

// readUntil collects frames until last says so, within 10s; each frame
// is also handed to on (may be nil).
func readUntil(t *testing.T, ws *websocket.Conn, on func(head), last func(head) bool) [][]byte {
	t.Helper()
	var out [][]byte
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	for {
		_, b, err := ws.ReadMessage()
		if err != nil {
			t.Fatalf("after %d frames: %v", len(out), err)
		}
		out = append(out, b)
		var h head
		if err := json.Unmarshal(b, &h); err != nil {
			t.Fatalf("frame %s: %v", b, err)
		}
		if on != nil {
			on(h)
		}
		if last(h) {
			return out
		}
	}
}

var (
	timeField   = regexp.MustCompile(`"(timestamp|creationtime)":"[^"]*"`)
	localSuffix = regexp.MustCompile(`-[0-9a-f]{8};`)
	bridgeUUID  = regexp.MustCompile(`"id":"[0-9a-f]{8}-[0-9a-f-]{27}"`)
	oneDigit    = regexp.MustCompile(`"(app_data|dialplan_app_data)":"[0-9]"`)
	idName      = regexp.MustCompile(`"id":"([^"]+)","name":"([^"]+)"`)
)

// normalize makes a recording and a generated call comparable: times,
// uniqueids (named by leg: T1, T2 for the trunk pair, A1, A2 for the
// agent's), Local suffixes and bridge UUIDs, and one-digit waits differ
// by nature. Frames of the skipped types are dropped.
func normalize(frames [][]byte, skip ...string) []string {
	roles := map[string]string{}
	for _, f := range frames {
		for _, m := range idName.FindAllSubmatch(f, -1) {
			role := "A"
			if bytes.Contains(m[2], []byte("@from-pstn")) {
				role = "T"
			}
			roles[string(m[1])] = role + string(m[2][len(m[2])-1:])
		}
	}
	var out []string
	for _, f := range frames {
		var h head
		_ = json.Unmarshal(f, &h)
		if slices.Contains(skip, h.Type) {
			continue
		}
		s := string(f)
		s = timeField.ReplaceAllString(s, `"$1":"T"`)
		// Longest ids first: "x;2" before "x".
		ids := make([]string, 0, len(roles))
		for id := range roles {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b string) int { return len(b) - len(a) })
		for _, id := range ids {
			s = strings.ReplaceAll(s, id, roles[id])
		}
		s = localSuffix.ReplaceAllString(s, "-X;")
		s = bridgeUUID.ReplaceAllString(s, `"id":"B"`)
		s = oneDigit.ReplaceAllString(s, `"$1":"N"`)
		out = append(out, s)
	}
	return out
}

func compareFrames(t *testing.T, got, want []string) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Fatalf("frame %d (of %d generated, %d recorded):\ngot  %s\nwant %s", i+1, len(got), len(want), g, w)
		}
	}
}

// TestGeneratedDialplanCallMatchesRecording: an answered sales call, as
// a subscribeAll connection sees it, is the recording's frame for frame
// (times, ids and waits aside), ChannelVarset and DeviceStateChanged
// apart: the generator sends the few variables that matter.
func TestGeneratedDialplanCallMatchesRecording(t *testing.T) {
	want := normalize(recordedFrames(t, "ari-22-monitor-inbound-answered"), "ChannelVarset", "DeviceStateChanged")
	srv := aritest.NewServer(nil, aritest.Config{})
	t.Cleanup(srv.Close)
	ws := events(t, srv, true)
	if _, err := srv.Place(aritest.Call{CallerNum: "+14155550142", CallerName: "+1 (415) 555-0142", Extension: "101",
		Answered: true, Ring: 200 * time.Millisecond, Talk: 700 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	got := readUntil(t, ws, nil, func(h head) bool {
		return h.Type == "ChannelDestroyed" && strings.HasSuffix(h.Channel.Name, ";1") && strings.Contains(h.Channel.Name, "@from-pstn")
	})
	compareFrames(t, normalize(got, "ChannelVarset", "DeviceStateChanged"), want)
}

// TestGeneratedStasisCallMatchesRecording runs the recording's control
// client against a generated call to the ARI DID: the same REST
// requests at the same moments give the recording's frames, variables
// included, on a connection without subscribeAll.
func TestGeneratedStasisCallMatchesRecording(t *testing.T) {
	want := normalize(recordedFrames(t, "ari-22-stasis-bridge-agent"))
	srv := aritest.NewServer(nil, aritest.Config{AgentRing: 300 * time.Millisecond, AgentTalk: 900 * time.Millisecond})
	t.Cleanup(srv.Close)
	ws := events(t, srv, false)
	caller, err := srv.Place(aritest.Call{CallerNum: "+14155550142", CallerName: "+1 (415) 555-0142", Stasis: true})
	if err != nil {
		t.Fatal(err)
	}
	do := func(method, path string) {
		t.Helper()
		if st := call(t, srv, method, strings.ReplaceAll(path, "1795801167.29", caller)); st/100 != 2 {
			t.Errorf("%s %s: status %d", method, path, st)
		}
	}
	got := readUntil(t, ws, func(h head) {
		switch {
		case h.Type == "StasisStart" && h.Channel.ID == caller:
			do("POST", "/channels/1795801167.29/answer")
			do("POST", "/bridges?type=mixing&name=crm-call-bridge&bridgeId=crm-bridge-0001")
			do("POST", "/bridges/crm-bridge-0001/addChannel?channel=1795801167.29")
			do("POST", "/channels?endpoint=Local%2F101%40agents&app=crm&appArgs=agent%2C1795801167.29&callerId=%2B1+%28415%29+555-0142+%3C%2B14155550142%3E&timeout=30&channelId=crm-agent-101-0001")
		case h.Type == "StasisStart":
			do("POST", "/bridges/crm-bridge-0001/addChannel?channel=crm-agent-101-0001")
		case h.Type == "StasisEnd" && h.Channel.ID != caller:
			do("DELETE", "/channels/1795801167.29?reason=normal")
			do("GET", "/bridges/crm-bridge-0001")
			do("DELETE", "/bridges/crm-bridge-0001")
		}
	}, func(h head) bool { return h.Type == "BridgeDestroyed" })
	compareFrames(t, normalize(got), want)
	if n := srv.LiveChannels(); n != 0 {
		t.Errorf("live channels after the call: got %d, want 0", n)
	}
}

// call sends one REST request and returns the status.
func call(t *testing.T, srv *aritest.Server, method, path string) int {
	t.Helper()
	st, _ := callBody(t, srv, method, path)
	return st
}

func callBody(t *testing.T, srv *aritest.Server, method, path string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("crm", "crmsecret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}
