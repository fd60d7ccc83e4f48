package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tigerline/tigerline/ami"
	"github.com/tigerline/tigerline/ami/amisim"
	"github.com/tigerline/tigerline/ami/amitest"
	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/mysql/mysqltest"
	"github.com/tigerline/tigerline/internal/pbxtrace"
)

// recording is one trace split as amitest replays it.
type recording struct {
	name     string
	dialect  ami.Dialect
	banner   string
	login    []byte
	timeline [][]byte // unprompted frames, raw
	msgs     []*ami.Message
	want     []crm.CallRecord // the uncut replay's records
}

func loadRecording(t *testing.T, path string) *recording {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := ami.NewReader(bytes.NewReader(raw), ami.Limits{})
	b, err := r.ReadBanner()
	if err != nil {
		t.Fatal(err)
	}
	rec := &recording{name: strings.TrimSuffix(filepath.Base(path), ".txt"), dialect: ami.DetectDialect(b, ami.DialectAuto), banner: b.Line}
	for i := 0; ; i++ {
		start := r.Offset()
		m, err := r.ReadMessage()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		frame := raw[start:r.Offset()]
		id := m.ActionID()
		switch {
		case i == 0:
			rec.login = frame
		case !m.IsEvent(), id == "status-1", id == "channels-1":
			// replies to the recording client's actions
		default:
			rec.timeline = append(rec.timeline, frame)
			rec.msgs = append(rec.msgs, m)
		}
	}
	return rec
}

// expected replays the whole recording through a tracker.
func (rec *recording) expected(gw string) []crm.CallRecord {
	tc, _ := trackerConfig(faultPBX(gw, ""))
	tc.Agents = crm.SetOf("101", "102", "201", "202")
	tr := crm.NewCallTracker(tc)
	n := ami.Normalizer{Gateway: gw, Dialect: rec.dialect}
	var out []crm.CallRecord
	at := time.Now()
	for _, m := range rec.msgs {
		for _, ev := range n.Normalize(m, at) {
			for _, u := range tr.Feed(ev) {
				if u.Kind == crm.CallEnded {
					out = append(out, u.Call)
				}
			}
		}
	}
	return out
}

func faultPBX(gw, addr string) *crm.PBX {
	return &crm.PBX{Name: gw, Kind: crm.PBXKindAMI, Address: addr, Username: "crm", Secret: "crmsecret", Version: "auto", Enabled: true,
		InboundContexts: []string{"from-pstn"}, OutboundContexts: []string{"pstn-out"},
		DIDs: []string{"+18005550100", "+18005550200", "+18005550300"}}
}

// resumed is the recording from frame k on, as a reconnecting client
// meets it: login, then a Status reply listing the channels live after
// the first k frames, then the rest, 40 ms later so the list comes first.
func (rec *recording) resumed(k int) (trace, timing []byte) {
	chans := amisim.NewChannels()
	now := time.Now()
	for _, m := range rec.msgs[:k] {
		chans.Apply(m, now)
	}
	var b bytes.Buffer
	var tsv strings.Builder
	tsv.WriteString("offset\tseconds\n")
	add := func(frame []byte, at string) {
		fmt.Fprintf(&tsv, "%d\t%s\n", b.Len(), at)
		b.Write(frame)
	}
	add([]byte(rec.banner+"\r\n"), "0")
	add(rec.login, "0")
	for _, m := range amisim.StatusReply(rec.dialect, "status-1", chans.List(), now) {
		add([]byte(m.String()), "0")
	}
	for _, f := range rec.timeline[k:] {
		add(f, "0.150")
	}
	return b.Bytes(), []byte(tsv.String())
}

// relay sends the first connection to first and the others to rest.
func relay(t *testing.T, first, rest string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var conns sync.Map
	t.Cleanup(func() {
		ln.Close()
		conns.Range(func(k, _ any) bool { k.(net.Conn).Close(); return true })
		wg.Wait()
	})
	wg.Go(func() {
		for n := 0; ; n++ {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			to := rest
			if n == 0 {
				to = first
			}
			up, err := net.Dial("tcp", to)
			if err != nil {
				c.Close()
				continue
			}
			conns.Store(c, true)
			conns.Store(up, true)
			wg.Go(func() { io.Copy(up, c); up.Close() })
			wg.Go(func() { io.Copy(c, up); c.Close() })
		}
	})
	return ln.Addr().String()
}

// cutAndResume replays rec and cuts the connection once the runner has
// applied the first k frames (so none is in flight: a cut exactly at that
// frame boundary); the supervisor reconnects, through the relay, to a
// server that answers Status with the channels live at that point and
// then plays the rest. It returns the saves and the records stored.
func cutAndResume(t *testing.T, rec *recording, k int) (int, []crm.CallRecord, error) {
	noStatus := map[string]string{"Originate": "orig-1", "Logoff": "logoff-1"}
	a, err := amitest.Start(amitest.Config{Username: "crm", Secret: "crmsecret", Trace: rawTrace(rec, k), ActionIDs: noStatus})
	if err != nil {
		return 0, nil, err
	}
	defer a.Close()
	trace, timing := rec.resumed(k)
	b, err := amitest.Start(amitest.Config{Username: "crm", Secret: "crmsecret", Trace: trace, Timing: timing, Speed: 1,
		ActionIDs: map[string]string{"Status": "status-1", "Logoff": "logoff-1"}})
	if err != nil {
		return 0, nil, err
	}
	defer b.Close()
	addr := relay(t, a.Addr(), b.Addr())
	store := &memStore{}
	done := make(chan struct{})
	var doneOnce, cutOnce sync.Once
	var last, atResync atomic.Int64
	atResync.Store(-1)
	rest := int64(len(rec.timeline) - k)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		runPBXs(ctx, []*crm.PBX{faultPBX("fault", addr)}, pbxRunConfig{
			Calls: store, Users: fixedAgents{}, Log: mysqltest.Logger(),
			Backoff: ami.Backoff{Base: 2 * time.Millisecond, Cap: 20 * time.Millisecond},
			OnHandled: func(_ string, n int64, resync bool) {
				last.Store(n)
				if n == int64(k) && !resync {
					cutOnce.Do(func() { go a.CutConnections() })
				}
				if resync && atResync.Load() < 0 {
					atResync.Store(n)
				}
				if r := atResync.Load(); r >= 0 && n-r >= rest {
					doneOnce.Do(func() { close(done) })
				}
			},
		})
	})
	var werr error
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		werr = fmt.Errorf("cut after %d: %d frames applied, resync after %d, want %d more within 10s (%d connections to the first server, %d to the second)",
			k, last.Load(), atResync.Load(), rest, a.Accepted(), b.Accepted())
	}
	cancel()
	wg.Wait()
	saves, recs := store.records()
	return saves, recs, werr
}

// rawTrace is the recording up to its k-th frame.
func rawTrace(rec *recording, k int) []byte {
	var b bytes.Buffer
	b.WriteString(rec.banner + "\r\n")
	b.Write(rec.login)
	for _, f := range rec.timeline[:k] {
		b.Write(f)
	}
	return b.Bytes()
}

// fixedAgents are the recordings' agents.
type fixedAgents struct{}

func (fixedAgents) FindUsers(context.Context) ([]*crm.User, error) {
	var us []*crm.User
	for _, e := range []string{"101", "102", "201", "202"} {
		us = append(us, &crm.User{UserName: "agent" + e, Extension: e})
	}
	return us, nil
}

// TestPBXSurvivesCuts replays every recorded AMI call through a real
// socket, cutting the connection after each frame in turn (every frame
// boundary of every recording with a call); the runner's supervisor
// reconnects, resyncs from Status, and must still store exactly one
// correct record per call.
func TestPBXSurvivesCuts(t *testing.T) {
	dir := pbxtrace.Path()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "ami-*.txt"))
	if len(files) == 0 {
		t.Skipf("no AMI traces under %s: they ship beside the repository for developers and CI, not in a user's clone", dir)
	}
	sort.Strings(files)
	type job struct {
		rec *recording
		k   int
	}
	var jobs []job
	for _, f := range files {
		rec := loadRecording(t, f)
		rec.want = rec.expected("fault")
		if len(rec.want) == 0 {
			continue
		}
		for k := 1; k < len(rec.timeline); k++ {
			jobs = append(jobs, job{rec, k})
		}
	}
	var failed atomic.Int64
	sem := make(chan struct{}, 24)
	var wg sync.WaitGroup
	for _, j := range jobs {
		if failed.Load() > 10 {
			break
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			saves, got, err := cutAndResume(t, j.rec, j.k)
			if msg := compareRecords(saves, got, j.rec.want, err); msg != "" {
				failed.Add(1)
				t.Errorf("%s cut after frame %d of %d: %s", j.rec.name, j.k, len(j.rec.timeline), msg)
			}
		})
	}
	wg.Wait()
	t.Logf("%d cuts over %d recordings", len(jobs), len(files))
}

func compareRecords(saves int, got, want []crm.CallRecord, err error) string {
	if err != nil {
		return err.Error()
	}
	if len(got) != len(want) || saves != len(want) {
		return fmt.Sprintf("got %d records in %d saves, want %d: %+v", len(got), saves, len(want), got)
	}
	byID := make(map[string]crm.CallRecord, len(got))
	for _, r := range got {
		byID[r.SourceUniqueID] = r
	}
	for _, w := range want {
		g, ok := byID[w.SourceUniqueID]
		switch {
		case !ok:
			return fmt.Sprintf("no record for %s: got %+v", w.SourceUniqueID, got)
		case g.Direction != w.Direction, g.Status != w.Status, g.AgentExtension != w.AgentExtension,
			g.CustomerNumber != w.CustomerNumber, g.Queue != w.Queue:
			return fmt.Sprintf("record:\n got %+v\nwant %+v", g, w)
		}
	}
	return ""
}
