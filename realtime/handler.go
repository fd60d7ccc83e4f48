package realtime

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gorilla/websocket"

	"github.com/tigerline/tigerline/crm"
)

// Handler returns the /ws endpoint. Before upgrading it checks the
// origin (403), then the session (401); it answers 503 while the hub is
// not running.
func (h *Hub) Handler() http.Handler {
	return http.HandlerFunc(h.serveWS)
}

func (h *Hub) serveWS(w http.ResponseWriter, r *http.Request) {
	if !h.originAllowed(r) {
		http.Error(w, "origin not allowed", http.StatusForbidden)
		return
	}
	u, err := h.cfg.Authenticate(r)
	switch code := crm.ErrorCode(err); {
	case code == crm.EForbidden:
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	case err != nil && code != crm.EUnauthorized:
		h.log.Error("realtime authenticate failed", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	case err != nil || u == nil:
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	h.mu.RLock()
	running := h.running
	h.mu.RUnlock()
	if !running {
		http.Error(w, "realtime hub not running", http.StatusServiceUnavailable)
		return
	}
	conn, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader answered the request
	}
	h.serveConn(conn, u, r.RemoteAddr)
}

// originAllowed applies CheckOrigin, or else accepts a missing Origin,
// the request's own host and AllowedOrigins.
func (h *Hub) originAllowed(r *http.Request) bool {
	if h.cfg.CheckOrigin != nil {
		return h.cfg.CheckOrigin(r)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	o, err := url.Parse(origin)
	if err != nil {
		return false
	}
	if strings.EqualFold(o.Host, r.Host) {
		return true
	}
	for _, a := range h.cfg.AllowedOrigins {
		if strings.EqualFold(strings.TrimSuffix(a, "/"), origin) {
			return true
		}
	}
	return false
}

// serveConn registers an upgraded connection, which starts its pumps.
func (h *Hub) serveConn(conn *websocket.Conn, u *crm.User, remote string) {
	c := &client{
		hub:        h,
		conn:       conn,
		user:       u,
		supervisor: h.cfg.IsSupervisor(u),
		remote:     remote,
		send:       make(chan *websocket.PreparedMessage, h.cfg.SendQueue),
		done:       make(chan struct{}),
	}
	c.enqueue(c.hello())
	if !h.add(c) {
		_ = conn.WriteControl(websocket.CloseMessage,
			websocket.FormatCloseMessage(websocket.CloseTryAgainLater, "realtime hub not running"),
			deadline(h.cfg.WriteWait))
		_ = conn.Close()
	}
}
