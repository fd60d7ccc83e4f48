package web

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// sessionCookie holds the session token. It is HttpOnly, so page scripts
// cannot read it, and SameSite=Lax, so other sites cannot post with it.
const sessionCookie = "tigerline_session"

type ctxKey int

const sessionKey ctxKey = iota

// authed is what requireUser puts in a request's context.
type authed struct {
	session *crm.Session
	user    *crm.User
}

// sessionFrom returns the request's session and user, or nils outside
// requireUser.
func sessionFrom(ctx context.Context) (*crm.Session, *crm.User) {
	a, _ := ctx.Value(sessionKey).(*authed)
	if a == nil {
		return nil, nil
	}
	return a.session, a.user
}

// lookupSession finds the session of r's cookie.
func (s *Server) lookupSession(r *http.Request) (*crm.Session, *crm.User, error) {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, nil, crm.Errorf(crm.EUnauthorized, "please sign in")
	}
	return s.deps.Sessions.Find(r.Context(), c.Value)
}

// requireUser lets a request through only with a live session, and a
// state-changing one only with the session's CSRF token. A browser
// without a session is sent to the sign-in page, an API client gets 401.
func (s *Server) requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sess, u, err := s.lookupSession(r)
		if crm.ErrorCode(err) == crm.EUnauthorized {
			s.toLogin(w, r, err)
			return
		}
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if !safeMethod(r.Method) && !validCSRF(r, sess.CSRFToken) {
			s.log.Warn("csrf token mismatch", "method", r.Method, "path", r.URL.Path, "user", u.UserName)
			s.fail(w, r, crm.Errorf(crm.EForbidden, "This form has expired. Go back, reload the page and try again."))
			return
		}
		ctx := context.WithValue(r.Context(), sessionKey, &authed{session: sess, user: u})
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// toLogin answers a request that has no session.
func (s *Server) toLogin(w http.ResponseWriter, r *http.Request, err error) {
	if wantsJSON(r) {
		writeJSON(w, http.StatusUnauthorized, errorBody{Code: crm.EUnauthorized, Message: crm.ErrorMessage(err)})
		return
	}
	if _, cerr := r.Cookie(sessionCookie); cerr == nil {
		s.clearCookie(w, sessionCookie, "/") // stale: stop sending it
	}
	target := "/login"
	if r.Method == http.MethodGet && r.URL.Path != "/" {
		target += "?next=" + url.QueryEscape(r.URL.RequestURI())
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// setCookie sets an HttpOnly, SameSite=Lax cookie that lasts as long as
// the browser session; the server enforces the real expiry.
func (s *Server) setCookie(w http.ResponseWriter, name, value, path string) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: value, Path: path,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

// clearCookie tells the browser to drop a cookie.
func (s *Server) clearCookie(w http.ResponseWriter, name, path string) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: "", Path: path, MaxAge: -1,
		HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

// clientIP is the address a request came from: the peer, or with
// TrustForwardedFor the last hop the proxy recorded.
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustForwardedFor {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			hops := strings.Split(xff[len(xff)-1], ",")
			if ip := strings.TrimSpace(hops[len(hops)-1]); net.ParseIP(ip) != nil {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
