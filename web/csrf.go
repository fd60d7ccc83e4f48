package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
)

// csrfField and csrfHeader carry the CSRF token of a state-changing
// request: forms post the field, scripts send the header.
const (
	csrfField  = "csrf_token"
	csrfHeader = "X-CSRF-Token"
)

// safeMethod reports whether a method changes nothing and so needs no
// CSRF token.
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// validCSRF reports whether r carries want in the header or the form
// field, compared in constant time. Reading the field parses the form
// (net/http caps url-encoded bodies at 10 MB; multipart spills to disk).
func validCSRF(r *http.Request, want string) bool {
	got := r.Header.Get(csrfHeader)
	if got == "" {
		got = r.PostFormValue(csrfField)
	}
	return want != "" && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// newToken returns 256 random bits, URL-safe, for the login form's
// double-submit token.
func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	return base64.RawURLEncoding.EncodeToString(b)
}
