package aritest

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// createBridge is POST /bridges and POST /bridges/{id}: an
// application's bridge, mixing unless the type says holding.
func (s *Server) createBridge(w http.ResponseWriter, r *http.Request) {
	q, err := params(r)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Invalid JSON body")
		return
	}
	id := r.PathValue("id")
	if id == "" {
		id = q.Get("bridgeId")
	}
	typ := "mixing"
	if strings.Contains(q.Get("type"), "holding") {
		typ = "holding"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id == "" {
		id = s.uuidLocked()
	}
	if s.syn.bridges[id] != nil {
		writeMessage(w, http.StatusConflict, "Bridge with this id already exists")
		return
	}
	b := s.newBridgeLocked(id, q.Get("name"), typ, true, time.Now())
	writeJSON(w, http.StatusOK, string(marshal(b.json())))
}

func (s *Server) getBridge(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	b := s.syn.bridges[r.PathValue("id")]
	var body []byte
	if b != nil {
		body = marshal(b.json())
	}
	s.mu.Unlock()
	if b == nil {
		writeMessage(w, http.StatusNotFound, "Bridge not found")
		return
	}
	writeJSON(w, http.StatusOK, string(body))
}

// deleteBridge shuts a bridge down; its channels stay where they were
// (in the application).
func (s *Server) deleteBridge(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.syn.bridges[r.PathValue("id")]
	if b == nil {
		writeMessage(w, http.StatusNotFound, "Bridge not found")
		return
	}
	s.dropBridgeLocked(b, time.Now())
	w.WriteHeader(http.StatusNoContent)
}

// bridgeChannelsLocked reads the bridge and the channel parameter (ids,
// comma separated), or answers the error and returns nil.
func (s *Server) bridgeChannelsLocked(w http.ResponseWriter, r *http.Request) (*sbridge, []*schan) {
	q, err := params(r)
	if err != nil {
		writeMessage(w, http.StatusBadRequest, "Invalid JSON body")
		return nil, nil
	}
	b := s.syn.bridges[r.PathValue("id")]
	if b == nil {
		writeMessage(w, http.StatusNotFound, "Bridge not found")
		return nil, nil
	}
	if !b.app {
		writeMessage(w, http.StatusConflict, "Bridge not in Stasis application")
		return nil, nil
	}
	ids := strings.Split(q.Get("channel"), ",")
	var chans []*schan
	for _, id := range ids {
		c := s.syn.chans[strings.TrimSpace(id)]
		if c == nil {
			writeMessage(w, http.StatusBadRequest, "Channel not found")
			return nil, nil
		}
		chans = append(chans, c)
	}
	return b, chans
}

// addChannel puts channels of the application into its bridge.
func (s *Server) addChannel(w http.ResponseWriter, r *http.Request) {
	s.moveChannels(w, r, func(_ *sbridge, c *schan) string {
		if !c.inStasis {
			return "Channel not in Stasis application"
		}
		return ""
	}, s.enterBridgeLocked)
}

func (s *Server) removeChannel(w http.ResponseWriter, r *http.Request) {
	s.moveChannels(w, r, func(b *sbridge, c *schan) string {
		if !slices.Contains(b.members, c.id) {
			return "Channel not in this bridge"
		}
		return ""
	}, func(_ *sbridge, c *schan, at time.Time) { s.leaveBridgeLocked(c, at) })
}

// moveChannels is addChannel and removeChannel: every channel named must
// pass refusal (an empty reason) before move runs on any of them, so a
// request Asterisk refuses (422 with the reason) changes nothing.
func (s *Server) moveChannels(w http.ResponseWriter, r *http.Request, refusal func(*sbridge, *schan) string,
	move func(*sbridge, *schan, time.Time)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, chans := s.bridgeChannelsLocked(w, r)
	if b == nil {
		return
	}
	for _, c := range chans {
		if why := refusal(b, c); why != "" {
			writeMessage(w, http.StatusUnprocessableEntity, why)
			return
		}
	}
	at := time.Now()
	for _, c := range chans {
		move(b, c, at)
	}
	w.WriteHeader(http.StatusNoContent)
}
