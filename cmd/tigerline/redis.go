package main

import (
	"context"
	"fmt"
	"log/slog"
	neturl "net/url"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/tigerline/tigerline/realtime"
)

// checkRedis validates the Redis URL and says in the log whether the node
// will share events with others. Redis is never required: a node without
// it serves its own browsers, and call records live in the database.
func checkRedis(ctx context.Context, url string, log *slog.Logger) (*redis.Options, error) {
	if url == "" {
		log.Info("no redis configured: running as a single node")
		return nil, nil
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("bad redis URL %q: %v (expected redis://host:6379/0)", url, err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	pingCtx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := c.Ping(pingCtx).Err(); err != nil {
		log.Warn("redis unreachable: events stay on this node until it is back", "addr", opts.Addr, "err", err)
	} else {
		log.Info("redis reachable", "addr", opts.Addr)
	}
	return opts, nil
}

// maskURL hides the password of a redis URL for the log.
func maskURL(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = neturl.UserPassword(u.User.Username(), "****")
	}
	return u.String()
}

// newBus returns the event bus between nodes: Redis when configured, else
// an in-process bus for a single node.
func newBus(opts *redis.Options, log *slog.Logger) realtime.Bus {
	if opts == nil {
		return realtime.NewMemoryBus()
	}
	return realtime.NewRedisBus(opts, "tigerline:", log)
}
