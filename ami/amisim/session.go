package amisim

import (
	"crypto/rand"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tigerline/tigerline/ami"
)

// sendQueue is how many frames may wait for a slow client before the
// server drops it, as Asterisk does when its write times out.
const sendQueue = 8192

// session is one client connection: a read loop answering actions and a
// write loop draining the send queue.
type session struct {
	srv    *Server
	conn   net.Conn
	out    chan []byte
	closed chan struct{}
	once   sync.Once
	events atomic.Bool // logged in with events on

	challenge string
	loggedIn  bool
}

func newSession(s *Server, conn net.Conn) *session {
	return &session{srv: s, conn: conn, out: make(chan []byte, sendQueue), closed: make(chan struct{})}
}

// send queues b without waiting; a full queue drops the client.
func (c *session) send(b []byte) {
	select {
	case c.out <- b:
	case <-c.closed:
	default:
		c.close()
	}
}

func (c *session) close() {
	c.once.Do(func() {
		close(c.closed)
		c.conn.Close()
	})
}

func (c *session) serve() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.writeLoop()
	}()
	defer wg.Wait()
	defer c.close()
	c.send([]byte(Banner(c.srv.cfg.Dialect) + "\r\n"))
	r := ami.NewReader(c.conn, ami.Limits{})
	for {
		m, err := r.ReadMessage()
		if err != nil {
			return
		}
		if c.handle(m) {
			// Let the last reply out before closing.
			time.Sleep(50 * time.Millisecond)
			return
		}
	}
}

func (c *session) writeLoop() {
	for {
		select {
		case <-c.closed:
			return
		case b := <-c.out:
			if c.srv.silent.Load() {
				continue
			}
			_ = c.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
			if _, err := c.conn.Write(b); err != nil {
				c.close()
				return
			}
		}
	}
}

// handle answers one action and reports whether the connection must end.
func (c *session) handle(m *ami.Message) bool {
	action, id := strings.ToLower(m.Action()), m.ActionID()
	switch {
	case action == "challenge":
		n, _ := rand.Int(rand.Reader, big.NewInt(1e9))
		c.challenge = n.String()
		c.reply("Success", id, "Challenge", c.challenge)
	case action == "login":
		return c.login(m, id)
	case action == "logoff":
		c.reply("Goodbye", id, "Message", "Thanks for all the fish.")
		return true
	case !c.loggedIn:
		c.reply("Error", id, "Message", "Permission denied")
	case action == "ping":
		c.pong(id)
	case action == "status", action == "coreshowchannels":
		c.srv.lists(c, action, id)
	case action == "originate":
		if msg := c.srv.originate(m, id); msg != "" {
			c.reply("Error", id, "Message", msg)
		} else {
			c.reply("Success", id, "Message", "Originate successfully queued")
		}
	case action == "events":
		c.events.Store(!strings.EqualFold(m.Get("EventMask"), "off"))
		c.reply("Success", id, "Events", m.Get("EventMask"))
	default:
		c.reply("Error", id, "Message", "Invalid/unknown command")
	}
	return false
}

func (c *session) login(m *ami.Message, id string) bool {
	cfg := c.srv.cfg
	ok := m.Get("Username") == cfg.Username
	if strings.EqualFold(m.Get("AuthType"), "MD5") {
		ok = ok && c.challenge != "" && strings.EqualFold(m.Get("Key"), ami.MD5Key(c.challenge, cfg.Secret))
	} else {
		ok = ok && m.Get("Secret") == cfg.Secret
	}
	if !ok {
		c.reply("Error", id, "Message", "Authentication failed")
		return true
	}
	c.loggedIn = true
	c.srv.logins.Add(1)
	c.reply("Success", id, "Message", "Authentication accepted")
	if cfg.Dialect == ami.DialectAMI2 {
		c.send([]byte(kvMsg("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "21", "LastReload", "21", "Status", "Fully Booted").String()))
		now := time.Now().UTC().Format("2006-01-02T15:04:05.000+0000")
		c.send([]byte(kvMsg("Event", "SuccessfulAuth", "Privilege", "security,all", "EventTV", now,
			"Severity", "Informational", "Service", "AMI", "EventVersion", "1", "AccountID", cfg.Username,
			"SessionID", fmt.Sprintf("%p", c), "LocalAddress", "IPV4/TCP/"+c.conn.LocalAddr().String(),
			"RemoteAddress", "IPV4/TCP/"+c.conn.RemoteAddr().String(), "UsingPassword", "0", "SessionTV", now).String()))
	}
	if !strings.EqualFold(m.Get("Events"), "off") {
		c.events.Store(true)
	}
	return false
}

// pong follows each version's manager.c: 1.4 answers "Response: Pong",
// 1.6 "Ping: Pong", 12+ adds a Timestamp.
func (c *session) pong(id string) {
	switch c.srv.cfg.Dialect {
	case ami.Dialect14:
		c.reply("Pong", id)
	case ami.DialectAMI2:
		ts := fmt.Sprintf("%.6f", float64(time.Now().UnixMicro())/1e6)
		c.reply("Success", id, "Ping", "Pong", "Timestamp", ts)
	default:
		c.reply("Success", id, "Ping", "Pong")
	}
}

// reply queues a response: Response first, then ActionID when given.
func (c *session) reply(response, id string, kv ...string) {
	m := kvMsg("Response", response)
	if id != "" {
		m.Add("ActionID", id)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m.Add(kv[i], kv[i+1])
	}
	c.send([]byte(m.String()))
}
