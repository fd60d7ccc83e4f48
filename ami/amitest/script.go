package amitest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// DefaultActionIDs maps an action name to the ActionID the recording
// client used for it (see the traces README).
var DefaultActionIDs = map[string]string{
	"Originate":        "orig-1",
	"Redirect":         "xfer-1",
	"BlindTransfer":    "xfer-1",
	"Status":           "status-1",
	"CoreShowChannels": "channels-1",
	"Logoff":           "logoff-1",
}

// frame is one recorded message, byte for byte.
type frame struct {
	raw      []byte
	at       time.Duration // since the login response
	actionID string
}

// script is a recording split into what the server sends unprompted (the
// timeline) and the reply groups it sends when the client asks.
type script struct {
	banner   string
	login    []byte
	timeline []frame
	replies  map[string][]frame // by the trace's ActionID
}

// parseScript splits a .txt trace with the codec under test, keeping each
// frame's original bytes. timing may be nil.
func parseScript(trace, timing []byte) (*script, error) {
	r := ami.NewReader(bytes.NewReader(trace), ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		return nil, fmt.Errorf("amitest: parse trace: %w", err)
	}
	var all []frame
	var msgs []*ami.Message
	offs := []int64{r.Offset()}
	for {
		m, err := r.ReadMessage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("amitest: parse trace frame %d: %w", len(all), err)
		}
		start, end := offs[len(offs)-1], r.Offset()
		offs = append(offs, end)
		all = append(all, frame{raw: trace[start:end], actionID: m.ActionID()})
		msgs = append(msgs, m)
	}
	if len(all) == 0 || msgs[0].IsEvent() {
		return nil, fmt.Errorf("amitest: parse trace: no login response after banner")
	}
	if err := applyTiming(all, offs, timing); err != nil {
		return nil, err
	}
	return split(b.Line, all, msgs), nil
}

// split moves every list reply (response, items, closing event) and every
// plain response into reply groups; the rest is the timeline. An event that
// merely carries an ActionID later on (OriginateResponse) stays on the
// timeline, where it was in the recording.
func split(banner string, all []frame, msgs []*ami.Message) *script {
	s := &script{banner: banner, login: all[0].raw, replies: make(map[string][]frame)}
	lastOf := make(map[string]int) // trace ActionID → index of its list end
	for i, m := range msgs {
		if id := m.ActionID(); id != "" && m.IsEvent() && strings.HasSuffix(m.Event(), "Complete") {
			lastOf[id] = i
		}
	}
	open := make(map[string]bool) // reply group still collecting
	for i := 1; i < len(all); i++ {
		f, m := all[i], msgs[i]
		id := f.actionID
		switch {
		case id != "" && !m.IsEvent() && s.replies[id] == nil:
			s.replies[id] = []frame{f}
			_, open[id] = lastOf[id]
		case id != "" && open[id]:
			s.replies[id] = append(s.replies[id], f)
			open[id] = i < lastOf[id]
		default:
			s.timeline = append(s.timeline, f)
		}
	}
	return s
}

// applyTiming sets each frame's time relative to the login response.
func applyTiming(all []frame, offs []int64, timing []byte) error {
	if timing == nil {
		return nil
	}
	at := make(map[int64]float64)
	for i, line := range strings.Split(strings.TrimSpace(string(timing)), "\n") {
		off, secs, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if i == 0 || !ok {
			continue
		}
		o, err1 := strconv.ParseInt(off, 10, 64)
		t, err2 := strconv.ParseFloat(secs, 64)
		if err := errors.Join(err1, err2); err != nil {
			return fmt.Errorf("amitest: timing line %d: %w", i+1, err)
		}
		at[o] = t
	}
	base := at[offs[0]]
	for i := range all {
		all[i].at = time.Duration((at[offs[i]] - base) * float64(time.Second))
	}
	return nil
}

// rewriteID replaces the recorded ActionID line with the client's.
func rewriteID(raw []byte, traceID, clientID string) []byte {
	if traceID == "" || traceID == clientID {
		return raw
	}
	old := []byte("\r\nActionID: " + traceID + "\r\n")
	return bytes.Replace(raw, old, []byte("\r\nActionID: "+clientID+"\r\n"), 1)
}
