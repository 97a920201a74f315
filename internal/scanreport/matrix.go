package scanreport

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/appilint/appilint/internal/scan"
)

// utf8BOM makes Excel (which otherwise assumes Shift_JIS on Japanese
// Windows) read the file as UTF-8.
const utf8BOM = "\ufeff"

// WriteMatrix writes the coverage matrix as CSV: a UTF-8 BOM, the header
// company, source, status, score, one column per rule ID, error; then one
// row per record in the given order. Rule cells are ok, violation, n/a or
// empty (the rule did not run); failed inputs have empty rule cells and the
// reason in the error column.
func WriteMatrix(w io.Writer, records []scan.Record, opt Options) error {
	cols := columns(records, opt)
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := make([]string, 0, len(cols)+5)
	header = append(header, "company", "source", "status", "score")
	for _, c := range cols {
		header = append(header, c.ID)
	}
	header = append(header, "error")
	if err := cw.Write(header); err != nil {
		return err
	}
	row := make([]string, len(header))
	for i := range records {
		r := &records[i]
		row = row[:0]
		row = append(row, cellText(r.Company), cellText(r.Source), r.Status, "")
		if !failed(r) {
			row[3] = strconv.FormatFloat(r.Score, 'f', 3, 64)
		}
		st := statuses(r)
		for _, c := range cols {
			s, ok := st[c.ID]
			switch {
			case failed(r) || !ok:
				row = append(row, "")
			case s.Status == "na":
				row = append(row, "n/a")
			default:
				row = append(row, s.Status)
			}
		}
		row = append(row, cellText(r.Error))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellText defuses CSV formula injection (CWE-1236): company names and
// sources come from crawled pages and URL lists, and Excel runs a cell
// that starts with = + - @ as a formula. A leading apostrophe makes it text.
func cellText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
