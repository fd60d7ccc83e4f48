package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/vtql"
)

// wsSyncLimit is how many modified times one sync batch reads, as vtiger.
const wsSyncLimit = 100

// wsRelatedLimit bounds the records retrieve_related returns.
const wsRelatedLimit = 500

// wsQuery runs a VTQL query (at most 100 rows, as vtiger) and returns its
// rows with webservice ids. Conditions on id, owner and reference fields
// may use webservice ids, which become crmids before the query runs.
func (s *Server) wsQuery(c *wsCall) (any, error) {
	q, err := vtql.Parse(c.param("query"))
	if err != nil {
		return nil, wsErrorf(wsQuerySyntax, "Syntax error in query: %v", err)
	}
	m, e, err := s.wsModule(c, q.Module)
	if err != nil {
		return nil, err
	}
	q.Module = m.Name
	wsQueryIDs(c.meta, m, q.Where)
	res, err := s.deps.Records.QueryVTQL(c.ctx(), c.user, q.String())
	switch crm.ErrorCode(err) {
	case "":
	case crm.EInvalid:
		return nil, wsErrorf(wsQuerySyntax, "%s", crm.ErrorMessage(err))
	case crm.ENotFound:
		return nil, wsErrorf(wsAccessDenied, "Permission to perform the operation is denied for name %q", q.Module)
	default:
		return nil, err
	}
	rows, err := s.wsVisible(c, m, res.Rows)
	if err != nil {
		return nil, err
	}
	if err := s.wsOut(c, m, e, rows); err != nil {
		return nil, err
	}
	return rows, nil
}

// wsQueryIDs rewrites the webservice ids in conditions on id, owner and
// reference fields to crmids. Other values, and values that are not
// webservice ids, are left as written.
func wsQueryIDs(meta *crm.WSMeta, m *crm.Module, e vtql.Expr) {
	switch x := e.(type) {
	case *vtql.Logic:
		wsQueryIDs(meta, m, x.Left)
		wsQueryIDs(meta, m, x.Right)
	case *vtql.Cond:
		if x.Field != "id" {
			if f := m.Field(x.Field); f == nil || fieldKind(meta, f) == kindPlain {
				return
			}
		}
		for i, v := range x.Values {
			if _, id, err := parseWSID(v); err == nil {
				x.Values[i] = strconv.FormatInt(id, 10)
			}
		}
	}
}

// wsVisible drops the rows the user may not see, when there is an access
// checker and the rows carry their id. Admins see every row.
func (s *Server) wsVisible(c *wsCall, m *crm.Module, rows []map[string]string) ([]map[string]string, error) {
	out := make([]map[string]string, 0, len(rows))
	for _, row := range rows {
		id, err := strconv.ParseInt(row["id"], 10, 64)
		if s.deps.Access != nil && !c.user.IsAdmin && err == nil {
			err := s.wsCheck(c, m.Name, crm.ActionView, id)
			if we, ok := err.(*wsError); ok && we.Code == wsAccessDenied {
				continue
			}
			if err != nil && crm.ErrorCode(err) != crm.ENotFound {
				return nil, err
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// wsSyncResult is sync's result.
type wsSyncResult struct {
	Updated          []map[string]string `json:"updated"`
	Deleted          []string            `json:"deleted"`
	LastModifiedTime int64               `json:"lastModifiedTime"`
	More             bool                `json:"more"`
}

// wsSync returns what changed after modifiedTime (Unix seconds): full
// records for changes, ids for records moved to the recycle bin. Like
// vtiger it covers the user's own records, or with syncType=application
// (admins only) everyone's.
func (s *Server) wsSync(c *wsCall) (any, error) {
	since, err := strconv.ParseInt(strings.TrimSpace(c.param("modifiedTime")), 10, 64)
	if err != nil || since < 0 {
		return nil, wsErrorf(wsInvalidRequest, "modifiedTime must be a Unix time in seconds")
	}
	q := crm.ChangeQuery{Since: time.Unix(since, 0).UTC(), OwnerID: c.user.ID, Limit: wsSyncLimit}
	switch c.param("syncType") {
	case "", "user", "userandgroup":
	case "application":
		if !c.user.IsAdmin {
			return nil, wsErrorf(wsAccessDenied, "Only admin users can perform application sync")
		}
		q.OwnerID = 0
	default:
		return nil, wsErrorf(wsInvalidRequest, "unknown syncType %q", c.param("syncType"))
	}
	mods := map[string]*wsMod{}
	if t := c.param("elementType"); t != "" {
		m, e, err := s.wsModule(c, t)
		if err != nil {
			return nil, err
		}
		mods[m.Name] = &wsMod{m, e}
	} else if mods, err = s.wsModules(c); err != nil {
		return nil, err
	}
	for name := range mods {
		q.Modules = append(q.Modules, name)
	}
	set, err := s.deps.Webservice.FindChanges(c.ctx(), q)
	if err != nil {
		return nil, err
	}
	out := &wsSyncResult{Updated: []map[string]string{}, Deleted: []string{}, LastModifiedTime: set.Until.Unix(), More: set.More}
	for _, ch := range set.Changes {
		if err := s.wsSyncOne(c, mods[ch.Module], ch, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// wsSyncOne adds one change to a sync result, skipping records the user
// may not see.
func (s *Server) wsSyncOne(c *wsCall, md *wsMod, ch crm.RecordChange, out *wsSyncResult) error {
	if md == nil {
		return nil
	}
	if ch.Deleted {
		out.Deleted = append(out.Deleted, wsID(md.e.ID, ch.ID))
		return nil
	}
	if err := s.wsCheck(c, md.m.Name, crm.ActionView, ch.ID); err != nil {
		if we, ok := err.(*wsError); ok && we.Code == wsAccessDenied || crm.ErrorCode(err) == crm.ENotFound {
			return nil
		}
		return err
	}
	rec, err := s.deps.Records.FindRecordByID(c.ctx(), md.m.Name, ch.ID)
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil // deleted since
	}
	if err != nil {
		return err
	}
	row, err := s.wsRecordOut(c, md.m, md.e, rec)
	if err != nil {
		return err
	}
	out.Updated = append(out.Updated, row)
	return nil
}

// wsMod is a module the webservice serves with its entity.
type wsMod struct {
	m *crm.Module
	e *crm.WSEntity
}

// wsModules are the record modules the user may use, by name.
func (s *Server) wsModules(c *wsCall) (map[string]*wsMod, error) {
	out := map[string]*wsMod{}
	for _, ent := range c.meta.Entities {
		m, e, err := s.wsModule(c, ent.Name)
		if we, ok := err.(*wsError); ok && we.Code != wsInternalError {
			continue
		}
		if err != nil {
			return nil, err
		}
		out[m.Name] = &wsMod{m, e}
	}
	return out, nil
}

// wsRetrieveRelated lists the records related to id through the related
// list labelled relatedLabel (of relatedType records), as vtiger 6 added.
func (s *Server) wsRetrieveRelated(c *wsCall) (any, error) {
	if s.deps.Relations == nil {
		return nil, wsErrorf(wsUnknownOperation, "retrieve_related is not enabled on this server")
	}
	m, _, id, err := s.wsRecord(c, c.param("id"))
	if err != nil {
		return nil, err
	}
	if err := s.wsCheck(c, m.Name, crm.ActionView, id); err != nil {
		return nil, err
	}
	rel, err := s.wsRelation(c, m, c.param("relatedLabel"), c.param("relatedType"))
	if err != nil {
		return nil, err
	}
	rm, re, err := s.wsModule(c, rel.RelatedModule)
	if err != nil {
		return nil, err
	}
	out := []map[string]string{}
	for offset := 0; offset < wsRelatedLimit; offset += wsSyncLimit {
		page, err := s.deps.Relations.FindRelated(c.ctx(), c.user, m.Name, id, rel.ID, offset, wsSyncLimit)
		if err != nil {
			return nil, err
		}
		for _, r := range page.Records {
			rec, err := s.deps.Records.FindRecordByID(c.ctx(), rm.Name, r.ID)
			if crm.ErrorCode(err) == crm.ENotFound {
				continue
			}
			if err != nil {
				return nil, err
			}
			row, err := s.wsRecordOut(c, rm, re, rec)
			if err != nil {
				return nil, err
			}
			out = append(out, row)
		}
		if len(page.Records) < wsSyncLimit || offset+len(page.Records) >= page.Total {
			break
		}
	}
	return out, nil
}

// wsRelation finds a module's related list by label (any case) and, when
// given, the related module.
func (s *Server) wsRelation(c *wsCall, m *crm.Module, label, relType string) (*crm.Relation, error) {
	rels, err := s.deps.Relations.Relations(c.ctx(), m.Name)
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.RelatedModule == "" || !strings.EqualFold(r.Label, label) && !strings.EqualFold(r.RelatedModule, label) {
			continue
		}
		if relType == "" || r.RelatedModule == relType {
			return r, nil
		}
	}
	return nil, wsErrorf(wsInvalidRequest, "%s has no related list %q of %s records", m.Name, label, relType)
}
