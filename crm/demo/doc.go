// Package demo seeds a database with believable data for a demonstration:
// agents with extensions 101 to 105 and a supervisor, a few hundred
// accounts, contacts and leads whose phone numbers are written the many
// ways people really write them, products, service contracts and tickets.
//
// It uses only the crm services, so every record goes through the same
// engine, validation and phone lookup upkeep as one made in the UI. The
// data is generated from a fixed seed: every demo database is the same.
package demo
