package mysql

import (
	"slices"

	"github.com/tigerline/tigerline/crm"
)

// Where vtiger 5.4 keeps each kind of link. vtiger_relatedlists names only
// a PHP loader, so the place is worked out per relation (planRelation),
// first rule that applies:
//
//	Products/Services → Quotes, SalesOrder, PurchaseOrder, Invoice
//	    (get_quotes, get_salesorder, get_invoices, get_purchase_orders):
//	    line items in vtiger_inventoryproductrel, listed but not linked here.
//	Documents ↔ anything:                   vtiger_senotesrel(crmid, notesid)
//	Calendar/Events ↔ Contacts:             vtiger_cntactivityrel(contactid, activityid)
//	Emails ↔ Contacts:                      vtiger_seactivityrel, also read from vtiger_cntactivityrel
//	Calendar/Events/Emails ↔ anything else: vtiger_seactivityrel(crmid, activityid);
//	    get_activities lists open activities, get_history done ones.
//	the module pairs of linkTables:         their table (contpotentialrel, campaign*rel,
//	    vendorcontactrel, seproductsrel with setype, pricebookproductrel with listprice)
//	any other loader but get_related_list:  the related module's reference field that
//	    points back (get_dependents_list, get_contacts of Accounts, get_tickets, ...),
//	    found in the field metadata; link sets it, unlink clears it.
//	the rest (get_related_list of vtlib modules, pairs without such a field):
//	    vtiger_crmentityrel(crmid, module, relcrmid, relmodule), read both ways.
//
// Contacts → Potentials also lists potentials whose related_to is the
// contact, and Accounts/Contacts → HelpDesk also lists tickets linked
// through vtiger_seticketsrel, as vtiger's loaders do; new links go to the
// first place only, unlinking clears every one.

// storeKind is how one place holds links.
type storeKind int

const (
	storeEntityRel storeKind = iota // vtiger_crmentityrel, either direction
	storeTable                      // a link table of two id columns
	storeReference                  // a reference column of the related module
	storeLineItems                  // vtiger_inventoryproductrel, read-only
)

// relStore is one place a relation's links live, seen from the relation's
// module: column own holds that module's record id and column rel the
// related record's. For storeReference the row is the related record's
// (table is its per-record table, rel its id column, own the reference).
type relStore struct {
	kind  storeKind
	table string
	own   string
	rel   string
}

// relPlan is where a relation's links live: new links go to the first
// store, lists read all of them, unlinking clears all of them.
type relPlan struct {
	rel    *crm.Relation
	stores []relStore
	// filter is constant SQL on the related records (alias e), "" for none.
	filter string
	// readOnly says why links cannot be made by hand, "" when they can.
	readOnly string
}

// linkTable is a module-specific link table: first holds the id of the
// pair's first module, second the other's.
type linkTable struct{ table, first, second string }

var linkTables = map[[2]string]linkTable{
	{"Contacts", "Potentials"}: {"vtiger_contpotentialrel", "contactid", "potentialid"},
	{"Campaigns", "Contacts"}:  {"vtiger_campaigncontrel", "campaignid", "contactid"},
	{"Campaigns", "Leads"}:     {"vtiger_campaignleadrel", "campaignid", "leadid"},
	{"Campaigns", "Accounts"}:  {"vtiger_campaignaccountrel", "campaignid", "accountid"},
	{"Vendors", "Contacts"}:    {"vtiger_vendorcontactrel", "vendorid", "contactid"},
	{"PriceBooks", "Products"}: {"vtiger_pricebookproductrel", "pricebookid", "productid"},
	{"PriceBooks", "Services"}: {"vtiger_pricebookproductrel", "pricebookid", "productid"},
	{"Accounts", "Products"}:   {"vtiger_seproductsrel", "crmid", "productid"},
	{"Contacts", "Products"}:   {"vtiger_seproductsrel", "crmid", "productid"},
	{"Leads", "Products"}:      {"vtiger_seproductsrel", "crmid", "productid"},
	{"Potentials", "Products"}: {"vtiger_seproductsrel", "crmid", "productid"},
	{"Products", "Products"}:   {"vtiger_seproductsrel", "crmid", "productid"}, // bundle → part
	{"Accounts", "HelpDesk"}:   {"vtiger_seticketsrel", "crmid", "ticketid"},   // read beside parent_id
	{"Contacts", "HelpDesk"}:   {"vtiger_seticketsrel", "crmid", "ticketid"},   // read beside parent_id
}

// notesTable links documents to records of any module.
var notesTable = linkTable{"vtiger_senotesrel", "crmid", "notesid"}

// readAlso lists pairs whose module-specific table is read and cleared but
// not written: their links are made through the reference field.
var readAlso = map[[2]string]bool{{"Accounts", "HelpDesk"}: true, {"Contacts", "HelpDesk"}: true}

// lineItemLoaders list a product's or service's inventory documents.
var lineItemLoaders = map[string]bool{
	"get_quotes": true, "get_salesorder": true, "get_invoices": true, "get_purchase_orders": true,
}

var inventoryModules = map[string]bool{"Quotes": true, "SalesOrder": true, "PurchaseOrder": true, "Invoice": true}

func isActivity(module string) bool {
	return module == "Calendar" || module == "Events" || module == "Emails"
}

// Open activities and activity history, as get_activities and get_history
// tell them apart. vtiger also hides events with an empty status from
// both; Tigerline lists them as open.
const (
	historyActivities = `e.crmid IN (SELECT activityid FROM vtiger_activity
		WHERE COALESCE(status, '') IN ('Completed', 'Deferred') OR COALESCE(eventstatus, '') = 'Held')`
	openActivities = `e.crmid NOT IN (SELECT activityid FROM vtiger_activity
		WHERE COALESCE(status, '') IN ('Completed', 'Deferred') OR COALESCE(eventstatus, '') = 'Held')`
)

// planRelation works out where rel's links live.
func planRelation(mods map[string]*crm.Module, cols tableColumns, rel *crm.Relation) (*relPlan, error) {
	m, r := rel.Module, rel.RelatedModule
	if r == "" || mods[r] == nil {
		return nil, crm.Errorf(crm.EInvalid, "%s's list %q holds no records", m, rel.Label)
	}
	p := &relPlan{rel: rel}
	switch {
	case (m == "Products" || m == "Services") && inventoryModules[r] && lineItemLoaders[rel.Name]:
		p.stores = []relStore{{kind: storeLineItems, table: "vtiger_inventoryproductrel", own: "productid", rel: "id"}}
		p.readOnly = "products and services join " + r + " as line items, not links"
	case m == "Documents" || r == "Documents":
		p.stores = []relStore{pairStore(notesTable, r == "Documents" && m != "Documents")}
	case isActivity(m) || isActivity(r):
		p.stores = activityStores(m, r)
		if r == "Calendar" {
			switch rel.Name {
			case "get_activities":
				p.filter = openActivities
			case "get_history":
				p.filter = historyActivities
			}
		}
	default:
		p.stores = tableStores(m, r, rel.Name)
		if ref, ok := referenceStore(mods, cols, m, r); ok && rel.Name != "get_related_list" {
			if len(p.stores) == 0 || readAlso[[2]string{m, r}] {
				p.stores = append([]relStore{ref}, p.stores...)
			} else if m == "Contacts" && r == "Potentials" {
				p.stores = append(p.stores, ref) // potentials whose related_to is the contact
			}
		}
	}
	if len(p.stores) == 0 {
		p.stores = []relStore{{kind: storeEntityRel, table: "vtiger_crmentityrel"}}
	}
	return p, nil
}

// activityStores: contacts have their own table for calendar activities;
// everything else (emails of contacts included) uses vtiger_seactivityrel.
func activityStores(m, r string) []relStore {
	act, other := m, r
	if !isActivity(m) {
		act, other = r, m
	}
	fromActivity := act == m
	se := pairStore(linkTable{"vtiger_seactivityrel", "activityid", "crmid"}, fromActivity)
	if other != "Contacts" {
		return []relStore{se}
	}
	cnt := pairStore(linkTable{"vtiger_cntactivityrel", "activityid", "contactid"}, fromActivity)
	if act == "Emails" {
		return []relStore{se, cnt}
	}
	return []relStore{cnt}
}

// pairStore turns a link table into a store; forward says the relation's
// module is the table's first module.
func pairStore(t linkTable, forward bool) relStore {
	if forward {
		return relStore{kind: storeTable, table: t.table, own: t.first, rel: t.second}
	}
	return relStore{kind: storeTable, table: t.table, own: t.second, rel: t.first}
}

func tableStores(m, r, loader string) []relStore {
	if t, ok := linkTables[[2]string{m, r}]; ok {
		// get_parent_products lists the bundles a product is part of.
		return []relStore{pairStore(t, loader != "get_parent_products")}
	}
	if t, ok := linkTables[[2]string{r, m}]; ok {
		return []relStore{pairStore(t, false)}
	}
	return nil
}

// referenceStore finds the field of module r that points at module m and
// lives in one of r's per-record tables.
func referenceStore(mods map[string]*crm.Module, cols tableColumns, m, r string) (relStore, bool) {
	rm := mods[r]
	if rm == nil {
		return relStore{}, false
	}
	for _, f := range rm.Fields {
		if !slices.Contains(f.RefModules, m) || cols[f.Table][f.Column] == nil {
			continue
		}
		i := slices.IndexFunc(rm.Tables, func(t crm.ModuleTable) bool { return t.Name == f.Table })
		if i < 0 || rm.Tables[i].IDColumn == f.Column {
			continue
		}
		return relStore{kind: storeReference, table: f.Table, own: f.Column, rel: rm.Tables[i].IDColumn}, true
	}
	return relStore{}, false
}
