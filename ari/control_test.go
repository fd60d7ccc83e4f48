package ari_test

import (
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ari"
	"github.com/tigerline/tigerline/ari/aritest"
	"github.com/tigerline/tigerline/crm"
)

func control(mutate func(*ari.Config)) func(*ari.Config) {
	return func(c *ari.Config) {
		c.Mode = ari.ModeControl
		if mutate != nil {
			mutate(c)
		}
	}
}

func checkInbound(t *testing.T, r crm.CallRecord, status crm.CallStatus, agent, customer string) {
	t.Helper()
	if r.Direction != crm.DirectionInbound || r.Status != status {
		t.Errorf("call: got %s %s, want inbound %s", r.Direction, r.Status, status)
	}
	if r.AgentExtension != agent {
		t.Errorf("agent: got %q, want %q", r.AgentExtension, agent)
	}
	if r.CustomerNumber != customer {
		t.Errorf("customer: got %q, want %q", r.CustomerNumber, customer)
	}
	if r.DID != aritest.StasisDID {
		t.Errorf("DID: got %q, want %s", r.DID, aritest.StasisDID)
	}
}

// TestControlConnectsCall: a call the dialplan sends to the application
// is answered, greeted, bridged with the extension its Stasis arguments
// name (dialled into the application), and both legs and the bridge are
// gone after the agent hangs up; the tracker makes one completed call
// of it, with the agent's ringing pop first, for either kind of phone.
func TestControlConnectsCall(t *testing.T) {
	for _, endpoint := range []string{"SIP/{ext}", "Local/{ext}@agents"} {
		t.Run(strings.ReplaceAll(endpoint, "/", "_"), func(t *testing.T) {
			t.Parallel()
			h := startLive(t, aritest.Config{PlaybackTime: 500 * time.Millisecond}, control(func(c *ari.Config) {
				c.Greeting = "sound:hello-world"
				c.AgentEndpoint = endpoint
			}))
			trunk := h.place(t, aritest.Call{CallerNum: "+14155550142", CallerName: "ALICE WONG", Stasis: true, Extension: "101",
				Answered: true, Ring: time.Second, Talk: 2 * time.Second})
			r := h.record(t)
			checkInbound(t, r, crm.CallStatusCompleted, "101", "+14155550142")
			if r.SourceUniqueID != trunk {
				t.Errorf("source uniqueid: got %q, want the caller's %s", r.SourceUniqueID, trunk)
			}
			within(t, "total", r.TotalSeconds, 3) // greeting 0.5 s, ringing 1 s, talk 2 s
			within(t, "billable", r.BillableSeconds, 2)
			if ringing, answered := h.rung(); !reflect.DeepEqual(ringing, []string{"101"}) || !reflect.DeepEqual(answered, []string{"101"}) {
				t.Errorf("pops: ringing %v answered %v, want 101 rung then answering", ringing, answered)
			}
			target := "crm-agent-101-" + trunk
			want := []string{
				"POST /ari/channels/" + trunk + "/answer",
				"POST /ari/channels/" + trunk + "/play/crm-greeting-" + trunk,
				"POST /ari/bridges",
				"POST /ari/bridges/crm-bridge-" + trunk + "/addChannel",
				"POST /ari/channels",
				"POST /ari/bridges/crm-bridge-" + trunk + "/addChannel",
				"DELETE /ari/channels/" + trunk,
				"DELETE /ari/bridges/crm-bridge-" + trunk,
			}
			if got := h.requests(false); !reflect.DeepEqual(got, want) {
				t.Errorf("requests:\ngot  %v\nwant %v", got, want)
			}
			q := query(t, h, "POST", "/ari/channels")
			if q.Get("endpoint") != strings.ReplaceAll(endpoint, "{ext}", "101") || q.Get("app") != "crm" ||
				q.Get("channelId") != target || q.Get("appArgs") != "agent,"+trunk || q.Get("callerId") != `"ALICE WONG" <+14155550142>` {
				t.Errorf("originate: got %v", q)
			}
			if q := query(t, h, "POST", "/ari/bridges"); q.Get("type") != "mixing" {
				t.Errorf("bridge: got %v, want a mixing bridge", q)
			}
			if q := query(t, h, "POST", "/ari/channels/"+trunk+"/play/crm-greeting-"+trunk); q.Get("media") != "sound:hello-world" {
				t.Errorf("greeting: got %v", q)
			}
		})
	}
}

// query returns the first request's query to method and path.
func query(t *testing.T, h *live, method, path string) url.Values {
	t.Helper()
	reqs := h.srv.Requests()
	i := slices.IndexFunc(reqs, func(r aritest.Request) bool { return r.Method == method && r.Path == path })
	if i < 0 {
		t.Fatalf("no %s %s among %v", method, path, h.requests(true))
	}
	q, err := url.ParseQuery(reqs[i].Query)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestControlCallerHangsUp: the customer ends the conversation; the
// application hangs up the agent's leg and the bridge.
func TestControlCallerHangsUp(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(nil))
	trunk := h.place(t, aritest.Call{CallerNum: "+12125550199", Stasis: true, Extension: "102",
		Answered: true, Ring: time.Second, Talk: 2 * time.Second, CallerHangsUp: true})
	r := h.record(t)
	checkInbound(t, r, crm.CallStatusCompleted, "102", "+12125550199")
	within(t, "total", r.TotalSeconds, 3)
	within(t, "billable", r.BillableSeconds, 2)
	reqs := h.requests(false)
	if !slices.Contains(reqs, "DELETE /ari/channels/crm-agent-102-"+trunk) || slices.Contains(reqs, "DELETE /ari/channels/"+trunk) {
		t.Errorf("requests: got %v, want the agent's leg hung up, not the caller's", reqs)
	}
	if !slices.Contains(reqs, "DELETE /ari/bridges/crm-bridge-"+trunk) {
		t.Errorf("requests: got %v, want the bridge destroyed", reqs)
	}
}

// TestControlNoAnswer: the agent's phone rings until the dial times out;
// the application then hangs up the caller.
func TestControlNoAnswer(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(func(c *ari.Config) { c.RingTimeout = 2 * time.Second }))
	trunk := h.place(t, aritest.Call{CallerNum: "+13125550123", Stasis: true, Extension: "101"})
	r := h.record(t)
	checkInbound(t, r, crm.CallStatusNoAnswer, "101", "+13125550123")
	within(t, "total", r.TotalSeconds, 2)
	if r.BillableSeconds != 0 || !r.AnswerTime.IsZero() {
		t.Errorf("answered: got %v, %d s billable, want never", r.AnswerTime, r.BillableSeconds)
	}
	if q := query(t, h, "POST", "/ari/channels"); q.Get("timeout") != "2" {
		t.Errorf("dial timeout: got %q, want 2", q.Get("timeout"))
	}
	if reqs := h.requests(false); !slices.Contains(reqs, "DELETE /ari/channels/"+trunk) {
		t.Errorf("requests: got %v, want the caller hung up", reqs)
	}
}

// TestControlCallerGivesUp: the customer hangs up while the agent's
// phone rings; the application stops the ringing.
func TestControlCallerGivesUp(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(nil))
	trunk := h.place(t, aritest.Call{CallerNum: "+14155550142", Stasis: true, Extension: "101", Abandon: time.Second})
	r := h.record(t)
	if r.Direction != crm.DirectionInbound || !r.AnswerTime.IsZero() || r.CustomerNumber != "+14155550142" {
		t.Errorf("call: got %+v, want inbound, never answered", r)
	}
	if reqs := h.requests(false); !slices.Contains(reqs, "DELETE /ari/channels/crm-agent-101-"+trunk) {
		t.Errorf("requests: got %v, want the ringing leg hung up", reqs)
	}
}

// TestControlDefaultTarget: Stasis arguments that name no extension
// send the call to the configured default.
func TestControlDefaultTarget(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{AgentRing: time.Second, AgentTalk: 2 * time.Second}, control(func(c *ari.Config) { c.DefaultTarget = "202" }))
	h.place(t, aritest.Call{CallerNum: "+14155550142", Stasis: true})
	r := h.record(t)
	checkInbound(t, r, crm.CallStatusCompleted, "202", "+14155550142")
	if q := query(t, h, "POST", "/ari/channels"); q.Get("endpoint") != "SIP/202" {
		t.Errorf("dialled %q, want SIP/202", q.Get("endpoint"))
	}
}

// TestControlNoTargetContinues: with no extension to dial the call goes
// back to the dialplan unanswered.
func TestControlNoTargetContinues(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(nil))
	trunk := h.place(t, aritest.Call{CallerNum: "+14155550142", Stasis: true})
	r := h.record(t)
	if r.Status != crm.CallStatusAbandoned || r.AgentExtension != "" {
		t.Errorf("call: got %s with agent %q, want abandoned, no agent", r.Status, r.AgentExtension)
	}
	if got, want := h.requests(false), []string{"POST /ari/channels/" + trunk + "/continue"}; !reflect.DeepEqual(got, want) {
		t.Errorf("requests: got %v, want %v", got, want)
	}
}

// TestControlHangsUpOrphanLeg: an agent leg dialled into the
// application for a caller this client does not run (one from before a
// restart) is hung up, not taken as a new call.
func TestControlHangsUpOrphanLeg(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{AgentRing: 200 * time.Millisecond, AgentTalk: time.Minute}, control(nil))
	req, err := http.NewRequest("POST", h.srv.URL()+"/channels?endpoint=SIP/101&app=crm&appArgs=agent,1795800000.1&channelId=stale-leg", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.SetBasicAuth("crm", "crmsecret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("originate: %v %v", resp, err)
	}
	resp.Body.Close()
	deadline := time.Now().Add(5 * time.Second)
	for !slices.Contains(h.requests(false), "DELETE /ari/channels/stale-leg") {
		if time.Now().After(deadline) {
			t.Fatalf("requests: got %v, want the orphan leg hung up", h.requests(false))
		}
		time.Sleep(10 * time.Millisecond)
	}
	if slices.ContainsFunc(h.requests(false), func(r string) bool { return strings.HasSuffix(r, "/answer") || r == "POST /ari/bridges" }) {
		t.Errorf("requests: got %v, want the leg not taken as a call", h.requests(false))
	}
}

// TestControlResync: the websocket drops while the call is bridged and
// the agent hangs up during the outage; after reconnecting, the
// channel list shows the agent gone, so the application ends the
// caller's side, and the call is recorded once.
func TestControlResync(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(func(c *ari.Config) {
		c.Backoff = ari.Backoff{Base: 2 * time.Second, Cap: 2 * time.Second} // at least 1 s away
	}))
	trunk := h.place(t, aritest.Call{CallerNum: "+14155550142", Stasis: true, Extension: "101",
		Answered: true, Ring: 500 * time.Millisecond, Talk: 600 * time.Millisecond})
	h.waitUpdate(t, crm.CallAnswered)
	h.srv.DropWebsockets()
	r := h.record(t)
	checkInbound(t, r, crm.CallStatusCompleted, "101", "+14155550142")
	h.waitConnected(t, 2)
	if reqs := h.requests(false); !slices.Contains(reqs, "DELETE /ari/channels/"+trunk) || !slices.Contains(reqs, "DELETE /ari/bridges/crm-bridge-"+trunk) {
		t.Errorf("requests: got %v, want the caller hung up and the bridge destroyed", reqs)
	}
}

func TestNewRejectsBadControlConfig(t *testing.T) {
	for _, cfg := range []ari.Config{
		{URL: "http://pbx:8088", Mode: ari.ModeControl, Greeting: "hello-world"},
		{URL: "http://pbx:8088", Mode: ari.ModeControl, Greeting: "sound:"},
		{URL: "http://pbx:8088", Mode: ari.ModeControl, DefaultTarget: "SIP/101"},
	} {
		if _, err := ari.New(cfg); crm.ErrorCode(err) != crm.EInvalid {
			t.Errorf("New(%+v): got %v, want an invalid error", cfg, err)
		}
	}
	if _, err := ari.New(ari.Config{URL: "http://pbx:8088", Mode: ari.ModeControl, Greeting: "sound:hello-world", DefaultTarget: "101"}); err != nil {
		t.Errorf("New with a greeting and a default target: %v", err)
	}
}

// TestControlDialRefusedBackToDialplan: when the PBX refuses to dial the
// target (here an endpoint it has no driver for), the caller goes back
// to the dialplan rather than being hung up.
func TestControlDialRefusedBackToDialplan(t *testing.T) {
	t.Parallel()
	h := startLive(t, aritest.Config{}, control(func(c *ari.Config) { c.AgentEndpoint = "DAHDI/{ext}" }))
	trunk := h.place(t, aritest.Call{CallerNum: "+14155550142", Stasis: true, Extension: "101"})
	r := h.record(t)
	if r.Status != crm.CallStatusAbandoned || r.AgentExtension != "" {
		t.Errorf("call: got %s with agent %q, want abandoned, no agent", r.Status, r.AgentExtension)
	}
	reqs := h.requests(false)
	if !slices.Contains(reqs, "POST /ari/channels/"+trunk+"/continue") || slices.Contains(reqs, "DELETE /ari/channels/"+trunk) {
		t.Errorf("requests: got %v, want the caller sent back to the dialplan, not hung up", reqs)
	}
	if !slices.Contains(reqs, "DELETE /ari/bridges/crm-bridge-"+trunk) {
		t.Errorf("requests: got %v, want the bridge destroyed", reqs)
	}
}
