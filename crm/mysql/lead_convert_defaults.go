package mysql

import (
	"context"

	"github.com/tigerline/tigerline/crm"
)

// LeadConversionDefaults fills the Convert Lead dialog from the mapping,
// as vtiger's ConvertLeadUI does: the account checked when the lead names
// a company, the contact checked, the potential left for the user to
// choose (it needs a closing date and a sales stage).
func (s *RecordService) LeadConversionDefaults(ctx context.Context, actor *crm.User, leadID int64) (*crm.LeadConversion, error) {
	if err := s.authorize(ctx, actor, "Leads", crm.ActionEdit, leadID); err != nil {
		return nil, err
	}
	converted, err := s.IsLeadConverted(ctx, leadID)
	if err != nil {
		return nil, err
	}
	if converted {
		return nil, crm.Errorf(crm.EInvalid, "lead %d is already converted", leadID)
	}
	lead, err := s.FindRecordByID(ctx, "Leads", leadID)
	if err != nil {
		return nil, err
	}
	cv, err := s.newConversion(ctx, actor, crm.LeadConversion{})
	if err != nil {
		return nil, err
	}
	if cv.mapping, err = readLeadMapping(ctx, s.db); err != nil {
		return nil, err
	}
	acc, con, pot := cv.valuesFor(lead, "Accounts"), cv.valuesFor(lead, "Contacts"), cv.valuesFor(lead, "Potentials")
	c := &crm.LeadConversion{
		Account: crm.ConvertAccount{Create: acc["accountname"] != "", Name: acc["accountname"], Industry: acc["industry"]},
		Contact: crm.ConvertContact{Create: true, FirstName: con["firstname"], LastName: con["lastname"], Email: con["email"]},
		Potential: crm.ConvertPotential{Name: pot["potentialname"], ClosingDate: pot["closingdate"],
			SalesStage: pot["sales_stage"], Amount: pot["amount"]},
		TransferTo: crm.TransferToContacts,
	}
	if actor != nil {
		c.OwnerID = actor.ID
	}
	return c, nil
}
