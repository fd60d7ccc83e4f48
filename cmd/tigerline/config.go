package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// Config is every setting of the process, from flags that default to
// TIGERLINE_* environment variables. It is built once and passed down.
type Config struct {
	DB        string // go-sql-driver DSN
	Redis     string // redis URL; "" runs a single node with an in-process bus
	HTTP      string // listen address
	Country   string // default country for phone numbers, ISO 3166 alpha-2
	LogFormat string // text or json
	LogLevel  string // debug, info, warn, error
}

const (
	defaultDB    = "root@tcp(127.0.0.1:3306)/tigerline"
	defaultRedis = "redis://127.0.0.1:6379/0"
	defaultHTTP  = "127.0.0.1:8080"
)

// bindFlags registers the persistent flags on fs.
func (c *Config) bindFlags(fs *pflag.FlagSet) {
	fs.StringVar(&c.DB, "db", envOr("TIGERLINE_DB", defaultDB), "database DSN (go-sql-driver form) [TIGERLINE_DB, or a file in TIGERLINE_DB_FILE]")
	fs.StringVar(&c.Redis, "redis", envOr("TIGERLINE_REDIS", defaultRedis), "Redis URL for events between nodes; empty for a single node [TIGERLINE_REDIS]")
	fs.StringVar(&c.HTTP, "http", envOr("TIGERLINE_HTTP", defaultHTTP), "HTTP listen address [TIGERLINE_HTTP]")
	fs.StringVar(&c.Country, "country", envOr("TIGERLINE_COUNTRY", "US"), "default country of phone numbers written without a country code [TIGERLINE_COUNTRY]")
	fs.StringVar(&c.LogFormat, "log-format", envOr("TIGERLINE_LOG_FORMAT", "text"), "log format: text or json [TIGERLINE_LOG_FORMAT]")
	fs.StringVar(&c.LogLevel, "log-level", envOr("TIGERLINE_LOG_LEVEL", "info"), "log level: debug, info, warn or error [TIGERLINE_LOG_LEVEL]")
}

// envOr returns $key, the contents of the file named by $key_FILE (for
// secrets mounted as files), or def.
func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	if path := os.Getenv(key + "_FILE"); path != "" {
		if b, err := os.ReadFile(path); err == nil {
			return strings.TrimSpace(string(b))
		}
	}
	return def
}

// logger builds the process's one logger.
func (c *Config) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("bad log level %q: want debug, info, warn or error", c.LogLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("bad log format %q: want text or json", c.LogFormat)
}
