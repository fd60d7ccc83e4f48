package web

import (
	"context"

	"github.com/tigerline/tigerline/crm"
)

// readRecord is how a page reads a record: the access check first (when
// the server has one), then the record. Every page that shows or edits a
// record reads it through here.
func (s *Server) readRecord(ctx context.Context, u *crm.User, module string, id int64, action crm.Action) (*crm.Record, error) {
	if s.deps.Access != nil {
		if err := s.deps.Access.Check(ctx, u, module, action, id); err != nil {
			return nil, err
		}
	}
	return s.deps.Records.FindRecordByID(ctx, module, id)
}
