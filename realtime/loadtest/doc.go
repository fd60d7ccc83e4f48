// Package loadtest measures the realtime path in one process: how long an
// event takes from Publish to a browser's websocket (on one node, and
// across two nodes through Redis), and what N connected browsers cost a
// node in memory and in the time one dashboard update takes to reach
// them all. The tigerline bench command and the package's benchmarks
// call it; nothing here runs in a plain `go test`.
package loadtest
