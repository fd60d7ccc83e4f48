package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// callRow is one vtiger_pbxmanager row: vtiger 5.4's columns (callfrom,
// callto, timeofcall, status) and vtiger 6's, both filled.
type callRow struct {
	ID             int64        `db:"pbxmanagerid"`
	CallFrom       string       `db:"callfrom"`
	CallTo         string       `db:"callto"`
	TimeOfCall     string       `db:"timeofcall"`
	Status         string       `db:"status"`
	Direction      string       `db:"direction"`
	CallStatus     string       `db:"callstatus"`
	StartTime      time.Time    `db:"starttime"`
	EndTime        sql.NullTime `db:"endtime"`
	TotalDuration  int          `db:"totalduration"`
	BillDuration   int          `db:"billduration"`
	SourceUUID     string       `db:"sourceuuid"`
	Gateway        string       `db:"gateway"`
	Customer       *int64       `db:"customer"`
	User           *string      `db:"user"`
	CustomerNumber string       `db:"customernumber"`
	CustomerType   *string      `db:"customertype"`
	// Ended guards updates: a snapshot of a call in progress never
	// overwrites a call that already ended (a late replay).
	Ended bool `db:"ended"`
	// Owner is the agent's user, 0 until known (then admin on insert).
	Owner int64 `db:"-"`
}

// Column sizes of vtiger_pbxmanager that a call's values must fit.
const (
	maxGateway    = 20
	maxSourceUUID = 100
	maxParty      = 255
	maxCustomer   = 100
)

// newCallRow validates rec and maps it to vtiger_pbxmanager's columns.
func newCallRow(rec crm.CallRecord, link crm.CallLink) (*callRow, error) {
	if err := checkCallKey(rec); err != nil {
		return nil, err
	}
	from, to := legacyParties(rec)
	r := &callRow{
		CallFrom:       callClip(from, maxParty),
		CallTo:         callClip(to, maxParty),
		TimeOfCall:     rec.StartTime.UTC().Format(time.DateTime),
		Status:         legacyStatus(rec),
		Direction:      string(rec.Direction),
		CallStatus:     string(rec.Status),
		StartTime:      rec.StartTime.UTC().Truncate(time.Second),
		TotalDuration:  rec.TotalSeconds,
		BillDuration:   rec.BillableSeconds,
		SourceUUID:     rec.SourceUniqueID,
		Gateway:        rec.Gateway,
		CustomerNumber: callClip(rec.CustomerNumber, maxCustomer),
		Ended:          !rec.EndTime.IsZero(),
	}
	if r.Ended {
		r.EndTime = sql.NullTime{Time: rec.EndTime.UTC().Truncate(time.Second), Valid: true}
	}
	if link.CustomerID > 0 {
		id, module := link.CustomerID, callClip(link.CustomerModule, maxCustomer)
		r.Customer, r.CustomerType = &id, &module
	}
	if link.UserID > 0 {
		r.setUser(link.UserID)
	}
	return r, nil
}

func checkCallKey(rec crm.CallRecord) error {
	bad := map[string]string{}
	if rec.Gateway == "" || len(rec.Gateway) > maxGateway {
		bad["gateway"] = fmt.Sprintf("1 to %d characters", maxGateway)
	}
	if rec.SourceUniqueID == "" || len(rec.SourceUniqueID) > maxSourceUUID {
		bad["source_uniqueid"] = fmt.Sprintf("1 to %d characters", maxSourceUUID)
	}
	if rec.StartTime.IsZero() {
		bad["start_time"] = "required"
	}
	if len(bad) == 0 {
		return nil
	}
	e := crm.Errorf(crm.EInvalid, "call record %s/%s cannot be stored: %v", rec.Gateway, rec.SourceUniqueID, bad)
	e.Fields = bad
	return e
}

func (r *callRow) setUser(id int64) {
	if id <= 0 {
		return
	}
	s := strconv.FormatInt(id, 10)
	r.User, r.Owner = &s, id
}

// legacyParties returns vtiger 5.4's callfrom and callto: plain numbers,
// the customer on the outside end and the agent's extension (or, before
// any agent took an inbound call, the queue or the DID) on ours.
func legacyParties(rec crm.CallRecord) (from, to string) {
	if rec.Direction != crm.DirectionInbound {
		return rec.AgentExtension, rec.CustomerNumber
	}
	to = rec.AgentExtension
	if to == "" {
		to = rec.Queue
	}
	if to == "" {
		to = rec.DID
	}
	return rec.CustomerNumber, to
}

// legacyStatus returns vtiger 5.4's status: "outgoing" for calls an agent
// placed, "incoming-<state>" for calls that came in, where state is
// received (answered), missed, or ringing while still unanswered.
func legacyStatus(rec crm.CallRecord) string {
	if rec.Direction != crm.DirectionInbound {
		return "outgoing"
	}
	switch rec.Status {
	case crm.CallStatusCompleted, crm.CallStatusInProgress:
		return "incoming-received"
	case crm.CallStatusRinging:
		return "incoming-ringing"
	}
	return "incoming-missed"
}

// insertCall creates the PBXManager record. vtiger_pbxmanager goes first,
// so a racing node's call is found (1062) before any other row is written.
func insertCall(ctx context.Context, tx *sqlx.Tx, r *callRow) (int64, error) {
	id, err := nextID(ctx, tx, "vtiger_crmentity_seq")
	if err != nil {
		return 0, err
	}
	r.ID = id
	owner := r.Owner
	if owner == 0 {
		if owner, err = adminUser(ctx, tx); err != nil {
			return 0, err
		}
	}
	const q = `INSERT INTO vtiger_pbxmanager (pbxmanagerid, callfrom, callto, timeofcall, status,
		direction, callstatus, starttime, endtime, totalduration, billduration, sourceuuid, gateway,
		customer, ` + "`user`" + `, customernumber, customertype)
		VALUES (:pbxmanagerid, :callfrom, :callto, :timeofcall, :status,
		:direction, :callstatus, :starttime, :endtime, :totalduration, :billduration, :sourceuuid, :gateway,
		:customer, :user, :customernumber, :customertype)`
	if _, err := tx.NamedExecContext(ctx, q, r); err != nil {
		return 0, err // unwrapped: SaveCall tells a lost race by its number
	}
	t := callNow()
	const qe = `INSERT INTO vtiger_crmentity (crmid, smcreatorid, smownerid, modifiedby, setype,
		createdtime, modifiedtime, presence, deleted, version)
		VALUES (?, ?, ?, ?, 'PBXManager', ?, ?, 1, 0, 0)`
	if _, err := tx.ExecContext(ctx, qe, id, owner, owner, owner, t, t); err != nil {
		return 0, fmt.Errorf("insert crmentity: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO vtiger_pbxmanagercf (pbxmanagerid) VALUES (?)`, id); err != nil {
		return 0, fmt.Errorf("insert vtiger_pbxmanagercf: %w", err)
	}
	return id, nil
}

// updateCall rewrites a stored call in place. Customer and user are kept
// when this save does not know them; an ended call is left alone by a
// snapshot of it in progress. The crmentity row is touched only when the
// call row changed, so a replay changes nothing at all.
func updateCall(ctx context.Context, tx *sqlx.Tx, id int64, r *callRow) error {
	r.ID = id
	const q = `UPDATE vtiger_pbxmanager SET callfrom = :callfrom, callto = :callto,
		timeofcall = :timeofcall, status = :status, direction = :direction, callstatus = :callstatus,
		starttime = :starttime, endtime = :endtime, totalduration = :totalduration,
		billduration = :billduration, customernumber = :customernumber,
		customer = COALESCE(:customer, customer), customertype = COALESCE(:customertype, customertype),
		` + "`user` = COALESCE(:user, `user`)" + `
		WHERE pbxmanagerid = :pbxmanagerid AND (endtime IS NULL OR :ended)`
	res, err := tx.NamedExecContext(ctx, q, r)
	if err != nil {
		return fmt.Errorf("update call %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	const qe = `UPDATE vtiger_crmentity SET modifiedtime = ?,
		smownerid = IF(? > 0, ?, smownerid), modifiedby = IF(? > 0, ?, modifiedby) WHERE crmid = ?`
	if _, err := tx.ExecContext(ctx, qe, callNow(), r.Owner, r.Owner, r.Owner, r.Owner, id); err != nil {
		return fmt.Errorf("touch call %d: %w", id, err)
	}
	return nil
}

// callClip cuts s to at most n characters, on a rune boundary.
func callClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
