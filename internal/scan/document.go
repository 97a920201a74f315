package scan

import (
	"cmp"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/extract"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/fetch"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
)

// Record sizes stay bounded whatever the document: quoted text is cut and
// a rule keeps only its first pieces of evidence.
const (
	maxQuote    = 200 // characters of quoted text
	maxEvidence = 5   // evidence spans per rule
)

// checker turns a loaded input into the analysis part of a record.
type checker struct {
	rules []*engine.Rule
	cfg   engine.Config
	lang  string
	load  load.Options
}

// loadFile reads a file; HTML is cut down to its main content.
func (c *checker) loadFile(path string) (*load.Source, error) {
	src, err := load.File(path, c.load)
	if err != nil {
		return nil, err
	}
	return c.mainContent(src), nil
}

// loadPage decodes a fetched page. The charset of the HTTP header comes
// first; when it is wrong (common on old servers) the page's own meta tag
// and detection decide, as internal/load does for files.
func (c *checker) loadPage(p *fetch.Page) (*load.Source, error) {
	name := "page"
	if f := p.Format(); f != "" {
		name += "." + f
	}
	lo := c.load
	if cs := p.Charset(); cs != "" && lo.Encoding == "" {
		lo.Encoding = cs
	}
	src, err := load.Bytes(name, p.Body, lo)
	if err != nil && lo.Encoding != c.load.Encoding {
		src, err = load.Bytes(name, p.Body, c.load)
	}
	if err != nil {
		return nil, err
	}
	return c.mainContent(src), nil
}

// mainContent drops navigation, footers and banners from an HTML source.
// Extraction keeps lines and columns, so positions still point into the
// decoded page; the encoding reported is the page's.
func (c *checker) mainContent(src *load.Source) *load.Source {
	if src.Format != "html" {
		return src
	}
	lo := c.load
	lo.Encoding = "utf-8" // Orig is already decoded
	out, err := load.Bytes("main.html", extract.Main([]byte(src.Orig)), lo)
	if err != nil {
		return src // nothing readable left: lint the page as it is
	}
	out.Path, out.Encoding = src.Path, src.Encoding
	return out
}

// check analyses a source and fills the record's analysis fields.
func (c *checker) check(src *load.Source, rec *Record) error {
	doc, err := parse.Source(src)
	if err != nil {
		return err
	}
	// The engine computes facts once per document but does not return
	// them; a probe rule run last reads the operator's names from them.
	var names []facts.Name
	probe := &engine.Rule{ID: "scan/operator", Run: func(p *engine.Pass) { names = p.Facts.Operator.Names }}
	rules := append(slices.Clip(c.rules), probe)
	res := engine.Run(doc, rules, c.cfg)

	rec.Encoding = src.Encoding
	if len(names) > 0 {
		rec.Operator = names[0].Text
	}
	ok, violations := 0, 0
	for _, o := range res.Outcomes {
		if o.Rule == probe {
			continue
		}
		rs := RuleStatus{Rule: o.Rule.ID, Status: string(o.Status), Severity: o.Rule.Severity.String()}
		for _, sp := range o.Evidence[:min(len(o.Evidence), maxEvidence)] {
			start, _ := doc.Range(sp)
			rs.Evidence = append(rs.Evidence, Evidence{Line: start.Line, Column: start.Column, Text: quote(doc.Slice(sp))})
		}
		switch o.Status {
		case engine.StatusOK:
			ok++
		case engine.StatusViolation:
			violations++
		}
		rec.Rules = append(rec.Rules, rs)
	}
	for _, f := range res.Findings {
		start, _ := doc.Range(f.Span)
		rec.Findings = append(rec.Findings, Finding{
			Rule: f.Rule.ID, Severity: f.Severity.String(), Message: message(f, c.lang),
			Article: f.Rule.Article.In(c.lang), Line: start.Line, Column: start.Column,
			Missing: f.Missing, Evidence: quote(firstLine(doc.Slice(f.Span))),
		})
	}
	// The engine orders findings by normalised offset; the record shows
	// them in the order of the original text, like the other reports.
	slices.SortStableFunc(rec.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
	if ok+violations > 0 {
		rec.Score = math.Round(float64(ok)/float64(ok+violations)*1000) / 1000
	}
	return nil
}

// message is the finding's message with the same fallbacks as the reports.
func message(f engine.Finding, lang string) string {
	for _, t := range []engine.Text{f.Message, missingText(f), f.Rule.Title} {
		if m := t.In(lang); m != "" {
			return m
		}
	}
	return f.Rule.ID
}

func missingText(f engine.Finding) engine.Text {
	if f.Missing {
		return f.Rule.Missing
	}
	return engine.Text{}
}

// quote cuts quoted text to maxQuote characters.
func quote(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= maxQuote {
		return s
	}
	r := []rune(s)
	return string(r[:maxQuote]) + "…"
}

// firstLine is the first non-empty line: a missing item's anchor may be a
// whole section, of which its heading says enough.
func firstLine(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// fallbackCompany names a document whose list gave no company and whose
// text names no operator: the host of a URL, the file name of a file.
func fallbackCompany(in Input) string {
	if in.URL != "" {
		if u, err := fetch.ParseURL(in.URL); err == nil {
			return u.Hostname()
		}
		return ""
	}
	base := filepath.Base(in.Source)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
