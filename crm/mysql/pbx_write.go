package mysql

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// maxPBXError is the size of tl_pbx_status.last_error.
const maxPBXError = 1000

// Add validates and stores a new, enabled PBX after filling its defaults
// (crm.PBX.Normalize). Errors: invalid (with Fields), conflict.
func (s *PBXService) Add(ctx context.Context, p *crm.PBX) (*crm.PBX, error) {
	np := *p
	np.Normalize()
	if err := np.Validate(); err != nil {
		return nil, err
	}
	t := time.Now().UTC().Truncate(time.Second)
	np.Created, np.Updated, np.Enabled = t, t, true
	const q = `INSERT INTO tl_pbx (name, kind, address, username, secret, version, ari_app, ari_mode,
		inbound_contexts, outbound_contexts, trunk_channels, dids, enabled, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
	res, err := s.db.ExecContext(ctx, q, np.Name, string(np.Kind), np.Address, np.Username, np.Secret,
		np.Version, np.ARIApp, np.ARIMode, joinLines(np.InboundContexts), joinLines(np.OutboundContexts),
		joinLines(np.TrunkChannels), joinLines(np.DIDs), t, t)
	if err != nil {
		if crm.ErrorCode(mapError(err)) == crm.EConflict {
			return nil, crm.Errorf(crm.EConflict, "a PBX named %q already exists", np.Name)
		}
		return nil, fmt.Errorf("add PBX %s: %w", np.Name, err)
	}
	if np.ID, err = res.LastInsertId(); err != nil {
		return nil, fmt.Errorf("add PBX %s: %w", np.Name, err)
	}
	return &np, nil
}

// Remove deletes a PBX and its status in one transaction. vtiger's PBX is
// refused: vtiger's own settings page owns vtiger_asterisk. Errors:
// invalid, not_found.
func (s *PBXService) Remove(ctx context.Context, name string) error {
	if strings.EqualFold(name, crm.VtigerPBXName) {
		return crm.Errorf(crm.EInvalid, "the PBX %q is vtiger's own setting (vtiger_asterisk): change it in vtiger's PBXManager settings", name)
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return fmt.Errorf("remove PBX %s: %w", name, err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM tl_pbx WHERE name = ?`, name)
	if err != nil {
		return fmt.Errorf("remove PBX %s: %w", name, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = crm.Errorf(crm.ENotFound, "no PBX named %q", name)
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM tl_pbx_status WHERE name = ?`, name); err != nil {
		return fmt.Errorf("remove PBX %s status: %w", name, err)
	}
	return tx.Commit()
}

// SetStatus records what a node saw of a PBX connection. Since keeps its
// value while the state stays the same, so "unreachable since 09:12"
// survives every retry. A zero st.Since means now. Errors: invalid
// (unknown state), not_found (no such PBX).
func (s *PBXService) SetStatus(ctx context.Context, name string, st crm.PBXStatus) error {
	switch st.State {
	case crm.PBXStateConnecting, crm.PBXStateConnected, crm.PBXStateAuthFailed,
		crm.PBXStateUnreachable, crm.PBXStateError, crm.PBXStateDisabled:
	default:
		return crm.Errorf(crm.EInvalid, "unknown PBX state %q", st.State)
	}
	if err := s.checkPBX(ctx, name); err != nil {
		return err
	}
	t := time.Now().UTC().Truncate(time.Second)
	since := st.Since.UTC().Truncate(time.Second)
	if st.Since.IsZero() {
		since = t
	}
	// since is assigned before state, so IF() still sees the old state.
	const q = `INSERT INTO tl_pbx_status (name, state, last_error, since, updated_at) VALUES (?, ?, ?, ?, ?)
		ON DUPLICATE KEY UPDATE since = IF(state = VALUES(state), since, VALUES(since)),
		state = VALUES(state), last_error = VALUES(last_error), updated_at = VALUES(updated_at)`
	if _, err := s.db.ExecContext(ctx, q, name, string(st.State), callClip(st.LastError, maxPBXError), since, t); err != nil {
		return fmt.Errorf("set PBX %s status: %w", name, err)
	}
	return nil
}

// checkPBX returns not_found unless name is a tl_pbx row or vtiger's PBX.
func (s *PBXService) checkPBX(ctx context.Context, name string) error {
	if name == crm.VtigerPBXName {
		return nil
	}
	var n int
	if err := s.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM tl_pbx WHERE name = ?`, name); err != nil {
		return fmt.Errorf("find PBX %s: %w", name, err)
	}
	if n == 0 {
		return crm.Errorf(crm.ENotFound, "no PBX named %q", name)
	}
	return nil
}

func joinLines(list []string) string { return strings.Join(list, "\n") }
