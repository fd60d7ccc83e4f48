package ari

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	ariv5 "github.com/CyCoreSystems/ari/v5"
)

// errAuth means Asterisk answered 401 or 403.
var errAuth = errors.New("ari: authentication failed")

// statusError is a non-2xx answer; Message is Asterisk's JSON "message".
type statusError struct {
	Method, Path string
	Status       int
	Message      string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("ari: %s %s: %d %s", e.Method, e.Path, e.Status, e.Message)
}

func (e *statusError) Unwrap() error {
	if e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden {
		return errAuth
	}
	return nil
}

// rest calls ARI's REST interface. The ARI library's native client has
// no context on its calls, and its Channel().List and Bridge().List return
// ids only; a resync needs the full objects in one answer each.
type rest struct {
	base       string // http://pbx:8088/ari
	user, pass string
	hc         *http.Client
	timeout    time.Duration
}

// do sends one request and decodes a JSON answer into out (if not nil).
// It returns the answer's Date header, the PBX's clock.
func (r *rest) do(ctx context.Context, method, path string, query url.Values, body, out any) (time.Time, error) {
	ctx, cancel := context.WithTimeout(ctx, r.timeout)
	defer cancel()
	u := r.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return time.Time{}, fmt.Errorf("ari: encode %s %s: %w", method, path, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return time.Time{}, fmt.Errorf("ari: %s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.SetBasicAuth(r.user, r.pass)
	resp, err := r.hc.Do(req)
	if err != nil {
		return time.Time{}, fmt.Errorf("ari: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return time.Time{}, fmt.Errorf("ari: read %s %s: %w", method, path, err)
	}
	date, _ := http.ParseTime(resp.Header.Get("Date"))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		var m struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(data, &m)
		if m.Message == "" {
			m.Message = http.StatusText(resp.StatusCode)
		}
		return date, &statusError{Method: method, Path: path, Status: resp.StatusCode, Message: m.Message}
	}
	if out != nil && len(data) > 0 {
		if err := json.Unmarshal(data, out); err != nil {
			return date, fmt.Errorf("ari: decode %s %s: %w", method, path, err)
		}
	}
	return date, nil
}

func (r *rest) info(ctx context.Context) (ariv5.AsteriskInfo, error) {
	var info ariv5.AsteriskInfo
	_, err := r.do(ctx, http.MethodGet, "/asterisk/info", nil, nil, &info)
	return info, err
}

// live lists channels then bridges. A channel that ends between the two
// calls may still be named by a bridge; LiveChannels ignores such ids.
func (r *rest) live(ctx context.Context) ([]ariv5.ChannelData, []ariv5.BridgeData, time.Time, error) {
	var chans []ariv5.ChannelData
	date, err := r.do(ctx, http.MethodGet, "/channels", nil, nil, &chans)
	if err != nil {
		return nil, nil, date, err
	}
	var bridges []ariv5.BridgeData
	if _, err := r.do(ctx, http.MethodGet, "/bridges", nil, nil, &bridges); err != nil {
		return nil, nil, date, err
	}
	return chans, bridges, date, nil
}

// subscriptions returns what the application is subscribed to: without
// subscribeAll, the channels and bridges whose events it receives.
func (r *rest) subscriptions(ctx context.Context, app string) (ariv5.ApplicationData, error) {
	var a ariv5.ApplicationData
	_, err := r.do(ctx, http.MethodGet, "/applications/"+url.PathEscape(app), nil, nil, &a)
	return a, err
}
