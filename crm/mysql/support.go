package mysql

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
)

// SupportService implements crm.SupportDesk: support lines in
// tl_support_lines, and for each answered call on one, a HelpDesk ticket
// linked to the caller, their service contract and the call record,
// claimed once per call in tl_support_calls.
type SupportService struct {
	db      *DB
	records *RecordService
	pub     crm.Publisher
	log     *slog.Logger
	now     func() time.Time
}

// NewSupportService returns a SupportService on db, creating tickets
// through records and publishing ticket events to pub (nil: none).
func NewSupportService(db *DB, records *RecordService, pub crm.Publisher, log *slog.Logger) *SupportService {
	if pub == nil {
		pub = crm.NopPublisher{}
	}
	return &SupportService{db: db, records: records, pub: pub, log: log.With("component", "support"), now: time.Now}
}

var _ crm.SupportDesk = (*SupportService)(nil)

type supportLineRow struct {
	ID       int64     `db:"id"`
	Kind     string    `db:"kind"`
	Value    string    `db:"value"`
	Name     string    `db:"name"`
	Priority string    `db:"priority"`
	Category string    `db:"category"`
	Window   int       `db:"repeat_window"` // minutes
	Created  time.Time `db:"created_at"`
}

func (r supportLineRow) line() crm.SupportLine {
	return crm.SupportLine{ID: r.ID, Kind: crm.SupportLineKind(r.Kind), Value: r.Value, Name: r.Name,
		Priority: r.Priority, Category: r.Category, RepeatWindow: time.Duration(r.Window) * time.Minute, Created: r.Created}
}

// ListSupportLines returns every support line, oldest first.
func (s *SupportService) ListSupportLines(ctx context.Context) ([]crm.SupportLine, error) {
	return listSupportLines(ctx, s.db)
}

func listSupportLines(ctx context.Context, ext sqlx.QueryerContext) ([]crm.SupportLine, error) {
	const q = `SELECT id, kind, value, name, priority, category, repeat_window, created_at
		FROM tl_support_lines ORDER BY id`
	var rows []supportLineRow
	if err := sqlx.SelectContext(ctx, ext, &rows, q); err != nil {
		return nil, fmt.Errorf("list support lines: %w", err)
	}
	out := make([]crm.SupportLine, len(rows))
	for i, r := range rows {
		out[i] = r.line()
	}
	return out, nil
}

// AddSupportLine adds a line, its value normalised (a DID kept as its
// digits); an empty priority becomes Normal. Errors: invalid, conflict
// (the same kind and value exist).
func (s *SupportService) AddSupportLine(ctx context.Context, l crm.SupportLine) (crm.SupportLine, error) {
	v, err := crm.NormalizeSupportValue(l.Kind, l.Value)
	if err != nil {
		return l, err
	}
	l.Value, l.Name = v, strings.TrimSpace(l.Name)
	l.Priority, l.Category = strings.TrimSpace(l.Priority), strings.TrimSpace(l.Category)
	if l.Priority == "" {
		l.Priority = crm.DefaultTicketPriority
	}
	if l.RepeatWindow < 0 {
		return l, crm.Errorf(crm.EInvalid, "repeat window must not be negative")
	}
	if err := checkPicklistValue(ctx, s.db, "ticketpriorities", l.Priority); err != nil {
		return l, err
	}
	if err := checkPicklistValue(ctx, s.db, "ticketcategories", l.Category); err != nil {
		return l, err
	}
	l.Created = s.now().UTC().Truncate(time.Second)
	const q = `INSERT INTO tl_support_lines (kind, value, name, priority, category, repeat_window, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`
	res, err := s.db.ExecContext(ctx, q, l.Kind, l.Value, l.Name, l.Priority, l.Category, int(l.RepeatWindow/time.Minute), l.Created)
	if err != nil {
		if crm.ErrorCode(mapError(err)) == crm.EConflict {
			return l, crm.Errorf(crm.EConflict, "a support line for %s %s exists", l.Kind, l.Value)
		}
		return l, fmt.Errorf("add support line: %w", err)
	}
	l.ID, err = res.LastInsertId()
	return l, err
}

// RemoveSupportLine removes a line by id. Calls already claimed keep
// their tickets. Errors: not_found.
func (s *SupportService) RemoveSupportLine(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM tl_support_lines WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("remove support line %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "no support line %d", id)
	}
	return nil
}

// checkPicklistValue refuses a value its HelpDesk picklist lacks; an
// empty value passes.
func checkPicklistValue(ctx context.Context, ext sqlx.QueryerContext, picklist, value string) error {
	if value == "" {
		return nil
	}
	var n int
	q := "SELECT COUNT(*) FROM " + quoteIdent("vtiger_"+picklist) + " WHERE " + quoteIdent(picklist) + " = ?"
	if err := sqlx.GetContext(ctx, ext, &n, q, value); err != nil {
		return fmt.Errorf("check %s %q: %w", picklist, value, err)
	}
	if n == 0 {
		return crm.Errorf(crm.EInvalid, "%q is not a value of %s", value, picklist)
	}
	return nil
}
