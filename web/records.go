package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// Records is what the module pages need of the record engine: reading,
// writing, listing, tagging, picklist choices and record names.
// *mysql.RecordService implements it.
type Records interface {
	crm.RecordService
	crm.RecordWriter
	crm.RecordLister
	crm.RecordTagger
	crm.PicklistReader
	crm.RecordNamer
	crm.GroupReader
}

// actor is the signed-in user of a request behind requireUser.
func actor(r *http.Request) *crm.User {
	_, u := sessionFrom(r.Context())
	return u
}

// pathModule returns the metadata of the request's {module}.
func (s *Server) pathModule(r *http.Request) (*crm.Module, error) {
	return s.deps.Records.Module(r.Context(), r.PathValue("module"))
}

// pathID parses the request's {id}.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, crm.Errorf(crm.ENotFound, "There is no record %q.", r.PathValue("id"))
	}
	return id, nil
}

// recordHref is the detail page of a record.
func recordHref(module string, id int64) string {
	return "/m/" + module + "/" + strconv.FormatInt(id, 10)
}

// recordTables names the tables a form may write: the module's
// per-record tables and vtiger_crmentity (owner, description).
func recordTables(m *crm.Module) map[string]bool {
	out := map[string]bool{"vtiger_crmentity": true}
	for _, t := range m.Tables {
		out[t.Name] = true
	}
	return out
}

// ownerNames names users and groups by id (one id space), for owner
// fields and history; it returns the users for owner pickers.
func (s *Server) ownerNames(ctx context.Context) (map[int64]string, []*crm.User, error) {
	users, err := s.deps.Users.FindUsers(ctx)
	if err != nil {
		return nil, nil, err
	}
	groups, err := s.deps.Records.FindGroups(ctx)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[int64]string, len(users)+len(groups))
	for _, g := range groups {
		names[g.ID] = g.Name
	}
	for _, u := range users {
		names[u.ID] = u.FullName()
	}
	return names, users, nil
}

// entityModules are the modules the recycle bin and search offer, in
// menu order: every navigation entry that is a record module.
func (s *Server) entityModules(ctx context.Context) []string {
	var out []string
	for _, sec := range s.nav("") {
		for _, it := range sec.Items {
			if pseudoModules[it.Module] {
				continue
			}
			if _, err := s.deps.Records.Module(ctx, it.Module); err == nil {
				out = append(out, it.Module)
			}
		}
	}
	return out
}

// pseudoModules are navigation entries that are no record module.
var pseudoModules = map[string]bool{
	"Home": true, "Settings": true, "Tags": true, "RecycleBin": true, "Reports": true,
}
