// Package ari connects Tigerline to Asterisk 12+ over ARI, the REST and
// websocket interface, on top of github.com/CyCoreSystems/ari/v5: its
// event types and decoder read the websocket frames, Translate turns
// them into crm.CallEvents, and Client keeps the websocket alive,
// resynchronises the call tracker from GET /channels and /bridges after
// every (re)connect, and places click-to-call originates.
//
// Two modes: monitor watches every channel (subscribeAll=true) of an
// ordinary dialplan and controls nothing; control expects the dialplan
// to hand calls to the Stasis application.
//
// Only this package imports the ARI library; it knows nothing of the
// database, HTTP serving or Redis.
package ari
