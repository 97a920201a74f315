// Package report writes engine results as human-readable text, JSON,
// SARIF 2.1.0, and the CI formats: GitHub Actions workflow commands,
// checkstyle XML, JUnit XML and reviewdog's rdjsonl.
//
// All formats share one preparation step (prepare) so that they agree on
// paths, positions, finding order and counts.
package report

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// Options controls how results are written.
type Options struct {
	Lang    string         // "ja" (default) or "en": language of messages, titles and articles
	Color   bool           // ANSI colour for the text format (the caller decides from TTY/NO_COLOR)
	Version string         // tool version for json/sarif
	Rules   []*engine.Rule // all enabled rules, in order (SARIF tool.driver.rules)
	BaseDir string         // paths are written relative to this directory when possible ("" = as given)
}

// stdinPath is how a document read from standard input is named.
const stdinPath = "<stdin>"

var formats = []string{"text", "json", "sarif", "github", "checkstyle", "junit", "rdjsonl"}

// Formats returns the names of the supported formats.
func Formats() []string { return slices.Clone(formats) }

// Write writes the results in the named format.
func Write(w io.Writer, format string, results []*engine.Result, opt Options) error {
	files := prepare(results, opt)
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text":
		return writeText(w, files, opt)
	case "json":
		return writeJSON(w, files, opt)
	case "sarif":
		return writeSARIF(w, files, opt)
	case "github":
		return writeGitHub(w, files, opt)
	case "checkstyle":
		return writeCheckstyle(w, files, opt)
	case "junit":
		return writeJUnit(w, files, opt)
	case "rdjsonl":
		return writeRDJSONL(w, files, opt)
	}
	return fmt.Errorf("unknown report format %q (valid: %s)", format, strings.Join(formats, ", "))
}

// lang normalises Options.Lang to "ja" or "en".
func (o Options) lang() string {
	if strings.HasPrefix(strings.ToLower(o.Lang), "en") {
		return "en"
	}
	return "ja"
}

// file is one result with everything the writers need precomputed.
type file struct {
	res      *engine.Result
	doc      *model.Document
	path     string // display path: relative to BaseDir with forward slashes when possible
	inBase   bool   // path is relative to BaseDir
	findings []located
}

// located is a finding with its position in the original input.
type located struct {
	engine.Finding
	start, end model.Position
}

func prepare(results []*engine.Result, opt Options) []*file {
	var files []*file
	for _, r := range results {
		if r == nil || r.Doc == nil {
			continue
		}
		p, inBase := displayPath(opt.BaseDir, r.Doc.Path)
		f := &file{res: r, doc: r.Doc, path: p, inBase: inBase}
		for _, fd := range r.Findings {
			if fd.Rule == nil {
				// A finding without a rule is an engine bug; report it rather than panic.
				fd.Rule = &engine.Rule{ID: "unknown", Severity: fd.Severity}
			}
			start, end := r.Doc.Range(fd.Span)
			f.findings = append(f.findings, located{Finding: fd, start: start, end: end})
		}
		// The engine sorts by normalised offset; sort again by original
		// position so that every format shows the same document order.
		slices.SortStableFunc(f.findings, func(a, b located) int {
			return cmp.Or(
				cmp.Compare(a.start.Offset, b.start.Offset),
				cmp.Compare(a.Rule.ID, b.Rule.ID),
			)
		})
		files = append(files, f)
	}
	return files
}

// displayPath returns p relative to base with forward slashes when p lies
// inside base; otherwise p as given (forward slashes). inBase reports the
// first case.
func displayPath(base, p string) (display string, inBase bool) {
	if p == "" || p == "-" || p == stdinPath {
		return stdinPath, false
	}
	if base != "" {
		ab, err1 := filepath.Abs(base)
		ap, err2 := filepath.Abs(p)
		if err1 == nil && err2 == nil {
			if rel, err := filepath.Rel(ab, ap); err == nil && rel != ".." &&
				!strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(rel), true
			}
		}
	}
	return filepath.ToSlash(p), false
}

// counts tallies findings by severity.
type counts struct {
	errors, warnings, info int
}

func (c *counts) add(s engine.Severity) {
	switch s {
	case engine.Error:
		c.errors++
	case engine.Warning:
		c.warnings++
	default:
		c.info++
	}
}

func (c counts) total() int { return c.errors + c.warnings + c.info }

func tally(files []*file) counts {
	var c counts
	for _, f := range files {
		for _, fd := range f.findings {
			c.add(fd.Severity)
		}
	}
	return c
}

// message returns the finding's message, falling back to the rule's
// Missing text or title so that no finding is reported without words.
func message(f engine.Finding, lang string) string {
	if m := f.Message.In(lang); m != "" {
		return m
	}
	if f.Missing {
		if m := f.Rule.Missing.In(lang); m != "" {
			return m
		}
	}
	if m := f.Rule.Title.In(lang); m != "" {
		return m
	}
	return f.Rule.ID
}

// messageWithArticle is the one-line message of the CI formats:
// "message (article)", or the message alone when the rule cites nothing.
func messageWithArticle(f engine.Finding, lang string) string {
	m := message(f, lang)
	if a := f.Rule.Article.In(lang); a != "" {
		m += " (" + a + ")"
	}
	return m
}

// pointEnd is the end position the CI formats report. A Missing finding's
// span is only an anchor (possibly a whole section), so it is reported as
// a point at the anchor's start rather than highlighting the section.
func (l located) pointEnd() model.Position {
	if l.Missing {
		return l.start
	}
	return l.end
}

// docURL is the rule's documentation page.
func docURL(id string) string {
	return "https://github.com/appilint/appilint/blob/main/docs/rules/" + strings.ReplaceAll(id, "/", "-") + ".md"
}

// escapePath percent-encodes each segment of a slash-separated path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// fileURI turns an absolute OS path into a file:// URI. dir adds the
// trailing slash SARIF requires for base URIs.
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter: file:///C:/...
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return "file://" + escapePath(p)
}

// relativeURI encodes a relative slash path as a URI reference.
func relativeURI(p string) string {
	u := escapePath(path.Clean(p))
	// A colon in the first segment would read as a URI scheme.
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}
