// Package crm is Tigerline's domain: records and modules, users, calls and
// the events they raise, and the errors every layer shares.
//
// It imports nothing but the standard library. Storage lives in crm/mysql,
// which implements the services declared here; the web, realtime, ami and ari
// packages depend on crm, never the other way round.
package crm
