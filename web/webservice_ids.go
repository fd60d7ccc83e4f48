package web

import (
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// Webservice ids are "<vtiger_ws_entity.id>x<crmid>": the prefix names the
// type, so a client can tell an account from a contact by the id alone.

// wsID formats a webservice id.
func wsID(entity int, id int64) string {
	return strconv.Itoa(entity) + "x" + strconv.FormatInt(id, 10)
}

// parseWSID splits a webservice id; both parts must be positive numbers.
func parseWSID(s string) (int, int64, error) {
	bad := wsErrorf(wsInvalidID, "Id specified is incorrect: %q", s)
	pre, post, ok := strings.Cut(strings.TrimSpace(s), "x")
	if !ok {
		return 0, 0, bad
	}
	e, err1 := strconv.Atoi(pre)
	id, err2 := strconv.ParseInt(post, 10, 64)
	if err1 != nil || err2 != nil || e <= 0 || id <= 0 {
		return 0, 0, bad
	}
	return e, id, nil
}

// wsModule resolves an elementType to a record module the engine serves.
// Like vtiger, an unknown type is refused as access denied.
func (s *Server) wsModule(c *wsCall, name string) (*crm.Module, *crm.WSEntity, error) {
	denied := wsErrorf(wsAccessDenied, "Permission to perform the operation is denied for name %q", name)
	e := c.meta.Entity(name)
	if e == nil {
		return nil, nil, denied
	}
	if !e.IsModule || e.Name == "Users" {
		return nil, nil, wsErrorf(wsOperationNotSupported, "Operations on %s are not supported", name)
	}
	m, err := s.deps.Records.Module(c.ctx(), name)
	if crm.ErrorCode(err) == crm.ENotFound || err == nil && m.Presence == 1 {
		return nil, nil, denied
	}
	if err != nil {
		return nil, nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionView, 0); err != nil {
		return nil, nil, err
	}
	return m, e, nil
}

// wsRecord resolves a webservice id to a live record's module and crmid:
// the prefix must name the record's own module.
func (s *Server) wsRecord(c *wsCall, id string) (*crm.Module, *crm.WSEntity, int64, error) {
	eid, crmid, err := parseWSID(id)
	if err != nil {
		return nil, nil, 0, err
	}
	e := c.meta.EntityByID(eid)
	if e == nil {
		return nil, nil, 0, wsErrorf(wsInvalidID, "Id specified is incorrect: no type %d", eid)
	}
	m, e, err := s.wsModule(c, e.Name)
	if err != nil {
		return nil, nil, 0, err
	}
	types, err := s.deps.Webservice.RecordTypes(c.ctx(), []int64{crmid})
	if err != nil {
		return nil, nil, 0, err
	}
	t, ok := types[crmid]
	switch {
	case !ok:
		return nil, nil, 0, wsErrorf(wsRecordNotFound, "Record you are trying to access is not found")
	case t.Module != m.Name:
		return nil, nil, 0, wsErrorf(wsInvalidID, "Id specified is incorrect: %s is a %s record, not %s", id, t.Module, m.Name)
	case t.Deleted:
		return nil, nil, 0, wsErrorf(wsRecordNotFound, "Record you are trying to access is not found")
	}
	return m, e, crmid, nil
}

// wsCheck asks the access checker, when there is one. Missing records
// stay RECORD_NOT_FOUND; refusals become ACCESS_DENIED.
func (s *Server) wsCheck(c *wsCall, module string, action crm.Action, id int64) error {
	if s.deps.Access == nil {
		return nil
	}
	err := s.deps.Access.Check(c.ctx(), c.user, module, action, id)
	switch crm.ErrorCode(err) {
	case "":
		return nil
	case crm.EForbidden, crm.EUnauthorized:
		return wsErrorf(wsAccessDenied, "Permission to perform the operation is denied")
	}
	return err
}

// wsFieldKind is how a field's values travel: as they are, as an owner
// (a user or group id) or as a reference (a record, or a user).
type wsFieldKind int

const (
	kindPlain wsFieldKind = iota
	kindOwner
	kindReference
	kindUserRef // a reference to users only: modified by, reports to
)

// fieldKind classifies a field by its webservice type.
func fieldKind(meta *crm.WSMeta, f *crm.Field) wsFieldKind {
	switch wsFieldType(meta, f) {
	case "owner":
		return kindOwner
	case "reference":
		refs := wsRefersTo(meta, f)
		for _, t := range refs {
			if t != "Users" {
				return kindReference
			}
		}
		if len(refs) == 0 {
			return kindReference
		}
		return kindUserRef
	}
	return kindPlain
}

// wsRefersTo lists the types a reference field points at: uitype 10 from
// vtiger_fieldmodulerel, the others from vtiger_ws_referencetype.
func wsRefersTo(meta *crm.WSMeta, f *crm.Field) []string {
	if f.UIType != 10 {
		if refs := meta.RefTypes[f.UIType]; len(refs) > 0 {
			return refs
		}
	}
	if f.RefModules != nil {
		return f.RefModules
	}
	return []string{}
}

// wsOut turns rows of crmids into webservice form in place: each row's id
// (a record of module) and its owner and reference fields. Types are
// looked up in two queries for all rows together.
func (s *Server) wsOut(c *wsCall, m *crm.Module, e *crm.WSEntity, rows []map[string]string) error {
	var refIDs, ownerIDs []int64
	kinds := map[string]wsFieldKind{}
	for _, f := range m.Fields {
		if k := fieldKind(c.meta, f); k != kindPlain {
			kinds[f.Name] = k
		}
	}
	for _, row := range rows {
		for name, v := range row {
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				continue
			}
			switch kinds[name] {
			case kindOwner:
				ownerIDs = append(ownerIDs, n)
			case kindReference:
				refIDs = append(refIDs, n)
			}
		}
	}
	types, err := s.deps.Webservice.RecordTypes(c.ctx(), refIDs)
	if err != nil {
		return err
	}
	groups, err := s.deps.Webservice.GroupIDs(c.ctx(), ownerIDs)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if id, ok := row["id"]; ok && !strings.Contains(id, "x") {
			if n, err := strconv.ParseInt(id, 10, 64); err == nil {
				row["id"] = wsID(e.ID, n)
			}
		}
		for name, k := range kinds {
			v, ok := row[name]
			if !ok {
				continue
			}
			row[name] = s.wsOutValue(c, m.Field(name), k, v, types, groups)
		}
	}
	return nil
}

// wsOutValue converts one owner or reference value. 0 or empty is no
// reference; an id whose type cannot be told stays as it is.
func (s *Server) wsOutValue(c *wsCall, f *crm.Field, k wsFieldKind, v string, types map[int64]crm.RecordType, groups map[int64]bool) string {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return v
	}
	if n <= 0 {
		return ""
	}
	typ := ""
	switch {
	case k == kindOwner && groups[n]:
		typ = "Groups"
	case k == kindOwner, k == kindUserRef:
		typ = "Users"
	case types[n].Module != "":
		typ = types[n].Module
	case slices.Contains(wsRefersTo(c.meta, f), "Users"):
		typ = "Users"
	}
	if e := c.meta.Entity(typ); e != nil {
		return wsID(e.ID, n)
	}
	return v
}
