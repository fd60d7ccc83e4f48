// Package ami speaks the Asterisk Manager Interface: a bounded frame codec,
// a client that multiplexes actions and the event stream over one TCP
// connection, and a supervisor that keeps that connection alive.
//
// The codec is tuned to what Asterisk 1.4, 1.6 and 22 actually send (see the
// recordings in ../shared/pbx-traces): CRLF frames ended by an empty line,
// repeated keys, values containing ':' and the raw "Response: Follows" output
// of the Command action on 1.4 and 1.6.
package ami
