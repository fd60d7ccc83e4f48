// Package realtime carries domain events to browsers: a Bus between
// server nodes (Redis pub/sub, or in-process for a single node) and a Hub
// that holds the websocket connections of one node and routes each event
// to the users of its Audience. PROTOCOL.md documents what browsers
// receive.
//
// Delivery is at most once: a browser may miss events while it or a node
// reconnects, so pages reload their state after every (re)connect and
// whenever they receive sync.required.
package realtime
