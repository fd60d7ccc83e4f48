//go:build ignore

// Command gen derives Tigerline's baseline migrations from a mysqldump of a
// fresh vtiger 5.4 install (shared/vtiger-5.4/vtiger-5.4-fresh.sql), so the
// schema and the metadata rows are vtiger's own, to the column.
//
//	go run migrations/gen/main.go ../shared/vtiger-5.4/vtiger-5.4-fresh.sql
//
// It writes one schema file per area (migrations/000NN_<area>.sql) and one
// seed file per area (migrations/seed/NN_<area>.sql). The output is committed;
// this program only needs to run again if the reference dump changes.
package main

import (
	"bufio"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

type table struct {
	name    string
	ddl     string
	inserts []string
	columns map[string]bool
}

// areas in the order their files are applied; the first matching rule wins.
var areas = []struct {
	name    string
	pattern string
}{
	{"workflows", `^com_vtiger_workflow|^vtiger_(eventhandler|cron_task)`},
	{"entity_core", `^vtiger_(crmentity|crmentity_seq|crmentityrel|crmentitynotesrel|modentity_num|modentity_num_seq|relatedlists_rb)$`},
	{"users_access", `^vtiger_(users|user2|users2|role|profile|groups|group2|datashare_|def_org_|org_share_|tmp_|actionmapping|loginhistory|usertype|audit_trial|user_module_preferences|users_last_import|ownernotify|sharedcalendar|lar$)`},
	{"pbx", `^vtiger_(pbxmanager|asterisk)`},
	{"modtracker_comments", `^vtiger_(modtracker|modcomments)`},
	{"tags", `^vtiger_freetag`},
	{"customviews", `^vtiger_(customview|cv|defaultcv)`},
	{"picklist_core", `^vtiger_(picklist|picklist_seq|picklistvalues_seq|role2picklist|picklist_dependency)$`},
	{"metadata", `^vtiger_(tab|tab_info|blocks|blocks_seq|field|field_seq|fieldmodulerel|entityname|relatedlists|relatedlists_seq|parenttab|parenttabrel|links|links_seq|ws_|settings_|version|version_seq|convertleadmapping|customaction|fieldformulas|quickview|tracker|headers|language|language_seq|import_|eventhandler)`},
	{"accounts", `^vtiger_(account|accountbillads|accountshipads|accountscf)$`},
	{"contacts", `^vtiger_(contactdetails|contactaddress|contactsubdetails|contactscf|contpotentialrel|customerdetails|portalinfo)$`},
	{"leads", `^vtiger_lead(details|address|subdetails|scf|acctrel|contrel|potrel)$`},
	{"potentials", `^vtiger_(potential|potentialscf|potstagehistory|potcompetitorrel)$`},
	{"campaigns", `^vtiger_campaign(|scf|accountrel|contrel|leadrel)$`},
	{"products_services", `^vtiger_(products|productcf|productcurrencyrel|productcollaterals|producttaxrel|seproductsrel|service|servicecf|pricebook|pricebookcf|pricebookproductrel|vendor|vendorcf|vendorcontactrel)$`},
	{"inventory", `^vtiger_(quotes|quotesbillads|quotesshipads|quotescf|quotestagehistory|salesorder|salesordercf|sobillads|soshipads|sostatushistory|invoice|invoicecf|invoicebillads|invoiceshipads|invoicestatushistory|invoice_recurring_info|purchaseorder|purchaseordercf|pobillads|poshipads|postatushistory|inventoryproductrel|inventoryshippingrel|inventorysubproductrel|inventorytaxinfo|inventorytaxinfo_seq|shippingtaxinfo|shippingtaxinfo_seq|inventory_tandc|inventory_tandc_seq|inventorynotification|inventorynotification_seq)$`},
	{"support", `^vtiger_(troubletickets|ticketcf|ticketcomments|ticketstracktime|seticketsrel|salesmanticketrel|faq|faqcomments|servicecontracts|servicecontractscf)$`},
	{"calendar", `^vtiger_(activity|activitycf|activityproductrel|activity_reminder|activity_reminder_popup|seactivityrel|seactivityrel_seq|salesmanactivityrel|cntactivityrel|invitees|recurringevents)$`},
	{"emails", `^vtiger_(emaildetails|email_access|email_track|emailtemplates|emailtemplates_seq|mail_accounts|mailscanner.*|mailmanager_.*|systems|notificationscheduler|notificationscheduler_seq)$`},
	{"documents", `^vtiger_(notes|notescf|senotesrel|attachments|attachmentsfolder|attachmentsfolder_seq|seattachmentsrel|salesmanattachmentsrel|files|wordtemplates)$`},
	{"home", `^vtiger_(home.*|announcement|notebook_contents|rss)$`},
	{"reports", `^vtiger_(report.*|selectcolumn|selectquery|selectquery_seq|relcriteria|relcriteria_grouping|scheduled_reports)$`},
	{"customer_portal", `^vtiger_(customerportal_.*|portal|soapservice)$`},
	{"company_currency", `^vtiger_(organizationdetails|organizationdetails_seq|currencies|currencies_seq|currency_info|currency_info_seq|taxclass|taxclass_seq|inventorytaxinfo)$`},
	{"projects", `^vtiger_project`},
	{"optional_modules", `^vtiger_(assets|assetscf|smsnotifier.*|webforms.*|wsapp.*|mobile_alerts|chat_.*)$`},
}

var (
	createRe  = regexp.MustCompile("^CREATE TABLE `([^`]+)`")
	insertRe  = regexp.MustCompile("^INSERT INTO `([^`]+)`")
	columnRe  = regexp.MustCompile("^  `([^`]+)` ")
	autoIncRe = regexp.MustCompile(` AUTO_INCREMENT=\d+`)
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: go run migrations/gen/main.go DUMP.sql")
	}
	tables, order := parseDump(os.Args[1])
	picklists := picklistTables(tables)
	byArea := map[string][]*table{}
	for _, name := range order {
		t := tables[name]
		a := areaOf(name, picklists)
		byArea[a] = append(byArea[a], t)
	}
	names := []string{}
	for _, a := range areas {
		names = append(names, a.name)
		if a.name == "picklist_core" {
			names = append(names, "picklists")
		}
	}
	names = append(names, "legacy_lookups")
	for i, a := range names {
		ts := byArea[a]
		if len(ts) == 0 {
			continue
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].name < ts[j].name })
		writeSchema(fmt.Sprintf("migrations/%05d_%s.sql", (i+1)*10, a), a, ts)
		writeSeed(fmt.Sprintf("migrations/seed/%03d_%s.sql", (i+1)*10, a), a, ts)
	}
}

func parseDump(path string) (map[string]*table, []string) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	tables := map[string]*table{}
	var order []string
	var cur *table
	var stmt strings.Builder
	var inCreate, inInsert bool
	var insTable string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case inCreate:
			if m := columnRe.FindStringSubmatch(line); m != nil {
				cur.columns[m[1]] = true
			}
			if strings.HasPrefix(line, ") ENGINE=") {
				line = autoIncRe.ReplaceAllString(line, "")
				line = strings.ReplaceAll(line, "utf8mb3", "utf8mb4")
				stmt.WriteString(strings.TrimSuffix(line, ";"))
				cur.ddl = stmt.String()
				inCreate = false
				continue
			}
			stmt.WriteString(line + "\n")
		case inInsert:
			stmt.WriteString("\n" + line)
			if strings.HasSuffix(line, ");") {
				tables[insTable].inserts = append(tables[insTable].inserts, stmt.String())
				inInsert = false
			}
		case createRe.MatchString(line):
			name := createRe.FindStringSubmatch(line)[1]
			cur = &table{name: name, columns: map[string]bool{}}
			tables[name] = cur
			order = append(order, name)
			stmt.Reset()
			stmt.WriteString(strings.Replace(line, "CREATE TABLE", "CREATE TABLE IF NOT EXISTS", 1) + "\n")
			inCreate = true
		case insertRe.MatchString(line):
			insTable = insertRe.FindStringSubmatch(line)[1]
			stmt.Reset()
			stmt.WriteString(line)
			if strings.HasSuffix(line, ");") {
				tables[insTable].inserts = append(tables[insTable].inserts, stmt.String())
			} else {
				inInsert = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return tables, order
}

// picklistTables finds vtiger's picklist value tables by their shape: a
// table vtiger_X with a column X and an Xid, X_id or presence column (and
// its vtiger_X_seq).
func picklistTables(tables map[string]*table) map[string]bool {
	out := map[string]bool{}
	for name, t := range tables {
		suffix := strings.TrimPrefix(name, "vtiger_")
		if t.columns[suffix] && (t.columns[suffix+"id"] || t.columns[suffix+"_id"] || t.columns["presence"]) {
			out[name] = true
			if _, ok := tables[name+"_seq"]; ok {
				out[name+"_seq"] = true
			}
		}
	}
	return out
}

func areaOf(name string, picklists map[string]bool) string {
	// Picklists are checked first so that a picklist table named like a
	// module table (vtiger_ticketstatus, vtiger_campaignstatus) lands with
	// the other picklists.
	if picklists[name] {
		return "picklists"
	}
	for _, a := range areas {
		if regexp.MustCompile(a.pattern).MatchString(name) {
			return a.name
		}
	}
	return "legacy_lookups"
}

func writeSchema(path, area string, ts []*table) {
	var b strings.Builder
	fmt.Fprintf(&b, "-- vtiger 5.4 tables: %s.\n", strings.ReplaceAll(area, "_", " "))
	b.WriteString("-- Derived from a fresh vtiger 5.4.0 install (see migrations/gen); utf8mb4 instead of utf8mb3.\n")
	b.WriteString("-- IF NOT EXISTS: on an existing vtiger database these statements change nothing.\n\n")
	b.WriteString("-- +goose NO TRANSACTION\n-- +goose Up\n")
	for _, t := range ts {
		b.WriteString("\n" + t.ddl + ";\n")
	}
	write(path, b.String())
}

func writeSeed(path, area string, ts []*table) {
	var b strings.Builder
	n := 0
	for _, t := range ts {
		for _, ins := range t.inserts {
			b.WriteString(ins + "\n")
			n++
		}
	}
	if n == 0 {
		return
	}
	head := fmt.Sprintf("-- Rows of a fresh vtiger 5.4.0 install: %s.\n-- Applied once, and only to a database that had no vtiger metadata yet.\n", strings.ReplaceAll(area, "_", " "))
	write(path, head+b.String())
}

func write(path, text string) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
}
