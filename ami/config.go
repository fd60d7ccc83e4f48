package ami

import (
	"log/slog"
	"time"
)

// Config describes one AMI connection. Zero durations take the defaults
// noted on each field.
type Config struct {
	Addr     string // host:port of the manager interface
	Username string
	Secret   string
	// UseMD5 logs in with the Challenge/Key exchange so the secret never
	// crosses the wire.
	UseMD5 bool
	// Events is the Login "Events:" value; "on" when empty.
	Events string

	DialTimeout  time.Duration // connect, banner and login; default 10s
	WriteTimeout time.Duration // one action write; default 10s
	// PingInterval is how often an idle connection sends Action: Ping so
	// that a healthy Asterisk always has something to answer; default 15s,
	// negative disables pings.
	PingInterval time.Duration
	// DeadAfter declares the connection dead when no byte arrives for this
	// long; default twice PingInterval (a minute without pings). It must exceed PingInterval plus a
	// round trip. Time the reader spends blocked on a slow OnEvent does not
	// count.
	DeadAfter time.Duration

	// OnEvent receives every frame not claimed by a pending action, in
	// order, on a goroutine the client owns. It must return promptly:
	// while the queue is full the reader waits. Calling Send from it is
	// allowed but needs a ctx deadline.
	OnEvent func(*Message)
	// EventBuffer is the queue length between reader and OnEvent; default 1024.
	EventBuffer int

	Limits Limits
	Logger *slog.Logger // default slog.Default()
}

func (c Config) withDefaults() Config {
	if c.Events == "" {
		c.Events = "on"
	}
	if c.DialTimeout <= 0 {
		c.DialTimeout = 10 * time.Second
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 10 * time.Second
	}
	if c.PingInterval == 0 {
		c.PingInterval = 15 * time.Second
	}
	if c.DeadAfter <= 0 {
		c.DeadAfter = time.Minute
		if c.PingInterval > 0 {
			c.DeadAfter = 2 * c.PingInterval
		}
	}
	if c.EventBuffer <= 0 {
		c.EventBuffer = 1024
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	c.Logger = c.Logger.With("component", "ami")
	c.Limits = c.Limits.withDefaults()
	return c
}
