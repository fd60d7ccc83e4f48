package web

import "strings"

// navItem is one entry of a menu: a label and the vtiger module it opens.
type navItem struct {
	Label  string
	Module string // vtiger_tab.name, or a pseudo-module such as Settings
}

// Href is the page of the entry's module.
func (i navItem) Href() string {
	switch i.Module {
	case "Home":
		return "/"
	case "Tags":
		return "/tags"
	case "RecycleBin":
		return "/recyclebin"
	case dashboardModule:
		return "/dashboard"
	case "Settings":
		return "/settings"
	}
	return "/m/" + i.Module
}

// navSection is one tab of the top bar. A section with a single item is a
// plain link; one with several opens a menu.
type navSection struct {
	Label  string
	Items  []navItem
	Active bool
}

// Href is where the tab itself leads: its first entry.
func (n navSection) Href() string { return n.Items[0].Href() }

// alwaysShown are entries ModuleEnabled is not asked about: Home, and the
// pseudo-modules that are not rows of vtiger_tab (vtiger keeps tags in
// vtiger_freetags and settings in pages of its own).
var alwaysShown = map[string]bool{"Home": true, "Settings": true, "Tags": true}

// navTable is vtiger 5.x's top navigation, by its menu groups.
var navTable = []navSection{
	{Label: "Home", Items: []navItem{{"Home", "Home"}}},
	{Label: "Marketing", Items: []navItem{
		{"Campaigns", "Campaigns"}, {"Leads", "Leads"}, {"Accounts", "Accounts"}, {"Contacts", "Contacts"},
	}},
	{Label: "Sales", Items: []navItem{
		{"Potentials", "Potentials"}, {"Quotes", "Quotes"}, {"Sales Orders", "SalesOrder"},
		{"Invoices", "Invoice"}, {"Price Books", "PriceBooks"},
	}},
	{Label: "Support", Items: []navItem{
		{"Tickets", "HelpDesk"}, {"FAQ", "Faq"}, {"Service Contracts", "ServiceContracts"},
	}},
	{Label: "Inventory", Items: []navItem{
		{"Products", "Products"}, {"Services", "Services"}, {"Vendors", "Vendors"}, {"Purchase Orders", "PurchaseOrder"},
	}},
	{Label: "Analytics", Items: []navItem{{"Reports", "Reports"}}},
	{Label: "Tools", Items: []navItem{
		{"Calendar", "Calendar"}, {"Documents", "Documents"}, {"Email", "Emails"}, {"Bookmarks", "Portal"},
		{"PBX calls", "PBXManager"}, {"Recycle Bin", "RecycleBin"}, {"Tags", "Tags"},
	}},
	{Label: "Settings", Items: []navItem{{"Settings", "Settings"}}},
}

// nav returns the top navigation for a page at path: disabled modules
// left out, empty sections dropped, and the section holding the current
// module marked active.
func (s *Server) nav(path string) []navSection {
	current := "Home"
	if rest, ok := strings.CutPrefix(path, "/m/"); ok {
		current, _, _ = strings.Cut(rest, "/")
	}
	switch {
	case strings.HasPrefix(path, "/tags"):
		current = "Tags"
	case strings.HasPrefix(path, "/recyclebin"):
		current = "RecycleBin"
	case strings.HasPrefix(path, "/settings"):
		current = "Settings"
	}
	var out []navSection
	for _, sec := range navTable {
		sec.Items = s.enabledItems(sec.Items)
		if len(sec.Items) == 0 {
			continue
		}
		for _, it := range sec.Items {
			if it.Module == current {
				sec.Active = true
			}
		}
		out = append(out, sec)
	}
	return out
}

func (s *Server) enabledItems(items []navItem) []navItem {
	if s.deps.ModuleEnabled == nil {
		return items
	}
	var out []navItem
	for _, it := range items {
		if alwaysShown[it.Module] || s.deps.ModuleEnabled(it.Module) {
			out = append(out, it)
		}
	}
	return out
}
