package mysql

import (
	"context"
	"fmt"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

type fieldRow struct {
	ID          int    `db:"fieldid"`
	TabID       int    `db:"tabid"`
	Name        string `db:"fieldname"`
	Column      string `db:"columnname"`
	Table       string `db:"tablename"`
	Label       string `db:"fieldlabel"`
	UIType      int    `db:"uitype"`
	TypeOfData  string `db:"typeofdata"`
	Presence    int    `db:"presence"`
	DisplayType int    `db:"displaytype"`
	ReadOnly    int    `db:"readonly"`
	BlockID     int    `db:"block"`
	BlockLabel  string `db:"blocklabel"`
	Sequence    int    `db:"sequence"`
	Quickcreate int    `db:"quickcreate"`
	QuickSeq    int    `db:"quickcreatesequence"`
	MassEdit    int    `db:"masseditable"`
	RefModules  string `db:"refmodules"`
}

// Older uitypes point at fixed modules; uitype 10 lists its modules in
// vtiger_fieldmodulerel.
var fixedReferences = map[int][]string{
	51: {"Accounts"}, 73: {"Accounts"}, 50: {"Accounts"},
	57: {"Contacts"}, 58: {"Campaigns"}, 59: {"Products"},
	75: {"Vendors"}, 81: {"Vendors"}, 76: {"Potentials"},
	78: {"Quotes"}, 80: {"SalesOrder"},
	68: {"Accounts", "Contacts"}, 66: {"Accounts", "Leads", "Potentials", "HelpDesk", "Campaigns", "Quotes", "PurchaseOrder", "SalesOrder", "Invoice"},
}

func loadFields(ctx context.Context, db sqlx.QueryerContext, cols tableColumns) (map[int][]*crm.Field, error) {
	const q = `SELECT f.fieldid, f.tabid, f.fieldname, f.columnname, f.tablename, f.fieldlabel,
		f.uitype, COALESCE(f.typeofdata, '') AS typeofdata, f.presence, f.displaytype, f.readonly, COALESCE(f.block, 0) AS block,
		COALESCE(b.blocklabel, '') AS blocklabel, COALESCE(f.sequence, 0) AS sequence, COALESCE(f.quickcreate, 1) AS quickcreate,
		COALESCE(f.quickcreatesequence, 0) AS quickcreatesequence, COALESCE(f.masseditable, 0) AS masseditable,
		COALESCE((SELECT GROUP_CONCAT(r.relmodule ORDER BY r.sequence) FROM vtiger_fieldmodulerel r
			WHERE r.fieldid = f.fieldid), '') AS refmodules
		FROM vtiger_field f LEFT JOIN vtiger_blocks b ON b.blockid = f.block
		WHERE f.presence IN (0, 2)
		ORDER BY f.tabid, b.sequence, f.block, f.sequence`
	var rows []fieldRow
	if err := sqlx.SelectContext(ctx, db, &rows, q); err != nil {
		return nil, fmt.Errorf("read fields: %w", err)
	}
	out := map[int][]*crm.Field{}
	for _, r := range rows {
		f := &crm.Field{
			ID: r.ID, Name: r.Name, Column: r.Column, Table: r.Table, Label: r.Label,
			UIType: r.UIType, TypeOfData: r.TypeOfData, Presence: r.Presence,
			DisplayType: r.DisplayType, ReadOnly: r.ReadOnly == 1, BlockID: r.BlockID,
			BlockLabel: r.BlockLabel, Sequence: r.Sequence, Quickcreate: r.Quickcreate == 0 || r.Quickcreate == 2,
			QuickcreateSequence: r.QuickSeq, MassEditable: r.MassEdit == 1,
		}
		f.Mandatory = strings.Contains(r.TypeOfData, "~M")
		if c := cols[r.Table][r.Column]; c != nil && c.MaxChars != nil {
			f.MaxLength = int(*c.MaxChars)
		}
		switch r.UIType {
		case 15, 16, 33:
			f.Picklist = r.Name
		case 10:
			if r.RefModules != "" {
				f.RefModules = strings.Split(r.RefModules, ",")
			}
		default:
			f.RefModules = fixedReferences[r.UIType]
		}
		out[r.TabID] = append(out[r.TabID], f)
	}
	return out, nil
}
