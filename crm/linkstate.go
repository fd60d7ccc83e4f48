package crm

import "fmt"

// LinkState is the state of a connection to a PBX, whatever the protocol
// (AMI or ARI): both adapters report the same four.
type LinkState int

// Connection states, in the order a healthy session passes through them.
const (
	LinkConnecting   LinkState = iota // dialling and logging in
	LinkConnected                     // logged in and resynchronised
	LinkLoginFailed                   // the PBX refused the credentials; will retry
	LinkDisconnected                  // unreachable or the connection ended; will retry
)

// String names the state for logs.
func (s LinkState) String() string {
	switch s {
	case LinkConnecting:
		return "connecting"
	case LinkConnected:
		return "connected"
	case LinkLoginFailed:
		return "login_failed"
	case LinkDisconnected:
		return "disconnected"
	}
	return fmt.Sprintf("LinkState(%d)", int(s))
}

// Status is what a link state shows in the UI, with err's text for the
// states that have one. ok is false for a retry in progress, which keeps
// the "unreachable since ..." the UI already shows.
func (s LinkState) Status(attempt int, err error) (st PBXStatus, ok bool) {
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	switch s {
	case LinkConnecting:
		return PBXStatus{State: PBXStateConnecting}, attempt == 0
	case LinkConnected:
		return PBXStatus{State: PBXStateConnected}, true
	case LinkLoginFailed:
		return PBXStatus{State: PBXStateAuthFailed, LastError: msg}, true
	}
	return PBXStatus{State: PBXStateUnreachable, LastError: msg}, true
}
