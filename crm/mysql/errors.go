package mysql

import (
	"database/sql"
	"errors"
	"maps"
	"net"
	"slices"
	"strings"
	"syscall"

	driver "github.com/go-sql-driver/mysql"

	"github.com/tigerline/tigerline/crm"
)

// MySQL server error numbers Tigerline tells apart.
const (
	errAccessDenied   = 1045
	errUnknownDB      = 1049
	errDuplicateEntry = 1062
	errNoSuchTable    = 1146
	errDBAccessDenied = 1044
	errAccessNoPass   = 1698
)

// mapError turns driver errors into crm errors: no rows is not_found, a
// duplicate key is conflict. Anything else is returned unchanged (internal).
func mapError(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return crm.Errorf(crm.ENotFound, "not found")
	}
	var me *driver.MySQLError
	if errors.As(err, &me) && me.Number == errDuplicateEntry {
		return crm.Errorf(crm.EConflict, "already exists: %s", me.Message)
	}
	return err
}

// connectError explains a failed connection in one line.
func connectError(cfg *driver.Config, err error) error {
	var me *driver.MySQLError
	if errors.As(err, &me) {
		switch me.Number {
		case errAccessDenied, errDBAccessDenied, errAccessNoPass:
			return crm.Errorf(crm.EUnauthorized, "database at %s refused user %q: wrong user name or password in TIGERLINE_DB (%s)", cfg.Addr, cfg.User, me.Message)
		case errUnknownDB:
			return crm.Errorf(crm.ENotFound, "database %q does not exist at %s: run `tigerline migrate` to create it", cfg.DBName, cfg.Addr)
		}
		return crm.Errorf(crm.EUnavailable, "database at %s: %s", cfg.Addr, me.Message)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return crm.Errorf(crm.EUnavailable, "cannot reach the database at %s: connection refused (is MariaDB/MySQL running?)", cfg.Addr)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return crm.Errorf(crm.EUnavailable, "cannot reach the database at %s: unknown host %q", cfg.Addr, dnsErr.Name)
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return crm.Errorf(crm.EUnavailable, "cannot reach the database at %s: timed out", cfg.Addr)
	}
	return crm.Errorf(crm.EUnavailable, "cannot reach the database at %s: %v", cfg.Addr, err)
}

// maskDSN hides the password of a DSN for messages and logs.
func maskDSN(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	colon := strings.Index(dsn, ":")
	if at < 0 || colon < 0 || colon > at {
		return dsn
	}
	return dsn[:colon+1] + "****" + dsn[at:]
}

// MaskDSN hides the password of a DSN, for logging the effective config.
func MaskDSN(dsn string) string { return maskDSN(dsn) }

// invalidFields is an invalid error whose message names every bad field
// with what is wrong with it, in a stable order: "invalid <what>: a is
// required; b is too long". Forms show Fields beside their fields.
func invalidFields(what string, bad map[string]string) error {
	return fieldsError("invalid "+what, bad)
}

// fieldsError is invalidFields with the message's head given whole.
func fieldsError(head string, bad map[string]string) error {
	names := slices.Sorted(maps.Keys(bad))
	parts := make([]string, len(names))
	for i, f := range names {
		parts[i] = f + " " + bad[f]
	}
	return &crm.Error{Code: crm.EInvalid, Message: head + ": " + strings.Join(parts, "; "), Fields: bad}
}
