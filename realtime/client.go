package realtime

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/crm"
)

// client is one websocket connection. The hub writes to send only, never
// to the connection; the write pump alone writes frames (and control
// frames through WriteControl, which gorilla allows concurrently).
type client struct {
	hub        *Hub
	conn       *websocket.Conn
	user       *crm.User
	supervisor bool
	remote     string

	send      chan *websocket.PreparedMessage
	done      chan struct{} // closed when the connection must end
	closeOnce sync.Once
	closeCode int
	closeText string
}

func deadline(d time.Duration) time.Time { return time.Now().Add(d) }

// enqueue queues pm without waiting and reports whether it fit.
func (c *client) enqueue(pm *websocket.PreparedMessage) bool {
	select {
	case c.send <- pm:
		return true
	default:
		return false
	}
}

// close asks the write pump to send a close frame with code and end the
// connection. Only the first call counts.
func (c *client) close(code int, text string) {
	c.closeOnce.Do(func() {
		c.closeCode, c.closeText = code, text
		close(c.done)
	})
}

// writePump sends queued messages and pings, and closes the connection
// when done closes or a write fails.
func (c *client) writePump() {
	cfg := &c.hub.cfg
	ping := time.NewTicker(cfg.PingInterval)
	defer func() {
		ping.Stop()
		_ = c.conn.Close()
	}()
	// writeBy is the write deadline in force. It is moved only once less
	// than half of WriteWait is left, so a stuck write still fails within
	// WriteWait, and a fan-out to thousands of connections does not reset
	// a timer per message.
	var writeBy time.Time
	for {
		select {
		case pm := <-c.send:
			if now := time.Now(); writeBy.Sub(now) < cfg.WriteWait/2 {
				writeBy = now.Add(cfg.WriteWait)
				_ = c.conn.SetWriteDeadline(writeBy)
			}
			if err := c.conn.WritePreparedMessage(pm); err != nil {
				c.close(websocket.CloseAbnormalClosure, "")
				return
			}
			c.hub.written.Add(1)
		case <-ping.C:
			if err := c.conn.WriteControl(websocket.PingMessage, nil, deadline(cfg.WriteWait)); err != nil {
				c.close(websocket.CloseAbnormalClosure, "")
				return
			}
		case <-c.done:
			_ = c.conn.WriteControl(websocket.CloseMessage,
				websocket.FormatCloseMessage(c.closeCode, c.closeText), deadline(cfg.WriteWait))
			return
		}
	}
}

// readPump reads what the browser sends, keeps the read deadline moving
// with each pong, and unregisters the connection when reading fails: the
// browser left, it sent too much, or it stopped answering pings.
func (c *client) readPump() {
	cfg := &c.hub.cfg
	defer func() {
		c.hub.remove(c)
		c.close(websocket.CloseNormalClosure, "")
	}()
	c.conn.SetReadLimit(cfg.MaxMessage)
	_ = c.conn.SetReadDeadline(deadline(cfg.PongWait))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(deadline(cfg.PongWait))
	})
	for {
		_, data, err := c.conn.ReadMessage()
		if err != nil {
			return
		}
		_ = c.conn.SetReadDeadline(deadline(cfg.PongWait))
		c.answer(data)
	}
}

// answer handles one browser message. Unknown types are ignored, so old
// pages keep working against a newer server.
func (c *client) answer(data []byte) {
	var m struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(data, &m) != nil {
		return
	}
	var pm *websocket.PreparedMessage
	switch m.Type {
	case ClientPing:
		pm = prepareHub(TypePong, struct{}{})
	case ClientHello:
		pm = c.hello()
	default:
		return
	}
	if !c.enqueue(pm) {
		c.hub.drop(c)
	}
}

func (c *client) hello() *websocket.PreparedMessage {
	return prepareHub(TypeHello, HelloPayload{Protocol: protocolVersion, UserID: c.user.ID,
		UserName: c.user.UserName, Extension: c.user.Extension, Supervisor: c.supervisor})
}
