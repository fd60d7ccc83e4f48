package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	driver "github.com/go-sql-driver/mysql"
	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// claimTimeout is how long a claim without a ticket holds: a node that
// claimed a call and died before creating its ticket leaves the call to
// the next event (a later answer, the end, another node's replay).
const claimTimeout = 30 * time.Second

// supportCall is a tl_support_calls row.
type supportCall struct {
	ID       int64         `db:"id"`
	LineID   int64         `db:"line_id"`
	TicketID sql.NullInt64 `db:"ticketid"`
	Created  bool          `db:"created_ticket"`
	Contract sql.NullInt64 `db:"contractid"`
	Contact  sql.NullInt64 `db:"contactid"`
	Account  sql.NullInt64 `db:"accountid"`
	PBXID    sql.NullInt64 `db:"pbxmanagerid"`
	Number   string        `db:"customer_number"`
	Talk     int           `db:"talk_seconds"`
	Claimed  time.Time     `db:"claimed_at"`
}

const supportCallColumns = `SELECT id, line_id, ticketid, created_ticket, contractid, contactid, accountid,
	pbxmanagerid, customer_number, talk_seconds, claimed_at FROM tl_support_calls`

func findSupportCall(ctx context.Context, ext sqlx.QueryerContext, gateway, uuid string, lock bool) (*supportCall, error) {
	q := supportCallColumns + ` WHERE gateway = ? AND sourceuuid = ?`
	if lock {
		q += " FOR UPDATE"
	}
	var c supportCall
	err := sqlx.GetContext(ctx, ext, &c, q, gateway, uuid)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crm.Errorf(crm.ENotFound, "call %s/%s is not a support call", gateway, uuid)
	}
	if err != nil {
		return nil, fmt.Errorf("find support call %s/%s: %w", gateway, uuid, err)
	}
	return &c, nil
}

// SupportCallAnswered implements crm.SupportDesk: an inbound call on a
// support line gets its ticket.
func (s *SupportService) SupportCallAnswered(ctx context.Context, u crm.CallUpdate, caller *crm.CallerMatch) error {
	line, ok, err := s.lineOf(ctx, u.Call)
	if err != nil || !ok {
		return err
	}
	return s.open(ctx, u.Call, line, caller, u.Extensions)
}

// SupportCallEnded implements crm.SupportDesk: the call's ticket (opened
// now if the answer was missed, say by a node that took over) gets the
// call record linked and the talk time counted, once.
func (s *SupportService) SupportCallEnded(ctx context.Context, rec crm.CallRecord, caller *crm.CallerMatch) error {
	if rec.Gateway == "" || rec.SourceUniqueID == "" {
		return nil
	}
	if _, err := findSupportCall(ctx, s.db, rec.Gateway, rec.SourceUniqueID, false); crm.ErrorCode(err) == crm.ENotFound {
		if rec.Status != crm.CallStatusCompleted && rec.BillableSeconds == 0 {
			return nil // never answered: no ticket
		}
		line, ok, err := s.lineOf(ctx, rec)
		if err != nil || !ok {
			return err
		}
		if err := s.open(ctx, rec, line, caller, nil); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	return s.countCall(ctx, rec)
}

func (s *SupportService) lineOf(ctx context.Context, rec crm.CallRecord) (crm.SupportLine, bool, error) {
	if rec.Direction != crm.DirectionInbound || rec.Gateway == "" || rec.SourceUniqueID == "" {
		return crm.SupportLine{}, false, nil
	}
	lines, err := listSupportLines(ctx, s.db)
	if err != nil {
		return crm.SupportLine{}, false, err
	}
	l, ok := crm.MatchSupportLine(lines, rec)
	return l, ok, nil
}

// claim inserts the call's tl_support_calls row; false means another
// event or node holds the call (its ticket exists or is being created).
// A claim left without a ticket for claimTimeout is taken over.
func (s *SupportService) claim(ctx context.Context, rec crm.CallRecord, line crm.SupportLine) (int64, bool, error) {
	now := s.now().UTC().Truncate(time.Second)
	const q = `INSERT INTO tl_support_calls (gateway, sourceuuid, line_id, customer_number, claimed_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)`
	res, err := s.db.ExecContext(ctx, q, rec.Gateway, rec.SourceUniqueID, line.ID, rec.CustomerNumber, now, now)
	if err == nil {
		id, err := res.LastInsertId()
		return id, err == nil, err
	}
	var me *driver.MySQLError
	if !errors.As(err, &me) || me.Number != errDuplicateEntry {
		return 0, false, fmt.Errorf("claim support call %s/%s: %w", rec.Gateway, rec.SourceUniqueID, err)
	}
	c, err := findSupportCall(ctx, s.db, rec.Gateway, rec.SourceUniqueID, false)
	if err != nil || c.TicketID.Valid || now.Sub(c.Claimed) < claimTimeout {
		return 0, false, err
	}
	const take = `UPDATE tl_support_calls SET claimed_at = ?, updated_at = ?
		WHERE id = ? AND ticketid IS NULL AND claimed_at = ?`
	res, err = s.db.ExecContext(ctx, take, now, now, c.ID, c.Claimed)
	if err != nil {
		return 0, false, fmt.Errorf("take over support call %s/%s: %w", rec.Gateway, rec.SourceUniqueID, err)
	}
	n, err := res.RowsAffected()
	if err == nil && n == 1 {
		s.log.Warn("support call claim taken over", "gateway", rec.Gateway, "uniqueid", rec.SourceUniqueID)
	}
	return c.ID, err == nil && n == 1, err
}

// supportCustomer is who a support call is with.
type supportCustomer struct {
	contact, account int64
	name             string
}

// customerOf resolves the caller's best match: a contact and its account,
// or an account. A lead, several equal matches or no match give no
// customer (the ticket keeps the number; LinkTicketToContact fixes it).
func customerOf(ctx context.Context, ext sqlx.QueryerContext, caller *crm.CallerMatch) (supportCustomer, error) {
	if caller == nil {
		return supportCustomer{}, nil
	}
	r, ok := caller.Best()
	if !ok {
		return supportCustomer{}, nil
	}
	switch r.Module {
	case "Contacts":
		acc, err := contactAccount(ctx, ext, r.ID)
		return supportCustomer{contact: r.ID, account: acc, name: r.Name}, err
	case "Accounts":
		return supportCustomer{account: r.ID, name: r.Name}, nil
	}
	return supportCustomer{name: r.Name}, nil
}

// contactAccount returns a contact's live account, or 0.
func contactAccount(ctx context.Context, ext sqlx.QueryerContext, contactID int64) (int64, error) {
	const q = `SELECT COALESCE(MAX(c.accountid), 0) FROM vtiger_contactdetails c
		JOIN vtiger_crmentity e ON e.crmid = c.accountid AND e.deleted = 0 AND e.setype = 'Accounts'
		WHERE c.contactid = ?`
	var id int64
	if err := sqlx.GetContext(ctx, ext, &id, q, contactID); err != nil {
		return 0, fmt.Errorf("account of contact %d: %w", contactID, err)
	}
	return id, nil
}

// open creates the call's ticket once: claim, look up the customer and
// contract, create the ticket, record it, link it, publish.
func (s *SupportService) open(ctx context.Context, rec crm.CallRecord, line crm.SupportLine, caller *crm.CallerMatch, exts []string) error {
	claimID, mine, err := s.claim(ctx, rec, line)
	if err != nil || !mine {
		return err
	}
	id, p, err := s.createTicket(ctx, rec, line, caller)
	if err != nil {
		// Give the call back, so a later event or node tries again.
		if _, derr := s.db.ExecContext(ctx, `DELETE FROM tl_support_calls WHERE id = ? AND ticketid IS NULL`, claimID); derr != nil {
			s.log.Error("release support call claim", "id", claimID, "err", derr)
		}
		return err
	}
	var contract any
	if p.ContractState == crm.ContractActive {
		contract = p.Contract.ID
	}
	const q = `UPDATE tl_support_calls SET ticketid = ?, created_ticket = 1, contractid = ?, contactid = ?, accountid = ?,
		updated_at = ? WHERE id = ?`
	if _, err := s.db.ExecContext(ctx, q, id, contract, nullID(p.ContactID), nullID(p.AccountID), s.now().UTC(), claimID); err != nil {
		return fmt.Errorf("record ticket %d of call %s/%s: %w", id, rec.Gateway, rec.SourceUniqueID, err)
	}
	if err := s.linkTicket(ctx, id, p); err != nil {
		return err
	}
	if p.ContractState == crm.ContractActive {
		s.refreshContracts(ctx, p)
	}
	s.publish(ctx, crm.EventTicketCreated, p, rec.AgentExtension, exts)
	return nil
}

// refreshContracts rereads the contracts of a new ticket's payload once
// the ticket counts against its contract (an incident counts at once);
// on a failure the pop shows them as they were before.
func (s *SupportService) refreshContracts(ctx context.Context, p *crm.TicketPayload) {
	contracts, err := customerContracts(ctx, s.db, p.ContactID, p.AccountID)
	if err != nil {
		s.log.Warn("reread contracts of new ticket", "ticket", p.TicketID, "err", err)
		return
	}
	now := s.now()
	p.Choices = crm.ContractChoices(contracts, now)
	for i := range contracts {
		if contracts[i].ID == p.Contract.ID {
			p.SetContract(&contracts[i], crm.ContractActive, now)
		}
	}
}

func nullID(id int64) any {
	if id <= 0 {
		return nil
	}
	return id
}

// createTicket creates the HelpDesk record of a support call and returns
// the pop's payload.
func (s *SupportService) createTicket(ctx context.Context, rec crm.CallRecord, line crm.SupportLine, caller *crm.CallerMatch) (int64, *crm.TicketPayload, error) {
	cust, err := customerOf(ctx, s.db, caller)
	if err != nil {
		return 0, nil, err
	}
	now := s.now()
	contracts, err := customerContracts(ctx, s.db, cust.contact, cust.account)
	if err != nil {
		return 0, nil, err
	}
	chosen, state := crm.ChooseContract(contracts, now)
	at := rec.AnswerTime
	if at.IsZero() {
		at = rec.StartTime
	}
	if at.IsZero() {
		at = now
	}
	p := &crm.TicketPayload{Title: crm.SupportTicketTitle(cust.name, rec.CustomerNumber, at), Status: "Open",
		Gateway: rec.Gateway, SourceUniqueID: rec.SourceUniqueID, CustomerNumber: rec.CustomerNumber,
		ContactID: cust.contact, AccountID: cust.account, Line: line.Name}
	p.SetContract(chosen, state, now)
	p.Choices = crm.ContractChoices(contracts, now)
	p.Recent, err = s.recentTickets(ctx, rec, cust, line)
	if err != nil {
		return 0, nil, err
	}
	vals := map[string]string{
		"ticket_title":     p.Title,
		"ticketstatus":     "Open",
		"ticketpriorities": line.Priority,
		"ticketcategories": line.Category,
		"description":      supportDescription(rec, line, cust, p),
	}
	if parent := cmpOr(cust.account, cust.contact); parent > 0 {
		vals["parent_id"] = strconv.FormatInt(parent, 10)
	}
	if uid, err := agentUser(ctx, s.db, rec.AgentExtension); err != nil {
		return 0, nil, err
	} else if uid > 0 {
		vals["assigned_user_id"] = strconv.FormatInt(uid, 10)
	}
	t, err := s.records.CreateRecord(ctx, nil, "HelpDesk", vals)
	if err != nil {
		return 0, nil, fmt.Errorf("create ticket of call %s/%s: %w", rec.Gateway, rec.SourceUniqueID, err)
	}
	p.TicketID, p.TicketNo = t.ID, t.Values["ticket_no"]
	return t.ID, p, nil
}

func cmpOr(ids ...int64) int64 {
	for _, id := range ids {
		if id > 0 {
			return id
		}
	}
	return 0
}

// supportDescription says who called, on which line, and how the
// contract stands, plainly when there is none to charge.
func supportDescription(rec crm.CallRecord, line crm.SupportLine, cust supportCustomer, p *crm.TicketPayload) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Support call from %s", cmpOrString(rec.CustomerNumber, "a withheld number"))
	if cust.name != "" {
		fmt.Fprintf(&b, " (%s)", cust.name)
	} else if cust.contact == 0 && cust.account == 0 {
		b.WriteString(" (unknown caller)")
	}
	if line.Name != "" {
		fmt.Fprintf(&b, " on line %s", line.Name)
	}
	if rec.AgentExtension != "" {
		fmt.Fprintf(&b, ", answered at extension %s", rec.AgentExtension)
	}
	b.WriteString(".\n")
	c := p.Contract
	switch p.ContractState {
	case crm.ContractActive:
		fmt.Fprintf(&b, "Service contract %s %s: %s; the call's time counts against it.", c.Number, c.Subject, p.ContractSummary)
	case crm.ContractUsedUp:
		fmt.Fprintf(&b, "NO UNITS LEFT: service contract %s %s is used up (%s); not linked.", c.Number, c.Subject, p.ContractSummary)
	case crm.ContractExpired:
		fmt.Fprintf(&b, "CONTRACT EXPIRED: service contract %s %s %s; not linked.", c.Number, c.Subject, p.ContractSummary)
	default:
		b.WriteString("NO ACTIVE SERVICE CONTRACT.")
	}
	return b.String()
}

func cmpOrString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// linkTicket links a new ticket to its contact (vtiger_seticketsrel, read
// by the contact's Tickets list, when the parent is the account) and to
// its active contract (LinkRecords, then a recount that counts the open
// support ticket).
func (s *SupportService) linkTicket(ctx context.Context, ticketID int64, p *crm.TicketPayload) error {
	if p.ContactID > 0 && p.AccountID > 0 {
		if err := linkContactTicket(ctx, s.db, p.ContactID, ticketID); err != nil {
			return err
		}
	}
	if p.ContractState != crm.ContractActive {
		return nil
	}
	if err := s.records.LinkRecords(ctx, nil, "HelpDesk", ticketID, "ServiceContracts", p.Contract.ID); err != nil {
		return fmt.Errorf("link ticket %d to contract %d: %w", ticketID, p.Contract.ID, err)
	}
	return s.inTx(ctx, "recount contract", func(tx *sqlx.Tx) error { return recomputeContract(ctx, tx, p.Contract.ID) })
}

func linkContactTicket(ctx context.Context, ext sqlx.ExecerContext, contactID, ticketID int64) error {
	const q = `INSERT IGNORE INTO vtiger_seticketsrel (crmid, ticketid) VALUES (?, ?)`
	if _, err := ext.ExecContext(ctx, q, contactID, ticketID); err != nil {
		return fmt.Errorf("link contact %d to ticket %d: %w", contactID, ticketID, err)
	}
	return nil
}

// recentTickets lists the caller's open tickets from support calls on
// any line within the line's repeat window, newest first.
func (s *SupportService) recentTickets(ctx context.Context, rec crm.CallRecord, cust supportCustomer, line crm.SupportLine) ([]crm.RecentTicket, error) {
	if line.RepeatWindow <= 0 || (cust.contact == 0 && cust.account == 0 && rec.CustomerNumber == "") {
		return nil, nil
	}
	since := s.now().UTC().Add(-line.RepeatWindow)
	who, args := "c.customer_number = ?", []any{rec.CustomerNumber}
	switch {
	case cust.contact > 0:
		who, args = "c.contactid = ?", []any{cust.contact}
	case cust.account > 0:
		who, args = "c.accountid = ?", []any{cust.account}
	}
	q := `SELECT t.ticketid, COALESCE(t.ticket_no, '') AS ticket_no, t.title, COALESCE(t.status, '') AS status,
		MAX(c.claimed_at) AS called_at
		FROM tl_support_calls c JOIN vtiger_troubletickets t ON t.ticketid = c.ticketid
		JOIN vtiger_crmentity e ON e.crmid = t.ticketid AND e.deleted = 0
		WHERE ` + who + ` AND c.claimed_at >= ? AND COALESCE(t.status, '') <> 'Closed'
		AND NOT (c.gateway = ? AND c.sourceuuid = ?)
		GROUP BY t.ticketid, t.ticket_no, t.title, t.status ORDER BY called_at DESC, t.ticketid DESC LIMIT 5`
	args = append(args, since, rec.Gateway, rec.SourceUniqueID)
	var rows []struct {
		ID     int64     `db:"ticketid"`
		No     string    `db:"ticket_no"`
		Title  string    `db:"title"`
		Status string    `db:"status"`
		At     time.Time `db:"called_at"`
	}
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("recent tickets of %s: %w", rec.CustomerNumber, err)
	}
	out := make([]crm.RecentTicket, len(rows))
	for i, r := range rows {
		out[i] = crm.RecentTicket{TicketID: r.ID, TicketNo: r.No, Title: r.Title, Status: r.Status, CalledAt: r.At}
	}
	return out, nil
}

// publish sends a ticket event to the call's agent; failures are logged.
func (s *SupportService) publish(ctx context.Context, typ string, p *crm.TicketPayload, agent string, exts []string) {
	aud := slices.Clone(exts)
	if agent != "" && !slices.Contains(aud, agent) {
		aud = append(aud, agent)
	}
	if len(aud) == 0 {
		return
	}
	e, err := crm.NewEvent(typ, 1, s.now(), p, crm.Audience{Extensions: aud})
	if err == nil {
		err = s.pub.Publish(ctx, e)
	}
	if err != nil {
		s.log.Warn("publish ticket event", "type", typ, "ticket", p.TicketID, "err", err)
	}
}
