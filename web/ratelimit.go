package web

import (
	"strings"
	"sync"
	"time"
)

// loginLimiter counts failed sign-ins per client address and per user
// name in a sliding window. It lives in memory, so each node counts its
// own failures: behind a load balancer spreading requests over n nodes an
// attacker gets up to n times the limit, still far too few to guess a
// password.
type loginLimiter struct {
	max    int
	window time.Duration
	now    func() time.Time

	mu       sync.Mutex
	failures map[string][]time.Time // key → failure times, oldest first
}

// maxLimiterKeys bounds the limiter's memory; past it, a failure first
// sweeps out keys whose failures have all aged out.
const maxLimiterKeys = 100_000

func newLoginLimiter(max int, window time.Duration) *loginLimiter {
	return &loginLimiter{max: max, window: window, now: time.Now, failures: map[string][]time.Time{}}
}

func ipKey(ip string) string     { return "ip:" + ip }
func userKey(name string) string { return "user:" + strings.ToLower(name) }

// blocked reports whether the address or the user name has reached the
// limit of failures within the window.
func (l *loginLimiter) blocked(ip, name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	return l.recent(ipKey(ip), now) >= l.max || (name != "" && l.recent(userKey(name), now) >= l.max)
}

// fail records a failed sign-in for the address and the user name.
func (l *loginLimiter) fail(ip, name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.failures) >= maxLimiterKeys {
		l.sweep(now)
	}
	keys := []string{ipKey(ip)}
	if name != "" {
		keys = append(keys, userKey(name))
	}
	for _, k := range keys {
		l.recent(k, now)
		l.failures[k] = append(l.failures[k], now)
	}
}

// succeed forgets the user name's failures after a good sign-in. The
// address keeps its count: one good password must not reset a guesser
// working through other names.
func (l *loginLimiter) succeed(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.failures, userKey(name))
}

// recent drops key's failures older than the window and counts the rest.
func (l *loginLimiter) recent(key string, now time.Time) int {
	ts := l.failures[key]
	i := 0
	for i < len(ts) && now.Sub(ts[i]) >= l.window {
		i++
	}
	if i == len(ts) {
		delete(l.failures, key)
		return 0
	}
	l.failures[key] = ts[i:]
	return len(ts) - i
}

// sweep drops every key without a failure in the window.
func (l *loginLimiter) sweep(now time.Time) {
	for k := range l.failures {
		l.recent(k, now)
	}
}
