package scanreport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/appilint/appilint/internal/scan"
)

// ReadJSONL reads records from results.jsonl (one JSON object a line, as
// the scanner streams them), so that reports can be rebuilt from one or
// more shards without scanning again. Blank lines are skipped; a line that
// does not parse is an error naming its line number (a truncated last line
// means the scan was interrupted: rerun it with --resume).
func ReadJSONL(r io.Reader) ([]scan.Record, error) {
	// bufio.Reader rather than Scanner: a record with much evidence can
	// exceed any fixed token size.
	br := bufio.NewReaderSize(r, 64*1024)
	var out []scan.Record
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return out, err
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte(utf8BOM))
		}
		if t := bytes.TrimSpace(line); len(t) > 0 {
			var rec scan.Record
			if jerr := json.Unmarshal(t, &rec); jerr != nil {
				return out, fmt.Errorf("line %d: %w", n, jerr)
			}
			out = append(out, rec)
		}
		if err != nil { // io.EOF after the last line
			return out, nil
		}
	}
}
