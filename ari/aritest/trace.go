// Package aritest is a loopback Asterisk ARI server for tests and the
// demo: REST and the events websocket, replaying a recorded trace (the
// pbx-traces ari-22-*.events.jsonl frames, REST answers from its
// .rest.jsonl) and able to drop the websocket at chosen points of a
// call, and generating calls of its own (Place, RunLoop).
//
// Generated calls follow the recordings' dialplan and event shapes (key
// order, channel naming, Local pairs, uniqueids): a call to DefaultDID
// rings an agent from the dialplan, which a subscribeAll (monitor)
// client watches; a call to StasisDID enters the Stasis application,
// and the server answers the REST calls of an application that runs it
// (answer, play, bridges, originate with app, hangup, continue) with
// the events Asterisk sends, to the connections that would receive them.
package aritest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Exchange is one recorded REST call.
type Exchange struct {
	Request struct {
		Method string          `json:"method"`
		Path   string          `json:"path"`
		Body   json.RawMessage `json:"body"`
	} `json:"request"`
	Response struct {
		Status      int    `json:"status"`
		Reason      string `json:"reason"`
		ContentType string `json:"content_type"`
		Body        string `json:"body"`
	} `json:"response"`
}

// Trace is one recording: the websocket frames in order and the REST
// calls the recording client made.
type Trace struct {
	Name   string
	Frames [][]byte
	REST   []Exchange
}

// LoadTrace reads <dir>/<name>.events.jsonl and, when present,
// <dir>/<name>.rest.jsonl.
func LoadTrace(dir, name string) (*Trace, error) {
	tr := &Trace{Name: name}
	ev, err := os.ReadFile(filepath.Join(dir, name+".events.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("aritest: %w", err)
	}
	for line := range lines(ev) {
		tr.Frames = append(tr.Frames, line)
	}
	rest, err := os.ReadFile(filepath.Join(dir, name+".rest.jsonl"))
	if err != nil && !os.IsNotExist(err) {
		return nil, fmt.Errorf("aritest: %w", err)
	}
	for line := range lines(rest) {
		var x Exchange
		if err := json.Unmarshal(line, &x); err != nil {
			return nil, fmt.Errorf("aritest: %s.rest.jsonl: %w", name, err)
		}
		tr.REST = append(tr.REST, x)
	}
	return tr, nil
}

func lines(b []byte) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
		for sc.Scan() {
			if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 && !yield(append([]byte(nil), l...)) {
				return
			}
		}
	}
}

// recorded returns the first recorded answer to method and path (the
// path without query string when the recording has none), or nil.
func (tr *Trace) recorded(method, path string) *Exchange {
	for i := range tr.REST {
		x := &tr.REST[i]
		p := x.Request.Path
		if i := bytes.IndexByte([]byte(p), '?'); i >= 0 {
			p = p[:i]
		}
		if x.Request.Method == method && p == path {
			return x
		}
	}
	return nil
}
