package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"
)

// link writes a link in the plan's first store unless it is there
// already, and reports whether it wrote one.
func (p *relPlan) link(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, own, other int64) (bool, error) {
	st := p.stores[0]
	switch st.kind {
	case storeEntityRel:
		const has = `SELECT COUNT(*) FROM vtiger_crmentityrel WHERE (crmid = ? AND relcrmid = ?) OR (crmid = ? AND relcrmid = ?)`
		var n int
		if err := sqlx.GetContext(ctx, ext, &n, has, own, other, other, own); err != nil || n > 0 {
			return false, err
		}
		const ins = `INSERT INTO vtiger_crmentityrel (crmid, module, relcrmid, relmodule) VALUES (?, ?, ?, ?)`
		if _, err := ext.ExecContext(ctx, ins, own, p.rel.Module, other, p.rel.RelatedModule); err != nil {
			return false, fmt.Errorf("link %d and %d: %w", own, other, err)
		}
		return true, nil
	case storeReference:
		return setReference(ctx, ext, cols, st, own, other)
	}
	var n int
	has := "SELECT COUNT(*) FROM " + quoteIdent(st.table) + " WHERE " + quoteIdent(st.own) + " = ? AND " + quoteIdent(st.rel) + " = ?"
	if err := sqlx.GetContext(ctx, ext, &n, has, own, other); err != nil || n > 0 {
		return false, err
	}
	names, args, err := p.linkRow(ctx, ext, st, own, other)
	if err != nil {
		return false, err
	}
	ins := "INSERT INTO " + quoteIdent(st.table) + " (" + strings.Join(names, ", ") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", ") + ")"
	if _, err := ext.ExecContext(ctx, ins, args...); err != nil {
		return false, fmt.Errorf("link %d and %d in %s: %w", own, other, st.table, err)
	}
	return true, nil
}

// linkRow is a new row of a link table: the two ids and what vtiger
// writes beside them.
func (p *relPlan) linkRow(ctx context.Context, ext sqlx.QueryerContext, st relStore, own, other int64) ([]string, []any, error) {
	names := []string{quoteIdent(st.own), quoteIdent(st.rel)}
	args := []any{own, other}
	switch st.table {
	case "vtiger_seproductsrel":
		// setype is the module of the crmid side.
		setype := p.rel.Module
		if st.own != "crmid" {
			setype = p.rel.RelatedModule
		}
		names, args = append(names, "setype"), append(args, setype)
	case "vtiger_campaigncontrel", "vtiger_campaignleadrel", "vtiger_campaignaccountrel":
		names, args = append(names, "campaignrelstatusid"), append(args, 1) // vtiger's first status, "--None--"
	case "vtiger_pricebookproductrel":
		book, item := own, other
		if st.own != "pricebookid" {
			book, item = other, own
		}
		price, currency, err := listPrice(ctx, ext, book, item)
		if err != nil {
			return nil, nil, err
		}
		names, args = append(names, "listprice", "usedcurrency"), append(args, price, currency)
	}
	return names, args, nil
}

// listPrice is what vtiger puts in a price book for a product or service
// added without a price: its unit price, in the price book's currency.
func listPrice(ctx context.Context, ext sqlx.QueryerContext, book, item int64) (float64, int64, error) {
	const q = `SELECT COALESCE((SELECT unit_price FROM vtiger_products WHERE productid = ?),
			(SELECT unit_price FROM vtiger_service WHERE serviceid = ?), 0),
		COALESCE((SELECT currency_id FROM vtiger_pricebook WHERE pricebookid = ?), 1)`
	var price float64
	var currency int64
	if err := ext.QueryRowxContext(ctx, q, item, item, book).Scan(&price, &currency); err != nil {
		return 0, 0, fmt.Errorf("list price of %d in %d: %w", item, book, err)
	}
	return price, currency, nil
}

// setReference points the related record's reference field at own.
func setReference(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, st relStore, own, other int64) (bool, error) {
	table, col, idCol := quoteIdent(st.table), quoteIdent(st.own), quoteIdent(st.rel)
	var cur sql.NullString
	q := "SELECT CAST(" + col + " AS CHAR) FROM " + table + " WHERE " + idCol + " = ?"
	err := ext.QueryRowxContext(ctx, q, other).Scan(&cur)
	if errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("link %d and %d: no %s row", own, other, st.table)
	}
	if err != nil {
		return false, fmt.Errorf("link %d and %d: %w", own, other, err)
	}
	if cur.String == strconv.FormatInt(own, 10) {
		return false, nil
	}
	u := "UPDATE " + table + " SET " + col + " = ? WHERE " + idCol + " = ?"
	if _, err := ext.ExecContext(ctx, u, refValue(cols, st, own), other); err != nil {
		return false, fmt.Errorf("link %d and %d: %w", own, other, err)
	}
	return true, nil
}

// refValue is id as a reference column takes it: text for the varchar
// ones (vtiger_troubletickets.parent_id), a number otherwise.
func refValue(cols tableColumns, st relStore, id int64) any {
	if c := cols[st.table][st.own]; c != nil && !c.numeric() {
		return strconv.FormatInt(id, 10)
	}
	return id
}

// unlink removes the link from every store and reports whether there was
// one.
func (p *relPlan) unlink(ctx context.Context, ext sqlx.ExtContext, cols tableColumns, own, other int64) (bool, error) {
	var n int64
	for _, st := range p.stores {
		var res sql.Result
		var err error
		switch st.kind {
		case storeEntityRel:
			const q = `DELETE FROM vtiger_crmentityrel WHERE (crmid = ? AND relcrmid = ?) OR (crmid = ? AND relcrmid = ?)`
			res, err = ext.ExecContext(ctx, q, own, other, other, own)
		case storeReference:
			q := "UPDATE " + quoteIdent(st.table) + " SET " + quoteIdent(st.own) + " = ? WHERE " +
				quoteIdent(st.rel) + " = ? AND " + quoteIdent(st.own) + " = ?"
			res, err = ext.ExecContext(ctx, q, columnValue(cols[st.table][st.own], ""), other, refValue(cols, st, own))
		default:
			q := "DELETE FROM " + quoteIdent(st.table) + " WHERE " + quoteIdent(st.own) + " = ? AND " + quoteIdent(st.rel) + " = ?"
			res, err = ext.ExecContext(ctx, q, own, other)
		}
		if err != nil {
			return false, fmt.Errorf("unlink %d and %d in %s: %w", own, other, st.table, err)
		}
		k, err := res.RowsAffected()
		if err != nil {
			return false, err
		}
		n += k
	}
	return n > 0, nil
}
