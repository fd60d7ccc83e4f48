package realtime

import "sync"

// readiness calls a Subscribe's ready func once, for whichever comes
// first: the broker confirming the subscription, or the wait for it
// running out.
type readiness struct {
	once   sync.Once
	ready  func()
	onTime bool // the broker came first; set inside once
}

func newReadiness(ready func()) *readiness { return &readiness{ready: ready} }

// mark reports readiness, confirmed says whether by the broker, and
// returns whether the broker confirmed before the wait ran out (true on
// every later call once it did).
func (r *readiness) mark(confirmed bool) bool {
	r.once.Do(func() {
		r.onTime = confirmed
		if r.ready != nil {
			r.ready()
		}
	})
	return r.onTime
}
