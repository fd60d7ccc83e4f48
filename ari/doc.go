// Package ari connects Tigerline to Asterisk 12+ over ARI, the REST and
// websocket interface, on top of github.com/CyCoreSystems/ari/v5: its
// event types and decoder read the websocket frames, Translate turns
// them into crm.CallEvents, and Client keeps the websocket alive,
// resynchronises the call tracker from GET /channels and /bridges after
// every (re)connect, and places click-to-call originates.
//
// Two modes: monitor watches every channel (subscribeAll=true) of an
// ordinary dialplan and controls nothing: it only ever reads (GET).
// Control expects the dialplan to hand calls to the Stasis application
// (Stasis(tigerline,inbound,101)) and runs them (controller): answer,
// an optional greeting, a mixing bridge with the caller, the extension
// the arguments name (or Config.DefaultTarget) dialled into the
// application and bridged once it answers, and the other side and the
// bridge ended when either side hangs up. The same translation serves
// both modes, so their calls make the same records.
//
// Only this package imports the ARI library; it knows nothing of the
// database, HTTP serving or Redis.
package ari
