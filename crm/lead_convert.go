package crm

import "context"

// Transfer targets of a lead conversion: the record that receives the
// lead's documents, products, campaigns, links and comments.
const (
	TransferToContacts = "Contacts"
	TransferToAccounts = "Accounts"
)

// LeadConversion says what ConvertLead makes of a lead, as vtiger's
// Convert Lead dialog and its webservice operation convertlead do. Each
// value left empty comes from vtiger_convertleadmapping (the lead's field
// copied into the new record's field); a non-empty one overrides it.
type LeadConversion struct {
	Account   ConvertAccount
	Contact   ConvertContact
	Potential ConvertPotential
	// OwnerID is the user or group the new records are assigned to; 0
	// means the actor.
	OwnerID int64
	// TransferTo is TransferToContacts or TransferToAccounts; empty means
	// the contact when one is made, else the account.
	TransferTo string
}

// ConvertAccount is the account part of a conversion. An account whose
// name is already a live account's is reused unchanged.
type ConvertAccount struct {
	Create   bool
	Name     string // accountname
	Industry string
}

// ConvertContact is the contact part of a conversion.
type ConvertContact struct {
	Create    bool
	FirstName string
	LastName  string
	Email     string
}

// ConvertPotential is the potential part of a conversion. A potential
// is never made alone: an account or a contact must be made with it.
type ConvertPotential struct {
	Create      bool
	Name        string // potentialname
	ClosingDate string // YYYY-MM-DD
	SalesStage  string
	Amount      string
}

// LeadConverted names what a conversion made or reused; an id is 0 when
// that record was not asked for.
type LeadConverted struct {
	LeadID        int64
	AccountID     int64
	AccountReused bool // AccountID is an existing account of the same name
	ContactID     int64
	PotentialID   int64
}

// LeadConverter turns leads into accounts, contacts and potentials.
type LeadConverter interface {
	// ConvertLead makes the records c asks for in vtiger's order (account,
	// contact, potential) through the normal create path, moves or copies
	// the lead's related records to the transfer target and marks the
	// lead converted (it is kept, but hidden from lists, search, related
	// lists and the webservice). All of it happens or none of it does.
	// Errors: not_found (no live lead), invalid (already converted;
	// neither an account nor a contact; a potential alone; bad values,
	// with Fields keyed "<Module>.<field>" such as "Potentials.amount"),
	// forbidden (actor may not edit the lead or create a record asked
	// for).
	ConvertLead(ctx context.Context, actor *User, leadID int64, c LeadConversion) (*LeadConverted, error)
	// LeadConversionDefaults is what the dialog starts from: the values
	// the mapping gives each new record, an account when the lead names
	// a company, a contact, no potential, the actor as owner. Errors:
	// not_found, invalid (already converted), forbidden.
	LeadConversionDefaults(ctx context.Context, actor *User, leadID int64) (*LeadConversion, error)
	// IsLeadConverted reports whether a lead has been converted. Errors:
	// not_found (no such lead, or it is deleted).
	IsLeadConverted(ctx context.Context, leadID int64) (bool, error)
}
