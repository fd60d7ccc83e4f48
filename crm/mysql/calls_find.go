package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// storedCallRow reads a vtiger_pbxmanager row of either generation:
// rows vtiger 5.4 wrote have NULL in every vtiger 6 column.
type storedCallRow struct {
	ID             int64          `db:"pbxmanagerid"`
	CallFrom       sql.NullString `db:"callfrom"`
	CallTo         sql.NullString `db:"callto"`
	Status         sql.NullString `db:"status"`
	Direction      sql.NullString `db:"direction"`
	CallStatus     sql.NullString `db:"callstatus"`
	StartTime      sql.NullTime   `db:"starttime"`
	EndTime        sql.NullTime   `db:"endtime"`
	TotalDuration  sql.NullInt64  `db:"totalduration"`
	BillDuration   sql.NullInt64  `db:"billduration"`
	SourceUUID     sql.NullString `db:"sourceuuid"`
	Gateway        sql.NullString `db:"gateway"`
	Customer       sql.NullInt64  `db:"customer"`
	User           sql.NullString `db:"user"`
	CustomerNumber sql.NullString `db:"customernumber"`
	CustomerType   sql.NullString `db:"customertype"`
	Owner          int64          `db:"smownerid"`
}

const storedCallColumns = `p.pbxmanagerid, p.callfrom, p.callto, p.status, p.direction, p.callstatus,
	p.starttime, p.endtime, p.totalduration, p.billduration, p.sourceuuid, p.gateway, p.customer,
	p.` + "`user`" + `, p.customernumber, p.customertype, e.smownerid`

// FindCalls lists live calls, newest first, filtered by customer, agent
// user, gateway and start time. The Go migration addCallIndexes gives each
// filter an index ending in (starttime, pbxmanagerid), so a page is read in
// index order without sorting the table.
func (s *CallService) FindCalls(ctx context.Context, f crm.CallFilter) ([]*crm.StoredCall, error) {
	if f.Offset < 0 || f.Limit < 0 {
		return nil, crm.Errorf(crm.EInvalid, "offset and limit must not be negative")
	}
	limit := f.Limit
	switch {
	case limit == 0:
		limit = 50
	case limit > 500:
		limit = 500
	}
	where, args := callWhere(f)
	q := `SELECT ` + storedCallColumns + `
		FROM vtiger_pbxmanager p JOIN vtiger_crmentity e ON e.crmid = p.pbxmanagerid
		WHERE ` + where + `
		ORDER BY p.starttime DESC, p.pbxmanagerid DESC LIMIT ? OFFSET ?`
	var rows []storedCallRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q, append(args, limit, f.Offset)...); err != nil {
		return nil, fmt.Errorf("find calls: %w", err)
	}
	out := make([]*crm.StoredCall, len(rows))
	for i := range rows {
		out[i] = rows[i].call()
	}
	return out, nil
}

// callWhere builds FindCalls' WHERE clause; only placeholders take input.
func callWhere(f crm.CallFilter) (string, []any) {
	conds := []string{"e.deleted = 0"}
	var args []any
	if f.CustomerID != nil {
		conds, args = append(conds, "p.customer = ?"), append(args, *f.CustomerID)
	}
	if f.UserID != nil {
		conds, args = append(conds, "p.`user` = ?"), append(args, strconv.FormatInt(*f.UserID, 10))
	}
	if f.Gateway != nil {
		conds, args = append(conds, "p.gateway = ?"), append(args, *f.Gateway)
	}
	if f.Since != nil {
		conds, args = append(conds, "p.starttime >= ?"), append(args, f.Since.UTC())
	}
	if f.Ended {
		conds = append(conds, callEnded)
	}
	return strings.Join(conds, " AND "), args
}

func (r *storedCallRow) call() *crm.StoredCall {
	c := &crm.StoredCall{ID: r.ID, OwnerID: r.Owner}
	c.Gateway, c.SourceUniqueID = r.Gateway.String, r.SourceUUID.String
	c.Direction, c.Status = crm.CallDirection(r.Direction.String), crm.CallStatus(r.CallStatus.String)
	if !r.Direction.Valid { // a row vtiger 5.4 wrote
		c.Direction = crm.DirectionInbound
		if r.Status.String == "outgoing" {
			c.Direction = crm.DirectionOutbound
		}
	}
	c.StartTime, c.EndTime = r.StartTime.Time, r.EndTime.Time
	c.TotalSeconds, c.BillableSeconds = int(r.TotalDuration.Int64), int(r.BillDuration.Int64)
	c.CustomerNumber, c.AgentExtension = r.CallFrom.String, r.CallTo.String
	if c.Direction != crm.DirectionInbound {
		c.CustomerNumber, c.AgentExtension = r.CallTo.String, r.CallFrom.String
	}
	if r.CustomerNumber.Valid {
		c.CustomerNumber = r.CustomerNumber.String
	}
	c.Link.CustomerID, c.Link.CustomerModule = r.Customer.Int64, r.CustomerType.String
	c.Link.UserID, _ = strconv.ParseInt(r.User.String, 10, 64)
	return c
}
