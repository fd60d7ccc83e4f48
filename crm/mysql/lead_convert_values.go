package mysql

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// unknownValue is what vtiger puts in a mandatory text field that neither
// the mapping nor the dialog filled (vtws_validateConvertLeadEntityMandatoryValues).
const unknownValue = "????"

// leadMapping is one vtiger_convertleadmapping row: a lead field's id and
// the ids of the account, contact and potential fields it is copied
// into (0 for none).
type leadMapping struct {
	Lead      int `db:"leadfid"`
	Account   int `db:"accountfid"`
	Contact   int `db:"contactfid"`
	Potential int `db:"potentialfid"`
}

// target returns the row's field id in module.
func (lm leadMapping) target(module string) int {
	switch module {
	case "Accounts":
		return lm.Account
	case "Contacts":
		return lm.Contact
	case "Potentials":
		return lm.Potential
	}
	return 0
}

func readLeadMapping(ctx context.Context, ext sqlx.QueryerContext) ([]leadMapping, error) {
	var rows []leadMapping
	const q = `SELECT leadfid, COALESCE(accountfid, 0) AS accountfid, COALESCE(contactfid, 0) AS contactfid,
		COALESCE(potentialfid, 0) AS potentialfid FROM vtiger_convertleadmapping ORDER BY cfmid`
	if err := sqlx.SelectContext(ctx, ext, &rows, q); err != nil {
		return nil, fmt.Errorf("read lead conversion mapping: %w", err)
	}
	return rows, nil
}

// convModule is a module records are made in, with its columns and the
// vtiger_field.defaultvalue of its fields that have one.
type convModule struct {
	m        *crm.Module
	cols     tableColumns
	defaults map[string]string
}

// conversion is what a conversion reads before its transaction starts.
type conversion struct {
	actor   *crm.User
	req     crm.LeadConversion
	lead    *crm.Module
	mods    map[string]*convModule
	mapping []leadMapping
}

func (s *RecordService) newConversion(ctx context.Context, actor *crm.User, c crm.LeadConversion) (*conversion, error) {
	lead, _, err := s.meta.get(ctx, s.db, "Leads")
	if err != nil {
		return nil, err
	}
	cv := &conversion{actor: actor, req: c, lead: lead, mods: map[string]*convModule{}}
	for _, name := range []string{"Accounts", "Contacts", "Potentials"} {
		m, cols, err := s.meta.get(ctx, s.db, name)
		if err != nil {
			return nil, err
		}
		defaults, err := fieldDefaults(ctx, s.db, m.TabID)
		if err != nil {
			return nil, fmt.Errorf("field defaults of %s: %w", name, err)
		}
		cv.mods[name] = &convModule{m: m, cols: cols, defaults: defaults}
	}
	return cv, nil
}

// fieldDefaults reads vtiger_field.defaultvalue of a module's fields that
// have one, by field name.
func fieldDefaults(ctx context.Context, ext sqlx.QueryerContext, tabID int) (map[string]string, error) {
	var rows []struct {
		Field string `db:"fieldname"`
		Value string `db:"defaultvalue"`
	}
	const q = `SELECT fieldname, defaultvalue FROM vtiger_field
		WHERE tabid = ? AND defaultvalue IS NOT NULL AND defaultvalue <> ''`
	if err := sqlx.SelectContext(ctx, ext, &rows, q, tabID); err != nil {
		return nil, err
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Field] = r.Value
	}
	return out, nil
}

// mappedValues copies the lead's values into module's fields as the
// mapping says. Empty lead values are left out, so defaults apply.
func mappedValues(lead *crm.Record, leadMod, m *crm.Module, mapping []leadMapping) map[string]string {
	leadFields, fields := fieldsByID(leadMod), fieldsByID(m)
	vals := map[string]string{}
	for _, row := range mapping {
		tf, lf := fields[row.target(m.Name)], leadFields[row.Lead]
		if tf == nil || lf == nil || systemUITypes[tf.UIType] {
			continue
		}
		if v := strings.TrimSpace(lead.Values[lf.Name]); v != "" {
			vals[tf.Name] = v
		}
	}
	return vals
}

func fieldsByID(m *crm.Module) map[int]*crm.Field {
	out := make(map[int]*crm.Field, len(m.Fields))
	for _, f := range m.Fields {
		out[f.ID] = f
	}
	return out
}

// overrides are the dialog's values for module, by field name; empty ones
// leave the mapped value.
func overrides(c crm.LeadConversion, module string) map[string]string {
	switch module {
	case "Accounts":
		return map[string]string{"accountname": c.Account.Name, "industry": c.Account.Industry}
	case "Contacts":
		return map[string]string{"firstname": c.Contact.FirstName, "lastname": c.Contact.LastName, "email": c.Contact.Email}
	case "Potentials":
		return map[string]string{"potentialname": c.Potential.Name, "closingdate": c.Potential.ClosingDate,
			"sales_stage": c.Potential.SalesStage, "amount": c.Potential.Amount}
	}
	return nil
}

// valuesFor is a new record's values: the mapping, then the dialog's
// overrides, then the owner.
func (cv *conversion) valuesFor(lead *crm.Record, module string) map[string]string {
	vals := mappedValues(lead, cv.lead, cv.mods[module].m, cv.mapping)
	for name, v := range overrides(cv.req, module) {
		if v = strings.TrimSpace(v); v != "" {
			vals[name] = v
		}
	}
	switch {
	case cv.req.OwnerID > 0:
		vals["assigned_user_id"] = strconv.FormatInt(cv.req.OwnerID, 10)
	case cv.actor != nil:
		vals["assigned_user_id"] = strconv.FormatInt(cv.actor.ID, 10)
	}
	return vals
}

// fillMandatory gives each mandatory field still empty the field's
// default (picklists and dates) or "????", as vtiger does. Where vtiger
// has no default for a picklist or a date (and its create then fails),
// Tigerline takes the first value the actor may choose, or today.
func (cv *conversion) fillMandatory(ctx context.Context, tx *sqlx.Tx, cm *convModule, vals map[string]string) error {
	for _, f := range cm.m.Fields {
		if !f.Mandatory || systemUITypes[f.UIType] || f.UIType == 53 || vals[f.Name] != "" ||
			fieldTablesNotPerRecord[f.Table] && f.Table != "vtiger_crmentity" {
			continue
		}
		t := f.Type()
		if f.Picklist == "" && t != "D" && t != "DT" {
			vals[f.Name] = unknownValue
			continue
		}
		if def := cm.defaults[f.Name]; def != "" {
			vals[f.Name] = def
			continue
		}
		switch {
		case f.Picklist != "":
			choices, err := picklistValues(ctx, tx, f.Picklist, cv.actor)
			if err != nil {
				return fmt.Errorf("picklist %s: %w", f.Picklist, err)
			}
			if len(choices) > 0 {
				vals[f.Name] = choices[0]
			}
		case t == "D":
			vals[f.Name] = time.Now().UTC().Format("2006-01-02")
		default:
			vals[f.Name] = time.Now().UTC().Format("2006-01-02 15:04:05")
		}
	}
	return nil
}
