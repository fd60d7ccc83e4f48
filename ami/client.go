package ami

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
)

// Client is one logged-in AMI connection. A single reader goroutine routes
// each frame whose ActionID matches a pending action to that action and
// everything else to Config.OnEvent. Safe for concurrent use.
type Client struct {
	cfg    Config
	conn   net.Conn
	banner Banner
	ctx    context.Context // cancelled when the connection ends
	cancel context.CancelFunc

	wmu sync.Mutex // serialises writes
	w   *Writer

	mu      sync.Mutex
	pending map[string]*pending
	err     error // why the connection ended; set once

	prefix string
	seq    atomic.Uint64
	events chan *Message
	done   chan struct{} // closed when the reader has stopped
	wg     sync.WaitGroup
}

// Dial connects to cfg.Addr, reads the banner and logs in. The returned
// client runs until Close or a connection failure; cancelling ctx after
// Dial returns does not end it.
func Dial(ctx context.Context, cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	dctx, cancel := context.WithTimeout(ctx, cfg.DialTimeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(dctx, "tcp", cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("ami: dial %s: %w", cfg.Addr, err)
	}
	// Closing the socket is the only way to interrupt the banner read.
	stop := context.AfterFunc(dctx, func() { conn.Close() })
	c := newClient(ctx, conn, cfg)
	r := NewReader(&idleReader{conn: conn, timeout: cfg.DeadAfter}, cfg.Limits)
	c.banner, err = r.ReadBanner()
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("ami: read banner from %s: %w", cfg.Addr, dialErr(dctx, err))
	}
	c.start(r)
	if err := c.login(dctx); err != nil {
		c.Close()
		return nil, dialErr(dctx, err)
	}
	if !stop() {
		c.Close()
		return nil, fmt.Errorf("ami: log in to %s: %w", cfg.Addr, dctx.Err())
	}
	if cfg.PingInterval > 0 {
		c.wg.Add(1)
		go c.pingLoop()
	}
	cfg.Logger.Debug("ami connected", "addr", cfg.Addr, "banner", c.banner.Line)
	return c, nil
}

// dialErr prefers the context's reason over the "use of closed connection"
// that closing the socket produced.
func dialErr(ctx context.Context, err error) error {
	if ctx.Err() != nil && !errors.Is(err, ctx.Err()) {
		return fmt.Errorf("%w (%v)", ctx.Err(), err)
	}
	return err
}

func newClient(ctx context.Context, conn net.Conn, cfg Config) *Client {
	var b [4]byte
	_, _ = rand.Read(b[:])
	c := &Client{
		cfg:     cfg,
		conn:    conn,
		w:       NewWriter(conn),
		pending: make(map[string]*pending),
		prefix:  "tl-" + hex.EncodeToString(b[:]) + "-",
		events:  make(chan *Message, cfg.EventBuffer),
		done:    make(chan struct{}),
	}
	// Values of the dialler's ctx flow on; its cancellation does not.
	c.ctx, c.cancel = context.WithCancel(context.WithoutCancel(ctx))
	return c
}

func (c *Client) start(r *Reader) {
	c.wg.Add(2)
	go c.readLoop(r)
	go c.deliverLoop()
}

// Banner returns the greeting the server sent.
func (c *Client) Banner() Banner { return c.banner }

// Done is closed once the connection has ended, for any reason.
func (c *Client) Done() <-chan struct{} { return c.done }

// Err returns why the connection ended, or nil while it is up.
func (c *Client) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

// Close ends the connection and waits for the client's goroutines,
// including a running OnEvent call. It must not be called from OnEvent.
func (c *Client) Close() error {
	c.fail(ErrClosed)
	c.wg.Wait()
	return nil
}

// Logoff says goodbye politely, then closes the client.
func (c *Client) Logoff(ctx context.Context) error {
	_, err := c.Send(ctx, NewAction("Logoff"))
	c.Close()
	if err != nil && !errors.Is(err, ErrClosed) {
		return fmt.Errorf("ami: logoff: %w", err)
	}
	return nil
}

// fail records the first reason the connection ends and tears it down:
// pending actions get the error, the socket closes, the reader stops.
func (c *Client) fail(err error) {
	c.mu.Lock()
	if c.err != nil {
		c.mu.Unlock()
		return
	}
	c.err = err
	for id, p := range c.pending {
		p.err = err
		close(p.done)
		delete(c.pending, id)
	}
	c.mu.Unlock()
	c.cancel()
	c.conn.Close()
}

func (c *Client) readLoop(r *Reader) {
	defer c.wg.Done()
	defer close(c.done)
	defer close(c.events)
	for {
		m, err := r.ReadMessage()
		if err != nil {
			c.fail(c.readErr(err))
			return
		}
		if c.claim(m) || c.cfg.OnEvent == nil {
			continue
		}
		select {
		case c.events <- m:
		case <-c.ctx.Done():
			return
		}
	}
}

func (c *Client) readErr(err error) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return fmt.Errorf("ami: %s: nothing received for %v: %w", c.cfg.Addr, c.cfg.DeadAfter, ErrDeadConnection)
	}
	return fmt.Errorf("ami: read from %s: %w", c.cfg.Addr, err)
}

func (c *Client) deliverLoop() {
	defer c.wg.Done()
	for m := range c.events {
		c.cfg.OnEvent(m)
	}
}
