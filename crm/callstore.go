package crm

import (
	"context"
	"time"
)

// CallLink ties a call to the CRM: the customer record the call was with
// and the agent's user. Zero fields mean "not known"; they never erase
// what an earlier save of the same call stored.
type CallLink struct {
	CustomerID     int64  // crmid of the contact, account, lead...; 0 when unknown
	CustomerModule string // the customer's module (vtiger_crmentity.setype)
	// UserID is the agent's user. 0 resolves AgentExtension through
	// vtiger_asteriskextensions, falling back to the admin user.
	UserID int64
}

// StoredCall is a call as stored in vtiger_pbxmanager: the record and
// what links it to the CRM.
type StoredCall struct {
	ID int64 // the PBXManager record's crmid
	CallRecord
	Link    CallLink
	OwnerID int64 // vtiger_crmentity.smownerid
}

// CallFilter selects stored calls; nil fields do not filter. Calls come
// newest first.
type CallFilter struct {
	CustomerID *int64
	UserID     *int64
	Gateway    *string
	Since      *time.Time // calls started at or after
	Ended      bool       // only calls that ended (have an end time)
	Offset     int
	Limit      int // 0 means 50; at most 500
}

// CallStats sums up the calls of one day for the dashboard. Missed calls
// rang an agent nobody answered (no-answer, busy, failed); abandoned
// callers hung up while waiting, before any agent rang or answered.
type CallStats struct {
	Day       time.Time // midnight of the day, in the caller's location
	Inbound   int
	Outbound  int
	Answered  int // inbound calls an agent took
	Missed    int
	Abandoned int
	// AvgWait is the mean time answered inbound callers waited; it is
	// derived as total minus talk time, since vtiger_pbxmanager keeps no
	// answer time. AvgTalk is the mean talk time of answered inbound calls.
	AvgWait time.Duration
	AvgTalk time.Duration
}

// CallStore keeps final call records: one vtiger_pbxmanager row (and one
// PBXManager crmentity) per call, whatever the number of saves.
type CallStore interface {
	// SaveCall writes a call, idempotently on (Gateway, SourceUniqueID):
	// a replay or another node saving the same call updates the row in
	// place, and an ended call is never overwritten by an earlier
	// snapshot. created reports whether this save made the row. Errors:
	// invalid (no gateway or uniqueid, or values too long).
	SaveCall(ctx context.Context, rec CallRecord, link CallLink) (id int64, created bool, err error)
	// FindCalls lists stored calls, newest first. Errors: invalid.
	FindCalls(ctx context.Context, f CallFilter) ([]*StoredCall, error)
	// CallsToday sums up the calls that started on day (midnight to
	// midnight in day's location).
	CallsToday(ctx context.Context, day time.Time) (*CallStats, error)
}

// ServiceLevelStats is a day's CallStats with the terms of its service
// level. Like the averages, they cover inbound calls that ended: Offered
// counts those an agent answered (completed), missed or that were
// abandoned; AnsweredInTime, the completed ones whose caller waited at
// most the service level (wait being total minus talk time, in whole
// seconds). Completed counts the ended, answered calls.
type ServiceLevelStats struct {
	CallStats
	Level          time.Duration
	Completed      int
	Offered        int
	AnsweredInTime int
}

// CallBoard reads what the screen pop and the supervisor dashboard rebuild
// on every reload, each by key or by index and never by scanning the day's
// calls. It is apart from CallStore because the call flow, which only
// saves calls, has no use for it.
type CallBoard interface {
	// FindCallBySource returns the stored call with key (gateway, source
	// unique id). Errors: not_found (none, or deleted).
	FindCallBySource(ctx context.Context, gateway, uniqueID string) (*StoredCall, error)
	// FindOpenCalls lists the calls started at or after since that are
	// stored ringing or in progress without an end time (calls an agent
	// linked before they ended), newest first.
	FindOpenCalls(ctx context.Context, since time.Time) ([]*StoredCall, error)
	// FindCompletedCalls lists the completed calls started at or after
	// since that ended at or after endedSince, newest first.
	FindCompletedCalls(ctx context.Context, since, endedSince time.Time) ([]*StoredCall, error)
	// CallsTodayWithin is CallsToday with the terms of the service level
	// level, in the same pass over the day's calls.
	CallsTodayWithin(ctx context.Context, day time.Time, level time.Duration) (*ServiceLevelStats, error)
}

// CallerRecord is a record whose phone field matches a caller.
type CallerRecord struct {
	Module string `json:"module"`
	ID     int64  `json:"crmid"`
	Name   string `json:"name"`   // the record's label (vtiger_entityname fields)
	Field  string `json:"field"`  // the phone field that matched, e.g. "mobile"
	Number string `json:"number"` // the stored fnumber that matched
}

// CallerMatch is what a caller-id finds: every matching record, best first
// (contacts, then accounts, then leads, then other modules; within a
// module the most complete number first, then by crmid).
type CallerMatch struct {
	Number  string         `json:"number"` // the caller-id as given
	Digits  string         `json:"digits"` // its normalised digits; "" when withheld
	Records []CallerRecord `json:"records"`
	// Unknown is set when nothing matched (or the caller-id is withheld).
	Unknown bool `json:"unknown"`
	// Ambiguous is set when several records share the best precedence
	// (two contacts with one number): a pop must offer them all. A
	// contact and its account sharing a switchboard number is not
	// ambiguous: the contact comes first.
	Ambiguous bool `json:"ambiguous"`
}

// Best returns the record a call should be linked to, and false when the
// caller is unknown or ambiguous.
func (m CallerMatch) Best() (CallerRecord, bool) {
	if m.Unknown || m.Ambiguous || len(m.Records) == 0 {
		return CallerRecord{}, false
	}
	return m.Records[0], true
}

// Link returns the CallLink for the best record, or a zero link when there
// is none.
func (m CallerMatch) Link() CallLink {
	r, ok := m.Best()
	if !ok {
		return CallLink{}
	}
	return CallLink{CustomerID: r.ID, CustomerModule: r.Module}
}

// CallerLookup finds the records a caller-id belongs to.
type CallerLookup interface {
	// LookupCaller matches number against every stored phone number of
	// live records. An unknown or withheld number is not an error: it
	// gives Unknown.
	LookupCaller(ctx context.Context, number string) (CallerMatch, error)
}
