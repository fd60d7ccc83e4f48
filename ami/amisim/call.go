// Package amisim is a synthetic Asterisk: it generates the AMI frames a
// real Asterisk 1.4, 1.6 or 12+ (AMI 2) sends for a call, and serves them
// on a loopback manager interface with logins, pings, channel lists and
// click-to-call, so the demo and the end-to-end tests have live calls
// without a PBX. The frame shapes (event names, header names and order,
// Local channel naming, uniqueid and linkedid forms) follow the recordings
// in ../shared/pbx-traces, written here as code so the simulator needs no
// trace files at run time.
//
// The simulated dialplan is the recordings': a DID in context from-pstn
// dials Local/<agent>@agents for at most the ring time; agents answer,
// talk, and hang up first; click-to-call rings the agent, then dials
// Local/<number>@pstn-out.
package amisim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// DefaultDID is the sales number of the recordings.
const DefaultDID = "+18005550100"

// Call describes one simulated call.
type Call struct {
	// CallerNum and CallerName are the customer's caller id; for an
	// outbound call CallerNum is the number dialled.
	CallerNum  string
	CallerName string
	DID        string // inbound: the number dialled; default DefaultDID
	Agent      string // the agent's extension, e.g. "101"
	// Ring is how long the agent's phone rings before answering, or, when
	// the call is not answered, before the Dial times out.
	Ring     time.Duration
	Talk     time.Duration // agent and customer talking
	Answered bool
	// Outbound makes a click-to-call: the agent's phone rings first
	// (Ring), then the customer's (3 s), who answers when Answered.
	Outbound bool
	// ActionID is the Originate's, echoed on OriginateResponse; empty for
	// calls the PBX receives on its own.
	ActionID string
}

// Frame is one generated AMI frame and when it is due, counted from the
// start of its call.
type Frame struct {
	At  time.Duration
	Msg *ami.Message
}

// Bytes returns the frame as it goes on the wire.
func (f Frame) Bytes() []byte { return []byte(f.Msg.String()) }

// Generator turns calls into frames in one dialect. It numbers channels
// as one Asterisk process does (uniqueid sequence, Local channel counter),
// so the calls of one generator never collide. Safe for concurrent use.
type Generator struct {
	dialect ami.Dialect
	mu      sync.Mutex
	seq     uint64 // next uniqueid sequence number
	local   uint64 // next Local channel number (AMI 2)
	rnd     *rand.Rand
}

// NewGenerator returns a generator for d (Dialect14, Dialect16, Dialect18
// or DialectAMI2; 1.8 is generated as 1.6). seed makes Local channel
// suffixes and bridge ids repeatable.
func NewGenerator(d ami.Dialect, seed uint64) *Generator {
	if d == ami.DialectAuto {
		d = ami.DialectAMI2
	}
	return &Generator{dialect: d, rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Dialect returns the generator's dialect.
func (g *Generator) Dialect() ami.Dialect { return g.dialect }

// Frames returns the frames of c, a call starting at start, in the order
// the PBX sends them.
func (g *Generator) Frames(c Call, start time.Time) []Frame {
	if c.DID == "" {
		c.DID = DefaultDID
	}
	if c.CallerName == "" {
		c.CallerName = c.CallerNum
	}
	b := &script{g: g, call: c, start: start.UTC(), epoch: start.Unix()}
	switch {
	case c.Outbound && g.dialect == ami.DialectAMI2:
		outbound22(b)
	case c.Outbound && g.dialect == ami.Dialect14:
		outbound14(b)
	case c.Outbound:
		outbound16(b)
	case g.dialect == ami.DialectAMI2:
		inbound22(b)
	case g.dialect == ami.Dialect14:
		inbound14(b)
	default:
		inbound16(b)
	}
	return b.frames
}

// script collects one call's frames.
type script struct {
	g      *Generator
	call   Call
	start  time.Time
	epoch  int64
	at     time.Duration
	frames []Frame
}

// channel is one simulated channel's snapshot, as its events show it.
type channel struct {
	name, uid, linked                  string
	state                              int
	cidNum, cidName, connNum, connName string
	context, exten                     string
	prio                               int
	created                            time.Duration
	answered                           time.Duration
}

// pair creates the two halves of a Local channel to exten@context.
func (b *script) pair(exten, context string) (one, two *channel) {
	suffix := b.g.localSuffix()
	sep := ";"
	if b.g.dialect == ami.Dialect14 {
		sep = ","
	}
	base := "Local/" + exten + "@" + context + "-" + suffix + sep
	one = &channel{name: base + "1", uid: b.g.uid(b.epoch, b.at), context: context, exten: exten, prio: 1, created: b.at}
	two = &channel{name: base + "2", uid: b.g.uid(b.epoch, b.at), context: context, exten: exten, prio: 1, state: 4, created: b.at}
	return one, two
}

// emit appends an event frame at the script's current time.
func (b *script) emit(kv ...string) *ami.Message {
	m := &ami.Message{Headers: make([]ami.Header, 0, len(kv)/2+16)}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Add(kv[i], kv[i+1])
	}
	b.frames = append(b.frames, Frame{At: b.at, Msg: m})
	return m
}

// wait moves the script's clock on.
func (b *script) wait(d time.Duration) { b.at += d }

// cdrTime formats a Cdr time; zero offsets of unanswered calls are blank.
func (b *script) cdrTime(d time.Duration) string {
	return b.start.Add(d).Format("2006-01-02 15:04:05")
}

// quotedCID is a Cdr CallerID: "Name" <num>.
func quotedCID(name, num string) string {
	if name == "" {
		return "<" + num + ">"
	}
	return strconv.Quote(name) + " <" + num + ">"
}

func (g *Generator) uid(epoch int64, at time.Duration) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := g.seq
	g.seq++
	return strconv.FormatInt(epoch+int64(at/time.Second), 10) + "." + strconv.FormatUint(n, 10)
}

// localSuffix numbers a Local pair: 8 hex digits counting up on AMI 2,
// 4 random hex digits on 1.4 and 1.6.
func (g *Generator) localSuffix() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.dialect == ami.DialectAMI2 {
		n := g.local
		g.local++
		return fmt.Sprintf("%08x", n)
	}
	return fmt.Sprintf("%04x", g.rnd.IntN(0x10000))
}

// bridgeID is a random UUID, the shape of AMI 2's BridgeUniqueid.
func (g *Generator) bridgeID() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	a, b := g.rnd.Uint64(), g.rnd.Uint64()
	a = a&^0xf000 | 0x4000
	b = b&^(3<<62) | 2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xffff, b>>48, b&0xffffffffffff)
}

var stateDescs = map[int]string{0: "Down", 4: "Ring", 5: "Ringing", 6: "Up"}

func stateDesc(s int) string {
	if d, ok := stateDescs[s]; ok {
		return d
	}
	return "Unknown"
}

// secs formats whole seconds of a duration, as Cdr does.
func secs(d time.Duration) string { return strconv.Itoa(int(d / time.Second)) }

func itoa(n int) string { return strconv.Itoa(n) }
