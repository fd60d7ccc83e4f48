package web

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// statusOf maps a crm error code to the one HTTP status it stands for.
func statusOf(code string) int {
	switch code {
	case crm.EInvalid:
		return http.StatusBadRequest
	case crm.ENotFound:
		return http.StatusNotFound
	case crm.EConflict:
		return http.StatusConflict
	case crm.EUnauthorized:
		return http.StatusUnauthorized
	case crm.EForbidden:
		return http.StatusForbidden
	case crm.EUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// fail answers a request with err: its status, and its user-facing
// message as an HTML page or JSON. Internal errors are logged in full and
// shown as a generic message.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := crm.ErrorCode(err)
	status := statusOf(code)
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "code", code, "err", err)
	}
	msg := crm.ErrorMessage(err)
	if wantsJSON(r) {
		writeJSON(w, status, errorBody{Code: code, Message: msg})
		return
	}
	s.render(w, r, status, "error", &errorPage{
		page:    s.basePage(r, http.StatusText(status)),
		Status:  status,
		Message: msg,
	})
}

// errorBody is the JSON form of an error.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// errorPage is the HTML form of an error.
type errorPage struct {
	page
	Status  int
	Message string
}

// handleNotFound answers paths no route matches.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, crm.Errorf(crm.ENotFound, "There is no page at %s.", r.URL.Path))
}

// wantsJSON reports whether the client is an API client rather than a
// browser: an /api/ path, or JSON preferred in Accept.
func wantsJSON(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		return true
	}
	accept := r.Header.Get("Accept")
	return strings.Contains(accept, "application/json") && !strings.Contains(accept, "text/html")
}

// writeJSON writes v as a JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
