package ami

import (
	"context"
	"net"
	"time"
)

// pingLoop keeps bytes flowing on an idle connection; the read deadline,
// not the ping reply, decides when the connection is dead.
func (c *Client) pingLoop() {
	defer c.wg.Done()
	t := time.NewTicker(c.cfg.PingInterval)
	defer t.Stop()
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(c.ctx, c.cfg.DeadAfter)
		if _, err := c.Send(ctx, NewAction("Ping")); err != nil && c.ctx.Err() == nil {
			c.cfg.Logger.Debug("ami ping failed", "addr", c.cfg.Addr, "err", err)
		}
		cancel()
	}
}

// idleReader arms a fresh read deadline before every read, so silence is
// measured only while the reader is actually waiting for the network.
type idleReader struct {
	conn    net.Conn
	timeout time.Duration
}

func (r *idleReader) Read(p []byte) (int, error) {
	if err := r.conn.SetReadDeadline(time.Now().Add(r.timeout)); err != nil {
		return 0, err
	}
	return r.conn.Read(p)
}
