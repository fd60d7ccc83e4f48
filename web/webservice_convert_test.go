package web

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

func TestWebserviceConvertLead(t *testing.T) {
	env := newWSEnv(t, Config{})
	ctx := context.Background()
	c := env.client(t)
	c.login("admin", env.accessKey(t, "admin"))
	newLead := func(company string) string {
		rec, err := env.records.CreateRecord(ctx, env.admin, "Leads", map[string]string{
			"firstname": "Ann", "lastname": "Lee", "company": company, "email": "ann@lee.example"})
		if err != nil {
			t.Fatal(err)
		}
		return env.prefix(t, "Leads") + itoa(rec.ID)
	}
	convert := func(el map[string]any) *wsReply {
		return c.post("convertlead", url.Values{"element": {element(t, el)}})
	}
	lead := newLead("Lee Imports")

	var res map[string]string
	c.ok(convert(map[string]any{
		"leadId": lead, "assignedTo": env.prefix(t, "Users") + "1", "transferRelatedRecordsTo": "Contacts",
		"entities": map[string]any{
			"Accounts": map[string]any{"create": true, "name": "Accounts", "accountname": "Lee Imports WS", "industry": "Banking"},
			"Contacts": map[string]any{"create": true, "name": "Contacts", "firstname": "Annie", "lastname": "Lee"},
			"Potentials": map[string]any{"create": true, "name": "Potentials", "potentialname": "WS deal",
				"closingdate": "2030-02-01", "sales_stage": "Prospecting", "amount": 1000},
		},
	}), &res)
	for _, module := range []string{"Accounts", "Contacts", "Potentials"} {
		if !strings.HasPrefix(res[module], env.prefix(t, module)) {
			t.Errorf("got %s id %q, want prefix %s", module, res[module], env.prefix(t, module))
		}
	}
	if len(res) != 3 {
		t.Errorf("got result %v, want the three ids only", res)
	}
	var contact map[string]string
	c.ok(c.get("retrieve", url.Values{"id": {res["Contacts"]}}), &contact)
	if contact["account_id"] != res["Accounts"] || contact["firstname"] != "Annie" || contact["email"] != "ann@lee.example" {
		t.Errorf("got contact %v, want Annie linked to %s with the lead's email", contact, res["Accounts"])
	}

	// The converted lead is gone from the webservice, and stays converted.
	c.fails(c.get("retrieve", url.Values{"id": {lead}}), wsRecordNotFound)
	var rows []map[string]string
	c.ok(c.get("query", url.Values{"query": {"select lastname from Leads;"}}), &rows)
	if len(rows) != 0 {
		t.Errorf("query of Leads: got %v, want the converted lead hidden", rows)
	}
	c.fails(convert(map[string]any{"leadId": lead, "entities": map[string]any{
		"Contacts": map[string]any{"create": true, "name": "Contacts"}}}), wsLeadAlreadyConverted)

	t.Run("contact only, owner defaults to the user", func(t *testing.T) {
		var res map[string]string
		c.ok(convert(map[string]any{"leadId": newLead("B2C"), "entities": map[string]any{
			"Contacts": map[string]any{"create": "1", "name": "Contacts"}}}), &res)
		if len(res) != 1 || !strings.HasPrefix(res["Contacts"], env.prefix(t, "Contacts")) {
			t.Errorf("got %v, want a contact only", res)
		}
	})

	t.Run("refused", func(t *testing.T) {
		other := newLead("Refused Co")
		cases := []struct {
			name string
			el   map[string]any
			code string
			msg  string
		}{
			{"potential alone", map[string]any{"leadId": other, "entities": map[string]any{
				"Potentials": map[string]any{"create": true, "potentialname": "Deal"}}}, wsInvalidFieldValue, "alone"},
			{"bad amount", map[string]any{"leadId": other, "entities": map[string]any{
				"Contacts":   map[string]any{"create": true},
				"Potentials": map[string]any{"create": true, "amount": "lots"}}}, wsInvalidFieldValue, "Potentials.amount"},
			{"unknown field", map[string]any{"leadId": other, "entities": map[string]any{
				"Contacts": map[string]any{"create": true, "title": "Boss"}}}, wsInvalidRequest, "title"},
			{"unknown entity", map[string]any{"leadId": other, "entities": map[string]any{
				"HelpDesk": map[string]any{"create": true}}}, wsInvalidRequest, "HelpDesk"},
			{"not a lead", map[string]any{"leadId": res["Contacts"], "entities": map[string]any{
				"Contacts": map[string]any{"create": true}}}, wsInvalidID, ""},
			{"owner of the wrong type", map[string]any{"leadId": other, "assignedTo": res["Accounts"], "entities": map[string]any{
				"Contacts": map[string]any{"create": true}}}, wsReferenceInvalid, ""},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				e := c.fails(convert(tc.el), tc.code)
				if !strings.Contains(e.Message, tc.msg) {
					t.Errorf("got message %q, want it to mention %q", e.Message, tc.msg)
				}
			})
		}
		c.fails(c.get("convertlead", url.Values{"element": {"{}"}}), wsOperationNotSupported)
		var n int
		if err := env.db.GetContext(ctx, &n, `SELECT COUNT(*) FROM vtiger_leaddetails WHERE converted = 1`); err != nil || n != 2 {
			t.Errorf("got %d converted leads (%v), want the two converted above", n, err)
		}
	})
}
