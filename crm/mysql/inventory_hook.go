package mysql

import (
	"context"
	"errors"
	"maps"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// saveHook adds another service's work to a record's save transaction:
// the inventory's line items ride on the header's create or update, so
// both commit or neither does.
type saveHook struct {
	// check returns its own problems, keyed as crm.Error.Fields, so one
	// error names every problem of the save, header and lines alike.
	check func(ctx context.Context, tx *sqlx.Tx) (map[string]string, error)
	// save runs once the record's own rows are written.
	save func(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64) error
}

// checkWith runs the hook's check beside the header validator's result
// err and returns one error naming both's problems; a nil hook returns err.
func (h *saveHook) checkWith(ctx context.Context, tx *sqlx.Tx, err error) error {
	if h == nil || h.check == nil || (err != nil && crm.ErrorCode(err) != crm.EInvalid) {
		return err
	}
	extra, cerr := h.check(ctx, tx)
	if cerr != nil {
		return cerr
	}
	return mergeInvalid(err, extra)
}

// saveWith runs the hook's save; a nil hook does nothing.
func (h *saveHook) saveWith(ctx context.Context, tx *sqlx.Tx, m *crm.Module, id int64) error {
	if h == nil || h.save == nil {
		return nil
	}
	return h.save(ctx, tx, m, id)
}

// mergeInvalid adds problems to an invalid error (or makes one), keeping
// the first message for a key that both name.
func mergeInvalid(err error, extra map[string]string) error {
	if len(extra) == 0 {
		return err
	}
	fields := map[string]string{}
	prefix := "invalid record"
	var ce *crm.Error
	if errors.As(err, &ce) {
		maps.Copy(fields, ce.Fields)
		if head, _, ok := strings.Cut(ce.Message, ": "); ok {
			prefix = head
		}
	}
	for k, v := range extra {
		if _, ok := fields[k]; !ok {
			fields[k] = v
		}
	}
	return fieldsError(prefix, fields)
}
