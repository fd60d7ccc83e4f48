package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// vtiger's webservice (webservice.php) for existing vtiger 5.4 clients:
// the same operations, parameters, ids and JSON envelopes. Clients
// authenticate with a sessionName, never with the browser's cookie, so
// the route sits outside requireUser and its CSRF check.

// maxWSBytes bounds a webservice request body.
const maxWSBytes = 8 << 20

// wsAPIVersion and wsVtigerVersion are what login reports, as vtiger 5.4.
const (
	wsAPIVersion    = "0.22"
	wsVtigerVersion = "5.4.0"
)

// wsOp is one operation: how vtiger_ws_operation says it is sent, whether
// it runs before login, and its handler.
type wsOp struct {
	post     bool
	prelogin bool
	run      func(s *Server, c *wsCall) (any, error)
}

// wsOps are the operations Tigerline implements, by lower-case name.
var wsOps = map[string]wsOp{
	"getchallenge":     {run: (*Server).wsGetChallenge, prelogin: true},
	"login":            {run: (*Server).wsLogin, prelogin: true, post: true},
	"extendsession":    {run: (*Server).wsExtendSession, prelogin: true, post: true},
	"logout":           {run: (*Server).wsLogout, post: true},
	"listtypes":        {run: (*Server).wsListTypes},
	"describe":         {run: (*Server).wsDescribe},
	"create":           {run: (*Server).wsCreate, post: true},
	"retrieve":         {run: (*Server).wsRetrieve},
	"update":           {run: (*Server).wsUpdate, post: true},
	"revise":           {run: (*Server).wsRevise, post: true},
	"delete":           {run: (*Server).wsDelete, post: true},
	"query":            {run: (*Server).wsQuery},
	"sync":             {run: (*Server).wsSync},
	"retrieve_related": {run: (*Server).wsRetrieveRelated},
	"convertlead":      {run: (*Server).wsConvertLead, post: true},
}

// wsCall is one webservice request being served.
type wsCall struct {
	r *http.Request
	w http.ResponseWriter
	// params are the operation's parameters: the body of a POST
	// operation, the query and body of a GET one.
	params url.Values
	// session and user are set for operations after login.
	session string
	user    *crm.User
	meta    *crm.WSMeta
}

func (c *wsCall) ctx() context.Context  { return c.r.Context() }
func (c *wsCall) param(k string) string { return c.params.Get(k) }

// wsEnvelope is vtiger's response: result on success, error otherwise.
type wsEnvelope struct {
	Success bool     `json:"success"`
	Result  any      `json:"result,omitempty"`
	Error   *wsError `json:"error,omitempty"`
}

// handleWebservice serves /webservice.php: it finds the operation, the
// session for operations after login, runs the operation and writes the
// envelope. Like vtiger it answers 200 with success false on errors.
func (s *Server) handleWebservice(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxWSBytes)
	if err := r.ParseForm(); err != nil {
		s.wsWrite(w, r, nil, wsErrorf(wsInvalidRequest, "The request could not be read: %v", err))
		return
	}
	name := strings.ToLower(r.Form.Get("operation"))
	op, ok := wsOps[name]
	if !ok {
		s.wsWrite(w, r, nil, wsErrorf(wsUnknownOperation, "Unknown operation requested"))
		return
	}
	if op.post && r.Method != http.MethodPost {
		s.wsWrite(w, r, nil, wsErrorf(wsOperationNotSupported, "Operation %s must be sent as POST", name))
		return
	}
	c := &wsCall{r: r, w: w, params: r.Form}
	if op.post {
		c.params = r.PostForm
	}
	if s.deps.Webservice == nil || s.deps.WSTokens == nil || s.deps.Records == nil {
		s.wsWrite(w, r, nil, wsErrorf(wsUnknownOperation, "The webservice is not enabled on this server"))
		return
	}
	meta, err := s.deps.Webservice.WSMeta(r.Context())
	if err != nil {
		s.wsWrite(w, r, nil, err)
		return
	}
	c.meta = meta
	if !op.prelogin {
		if err := s.wsAuthenticate(c); err != nil {
			s.wsWrite(w, r, nil, err)
			return
		}
	}
	res, err := op.run(s, c)
	s.wsWrite(w, r, res, err)
}

// wsAuthenticate finds the user of the request's sessionName.
func (s *Server) wsAuthenticate(c *wsCall) error {
	c.session = c.r.Form.Get("sessionName")
	if c.session == "" || strings.EqualFold(c.session, "null") {
		return wsErrorf(wsAuthRequired, "Authentication required")
	}
	_, u, err := s.deps.Sessions.Find(c.ctx(), c.session)
	if crm.ErrorCode(err) == crm.EUnauthorized {
		return wsErrorf(wsInvalidSession, "Session Identifier provided is Invalid")
	}
	if err != nil {
		return err
	}
	c.user = u
	return nil
}

// wsWrite writes the envelope of a result or an error, logging internal
// errors in full.
func (s *Server) wsWrite(w http.ResponseWriter, r *http.Request, res any, err error) {
	if err == nil {
		writeJSON(w, http.StatusOK, wsEnvelope{Success: true, Result: res})
		return
	}
	we := wsErrorOf(err)
	if we.Code == wsInternalError || we.Code == wsDatabaseError {
		s.log.Error("webservice failed", "operation", r.Form.Get("operation"), "code", crm.ErrorCode(err), "err", err)
	}
	writeJSON(w, http.StatusOK, wsEnvelope{Error: we})
}
