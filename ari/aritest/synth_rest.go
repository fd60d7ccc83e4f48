package aritest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The REST resources an application uses to run calls, on the
// generated channels and bridges, with Asterisk's statuses and messages
// (rest-api/api-docs/channels.json and bridges.json).

// params merges the query with a JSON body's keys: Asterisk reads
// "other keys in the body object" as query parameters.
func params(r *http.Request) (url.Values, error) {
	q := r.URL.Query()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, err
	}
	body = bytes.TrimSpace(body)
	if len(body) == 0 || string(body) == "null" {
		return q, nil
	}
	var m map[string]any
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	for k, v := range m {
		switch x := v.(type) {
		case string:
			q.Set(k, x)
		case float64:
			q.Set(k, strconv.FormatFloat(x, 'f', -1, 64))
		case bool:
			q.Set(k, strconv.FormatBool(x))
		}
	}
	return q, nil
}

func writeMessage(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, string(marshal(object{{"message", msg}})))
}

// stasisChannelLocked finds a channel the application controls, or
// answers 404 or 409 and returns nil.
func (s *Server) stasisChannelLocked(w http.ResponseWriter, id string) *schan {
	c := s.syn.chans[id]
	if c == nil {
		writeMessage(w, http.StatusNotFound, "Channel not found")
		return nil
	}
	if !c.inStasis {
		writeMessage(w, http.StatusConflict, "Channel not in a Stasis application")
		return nil
	}
	return c
}

func (s *Server) getChannel(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	c := s.syn.chans[r.PathValue("id")]
	var body []byte
	if c != nil {
		body = marshal(c.json())
	}
	s.mu.Unlock()
	if c == nil {
		writeMessage(w, http.StatusNotFound, "Channel not found")
		return
	}
	writeJSON(w, http.StatusOK, string(body))
}

// answer answers a channel in the application; a Local trunk's other
// half (the customer's side) goes up with it.
func (s *Server) answer(w http.ResponseWriter, r *http.Request) {
	s.onStasisChannel(w, r, func(c *schan, at time.Time) {
		if c.state == "Up" {
			return
		}
		s.stateLocked(c, "Up", at)
		if p := c.pair; p != nil && !p.gone && p.state != "Up" {
			s.stateLocked(p, "Up", at)
			s.dialLocked(nil, p, "ANSWER", p.exten+"@"+p.context, at)
		}
	})
}

// onStasisChannel runs act under the lock on the path's channel, if it
// is in the application, and answers 204; otherwise the lookup's error.
func (s *Server) onStasisChannel(w http.ResponseWriter, r *http.Request, act func(c *schan, at time.Time)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.stasisChannelLocked(w, r.PathValue("id"))
	if c == nil {
		return
	}
	act(c, time.Now())
	w.WriteHeader(http.StatusNoContent)
}

// play starts a playback that lasts Config.PlaybackTime.
func (s *Server) play(w http.ResponseWriter, r *http.Request) {
	q, err := params(r)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.stasisChannelLocked(w, r.PathValue("id"))
	if c == nil {
		return
	}
	media := q.Get("media")
	if media == "" {
		writeMessage(w, http.StatusBadRequest, "Missing required parameter: media")
		return
	}
	id := r.PathValue("playbackId")
	if id == "" {
		id = q.Get("playbackId")
	}
	if id == "" {
		id = s.uuidLocked()
	}
	pb := playbackJSON{ID: id, MediaURI: media, TargetURI: "channel:" + c.id, Language: "en", State: "queued"}
	started := pb
	started.State = "playing"
	s.sendLocked(s.frame("PlaybackStarted", time.Now(), nil, object{{"playback", started}}), true)
	s.wg.Go(func() {
		s.pause(s.cfg.PlaybackTime, c, nil)
		if s.ctx.Err() != nil {
			return
		}
		s.locked(func(at time.Time) {
			done := pb
			done.State = "done"
			s.sendLocked(s.frame("PlaybackFinished", at, nil, object{{"playback", done}}), true)
		})
	})
	writeJSON(w, http.StatusCreated, string(marshal(pb)))
}

// hangupCauses are DELETE /channels' reasons.
var hangupCauses = map[string]int{
	"": 16, "normal": 16, "busy": 17, "congestion": 34, "no_answer": 19, "timeout": 19, "rejected": 21,
	"unallocated": 1, "normal_unspecified": 31, "number_incomplete": 28, "codec_mismatch": 58,
	"interworking": 127, "failure": 38, "answered_elsewhere": 26,
}

// hangup is DELETE /channels/{id}: any channel, in the application or
// not, as on Asterisk.
func (s *Server) hangup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	cause, ok := hangupCauses[q.Get("reason")]
	if code := q.Get("reason_code"); code != "" {
		n, err := strconv.Atoi(code)
		cause, ok = n, err == nil && n >= 0
	}
	if !ok {
		writeMessage(w, http.StatusBadRequest, "Invalid reason for hangup provided")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.syn.chans[r.PathValue("id")]
	if c == nil {
		writeMessage(w, http.StatusNotFound, "Channel not found")
		return
	}
	at := time.Now()
	if c.subscribed && c.state != "Up" && !c.inStasis {
		s.dialLocked(nil, c, "CANCEL", "", at) // an originate given up while ringing
	}
	s.hangupLocked(c, 32, cause, at)
	w.WriteHeader(http.StatusNoContent)
}

// continueDialplan leaves the application; the recordings' dialplan has
// nothing after Stasis(), so the channel hangs up.
func (s *Server) continueDialplan(w http.ResponseWriter, r *http.Request) {
	s.onStasisChannel(w, r, func(c *schan, at time.Time) {
		s.leaveBridgeLocked(c, at)
		s.stasisEndLocked(c, at)
		s.dialplanLocked(c, c.priority+1, "Hangup", "", at)
		s.hangupLocked(c, 16, 16, at)
	})
}

// originateApp is POST /channels (or /channels/{id}) with app: the
// dialled phone rings, and once answered enters the application.
func (s *Server) originateApp(w http.ResponseWriter, q url.Values) {
	req := originateReq{endpoint: q.Get("endpoint"), callerID: q.Get("callerId"), app: q.Get("app"),
		channelID: q.Get("channelId"), otherID: q.Get("otherChannelId"), timeout: 30 * time.Second}
	if a := q.Get("appArgs"); a != "" {
		req.args = strings.Split(a, ",")
	}
	if t := q.Get("timeout"); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			writeMessage(w, http.StatusBadRequest, "Invalid timeout")
			return
		}
		req.timeout = time.Duration(n) * time.Second
		if n < 0 {
			req.timeout = -1
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctx.Err() != nil {
		writeMessage(w, http.StatusServiceUnavailable, "Shutting down")
		return
	}
	for _, id := range []string{req.channelID, req.otherID} {
		if id != "" && s.syn.chans[id] != nil {
			writeMessage(w, http.StatusConflict, "Channel with given unique ID already exists")
			return
		}
	}
	c, ok := s.originateLocked(req, time.Now())
	if !ok {
		writeMessage(w, http.StatusBadRequest, fmt.Sprintf("Invalid endpoint %s", req.endpoint))
		return
	}
	snap := c.json()
	snap.State = "Down" // the snapshot of the new channel, before it rang
	writeJSON(w, http.StatusOK, string(marshal(snap)))
}

// applicationJSON is GET /applications/{app} for generated calls: the
// channels in the application or originated for it, and its bridges.
func (s *Server) applicationJSON(app string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	chans, bridges := []string{}, []string{}
	for _, id := range s.syn.corder {
		if s.syn.chans[id].seen() {
			chans = append(chans, id)
		}
	}
	for _, id := range s.syn.border {
		if s.syn.bridges[id].app {
			bridges = append(bridges, id)
		}
	}
	return marshal(object{{"name", app}, {"channel_ids", chans}, {"bridge_ids", bridges},
		{"endpoint_ids", []string{}}, {"device_names", []string{}}, {"events_allowed", []string{}}, {"events_disallowed", []string{}}})
}
