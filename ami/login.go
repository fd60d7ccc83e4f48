package ami

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
)

// login authenticates and turns the event stream on. Any error reply to
// Login is ErrAuthFailed: Asterisk says "Authentication failed" and closes
// the socket about a second later.
func (c *Client) login(ctx context.Context) error {
	a := NewAction("Login", "Username", c.cfg.Username)
	if c.cfg.UseMD5 {
		key, err := c.md5Key(ctx)
		if err != nil {
			return err
		}
		a.Add("AuthType", "MD5")
		a.Add("Key", key)
	} else {
		a.Add("Secret", c.cfg.Secret)
	}
	a.Add("Events", c.cfg.Events)
	_, err := c.Send(ctx, a)
	var ae *ActionError
	if errors.As(err, &ae) {
		return fmt.Errorf("ami: log in to %s as %s: %s: %w", c.cfg.Addr, c.cfg.Username, ae.Message, ErrAuthFailed)
	}
	if err != nil {
		return fmt.Errorf("ami: log in to %s: %w", c.cfg.Addr, err)
	}
	return nil
}

// md5Key asks for a challenge and returns hex(md5(challenge + secret)).
func (c *Client) md5Key(ctx context.Context) (string, error) {
	resp, err := c.Send(ctx, NewAction("Challenge", "AuthType", "MD5"))
	if err != nil {
		return "", fmt.Errorf("ami: md5 challenge from %s: %w", c.cfg.Addr, err)
	}
	ch := resp.Get("Challenge")
	if ch == "" {
		return "", fmt.Errorf("ami: md5 challenge from %s: empty Challenge", c.cfg.Addr)
	}
	return MD5Key(ch, c.cfg.Secret), nil
}

// MD5Key computes the Login Key for an MD5 challenge.
func MD5Key(challenge, secret string) string {
	sum := md5.Sum([]byte(challenge + secret))
	return hex.EncodeToString(sum[:])
}
