package main

import (
	"fmt"
	"path/filepath"

	"github.com/appilint/appilint/internal/baseline"
	"github.com/appilint/appilint/internal/config"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/suppress"
)

// unusedSuppression reports suppression comments and config ignores that
// silence nothing, so stale ones are removed (like nolintlint).
var unusedSuppression = &engine.Rule{
	ID:       "appilint/unused-suppression",
	Severity: engine.Warning,
	Article:  engine.Text{JA: "appilint の設定", EN: "appilint configuration"},
	Title:    engine.Text{JA: "何も抑止していない抑止指定", EN: "Suppression that suppresses nothing"},
	Doc: engine.Text{
		JA: "appilint-disable コメントや設定ファイルの ignore が、どの指摘も抑止していません。古くなった抑止指定は削除してください。",
		EN: "An appilint-disable comment or a config ignore entry silences no finding. Remove stale suppressions.",
	},
	Missing: engine.Text{JA: "この抑止指定はどの指摘も抑止していません。削除してください。", EN: "This suppression silences no finding; remove it."},
	Run:     func(*engine.Pass) {},
}

// findingLine is the 1-based line of a finding in the original input.
func findingLine(doc *model.Document, f engine.Finding) int {
	start, _ := doc.Range(f.Span)
	return start.Line
}

// applySuppressions drops findings silenced by inline comments (Markdown
// and HTML) and by the config's per-file ignores. Comments that silence
// nothing become findings; config ignores that silence nothing are
// returned as warnings (the config file is not a checked document).
func applySuppressions(results []*engine.Result, c *config.Config, cfgBase string) []string {
	var ignoreUsed []bool
	if c != nil {
		ignoreUsed = make([]bool, len(c.Ignores))
	}
	for _, r := range results {
		doc := r.Doc
		if c != nil && len(c.Ignores) > 0 {
			rel := relTo(cfgBase, doc.Path)
			var kept []engine.Finding
			for _, f := range r.Findings {
				silenced := false
				for i, ig := range c.Ignores {
					if config.Match(ig.Path, rel) && (len(ig.Rules) == 0 || containsString(ig.Rules, f.Rule.ID)) {
						ignoreUsed[i] = true
						silenced = true
					}
				}
				if !silenced {
					kept = append(kept, f)
				}
			}
			r.Findings = kept
		}
		if doc.Format != "md" && doc.Format != "html" {
			continue
		}
		ds := suppress.Parse(doc.Orig)
		if len(ds) == 0 {
			continue
		}
		r.Findings = suppress.Filter(r.Findings, ds, func(f engine.Finding) (string, int) {
			return f.Rule.ID, findingLine(doc, f)
		})
		for _, d := range ds {
			if !d.Used {
				r.Findings = append(r.Findings, unusedAt(doc, d.Line,
					engine.Text{JA: "この appilint-disable コメントはどの指摘も抑止していません。削除してください。",
						EN: "This appilint-disable comment silences no finding; remove it."}))
			}
		}
	}
	var unused []string
	for i, used := range ignoreUsed {
		if !used {
			ig := c.Ignores[i]
			unused = append(unused, fmt.Sprintf("%s:%d: ignore entry (path: %s) silences no finding; remove it", c.Path, ig.Line, ig.Path))
		}
	}
	return unused
}

// unusedAt makes an unused-suppression finding at a line of the original.
func unusedAt(doc *model.Document, line int, msg engine.Text) engine.Finding {
	span := model.Span{}
	for _, b := range doc.Blocks {
		if start, _ := doc.Range(b.Span); start.Line >= line {
			span = model.Span{Start: b.Span.Start, End: b.Span.Start}
			break
		}
	}
	return engine.Finding{Rule: unusedSuppression, Severity: unusedSuppression.Severity, Span: span, Message: msg}
}

func relTo(base, p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	if rel, err := filepath.Rel(base, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fingerprint of a finding for the baseline; paths are relative to the
// working directory so the baseline is portable across checkouts.
func fingerprint(wd string, r *engine.Result, f engine.Finding) (string, string) {
	path := relTo(wd, r.Doc.Path)
	evidence := r.Doc.Slice(f.Span)
	return path, baseline.Fingerprint(path, f.Rule.ID, f.Missing, evidence)
}

func writeBaseline(file string, results []*engine.Result, wd string) error {
	var entries []baseline.Entry
	for _, r := range results {
		for _, f := range r.Findings {
			path, fp := fingerprint(wd, r, f)
			entries = append(entries, baseline.Entry{Path: path, Rule: f.Rule.ID, Fingerprint: fp, Message: f.Message.JA})
		}
	}
	return baseline.Write(file, entries)
}

// applyBaseline drops the findings the baseline accepts.
func applyBaseline(file string, results []*engine.Result, wd string) error {
	set, err := baseline.Read(file)
	if err != nil {
		return err
	}
	for _, r := range results {
		var kept []engine.Finding
		for _, f := range r.Findings {
			if _, fp := fingerprint(wd, r, f); !set.Take(fp) {
				kept = append(kept, f)
			}
		}
		r.Findings = kept
	}
	return nil
}
