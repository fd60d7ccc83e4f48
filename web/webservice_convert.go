package web

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// wsLeadAlreadyConverted is vtiger's WebServiceErrorCode::$LEAD_ALREADY_CONVERTED.
const wsLeadAlreadyConverted = "LEAD_ALREADY_CONVERTED"

// convertEntityFields are the values convertlead takes per module besides
// create and name, as vtiger's Convert Lead dialog sends them.
var convertEntityFields = map[string][]string{
	"Accounts":   {"accountname", "industry"},
	"Contacts":   {"firstname", "lastname", "email"},
	"Potentials": {"potentialname", "closingdate", "sales_stage", "amount"},
}

// wsConvertElement is convertlead's element, as vtiger 5.4's
// vtws_convertlead($entityvalues) reads it.
type wsConvertElement struct {
	LeadID     string                                `json:"leadId"`
	AssignedTo string                                `json:"assignedTo"`
	TransferTo string                                `json:"transferRelatedRecordsTo"`
	Entities   map[string]map[string]json.RawMessage `json:"entities"`
}

// wsConvertLead converts the lead element.leadId and answers the ws ids
// of the records made or reused, by module ({"Accounts":"11x5",
// "Contacts":"12x6"}), as vtiger does. Where vtiger answers null for a
// conversion it refuses or undoes, Tigerline answers the error.
//
// vtiger 5.4's own vtiger_ws_operation_parameters still list the 5.2
// parameters (leadId, assignedTo, accountName, avoidPotential, potential)
// for a function that reads one element; Tigerline takes the element, as
// vtiger 6 registers it.
func (s *Server) wsConvertLead(c *wsCall) (any, error) {
	lc := s.leadConverter()
	if lc == nil {
		return nil, wsErrorf(wsUnknownOperation, "Lead conversion is not enabled on this server")
	}
	var el wsConvertElement
	dec := json.NewDecoder(strings.NewReader(c.param("element")))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&el); err != nil {
		return nil, wsErrorf(wsInvalidRequest, "element must be a JSON object with leadId, assignedTo, transferRelatedRecordsTo and entities: %v", err)
	}
	m, _, leadID, err := s.wsRecord(c, el.LeadID)
	if err != nil {
		return nil, err
	}
	if m.Name != "Leads" {
		return nil, wsErrorf(wsInvalidID, "Id specified is incorrect: %s is not a lead", el.LeadID)
	}
	if err := s.wsCheck(c, m.Name, crm.ActionEdit, leadID); err != nil {
		return nil, err
	}
	if converted, err := lc.IsLeadConverted(c.ctx(), leadID); err != nil || converted {
		if err == nil {
			err = wsErrorf(wsLeadAlreadyConverted, "Lead is already converted")
		}
		return nil, err
	}
	conv, err := s.wsConversion(c, m, el)
	if err != nil {
		return nil, err
	}
	done, err := lc.ConvertLead(c.ctx(), c.user, leadID, conv)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for module, id := range map[string]int64{"Accounts": done.AccountID, "Contacts": done.ContactID, "Potentials": done.PotentialID} {
		if e := c.meta.Entity(module); e != nil && id > 0 {
			out[module] = wsID(e.ID, id)
		}
	}
	return out, nil
}

// wsConversion reads the element's owner, transfer target and entities.
func (s *Server) wsConversion(c *wsCall, leads *crm.Module, el wsConvertElement) (crm.LeadConversion, error) {
	conv := crm.LeadConversion{TransferTo: el.TransferTo}
	if el.AssignedTo != "" {
		f := leads.Field("assigned_user_id")
		if f == nil {
			return conv, wsErrorf(wsInvalidRequest, "Leads have no owner field")
		}
		id, err := s.wsInRef(c, f, kindOwner, el.AssignedTo)
		if err != nil {
			return conv, err
		}
		owner, err := strconv.ParseInt(id, 10, 64)
		if err != nil || owner <= 0 {
			return conv, wsErrorf(wsReferenceInvalid, "Invalid reference specified for assignedTo: %s", el.AssignedTo)
		}
		conv.OwnerID = owner
	}
	for module, raw := range el.Entities {
		vals, create, err := wsConvertEntity(module, raw)
		if err != nil {
			return conv, err
		}
		switch module {
		case "Accounts":
			conv.Account = crm.ConvertAccount{Create: create, Name: vals["accountname"], Industry: vals["industry"]}
		case "Contacts":
			conv.Contact = crm.ConvertContact{Create: create, FirstName: vals["firstname"], LastName: vals["lastname"], Email: vals["email"]}
		case "Potentials":
			conv.Potential = crm.ConvertPotential{Create: create, Name: vals["potentialname"], ClosingDate: vals["closingdate"],
				SalesStage: vals["sales_stage"], Amount: vals["amount"]}
		}
	}
	return conv, nil
}

// wsConvertEntity reads one entities entry: create (true, 1, "1", "true"
// or "on"), name (the module's own name, when given) and the values the
// dialog sends for that module.
func wsConvertEntity(module string, raw map[string]json.RawMessage) (map[string]string, bool, error) {
	allowed, ok := convertEntityFields[module]
	if !ok {
		return nil, false, wsErrorf(wsInvalidRequest, "entities: %q is not Accounts, Contacts or Potentials", module)
	}
	vals := map[string]string{}
	create := false
	for k, v := range raw {
		var x any
		dec := json.NewDecoder(strings.NewReader(string(v)))
		dec.UseNumber()
		if err := dec.Decode(&x); err != nil {
			return nil, false, wsErrorf(wsInvalidRequest, "entities.%s.%s: %v", module, k, err)
		}
		str, plain := jsonScalar(x)
		switch {
		case !plain:
			return nil, false, wsErrorf(wsInvalidRequest, "entities.%s.%s: not a plain value", module, k)
		case k == "create":
			create = slices.Contains([]string{"1", "true", "on", "yes"}, strings.ToLower(str))
		case k == "name":
			if str != "" && str != module {
				return nil, false, wsErrorf(wsInvalidRequest, "entities.%s.name: %q is not %s", module, str, module)
			}
		case slices.Contains(allowed, k):
			vals[k] = str
		default:
			return nil, false, wsErrorf(wsInvalidRequest, "entities.%s: convertlead takes no field %q (it takes %s)",
				module, k, strings.Join(allowed, ", "))
		}
	}
	return vals, create, nil
}

// wsHideConverted answers a converted lead as not found. vtiger 5.4's
// query hides converted leads (getEntityDeletedQuery adds converted=0)
// while its retrieve, checking only crmentity.deleted, still reads them;
// Tigerline hides them from both, so a client is never handed a lead it
// cannot list. Update and delete still reach them, as in vtiger.
func (s *Server) wsHideConverted(c *wsCall, module string, id int64) error {
	lc := s.leadConverter()
	if module != "Leads" || lc == nil {
		return nil
	}
	converted, err := lc.IsLeadConverted(c.ctx(), id)
	if err != nil {
		return err
	}
	if converted {
		return wsErrorf(wsRecordNotFound, "Record you are trying to access is not found")
	}
	return nil
}
