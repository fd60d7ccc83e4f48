package mysql

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// fieldTablesNotPerRecord are tables that vtiger_field names but that do not
// hold one row per record: relation and comment tables with their own save
// logic, and a picklist that belongs to related lists.
var fieldTablesNotPerRecord = map[string]bool{
	"vtiger_crmentity":         true,
	"vtiger_campaignrelstatus": true,
	"vtiger_cntactivityrel":    true,
	"vtiger_seactivityrel":     true,
	"vtiger_ticketcomments":    true,
	"vtiger_faqcomments":       true,
	"vtiger_attachments":       true,
	"vtiger_email_track":       true,
	"vtiger_activity_reminder": true,
	"vtiger_producttaxrel":     true,
}

// customFieldTables are the custom-field tables of vtiger's core modules,
// whose names follow no single rule (the PHP classes hard-code them).
// vtlib modules use their base table + "cf". Documents, Faq and Emails
// have none that 5.4 writes.
var customFieldTables = map[string]string{
	"Accounts": "vtiger_accountscf", "Contacts": "vtiger_contactscf", "Leads": "vtiger_leadscf",
	"Potentials": "vtiger_potentialscf", "HelpDesk": "vtiger_ticketcf", "Calendar": "vtiger_activitycf",
	"Events": "vtiger_activitycf", "Products": "vtiger_productcf", "Quotes": "vtiger_quotescf",
	"SalesOrder": "vtiger_salesordercf", "Invoice": "vtiger_invoicecf", "PurchaseOrder": "vtiger_purchaseordercf",
	"Vendors": "vtiger_vendorcf", "PriceBooks": "vtiger_pricebookcf", "Campaigns": "vtiger_campaignscf",
	"Documents": "", "Faq": "", "Emails": "",
}

// metadataCache holds modules loaded from vtiger's metadata tables. Loaded
// lazily, once; Reload drops it (after a custom field is added).
type metadataCache struct {
	mu      sync.Mutex
	modules map[string]*crm.Module
	columns tableColumns
}

func (mc *metadataCache) get(ctx context.Context, db *DB, name string) (*crm.Module, tableColumns, error) {
	mc.mu.Lock()
	defer mc.mu.Unlock()
	if mc.modules == nil {
		mods, cols, err := loadModules(ctx, db)
		if err != nil {
			return nil, nil, err
		}
		mc.modules, mc.columns = mods, cols
	}
	m := mc.modules[name]
	if m == nil {
		return nil, nil, crm.Errorf(crm.ENotFound, "no module %q", name)
	}
	return m, mc.columns, nil
}

func (mc *metadataCache) reload() {
	mc.mu.Lock()
	mc.modules, mc.columns = nil, nil
	mc.mu.Unlock()
}

type tabRow struct {
	TabID    int    `db:"tabid"`
	Name     string `db:"name"`
	Label    string `db:"tablabel"`
	Presence int    `db:"presence"`
	Parent   string `db:"parent"`
	Table    string `db:"tablename"`
	Names    string `db:"fieldname"`
	IDColumn string `db:"entityidcolumn"`
}

func loadModules(ctx context.Context, db *DB) (map[string]*crm.Module, tableColumns, error) {
	cols, err := loadColumns(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	const q = `SELECT t.tabid, t.name, COALESCE(t.tablabel, '') AS tablabel, t.presence,
		COALESCE(t.parent, '') AS parent, e.tablename, e.fieldname, e.entityidfield AS entityidcolumn
		FROM vtiger_tab t JOIN vtiger_entityname e ON e.tabid = t.tabid
		WHERE t.isentitytype = 1`
	var tabs []tabRow
	if err := sqlx.SelectContext(ctx, db, &tabs, q); err != nil {
		return nil, nil, fmt.Errorf("read modules: %w", err)
	}
	fields, err := loadFields(ctx, db, cols)
	if err != nil {
		return nil, nil, err
	}
	mods := map[string]*crm.Module{}
	for _, t := range tabs {
		m := &crm.Module{
			TabID: t.TabID, Name: t.Name, Label: t.Label, Parent: t.Parent, Presence: t.Presence,
			BaseTable: t.Table, IDColumn: t.IDColumn, Fields: fields[t.TabID],
			NameFields: strings.Split(t.Names, ","),
		}
		m.Tables = moduleTables(m, cols)
		mods[t.Name] = m
	}
	return mods, cols, nil
}

// moduleTables works out the per-record tables of a module: the base table,
// every table its fields name (bar relation tables), and the custom-field
// table, each with its primary key as id column.
func moduleTables(m *crm.Module, cols tableColumns) []crm.ModuleTable {
	seen := map[string]bool{m.BaseTable: true}
	out := []crm.ModuleTable{{Name: m.BaseTable, IDColumn: m.IDColumn}}
	add := func(table string) {
		if seen[table] || fieldTablesNotPerRecord[table] || cols[table] == nil {
			return
		}
		if pk := cols.primaryKey(table); pk != "" {
			seen[table] = true
			out = append(out, crm.ModuleTable{Name: table, IDColumn: pk})
		}
	}
	var others []string
	for _, f := range m.Fields {
		others = append(others, f.Table)
	}
	sort.Strings(others)
	for _, t := range others {
		add(t)
	}
	cf, known := customFieldTables[m.Name]
	if !known {
		cf = m.BaseTable + "cf"
	}
	if cf != "" {
		add(cf)
	}
	return out
}
