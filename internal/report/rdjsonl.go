package report

import (
	"encoding/json"
	"io"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// reviewdog Diagnostic Format as JSON Lines (reviewdog -f=rdjsonl): one
// Diagnostic message per finding, as defined in reviewdog's
// proto/rdf/reviewdog.proto.
//
// Positions there are 1-based with columns counted in UTF-8 bytes and an
// exclusive end, whereas model.Position counts code points: the columns
// are converted, or Japanese text would be highlighted in the wrong place.
//
// No "suggestions" are written: a Missing finding's anchor is a section,
// not the insertion point, and a Report finding's suggestion may hold
// placeholders (【…】) or examples rather than the exact replacement, so
// an applicable suggestion could edit the wrong text.

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   rdSource   `json:"source"`
	Code     rdCode     `json:"code"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url"`
}

func writeRDJSONL(w io.Writer, files []*file, opt Options) error {
	lang := opt.lang()
	enc := json.NewEncoder(w) // Encode ends each value with "\n": one line per diagnostic
	enc.SetEscapeHTML(false)
	for _, f := range files {
		for _, fd := range f.findings {
			d := rdDiagnostic{
				Message: messageWithArticle(fd.Finding, lang),
				Location: rdLocation{Path: f.path, Range: rdRange{
					Start: rdPositionOf(f.doc, fd.start),
					End:   rdPositionOf(f.doc, fd.pointEnd()),
				}},
				Severity: rdSeverity(fd.Severity),
				Source:   rdSource{Name: "appilint", URL: toolURI},
				Code:     rdCode{Value: fd.Rule.ID, URL: docURL(fd.Rule.ID)},
			}
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
	}
	return nil
}

// rdPositionOf converts a code-point position to reviewdog's byte column.
func rdPositionOf(doc *model.Document, p model.Position) rdPosition {
	return rdPosition{Line: p.Line, Column: byteColumn(doc.LineText(p.Offset), p.Column)}
}

// byteColumn returns the 1-based UTF-8 byte column of the col-th code point
// of line. A column past the line's text lies in its terminator, whose
// characters (\r, \n) are one byte each.
func byteColumn(line string, col int) int {
	n := 1
	for range col - 1 {
		_, size := utf8.DecodeRuneInString(line)
		size = max(size, 1) // 0 past the end of line: a terminator byte
		line = line[min(size, len(line)):]
		n += size
	}
	return n
}

func rdSeverity(s engine.Severity) string {
	switch s {
	case engine.Error:
		return "ERROR"
	case engine.Warning:
		return "WARNING"
	}
	return "INFO"
}
