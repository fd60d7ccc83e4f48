package web

import (
	"encoding/csv"
	"net/http"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// maxExportRows bounds one export, so a careless click cannot tie up a
// node; vtiger's export has no bound, but its users wait for it.
const maxExportRows = 50000

// handleExport answers GET /m/{module}/export.csv: the list's records
// with its filter and sort, every page, as CSV with a header of labels.
func (s *Server) handleExport(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	m, err := s.pathModule(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := parseListParams(r.URL.Query())
	p.Page = 1
	q, _, _, err := s.listQuery(ctx, u, m, p, crm.MaxListLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	tr := s.basePage(r, "").translator
	res, err := s.deps.Records.FindRecords(ctx, u, m.Name, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fields := columnFields(m, res.Columns)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+m.Name+`.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("\xef\xbb\xbf")) // a BOM, so spreadsheets read UTF-8 (Chinese names)
	cw := csv.NewWriter(w)
	header := make([]string, len(fields))
	for i, f := range fields {
		header[i] = safeCell(tr.T(f.Label))
	}
	cw.Write(header)
	q.SkipTotal = true
	for rows := 0; rows < maxExportRows; {
		if err := s.writeCSVRows(r, cw, tr, fields, res.Records); err != nil {
			s.log.Error("export", "module", m.Name, "err", err)
			break
		}
		rows += len(res.Records)
		if len(res.Records) < q.Limit {
			break
		}
		q.Offset += q.Limit
		if res, err = s.deps.Records.FindRecords(ctx, u, m.Name, q); err != nil {
			s.log.Error("export", "module", m.Name, "err", err)
			break
		}
	}
	cw.Flush()
}

// writeCSVRows writes records as CSV rows of the values pages show, but
// dates as stored (YYYY-MM-DD), which spreadsheets read in any language.
func (s *Server) writeCSVRows(r *http.Request, cw *csv.Writer, tr translator, fields []*crm.Field, recs []*crm.Record) error {
	names, err := s.namesFor(r.Context(), fields, recs...)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		row := make([]string, len(fields))
		for i, f := range fields {
			raw := rec.Values[f.Name]
			text := raw
			if t := f.Type(); t != "D" && t != "DT" && f.UIType != 70 {
				text = showValue(tr, f, raw, names).Text
			}
			row[i] = safeCell(text)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}

// safeCell defuses CSV injection: a cell a spreadsheet would read as a
// formula gets a leading quote (OWASP's advice).
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
