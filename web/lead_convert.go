package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// leadConvertPage is vtiger's Convert Lead dialog as a page: a section
// per record to make, each with its checkbox and fields, the owner of the
// new records and where the lead's related records go.
type leadConvertPage struct {
	page
	LeadID   int64
	Label    string
	Action   string
	Cancel   string
	Sections []*convertSection
	Owner    *formField
	// TransferTo is "Contacts" or "Accounts".
	TransferTo    string
	TransferError string
	// Error sums up what is wrong; EntitiesError says that the choice of
	// records to make is.
	Error         string
	EntitiesError string
}

// convertSection is one record the conversion may make.
type convertSection struct {
	Module string // Accounts, Contacts or Potentials
	Label  string
	Check  string // the checkbox's name
	Create bool
	Fields []*formField
}

// convertFields are the fields the dialog shows per module, as vtiger's
// ConvertLead.tpl; the rest comes from the mapping.
var convertFields = []struct {
	module, label, check string
	fields               []string
}{
	{"Accounts", "Account", "create_account", []string{"accountname", "industry"}},
	{"Contacts", "Contact", "create_contact", []string{"firstname", "lastname", "email"}},
	{"Potentials", "Potential", "create_potential", []string{"potentialname", "closingdate", "amount", "sales_stage"}},
}

// leadConverter is the record engine's lead conversion, when it has one.
func (s *Server) leadConverter() crm.LeadConverter {
	lc, _ := s.deps.Records.(crm.LeadConverter)
	return lc
}

// handleLeadConvertForm renders GET /m/Leads/{id}/convert, prefilled
// from the lead through vtiger_convertleadmapping.
func (s *Server) handleLeadConvertForm(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := s.leadConverter().LeadConversionDefaults(r.Context(), actor(r), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st := formState{values: conversionValues(*c), labels: map[string]string{}, errors: map[string]string{}}
	s.renderLeadConvert(w, r, http.StatusOK, id, *c, st, "")
}

// handleLeadConvert answers POST /m/Leads/{id}/convert: a valid form
// converts the lead and leads to the new contact (else the account) with
// a notice; an invalid one comes back filled, errors beside the fields.
func (s *Server) handleLeadConvert(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	c, st, err := s.readConversion(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(st.errors) > 0 {
		s.renderLeadConvert(w, r, http.StatusBadRequest, id, c, st, "Please correct the marked fields.")
		return
	}
	done, err := s.leadConverter().ConvertLead(r.Context(), actor(r), id, c)
	var ce *crm.Error
	if errors.As(err, &ce) && ce.Code == crm.EInvalid {
		s.renderLeadConvert(w, r, http.StatusBadRequest, id, c, st, placeConvertErrors(ce, st))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	to := recordHref("Contacts", done.ContactID)
	if done.ContactID == 0 {
		to = recordHref("Accounts", done.AccountID)
	}
	http.Redirect(w, r, to+"?converted="+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

// readConversion reads the posted dialog: the records chosen, their
// values and the owner, with what is wrong before the engine is asked.
func (s *Server) readConversion(r *http.Request) (crm.LeadConversion, formState, error) {
	if err := s.parsePostedForm(r); err != nil {
		return crm.LeadConversion{}, formState{}, err
	}
	fields, owner, err := s.convertFormFields(r)
	if err != nil {
		return crm.LeadConversion{}, formState{}, err
	}
	st := readForm(r, append(fields, owner))
	readOwners(r, []*crm.Field{owner}, st)
	c := crm.LeadConversion{TransferTo: r.PostForm.Get("transfer_to")}
	c.Account.Create = r.PostForm.Get("create_account") != ""
	c.Contact.Create = r.PostForm.Get("create_contact") != ""
	c.Potential.Create = r.PostForm.Get("create_potential") != ""
	fillConversion(&c, st.values)
	requireConvertFields(&c, fields, st)
	if v := st.values[owner.Name]; v != "" && st.errors[owner.Name] == "" {
		if c.OwnerID, err = strconv.ParseInt(v, 10, 64); err != nil || c.OwnerID <= 0 {
			c.OwnerID, st.errors[owner.Name] = 0, "is not a user or group id"
		}
	}
	return c, st, nil
}

// convertFormFields returns the fields the form shows, in section order,
// and the owner field (the lead's, as every module's is the same).
func (s *Server) convertFormFields(r *http.Request) ([]*crm.Field, *crm.Field, error) {
	var out []*crm.Field
	for _, sec := range convertFields {
		m, err := s.deps.Records.Module(r.Context(), sec.module)
		if err != nil {
			return nil, nil, err
		}
		for _, name := range sec.fields {
			if f := m.Field(name); f != nil {
				out = append(out, f)
			}
		}
	}
	leads, err := s.deps.Records.Module(r.Context(), "Leads")
	if err != nil {
		return nil, nil, err
	}
	owner := leads.Field("assigned_user_id")
	if owner == nil {
		return nil, nil, crm.Errorf(crm.ENotFound, "Leads have no owner field")
	}
	return out, owner, nil
}

// conversionValues are a conversion's values by field name: the names
// are unique across the dialog's sections.
func conversionValues(c crm.LeadConversion) map[string]string {
	v := map[string]string{
		"accountname": c.Account.Name, "industry": c.Account.Industry,
		"firstname": c.Contact.FirstName, "lastname": c.Contact.LastName, "email": c.Contact.Email,
		"potentialname": c.Potential.Name, "closingdate": c.Potential.ClosingDate,
		"sales_stage": c.Potential.SalesStage, "amount": c.Potential.Amount,
	}
	if c.OwnerID > 0 {
		v["assigned_user_id"] = strconv.FormatInt(c.OwnerID, 10)
	}
	return v
}

// fillConversion takes the dialog's values into c.
func fillConversion(c *crm.LeadConversion, v map[string]string) {
	c.Account.Name, c.Account.Industry = v["accountname"], v["industry"]
	c.Contact.FirstName, c.Contact.LastName, c.Contact.Email = v["firstname"], v["lastname"], v["email"]
	c.Potential.Name, c.Potential.ClosingDate = v["potentialname"], v["closingdate"]
	c.Potential.SalesStage, c.Potential.Amount = v["sales_stage"], v["amount"]
}

// requireConvertFields marks the mandatory fields left empty in the
// sections chosen, as vtiger's dialog checks before it posts; the engine
// would otherwise fill them from the mapping or with "????".
func requireConvertFields(c *crm.LeadConversion, fields []*crm.Field, st formState) {
	chosen := map[string]bool{"accountname": c.Account.Create, "industry": c.Account.Create,
		"firstname": c.Contact.Create, "lastname": c.Contact.Create, "email": c.Contact.Create,
		"potentialname": c.Potential.Create, "closingdate": c.Potential.Create,
		"sales_stage": c.Potential.Create, "amount": c.Potential.Create}
	for _, f := range fields {
		if chosen[f.Name] && f.Mandatory && strings.TrimSpace(st.values[f.Name]) == "" {
			st.errors[f.Name] = "is required"
		}
	}
}

// placeConvertErrors puts the engine's field errors ("Potentials.amount")
// beside the form's fields and returns the message above the form.
func placeConvertErrors(ce *crm.Error, st formState) string {
	if len(ce.Fields) == 0 {
		return ce.Message
	}
	msg := "Please correct the marked fields."
	for key, why := range ce.Fields {
		name := key
		if _, f, ok := strings.Cut(key, "."); ok {
			name = f
		}
		if _, shown := st.values[name]; shown || key == "entities" || key == "transfer_to" {
			st.errors[name] = why
			continue
		}
		msg = ce.Message // about a field the dialog does not show
	}
	return msg
}
