package ari

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	ariv5 "github.com/CyCoreSystems/ari/v5"

	"github.com/tigerline/tigerline/crm"
)

// OriginateRequest is a click-to-call: the agent's phone rings first;
// once it answers, the dialplan dials the customer's number in
// Config.DialContext.
type OriginateRequest struct {
	Extension  string // the agent's extension
	Number     string // the customer's number
	CallerName string // shown on the agent's phone; default the extension
	// Variables are set on the agent's channel (e.g. for the dialplan).
	Variables map[string]string
}

// dialable is a number the dialplan may be handed: digits, an optional
// leading +; spaces, dots, dashes and parentheses are dropped first.
var dialable = regexp.MustCompile(`^\+?[0-9]{2,20}$`)

// extension is an agent extension fit for an endpoint name.
var extension = regexp.MustCompile(`^[0-9A-Za-z_*#+-]{1,32}$`)

var numberCleaner = strings.NewReplacer(" ", "", "-", "", ".", "", "(", "", ")", "", "\u00a0", "")

// Originate places a click-to-call with POST /channels: endpoint is the
// agent's phone, extension the customer's number, in DialContext at
// priority 1, so the channel never enters Stasis. It returns the new
// channel's id. Errors carry crm codes:
//   - invalid: the user has no extension, the number is not dialable,
//     or Asterisk refused the request (400, 404, 409, 422);
//   - unavailable: the PBX is unreachable, refused the credentials, or
//     failed (5xx).
func (c *Client) Originate(ctx context.Context, req OriginateRequest) (string, error) {
	ext := strings.TrimSpace(req.Extension)
	if ext == "" {
		return "", crm.Errorf(crm.EInvalid, "you have no phone extension to call from")
	}
	if !extension.MatchString(ext) {
		return "", crm.Errorf(crm.EInvalid, "extension %q cannot be dialled", ext)
	}
	number := numberCleaner.Replace(strings.TrimSpace(req.Number))
	if !dialable.MatchString(number) {
		return "", crm.Errorf(crm.EInvalid, "%q is not a phone number that can be dialled", req.Number)
	}
	name := req.CallerName
	if name == "" {
		name = ext
	}
	q := url.Values{
		"endpoint":  {strings.ReplaceAll(c.cfg.AgentEndpoint, "{ext}", ext)},
		"extension": {number},
		"context":   {c.cfg.DialContext},
		"priority":  {"1"},
		"callerId":  {strconv.Quote(strings.ReplaceAll(name, `"`, "")) + " <" + ext + ">"},
		"timeout":   {strconv.Itoa(int(c.cfg.RingTimeout.Seconds()))},
	}
	var body any
	if len(req.Variables) > 0 {
		body = map[string]any{"variables": req.Variables}
	}
	var ch ariv5.ChannelData
	if _, err := c.rest.do(ctx, http.MethodPost, "/channels", q, body, &ch); err != nil {
		return "", originateError(number, err)
	}
	c.cfg.Logger.Info("ari click-to-call", "extension", ext, "number", number, "channel_id", ch.ID)
	return ch.ID, nil
}

func originateError(number string, err error) error {
	var se *statusError
	switch {
	case errors.Is(err, errAuth):
		return crm.Errorf(crm.EUnavailable, "the PBX refused Tigerline's ARI credentials")
	case errors.As(err, &se) && se.Status < 500:
		return crm.Errorf(crm.EInvalid, "the PBX refused to call %s: %s", number, se.Message)
	case errors.As(err, &se):
		return crm.Errorf(crm.EUnavailable, "the PBX failed to place the call: %s", se.Message)
	}
	return crm.Errorf(crm.EUnavailable, "the PBX is unreachable: %v", err)
}
