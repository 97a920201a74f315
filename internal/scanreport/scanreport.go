// Package scanreport turns the records of a bulk scan (results.jsonl) into
// the reports people read: matrix.csv (companies × rules, for Excel) and
// report.html (one self-contained page with a summary, a heatmap, a chart
// of the most common gaps and every company's findings).
package scanreport

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/appilint/appilint/internal/atomicfile"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/scan"
	"github.com/appilint/appilint/rules"
)

// Options control both reports.
type Options struct {
	// Lang is "ja" (the default) or "en": labels, rule titles and articles.
	Lang string
	// Title heads report.html; a default title is used when empty.
	Title string
	// GeneratedAt is printed in report.html; zero omits it. The reports never
	// read the clock themselves so that the same input gives the same bytes.
	GeneratedAt time.Time
	// Rules gives the column order and titles; rules.All() when nil. Rule IDs
	// that records hold but Rules lacks (a custom rule pack) get columns
	// after these, sorted, so that no outcome is dropped silently.
	Rules []*engine.Rule
}

// File names that Write creates in its directory.
const (
	MatrixFile = "matrix.csv"
	HTMLFile   = "report.html"
)

// Write writes DIR/matrix.csv and DIR/report.html from the records, each
// atomically, creating DIR when needed.
func Write(dir string, records []scan.Record, opt Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var csvBuf, htmlBuf bytes.Buffer
	if err := WriteMatrix(&csvBuf, records, opt); err != nil {
		return fmt.Errorf("%s: %w", MatrixFile, err)
	}
	if err := WriteHTML(&htmlBuf, records, opt); err != nil {
		return fmt.Errorf("%s: %w", HTMLFile, err)
	}
	if err := atomicfile.WriteFile(filepath.Join(dir, MatrixFile), csvBuf.Bytes(), 0o644); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, HTMLFile), htmlBuf.Bytes(), 0o644)
}

func (o Options) lang() string {
	if o.Lang == "en" {
		return "en"
	}
	return "ja"
}

// column is one rule column of the matrix.
type column struct {
	ID       string
	Title    string
	Article  string
	Severity string // error, warning, info; "" for rules unknown to the catalog
}

// columns returns the rule columns: opt.Rules (or the catalog) in order,
// then rule IDs found only in the records.
func columns(records []scan.Record, opt Options) []column {
	rs := opt.Rules
	if rs == nil {
		rs = rules.All()
	}
	lang := opt.lang()
	seen := make(map[string]bool, len(rs))
	cols := make([]column, 0, len(rs))
	for _, r := range rs {
		if r == nil || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		cols = append(cols, column{ID: r.ID, Title: r.Title.In(lang), Article: r.Article.In(lang), Severity: r.Severity.String()})
	}
	var extra []string
	for i := range records {
		for _, st := range records[i].Rules {
			if st.Rule != "" && !seen[st.Rule] {
				seen[st.Rule] = true
				extra = append(extra, st.Rule)
			}
		}
	}
	sort.Strings(extra)
	for _, id := range extra {
		cols = append(cols, column{ID: id, Title: id})
	}
	return cols
}

// statuses indexes a record's rule outcomes by rule ID.
func statuses(r *scan.Record) map[string]scan.RuleStatus {
	m := make(map[string]scan.RuleStatus, len(r.Rules))
	for _, st := range r.Rules {
		m[st.Rule] = st
	}
	return m
}

func failed(r *scan.Record) bool { return r.Status == "error" }
