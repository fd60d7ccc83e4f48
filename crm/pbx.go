package crm

import (
	"context"
	"net"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// PBXKind is how Tigerline talks to a PBX.
type PBXKind string

// Kinds of PBX connection.
const (
	PBXKindAMI PBXKind = "ami" // Asterisk Manager Interface, TCP 5038, any Asterisk from 1.4
	PBXKindARI PBXKind = "ari" // Asterisk REST Interface, Asterisk 12+
)

// VtigerPBXName names the PBX configured in vtiger's own settings
// (vtiger_asterisk). It is reserved: no Tigerline PBX may take it.
const VtigerPBXName = "vtiger"

// PBX versions (AMI dialects) a PBX may be pinned to; PBXVersionAuto
// detects the dialect from the AMI banner.
const (
	PBXVersionAuto = "auto"
	PBXVersion14   = "1.4"
	PBXVersion16   = "1.6"
	PBXVersion18   = "1.8"
)

// ARI modes, as stored: observe (monitor mode) watches every channel
// (subscribeAll) and leaves call control to the dialplan; stasis (control
// mode) takes the calls the dialplan hands to the ARI application.
// Normalize accepts "monitor" and "control" for them.
const (
	ARIModeObserve = "observe"
	ARIModeStasis  = "stasis"
)

// ariModeAliases are the names the CLI and Settings use for the stored
// ARI modes.
var ariModeAliases = map[string]string{"monitor": ARIModeObserve, "control": ARIModeStasis}

// VersionOrMode is what lists show in a PBX's version column: the AMI
// dialect pinned, or an ARI PBX's mode (monitor or control).
func (p *PBX) VersionOrMode() string {
	if p.Kind != PBXKindARI {
		return p.Version
	}
	if p.ARIMode == ARIModeStasis {
		return "control"
	}
	return "monitor"
}

// PBX is one Asterisk server Tigerline connects to.
type PBX struct {
	ID       int64   // tl_pbx.id; 0 for the vtiger_asterisk row
	Name     string  // unique, at most 20 characters: it is the calls' gateway
	Kind     PBXKind // ami or ari
	Address  string  // host:port for AMI, http(s) URL for ARI
	Username string
	Secret   string
	// Version pins the AMI dialect: auto, 1.4, 1.6 or 1.8. Unused by ARI.
	Version string
	ARIApp  string // the Stasis application name (ARI only)
	ARIMode string // observe (monitor) or stasis (control); ARI only

	InboundContexts  []string // dialplan contexts where outside calls enter (from-pstn)
	OutboundContexts []string // contexts where calls leave (pstn-out)
	TrunkChannels    []string // regular expressions matching trunk channel names
	DIDs             []string // numbers customers dial
	Enabled          bool

	// FromVtiger marks the PBX read from vtiger_asterisk, vtiger 5.4's own
	// setting; it is changed in vtiger, not through Tigerline.
	FromVtiger bool
	Created    time.Time
	Updated    time.Time
	Status     PBXStatus
}

// PBXState is the last known state of a PBX connection.
type PBXState string

// States of a PBX connection. The zero value means no node has reported.
const (
	PBXStateUnknown     PBXState = ""
	PBXStateConnecting  PBXState = "connecting"
	PBXStateConnected   PBXState = "connected"
	PBXStateAuthFailed  PBXState = "auth_failed" // wrong user name or secret
	PBXStateUnreachable PBXState = "unreachable" // refused, timed out, no route
	PBXStateError       PBXState = "error"
	PBXStateDisabled    PBXState = "disabled"
)

// PBXStatus is what the node holding a PBX's connection last reported, so
// the UI can show a wrong password or an unreachable PBX.
type PBXStatus struct {
	State     PBXState
	LastError string
	Since     time.Time // when State began
	Updated   time.Time // when it was last reported
}

// PBXService stores PBX connections and their status.
type PBXService interface {
	// List returns every PBX by name: Tigerline's and, when vtiger's
	// settings name a server, vtiger's own as VtigerPBXName.
	List(ctx context.Context) ([]*PBX, error)
	// Add stores a new PBX. Errors: invalid (with Fields), conflict (name
	// taken).
	Add(ctx context.Context, p *PBX) (*PBX, error)
	// Remove deletes a PBX and its status. Errors: not_found, invalid
	// (the vtiger PBX, which vtiger's settings own).
	Remove(ctx context.Context, name string) error
	// SetStatus records a connection state; Since moves only when the
	// state changes. Errors: invalid.
	SetStatus(ctx context.Context, name string, st PBXStatus) error
}

var pbxNameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$`)

// Normalize fills a new PBX's defaults: kind ami, version auto, ARI mode
// observe, and trims list entries.
func (p *PBX) Normalize() {
	p.Name = strings.TrimSpace(p.Name)
	p.Address = strings.TrimSpace(p.Address)
	if p.Kind == "" {
		p.Kind = PBXKindAMI
	}
	if p.Kind == PBXKindAMI && p.Version == "" {
		p.Version = PBXVersionAuto
	}
	p.ARIMode = strings.ToLower(strings.TrimSpace(p.ARIMode))
	if m, ok := ariModeAliases[p.ARIMode]; ok {
		p.ARIMode = m
	}
	if p.Kind == PBXKindARI && p.ARIMode == "" {
		p.ARIMode = ARIModeObserve
	}
	for _, l := range []*[]string{&p.InboundContexts, &p.OutboundContexts, &p.TrunkChannels, &p.DIDs} {
		*l = cleanList(*l)
	}
}

// Validate checks a PBX before it is stored and names every bad field.
func (p *PBX) Validate() error {
	bad := map[string]string{}
	switch {
	case !pbxNameRe.MatchString(p.Name):
		bad["name"] = "1 to 20 letters, digits, '.', '_' or '-', starting with a letter or digit"
	case strings.EqualFold(p.Name, VtigerPBXName):
		bad["name"] = "\"vtiger\" is reserved for the PBX in vtiger's settings"
	}
	if p.Username == "" {
		bad["username"] = "required"
	}
	if p.Secret == "" {
		bad["secret"] = "required"
	}
	switch p.Kind {
	case PBXKindAMI:
		p.validateAMI(bad)
	case PBXKindARI:
		p.validateARI(bad)
	default:
		bad["kind"] = "ami or ari"
	}
	for _, pat := range p.TrunkChannels {
		if _, err := regexp.Compile(pat); err != nil {
			bad["trunk_channels"] = "bad regular expression " + strconv.Quote(pat)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	e := Errorf(EInvalid, "invalid PBX: %s", joinFields(bad))
	e.Fields = bad
	return e
}

func (p *PBX) validateAMI(bad map[string]string) {
	if err := checkHostPort(p.Address); err != "" {
		bad["address"] = err
	}
	switch p.Version {
	case PBXVersionAuto, PBXVersion14, PBXVersion16, PBXVersion18:
	default:
		bad["version"] = "1.4, 1.6, 1.8 or auto"
	}
}

func (p *PBX) validateARI(bad map[string]string) {
	u, err := url.Parse(p.Address)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad["address"] = "an http:// or https:// URL such as http://pbx:8088"
	}
	if p.ARIApp == "" {
		bad["ari_app"] = "required"
	}
	if p.ARIMode != ARIModeObserve && p.ARIMode != ARIModeStasis {
		bad["ari_mode"] = "monitor or control"
	}
}

// checkHostPort returns what is wrong with a host:port, or "".
func checkHostPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return "host:port, such as pbx.example.com:5038"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return "port must be 1 to 65535"
	}
	return ""
}

func cleanList(in []string) []string {
	var out []string
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func joinFields(bad map[string]string) string {
	names := make([]string, 0, len(bad))
	for _, k := range []string{"name", "kind", "address", "username", "secret", "version", "ari_app", "ari_mode", "trunk_channels"} {
		if msg, ok := bad[k]; ok {
			names = append(names, k+": "+msg)
		}
	}
	return strings.Join(names, "; ")
}
