package ari

import (
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Mode says whether Tigerline only watches the PBX or runs its calls.
type Mode string

// Modes of an ARI connection.
const (
	// ModeMonitor watches every channel of an ordinary dialplan
	// (subscribeAll=true) and controls nothing; crm.ARIModeObserve.
	ModeMonitor Mode = "monitor"
	// ModeControl expects the dialplan to hand calls to the Stasis
	// application; crm.ARIModeStasis.
	ModeControl Mode = "control"
)

// ParseMode reads a mode, accepting crm's names (observe, stasis) too;
// empty is monitor.
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", string(ModeMonitor), crm.ARIModeObserve:
		return ModeMonitor, nil
	case string(ModeControl), crm.ARIModeStasis:
		return ModeControl, nil
	}
	return "", crm.Errorf(crm.EInvalid, "unknown ARI mode %q (want monitor or control)", s)
}

// Config describes one ARI connection. Zero values take the defaults
// noted on each field.
type Config struct {
	// URL is the ARI root, http(s)://pbx:8088/ari; "/ari" is appended
	// when the path lacks it, so the PBX's base URL works too.
	URL string
	// WebsocketURL is the events endpoint; default URL's /events over
	// ws(s).
	WebsocketURL string
	Username     string
	Password     string
	Application  string // the Stasis application; default "tigerline"
	Mode         Mode   // default monitor
	// SubscribeAll asks for every channel's events; always on in
	// monitor mode.
	SubscribeAll bool
	Gateway      string // copied onto every event

	// AgentEndpoint is the agent's phone for click-to-call, with {ext}
	// for the extension: "Local/{ext}@agents", "PJSIP/{ext}", "SIP/{ext}".
	// Default "Local/{ext}@agents".
	AgentEndpoint string
	// DialContext is where the customer's number is dialled once the
	// agent answers; default "from-internal".
	DialContext string
	// RingTimeout is how long the agent's phone rings; default 30s.
	RingTimeout time.Duration

	// Control mode: Greeting is played to each caller the application
	// answers, before the agent is dialled ("sound:hello-world"; empty:
	// none). DefaultTarget is the extension dialled when the Stasis
	// arguments name none (Stasis(tigerline,inbound,101) names 101);
	// without either the call goes back to the dialplan unanswered.
	Greeting      string
	DefaultTarget string

	Backoff        Backoff
	RequestTimeout time.Duration // one REST call; default 10s
	// PingInterval is how often GET /asterisk/info checks a quiet
	// connection, since Asterisk sends no websocket pings; default 15s,
	// negative disables.
	PingInterval time.Duration
	// EventBuffer is the queue between the websocket reader and OnEvent;
	// default 1024. A full queue makes the reader wait, never drop.
	EventBuffer int

	// OnEvent receives every call event, in order, on the Run goroutine.
	OnEvent func(crm.CallEvent)
	// OnResync receives the PBX's channel list after every (re)connect,
	// before the events that follow it, with the list's time on the
	// PBX's clock: feed it to crm.CallTracker.Resync.
	OnResync func(now time.Time, live []crm.LiveChannel)
	// OnState receives every connection state change, on the Run goroutine.
	OnState func(StateChange)

	HTTPClient *http.Client // default a client without timeout (RequestTimeout applies per call)
	Logger     *slog.Logger // default slog.Default()
}

func (c Config) withDefaults() (Config, error) {
	if c.URL == "" {
		return c, crm.Errorf(crm.EInvalid, "ARI URL is required")
	}
	u, err := url.Parse(c.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, crm.Errorf(crm.EInvalid, "ARI URL %q: want http(s)://host:port/ari", c.URL)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	if !strings.HasSuffix(u.Path, "/ari") {
		u.Path += "/ari"
	}
	u.RawQuery, u.Fragment = "", ""
	c.URL = u.String()
	if c.WebsocketURL == "" {
		ws := *u
		ws.Scheme = map[string]string{"http": "ws", "https": "wss"}[u.Scheme]
		ws.Path += "/events"
		c.WebsocketURL = ws.String()
	}
	if c.Application == "" {
		c.Application = "tigerline"
	}
	if c.Mode, err = ParseMode(string(c.Mode)); err != nil {
		return c, err
	}
	if c.Mode == ModeMonitor {
		c.SubscribeAll = true
	}
	if c.AgentEndpoint == "" {
		c.AgentEndpoint = "Local/{ext}@agents"
	}
	if !strings.Contains(c.AgentEndpoint, "{ext}") {
		return c, crm.Errorf(crm.EInvalid, "ARI agent endpoint %q lacks {ext}", c.AgentEndpoint)
	}
	if err := c.checkControl(); err != nil {
		return c, err
	}
	if c.DialContext == "" {
		c.DialContext = "from-internal"
	}
	if c.RingTimeout <= 0 {
		c.RingTimeout = 30 * time.Second
	}
	c.Backoff = c.Backoff.WithDefaults()
	if c.RequestTimeout <= 0 {
		c.RequestTimeout = 10 * time.Second
	}
	if c.PingInterval == 0 {
		c.PingInterval = 15 * time.Second
	}
	if c.EventBuffer <= 0 {
		c.EventBuffer = 1024
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	c.Logger = c.Logger.With("component", "ari", "gateway", c.Gateway)
	return c, nil
}

// mediaSchemes are the media URIs Asterisk plays.
var mediaSchemes = []string{"sound:", "recording:", "number:", "digits:", "characters:", "tone:"}

func (c Config) checkControl() error {
	if g := c.Greeting; g != "" && !slices.ContainsFunc(mediaSchemes, func(p string) bool { return strings.HasPrefix(g, p) && len(g) > len(p) }) {
		return crm.Errorf(crm.EInvalid, "ARI greeting %q: want a media URI such as sound:hello-world", g)
	}
	if t := c.DefaultTarget; t != "" && !targetArg.MatchString(t) {
		return crm.Errorf(crm.EInvalid, "ARI default target %q: want an extension (digits)", t)
	}
	return nil
}

// State is a connection state; the same four for AMI and ARI (crm.LinkState).
type State = crm.LinkState

// Connection states, in the order a healthy session passes through them.
const (
	StateConnecting   = crm.LinkConnecting
	StateConnected    = crm.LinkConnected
	StateLoginFailed  = crm.LinkLoginFailed
	StateDisconnected = crm.LinkDisconnected
)

// StateChange is one report from Run.
type StateChange struct {
	State   State
	Attempt int           // failed attempts since the last stable session
	Err     error         // why, for LoginFailed and Disconnected
	Version string        // Asterisk's version, for Connected
	RetryIn time.Duration // delay before the next attempt
}

// Backoff spaces reconnect attempts; it is the one policy of crm, shared
// with the other PBX adapter.
type Backoff = crm.Backoff
