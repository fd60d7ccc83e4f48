package web

import (
	"context"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// listNotice is one line of news at the top of a list: what an action
// just did, with a link to the record it made.
type listNotice struct {
	Text     string
	LinkText string
	Href     string
}

// listNotices turns a list's notice parameters into notices. A created
// record is named only when it is one of the module's.
func (s *Server) listNotices(ctx context.Context, tr translator, m *crm.Module, p listParams) ([]listNotice, error) {
	var out []listNotice
	if p.Deleted > 0 {
		out = append(out, listNotice{Text: tr.Tf("%d records moved to the recycle bin.", p.Deleted)})
	}
	if p.Updated > 0 {
		out = append(out, listNotice{Text: tr.Tf("%d records updated.", p.Updated)})
	}
	if p.Tagged > 0 && p.Tag != "" {
		out = append(out, listNotice{Text: tr.Tf("%d records tagged %s.", p.Tagged, p.Tag)})
	}
	if p.Untagged > 0 {
		out = append(out, listNotice{Text: tr.Tf("%d records could not be tagged: deleted, or not yours to see.", p.Untagged)})
	}
	if p.Created > 0 {
		refs, err := s.deps.Records.RecordRefs(ctx, []int64{p.Created})
		if err != nil {
			return nil, err
		}
		if ref, ok := refs[p.Created]; ok && ref.Module == m.Name {
			label := ref.Label
			if label == "" {
				label = "#" + strconv.FormatInt(p.Created, 10)
			}
			out = append(out, listNotice{Text: tr.T("Created:"), LinkText: label, Href: recordHref(m.Name, p.Created)})
		}
	}
	return out, nil
}
