package mysql

// convertedLeadsHidden is the condition on vtiger_crmentity e that keeps
// converted leads out of a query of module's records, or "" for any other
// module. vtiger keeps a converted lead (vtiger_leaddetails.converted =
// 1) but hides it wherever leads are listed: list views, popups, global
// search, related lists and the webservice's query
// (VtigerCRMObjectMeta::getEntityDeletedQuery adds "converted=0" for
// Leads). The condition needs no join, so it fits list, count and
// related-record queries alike; it reads vtiger_leaddetails by primary
// key.
func convertedLeadsHidden(module string) string {
	if module != "Leads" {
		return ""
	}
	return "NOT EXISTS (SELECT 1 FROM vtiger_leaddetails cl WHERE cl.leadid = e.crmid AND cl.converted = 1)"
}
