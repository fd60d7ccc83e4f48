package web

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// wsCreate creates a record of elementType from element.
func (s *Server) wsCreate(c *wsCall) (any, error) {
	m, e, err := s.wsModule(c, c.param("elementType"))
	if err != nil {
		return nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionCreate, 0); err != nil {
		return nil, err
	}
	el, err := parseElement(c.param("element"))
	if err != nil {
		return nil, err
	}
	vals, err := s.wsIn(c, m, el, false)
	if err != nil {
		return nil, err
	}
	rec, err := s.deps.Records.CreateRecord(c.ctx(), c.user, m.Name, vals)
	if err != nil {
		return nil, err
	}
	return s.wsRecordOut(c, m, e, rec)
}

// wsRetrieve returns the record of id.
func (s *Server) wsRetrieve(c *wsCall) (any, error) {
	m, e, id, err := s.wsRecord(c, c.param("id"))
	if err != nil {
		return nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionView, id); err != nil {
		return nil, err
	}
	if err := s.wsHideConverted(c, m.Name, id); err != nil {
		return nil, err
	}
	rec, err := s.deps.Records.FindRecordByID(c.ctx(), m.Name, id)
	if err != nil {
		return nil, err
	}
	return s.wsRecordOut(c, m, e, rec)
}

// wsUpdate replaces every editable field of the record element.id: a
// field left out of element is emptied, as in vtiger.
func (s *Server) wsUpdate(c *wsCall) (any, error) { return s.wsSave(c, true) }

// wsRevise changes only the fields element gives.
func (s *Server) wsRevise(c *wsCall) (any, error) { return s.wsSave(c, false) }

func (s *Server) wsSave(c *wsCall, full bool) (any, error) {
	el, err := parseElement(c.param("element"))
	if err != nil {
		return nil, err
	}
	id, ok := el["id"]
	if !ok {
		return nil, wsErrorf(wsInvalidID, "Id specified is incorrect: element has no id")
	}
	m, e, crmid, err := s.wsRecord(c, id)
	if err != nil {
		return nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionEdit, crmid); err != nil {
		return nil, err
	}
	vals, err := s.wsIn(c, m, el, full)
	if err != nil {
		return nil, err
	}
	rec, err := s.deps.Records.UpdateRecord(c.ctx(), c.user, m.Name, crmid, vals)
	if err != nil {
		return nil, err
	}
	return s.wsRecordOut(c, m, e, rec)
}

// wsDelete moves the record of id to the recycle bin.
func (s *Server) wsDelete(c *wsCall) (any, error) {
	m, _, id, err := s.wsRecord(c, c.param("id"))
	if err != nil {
		return nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionDelete, id); err != nil {
		return nil, err
	}
	if err := s.deps.Records.DeleteRecord(c.ctx(), c.user, m.Name, id); err != nil {
		return nil, err
	}
	return map[string]string{"status": "successful"}, nil
}

// wsRecordOut is a record as the webservice returns it: every field the
// module's records carry, and the id, in webservice form.
func (s *Server) wsRecordOut(c *wsCall, m *crm.Module, e *crm.WSEntity, rec *crm.Record) (map[string]string, error) {
	row := map[string]string{}
	for _, f := range wsFields(m) {
		row[f.Name] = rec.Values[f.Name]
	}
	row["id"] = strconv.FormatInt(rec.ID, 10)
	if err := s.wsOut(c, m, e, []map[string]string{row}); err != nil {
		return nil, err
	}
	return row, nil
}

// parseElement reads an element: a JSON object of field values. Numbers,
// booleans and null become vtiger's strings; a list is a multi-select.
func parseElement(s string) (map[string]string, error) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil || raw == nil {
		return nil, wsErrorf(wsInvalidRequest, "element must be a JSON object of field values")
	}
	out := make(map[string]string, len(raw))
	for k, v := range raw {
		str, ok := jsonScalar(v)
		if list, isList := v.([]any); isList {
			parts := make([]string, 0, len(list))
			for _, p := range list {
				ps, pok := jsonScalar(p)
				if !pok {
					return nil, wsErrorf(wsInvalidRequest, "field %s: a list may hold only plain values", k)
				}
				parts = append(parts, ps)
			}
			str, ok = strings.Join(parts, " |##| "), true
		}
		if !ok {
			return nil, wsErrorf(wsInvalidRequest, "field %s: not a plain value", k)
		}
		out[k] = str
	}
	return out, nil
}

func jsonScalar(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		if x {
			return "1", true
		}
		return "0", true
	}
	return "", false
}

// wsIn turns an element into the record engine's values: only the
// editable fields of the module (vtiger ignores the rest, such as
// createdtime sent back by an update), owners and references as crmids.
// With full, an editable field left out is emptied.
func (s *Server) wsIn(c *wsCall, m *crm.Module, el map[string]string, full bool) (map[string]string, error) {
	out := map[string]string{}
	for _, f := range wsFields(m) {
		if !wsEditable(c.meta, f) {
			continue
		}
		v, given := el[f.Name]
		if !given {
			if full {
				out[f.Name] = ""
			}
			continue
		}
		k := fieldKind(c.meta, f)
		if k == kindPlain || v == "" {
			out[f.Name] = v
			continue
		}
		id, err := s.wsInRef(c, f, k, v)
		if err != nil {
			return nil, err
		}
		out[f.Name] = id
	}
	return out, nil
}

// wsInRef checks an owner or reference value and returns its crmid. A
// plain number is taken as it is (vtiger accepts those too); a webservice
// id must name a type the field may point at, and the record's own type.
func (s *Server) wsInRef(c *wsCall, f *crm.Field, k wsFieldKind, v string) (string, error) {
	bad := func(why string) error {
		return wsErrorf(wsReferenceInvalid, "Invalid reference specified for %s: %s", f.Name, why)
	}
	if !strings.Contains(v, "x") {
		return v, nil // the record engine checks the crmid
	}
	eid, id, err := parseWSID(v)
	if err != nil {
		return "", bad(err.(*wsError).Message)
	}
	e := c.meta.EntityByID(eid)
	if e == nil {
		return "", bad("no type " + strconv.Itoa(eid))
	}
	allowed := wsRefersTo(c.meta, f)
	if k == kindOwner {
		allowed = []string{"Users", "Groups"}
	}
	if !slices.Contains(allowed, e.Name) {
		return "", bad(e.Name + " is not one of " + strings.Join(allowed, ", "))
	}
	switch e.Name {
	case "Users":
		return strconv.FormatInt(id, 10), nil
	case "Groups":
		groups, err := s.deps.Webservice.GroupIDs(c.ctx(), []int64{id})
		if err != nil {
			return "", err
		}
		if !groups[id] {
			return "", bad(v + " is not a group")
		}
		return strconv.FormatInt(id, 10), nil
	}
	types, err := s.deps.Webservice.RecordTypes(c.ctx(), []int64{id})
	if err != nil {
		return "", err
	}
	if t, ok := types[id]; !ok || t.Deleted || t.Module != e.Name {
		return "", bad("no " + e.Name + " record " + v)
	}
	return strconv.FormatInt(id, 10), nil
}
