// Package migrations embeds Tigerline's forward-only schema migrations.
//
// The numbered .sql files build vtiger 5.4's tables, one file per area,
// derived from a fresh vtiger 5.4.0 install by gen/main.go; later files add
// what vtiger 6 and Tigerline need. seed/ holds the rows of a fresh vtiger
// install (modules, blocks, fields, picklists, roles, profiles, the admin
// user...), applied only to a database that has no vtiger metadata yet.
// crm/mysql runs them.
package migrations

import "embed"

// Schema holds the numbered migration files, applied in lexical order.
//
//go:embed *.sql
var Schema embed.FS

// Seed holds the rows of a fresh vtiger 5.4 install, one file per area.
//
//go:embed seed/*.sql
var Seed embed.FS
