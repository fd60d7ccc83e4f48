package web

import (
	"crypto/md5"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// wsChallengeTTL is how long a getchallenge token lives, as in vtiger.
const wsChallengeTTL = 5 * time.Minute

// wsChallenge is getchallenge's result; times are Unix seconds.
type wsChallenge struct {
	Token      string `json:"token"`
	ServerTime int64  `json:"serverTime"`
	ExpireTime int64  `json:"expireTime"`
}

// wsSession is the result of login and extendsession.
type wsSession struct {
	SessionName   string `json:"sessionName"`
	UserID        string `json:"userId"`
	Version       string `json:"version"`
	VtigerVersion string `json:"vtigerVersion"`
}

// wsGetChallenge issues a login token for username. An unknown user gets
// a token too, never stored, so the answer does not say who exists.
func (s *Server) wsGetChallenge(c *wsCall) (any, error) {
	name := strings.TrimSpace(c.param("username"))
	if name == "" {
		return nil, wsErrorf(wsInvalidCredentials, "username is required")
	}
	u, err := s.deps.Users.FindUserByName(c.ctx(), name)
	if crm.ErrorCode(err) == crm.ENotFound {
		now := time.Now()
		return wsChallenge{Token: decoyToken(), ServerTime: now.Unix(), ExpireTime: now.Add(wsChallengeTTL).Unix()}, nil
	}
	if err != nil {
		return nil, err
	}
	token, now, exp, err := s.deps.WSTokens.CreateChallenge(c.ctx(), u.ID, wsChallengeTTL)
	if err != nil {
		return nil, err
	}
	return wsChallenge{Token: token, ServerTime: now.Unix(), ExpireTime: exp.Unix()}, nil
}

// decoyToken looks like a stored challenge token.
func decoyToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// wsLogin checks accessKey = md5(token + the user's access key) against
// the live challenge, under the browser login's rate limits, and starts a
// session whose token is the sessionName. The challenge is used up.
func (s *Server) wsLogin(c *wsCall) (any, error) {
	name := strings.TrimSpace(c.param("username"))
	ip := s.clientIP(c.r)
	if s.limiter.blocked(ip, name) {
		s.log.Warn("webservice login rate limited", "remote_addr", ip, "user", name)
		c.w.Header().Set("Retry-After", strconv.Itoa(int(s.cfg.LoginWindow.Seconds())))
		return nil, wsErrorf(wsAuthFailure, "Too many failed logins. Wait %s and try again.", minutes(s.cfg.LoginWindow))
	}
	u, err := s.wsCheckKey(c, name, strings.ToLower(c.param("accessKey")))
	if we, ok := err.(*wsError); ok && we.Code != wsAccessKeyUndefined {
		s.limiter.fail(ip, name)
		s.log.Info("webservice login failed", "remote_addr", ip, "user", name, "code", we.Code)
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	if u.Status != "Active" {
		return nil, wsErrorf(wsAuthRequired, "Given user is inactive")
	}
	s.limiter.succeed(u.UserName)
	s.log.Info("webservice login", "remote_addr", ip, "user", u.UserName)
	return s.wsStartSession(c, u)
}

// wsCheckKey finds the user and compares the key in constant time.
func (s *Server) wsCheckKey(c *wsCall, name, key string) (*crm.User, error) {
	u, err := s.deps.Users.FindUserByName(c.ctx(), name)
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil, wsErrorf(wsInvalidToken, "Specified token is invalid or expired")
	}
	if err != nil {
		return nil, err
	}
	token, err := s.deps.WSTokens.ActiveChallenge(c.ctx(), u.ID)
	if crm.ErrorCode(err) == crm.EUnauthorized {
		return nil, wsErrorf(wsInvalidToken, "Specified token is invalid or expired")
	}
	if err != nil {
		return nil, err
	}
	if u.AccessKey == "" {
		return nil, wsErrorf(wsAccessKeyUndefined, "Access key for the user is undefined")
	}
	sum := md5.Sum([]byte(token + u.AccessKey))
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(key)) != 1 {
		return nil, wsErrorf(wsInvalidCredentials, "Invalid username or password")
	}
	err = s.deps.WSTokens.UseChallenge(c.ctx(), u.ID, token)
	if crm.ErrorCode(err) == crm.EUnauthorized {
		return nil, wsErrorf(wsInvalidToken, "Specified token is invalid or expired")
	}
	return u, err
}

// wsStartSession creates the session of a webservice client.
func (s *Server) wsStartSession(c *wsCall, u *crm.User) (any, error) {
	users := c.meta.Entity("Users")
	if users == nil {
		return nil, crm.Errorf(crm.EInternal, "vtiger_ws_entity has no Users row")
	}
	token, _, err := s.deps.Sessions.Create(c.ctx(), u.ID, crm.SessionMeta{
		UserAgent: "webservice " + c.r.UserAgent(), RemoteAddr: s.clientIP(c.r),
	})
	if err != nil {
		return nil, err
	}
	return wsSession{
		SessionName: token, UserID: wsID(users.ID, u.ID),
		Version: wsAPIVersion, VtigerVersion: wsVtigerVersion,
	}, nil
}

// wsLogout ends the session.
func (s *Server) wsLogout(c *wsCall) (any, error) {
	if err := s.deps.Sessions.Delete(c.ctx(), c.session); err != nil {
		return nil, err
	}
	return map[string]string{"message": "successfull"}, nil // sic, as vtiger
}

// wsExtendSession gives a signed-in browser a webservice session of its
// user, as vtiger adopts the PHP session. It needs the browser's cookie
// and, since it acts on a cookie, the session's CSRF token.
func (s *Server) wsExtendSession(c *wsCall) (any, error) {
	sess, u, err := s.lookupSession(c.r)
	if err != nil {
		return nil, wsErrorf(wsAuthRequired, "Authentication required")
	}
	if !validCSRF(c.r, sess.CSRFToken) {
		return nil, wsErrorf(wsAccessDenied, "Permission to perform the operation is denied: missing or wrong CSRF token")
	}
	return s.wsStartSession(c, u)
}
