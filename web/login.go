package web

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// loginCookie holds the sign-in form's double-submit CSRF token: there is
// no session yet to keep it in, so the form must echo the cookie.
const loginCookie = "tigerline_login"

// maxLoginBytes bounds the sign-in form body.
const maxLoginBytes = 16 << 10

// loginPage is the sign-in form. UserName and Error survive a failed
// attempt; Next is where a good one leads.
type loginPage struct {
	page
	UserName string
	Error    string
	Next     string
}

// handleLoginForm shows the sign-in form, or sends a signed-in user on.
func (s *Server) handleLoginForm(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("next"))
	if _, _, err := s.lookupSession(r); err == nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, "", "", next)
}

// handleLogin checks the form's token, the rate limits and the password,
// then starts a session and redirects to the safe next path.
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginBytes)
	name := strings.TrimSpace(r.PostFormValue("user_name"))
	password := r.PostFormValue("user_password")
	next := safeNext(r.PostFormValue("next"))
	if !s.validLoginToken(r) {
		s.renderLogin(w, r, http.StatusForbidden, name, "The sign-in form had expired. Please sign in again.", next)
		return
	}
	ip := s.clientIP(r)
	if s.limiter.blocked(ip, name) {
		s.log.Warn("login rate limited", "remote_addr", ip, "user", name)
		w.Header().Set("Retry-After", strconv.Itoa(int(s.cfg.LoginWindow.Seconds())))
		s.renderLogin(w, r, http.StatusTooManyRequests, name,
			"Too many failed sign-ins. Wait "+minutes(s.cfg.LoginWindow)+" and try again, or ask your administrator to reset your password.", next)
		return
	}
	u, err := s.deps.Users.Authenticate(r.Context(), name, password)
	if crm.ErrorCode(err) == crm.EUnauthorized {
		s.limiter.fail(ip, name)
		s.log.Info("login failed", "remote_addr", ip, "user", name)
		s.renderLogin(w, r, http.StatusUnauthorized, name, "Wrong user name or password.", next)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.startSession(w, r, u, next)
}

// startSession creates the session of a signed-in user and redirects.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u *crm.User, next string) {
	ip := s.clientIP(r)
	token, _, err := s.deps.Sessions.Create(r.Context(), u.ID, crm.SessionMeta{UserAgent: r.UserAgent(), RemoteAddr: ip})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.limiter.succeed(u.UserName)
	s.log.Info("login", "remote_addr", ip, "user", u.UserName)
	s.announcePresence(r.Context(), u, agentAvailable)
	s.clearCookie(w, loginCookie, "/login")
	s.setCookie(w, sessionCookie, token, "/")
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// renderLogin shows the sign-in form with a fresh double-submit token.
func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, name, msg, next string) {
	// Keep a token the browser already holds: a background request that
	// lands here (the favicon, a second tab) must not void the form the
	// user is filling in.
	token := newToken()
	if c, err := r.Cookie(loginCookie); err == nil && len(c.Value) == len(token) {
		token = c.Value
	}
	s.setCookie(w, loginCookie, token, "/login")
	p := &loginPage{page: s.basePage(r, "Sign in"), UserName: name, Error: msg, Next: next}
	p.CSRFToken = token
	s.render(w, r, status, "login", p)
}

// validLoginToken compares the form's token with its cookie.
func (s *Server) validLoginToken(r *http.Request) bool {
	c, err := r.Cookie(loginCookie)
	if err != nil || c.Value == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.PostFormValue(csrfField))) == 1
}

// safeNext returns next if it is a path on this site, and "/" otherwise.
// "//host" and "/\host" are other sites to a browser, so they are refused
// like absolute URLs.
func safeNext(next string) string {
	if next == "" || next[0] != '/' || len(next) > 2048 {
		return "/"
	}
	if strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\x00\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// minutes says a duration in whole minutes, for messages.
func minutes(d time.Duration) string {
	m := int(d.Minutes())
	if m == 1 {
		return "1 minute"
	}
	return strconv.Itoa(m) + " minutes"
}
