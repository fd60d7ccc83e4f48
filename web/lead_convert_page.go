package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// renderLeadConvert shows the Convert Lead form of lead id with c's
// choices and st's values and errors.
func (s *Server) renderLeadConvert(w http.ResponseWriter, r *http.Request, status int, id int64, c crm.LeadConversion, st formState, msg string) {
	ctx, u := r.Context(), actor(r)
	lead, err := s.readRecord(ctx, u, "Leads", id, crm.ActionEdit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	href := recordHref("Leads", id)
	p := &leadConvertPage{page: s.basePage(r, "Leads"), LeadID: id, Label: lead.Label,
		Action: href + "/convert", Cancel: href, TransferTo: c.TransferTo}
	if p.TransferTo == "" {
		p.TransferTo = crm.TransferToContacts
	}
	p.Error = p.T(msg)
	p.EntitiesError = p.T(st.errors["entities"])
	p.TransferError = p.T(st.errors["transfer_to"])
	create := map[string]bool{"Accounts": c.Account.Create, "Contacts": c.Contact.Create, "Potentials": c.Potential.Create}
	for _, sec := range convertFields {
		m, err := s.deps.Records.Module(ctx, sec.module)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		var fields []*crm.Field
		for _, name := range sec.fields {
			if f := m.Field(name); f != nil {
				fields = append(fields, f)
			}
		}
		cs := &convertSection{Module: m.Name, Label: p.T(sec.label), Check: sec.check, Create: create[m.Name]}
		if cs.Fields, err = s.formFields(r, p.translator, m, fields, st); err != nil {
			s.fail(w, r, err)
			return
		}
		p.Sections = append(p.Sections, cs)
	}
	leads, err := s.deps.Records.Module(ctx, "Leads")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f := leads.Field("assigned_user_id"); f != nil {
		owner, err := s.formFields(r, p.translator, leads, []*crm.Field{f}, st)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Owner = owner[0]
	}
	s.render(w, r, status, "lead_convert", p)
}

// formFields lays out fields as a record form does, without blocks.
func (s *Server) formFields(r *http.Request, tr translator, m *crm.Module, fields []*crm.Field, st formState) ([]*formField, error) {
	blocks, err := s.buildForm(r.Context(), tr, actor(r), m, fields, st)
	if err != nil {
		return nil, err
	}
	var out []*formField
	for _, b := range blocks {
		out = append(out, b.Fields...)
	}
	return out, nil
}

// leadConvertBar is what a detail page shows of lead conversion: the
// Convert Lead button on a lead the user may convert, and on the record a
// conversion led to, a notice naming the lead.
type leadConvertBar struct {
	Href      string
	Button    string
	Notice    string
	LeadHref  string
	LeadLabel string
}

// leadConvertBar returns the bar of record id of module, or nil when
// there is nothing to show. ?converted=<lead> asks for the notice; it is
// shown only for a lead that is converted.
func (s *Server) leadConvertBar(r *http.Request, tr translator, module string, id int64, canEdit bool) (*leadConvertBar, error) {
	lc := s.leadConverter()
	if lc == nil {
		return nil, nil
	}
	ctx := r.Context()
	bar := &leadConvertBar{}
	if module == "Leads" && canEdit {
		converted, err := lc.IsLeadConverted(ctx, id)
		if err != nil {
			return nil, err
		}
		if !converted {
			bar.Href, bar.Button = recordHref("Leads", id)+"/convert", tr.T("Convert Lead")
		}
	}
	lead, err := strconv.ParseInt(r.URL.Query().Get("converted"), 10, 64)
	if err == nil && lead > 0 && (module == "Contacts" || module == "Accounts") {
		converted, err := lc.IsLeadConverted(ctx, lead)
		if err != nil && crm.ErrorCode(err) != crm.ENotFound {
			return nil, err
		}
		refs, err := s.deps.Records.RecordRefs(ctx, []int64{lead})
		if err != nil {
			return nil, err
		}
		if ref, ok := refs[lead]; ok && converted && ref.Module == "Leads" {
			bar.Notice, bar.LeadHref, bar.LeadLabel = tr.T("Lead converted:"), recordHref("Leads", lead), ref.Label
		}
	}
	if bar.Href == "" && bar.Notice == "" {
		return nil, nil
	}
	return bar, nil
}
