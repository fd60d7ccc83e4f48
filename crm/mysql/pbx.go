package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// PBXService implements crm.PBXService on tl_pbx and tl_pbx_status, and
// reads vtiger 5.4's vtiger_asterisk row as the PBX named "vtiger".
type PBXService struct {
	db *DB
}

// NewPBXService returns a PBXService on db.
func NewPBXService(db *DB) *PBXService { return &PBXService{db: db} }

var _ crm.PBXService = (*PBXService)(nil)

// pbxRow is a tl_pbx row with its tl_pbx_status, when any.
type pbxRow struct {
	ID       int64     `db:"id"`
	Name     string    `db:"name"`
	Kind     string    `db:"kind"`
	Address  string    `db:"address"`
	Username string    `db:"username"`
	Secret   string    `db:"secret"`
	Version  string    `db:"version"`
	ARIApp   string    `db:"ari_app"`
	ARIMode  string    `db:"ari_mode"`
	Inbound  string    `db:"inbound_contexts"`
	Outbound string    `db:"outbound_contexts"`
	Trunks   string    `db:"trunk_channels"`
	DIDs     string    `db:"dids"`
	Enabled  bool      `db:"enabled"`
	Created  time.Time `db:"created_at"`
	Updated  time.Time `db:"updated_at"`
	pbxStatusRow
}

// List returns every PBX by name: the tl_pbx rows and, when vtiger's
// settings name a server, vtiger's PBX.
func (s *PBXService) List(ctx context.Context) ([]*crm.PBX, error) {
	const q = `SELECT p.id, p.name, p.kind, p.address, p.username, p.secret, p.version, p.ari_app,
		p.ari_mode, p.inbound_contexts, p.outbound_contexts, p.trunk_channels, p.dids, p.enabled,
		p.created_at, p.updated_at, st.state, st.last_error, st.since, st.updated_at AS status_updated
		FROM tl_pbx p LEFT JOIN tl_pbx_status st ON st.name = p.name ORDER BY p.name`
	var rows []pbxRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, fmt.Errorf("list PBXs: %w", err)
	}
	out := make([]*crm.PBX, 0, len(rows)+1)
	for i := range rows {
		out = append(out, rows[i].pbx())
	}
	v, err := vtigerPBX(ctx, s.db)
	if err != nil {
		return nil, err
	}
	if v != nil {
		out = append(out, v)
		sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	}
	return out, nil
}

func (r *pbxRow) pbx() *crm.PBX {
	return &crm.PBX{
		ID: r.ID, Name: r.Name, Kind: crm.PBXKind(r.Kind), Address: r.Address,
		Username: r.Username, Secret: r.Secret, Version: r.Version, ARIApp: r.ARIApp, ARIMode: r.ARIMode,
		InboundContexts: splitLines(r.Inbound), OutboundContexts: splitLines(r.Outbound),
		TrunkChannels: splitLines(r.Trunks), DIDs: splitLines(r.DIDs),
		Enabled: r.Enabled, Created: r.Created, Updated: r.Updated, Status: r.status(),
	}
}

// vtigerPBX reads vtiger 5.4's AMI setting as is, or nil when it names no
// server. Its version forces a dialect only when it says 1.4 or 1.6, the
// two vtiger offered; anything else is detected from the banner.
func vtigerPBX(ctx context.Context, db sqlx.QueryerContext) (*crm.PBX, error) {
	const q = `SELECT COALESCE(a.server, '') AS server, COALESCE(a.port, '') AS port,
		COALESCE(a.username, '') AS username, COALESCE(a.password, '') AS password,
		COALESCE(a.version, '') AS version, st.state, st.last_error, st.since, st.updated_at AS status_updated
		FROM vtiger_asterisk a LEFT JOIN tl_pbx_status st ON st.name = ?
		WHERE COALESCE(a.server, '') <> '' LIMIT 1`
	var r struct {
		Server, Port, Username, Password, Version string
		pbxStatusRow
	}
	err := sqlx.GetContext(ctx, db, &r, q, crm.VtigerPBXName)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read vtiger_asterisk: %w", err)
	}
	p := &crm.PBX{
		Name: crm.VtigerPBXName, Kind: crm.PBXKindAMI, Address: amiAddress(r.Server, r.Port),
		Username: r.Username, Secret: r.Password, Version: crm.PBXVersionAuto,
		Enabled: true, FromVtiger: true, Status: r.status(),
	}
	if v := strings.TrimSpace(r.Version); v == crm.PBXVersion14 || v == crm.PBXVersion16 {
		p.Version = v
	}
	return p, nil
}

// pbxStatusRow reads tl_pbx_status columns joined to a PBX.
type pbxStatusRow struct {
	State         sql.NullString `db:"state"`
	LastError     sql.NullString `db:"last_error"`
	Since         sql.NullTime   `db:"since"`
	StatusUpdated sql.NullTime   `db:"status_updated"`
}

func (r pbxStatusRow) status() crm.PBXStatus {
	return crm.PBXStatus{State: crm.PBXState(r.State.String), LastError: r.LastError.String,
		Since: r.Since.Time, Updated: r.StatusUpdated.Time}
}

// amiAddress joins vtiger's server and port; the port defaults to AMI's
// 5038, and a server already holding a port is kept as is.
func amiAddress(server, port string) string {
	server, port = strings.TrimSpace(server), strings.TrimSpace(port)
	if _, _, err := net.SplitHostPort(server); err == nil {
		return server
	}
	if port == "" {
		port = "5038"
	}
	return net.JoinHostPort(server, port)
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
