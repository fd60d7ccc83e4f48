package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// pbxPage lists the PBXs with their connection state and holds the form
// that adds one. Errors and Form come back filled after a failed add.
type pbxPage struct {
	page
	PBXs   []*crm.PBX
	Form   pbxForm
	Errors map[string]string
	Error  string
}

// pbxForm is the add form's fields as the admin typed them.
type pbxForm struct {
	Name, Kind, Address, Username, Version, ARIApp, ARIMode, Inbound, Outbound string
}

// handlePBXSettings answers GET /settings/pbx: every PBX, its state
// (connected, wrong password, unreachable...) and since when.
func (s *Server) handlePBXSettings(w http.ResponseWriter, r *http.Request) {
	s.renderPBXs(w, r, http.StatusOK, pbxForm{Kind: "ami", Version: "auto", ARIMode: "monitor"}, nil)
}

func (s *Server) renderPBXs(w http.ResponseWriter, r *http.Request, status int, f pbxForm, addErr error) {
	list, err := s.deps.PBX.List(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &pbxPage{page: s.basePage(r, "PBX connections"), PBXs: list, Form: f}
	if addErr != nil {
		var e *crm.Error
		if errors.As(addErr, &e) && e.Fields != nil {
			p.Errors = e.Fields
		}
		p.Error = crm.ErrorMessage(addErr)
	}
	s.render(w, r, status, "settings_pbx", p)
}

// handleAddPBX answers POST /settings/pbx. Connections start when serve
// starts, so the page says a restart applies the change.
func (s *Server) handleAddPBX(w http.ResponseWriter, r *http.Request) {
	f := pbxForm{
		Name: strings.TrimSpace(r.PostFormValue("name")), Kind: r.PostFormValue("kind"),
		Address: strings.TrimSpace(r.PostFormValue("address")), Username: strings.TrimSpace(r.PostFormValue("username")),
		Version: r.PostFormValue("version"), ARIApp: strings.TrimSpace(r.PostFormValue("ari_app")),
		ARIMode: r.PostFormValue("ari_mode"), Inbound: r.PostFormValue("inbound"), Outbound: r.PostFormValue("outbound"),
	}
	p := &crm.PBX{
		Name: f.Name, Kind: crm.PBXKind(f.Kind), Address: f.Address, Username: f.Username,
		Secret: r.PostFormValue("secret"), Version: f.Version, ARIApp: f.ARIApp, ARIMode: f.ARIMode, Enabled: true,
		InboundContexts: splitList(f.Inbound), OutboundContexts: splitList(f.Outbound),
	}
	if _, err := s.deps.PBX.Add(r.Context(), p); err != nil {
		if code := crm.ErrorCode(err); code != crm.EInvalid && code != crm.EConflict {
			s.fail(w, r, err)
			return
		}
		s.renderPBXs(w, r, http.StatusUnprocessableEntity, f, err)
		return
	}
	http.Redirect(w, r, "/settings/pbx?added="+p.Name, http.StatusSeeOther)
}

// handleRemovePBX answers POST /settings/pbx/remove.
func (s *Server) handleRemovePBX(w http.ResponseWriter, r *http.Request) {
	if err := s.deps.PBX.Remove(r.Context(), r.PostFormValue("name")); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/settings/pbx", http.StatusSeeOther)
}

// splitList reads contexts typed as "from-pstn, from-trunk".
func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, f)
	}
	return out
}
