package amitest

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// session is one client connection: a read loop answering actions and,
// after login, a timeline goroutine replaying the recording.
type session struct {
	srv  *Server
	conn net.Conn

	wmu sync.Mutex // one frame at a time on the socket

	mu        sync.Mutex
	challenge string
	loggedIn  bool
	ids       map[string]string // trace ActionID → client ActionID
}

func newSession(s *Server, conn net.Conn) *session {
	return &session{srv: s, conn: conn, ids: make(map[string]string)}
}

func (c *session) serve() {
	ctx, cancel := context.WithCancel(c.srv.ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()
	defer c.conn.Close()
	c.write([]byte(c.srv.cfg.Banner + "\r\n"))
	r := ami.NewReader(c.conn, ami.Limits{})
	for {
		m, err := r.ReadMessage()
		if err != nil {
			return
		}
		if done := c.handle(ctx, &wg, m); done {
			return
		}
	}
}

// handle answers one action and reports whether the connection must end.
func (c *session) handle(ctx context.Context, wg *sync.WaitGroup, m *ami.Message) bool {
	action, id := strings.ToLower(m.Action()), m.ActionID()
	c.mu.Lock()
	loggedIn := c.loggedIn
	c.mu.Unlock()
	switch {
	case action == "challenge":
		c.write(c.challengeReply(id))
	case action == "login":
		if !c.authOK(m) {
			c.write(reply("Error", id, "Message", "Authentication failed"))
			return true
		}
		c.srv.logins.Add(1)
		c.mu.Lock()
		c.loggedIn = true
		c.mu.Unlock()
		c.write(c.loginReply(id))
		if c.srv.script != nil {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c.playTimeline(ctx)
			}()
		}
	case !loggedIn:
		c.write(reply("Error", id, "Message", "Permission denied"))
	case action == "ping":
		c.write(c.pingReply(id))
	case action == "command":
		c.write(c.commandReply(id, m.Get("Command")))
	default:
		c.replay(m.Action(), id)
		return action == "logoff"
	}
	return false
}

func (c *session) authOK(m *ami.Message) bool {
	cfg := c.srv.cfg
	if m.Get("Username") != cfg.Username {
		return false
	}
	if strings.EqualFold(m.Get("AuthType"), "MD5") {
		c.mu.Lock()
		ch := c.challenge
		c.mu.Unlock()
		return ch != "" && strings.EqualFold(m.Get("Key"), ami.MD5Key(ch, cfg.Secret))
	}
	return m.Get("Secret") == cfg.Secret
}

func (c *session) challengeReply(id string) []byte {
	n, _ := rand.Int(rand.Reader, big.NewInt(1e9))
	c.mu.Lock()
	c.challenge = n.String()
	c.mu.Unlock()
	return reply("Success", id, "Challenge", n.String())
}

// loginReply is the recorded one when there is a recording.
func (c *session) loginReply(id string) []byte {
	if sc := c.srv.script; sc != nil {
		return rewriteID(sc.login, "login-1", id)
	}
	return reply("Success", id, "Message", "Authentication accepted")
}

// replay answers an action with the recorded reply group for its name, or
// with Asterisk's error for an action it does not know.
func (c *session) replay(action, id string) {
	traceID := c.srv.cfg.ActionIDs[action]
	var group []frame
	if sc := c.srv.script; sc != nil && traceID != "" {
		group = sc.replies[traceID]
	}
	if len(group) == 0 {
		if strings.EqualFold(action, "Logoff") {
			c.write(reply("Goodbye", id, "Message", "Thanks for all the fish."))
			return
		}
		c.write(reply("Error", id, "Message", "Invalid/unknown command"))
		return
	}
	c.mu.Lock()
	c.ids[traceID] = id
	c.mu.Unlock()
	for _, f := range group {
		c.write(rewriteID(f.raw, traceID, id))
	}
}

// playTimeline sends the unprompted frames, paced when asked to.
func (c *session) playTimeline(ctx context.Context) {
	cfg := c.srv.cfg
	start := time.Now()
	for i, f := range c.srv.script.timeline {
		if cfg.CutAfterFrames > 0 && i >= cfg.CutAfterFrames {
			c.conn.Close()
			return
		}
		if cfg.Speed > 0 {
			due := start.Add(time.Duration(float64(f.at) / cfg.Speed))
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Until(due)):
			}
		}
		if ctx.Err() != nil {
			return
		}
		c.mu.Lock()
		clientID, ok := c.ids[f.actionID]
		c.mu.Unlock()
		raw := f.raw
		if ok {
			raw = rewriteID(raw, f.actionID, clientID)
		}
		c.write(raw)
	}
}

// write sends one frame unless the server plays dead. Errors end the read
// loop on their own, so they are not reported here.
func (c *session) write(b []byte) {
	if c.srv.silent.Load() {
		return
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	_, _ = c.conn.Write(b)
}

// reply builds a response frame the way manager.c does: Response first,
// then ActionID when the client sent one.
func reply(response, id string, kv ...string) []byte {
	var b strings.Builder
	b.WriteString("Response: " + response + "\r\n")
	if id != "" {
		b.WriteString("ActionID: " + id + "\r\n")
	}
	for i := 0; i+1 < len(kv); i += 2 {
		b.WriteString(kv[i] + ": " + kv[i+1] + "\r\n")
	}
	b.WriteString("\r\n")
	return []byte(b.String())
}

// pingReply follows each version's manager.c, since the recordings hold no
// Ping: 1.4 answers "Response: Pong", 1.6 "Ping: Pong", 22 adds Timestamp.
func (c *session) pingReply(id string) []byte {
	switch c.version() {
	case "1.0":
		return reply("Pong", id)
	case "1.1":
		return reply("Success", id, "Ping", "Pong")
	}
	ts := fmt.Sprintf("%.6f", float64(time.Now().UnixMicro())/1e6)
	return reply("Success", id, "Ping", "Pong", "Timestamp", ts)
}

// commandReply writes canned CLI output in the dialect's format.
func (c *session) commandReply(id, command string) []byte {
	out, ok := c.srv.cfg.Commands[command]
	if !ok {
		out = "No such command '" + command + "' (type 'core show help " + command + "' for other possible commands)\n"
	}
	if v := c.version(); v == "1.0" || v == "1.1" {
		var b strings.Builder
		b.WriteString("Response: Follows\r\nPrivilege: Command\r\n")
		if id != "" {
			b.WriteString("ActionID: " + id + "\r\n")
		}
		b.WriteString(out + "--END COMMAND--\r\n\r\n")
		return []byte(b.String())
	}
	kv := []string{"Message", "Command output follows"}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		kv = append(kv, "Output", line)
	}
	return reply("Success", id, kv...)
}

func (c *session) version() string {
	b, err := ami.ParseBanner(c.srv.cfg.Banner)
	if err != nil {
		return ""
	}
	return b.Version
}

// ReplyActionIDs lists the recorded ActionIDs the server can answer, for
// tests that want to check what a recording offers.
func (s *Server) ReplyActionIDs() []string {
	if s.script == nil {
		return nil
	}
	ids := make([]string, 0, len(s.script.replies))
	for id := range s.script.replies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
