package report

import (
	"encoding/json"
	"io"

	"github.com/appilint/appilint/internal/model"
)

type jsonReport struct {
	Tool    string      `json:"tool"`
	Version string      `json:"version"`
	Files   []jsonFile  `json:"files"`
	Summary jsonSummary `json:"summary"`
}

type jsonFile struct {
	Path string `json:"path"`
	// Note says what line numbers count for extracted formats (DOCX, PDF).
	Note     string        `json:"note,omitempty"`
	Findings []jsonFinding `json:"findings"`
	// Rules is every rule's outcome, the coverage an audit matrix is built from.
	Rules []jsonOutcome `json:"rules"`
}

type jsonFinding struct {
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Message    string `json:"message"`
	Article    string `json:"article"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"endLine"`
	EndColumn  int    `json:"endColumn"`
	Missing    bool   `json:"missing"`
	Suggestion string `json:"suggestion,omitempty"`
}

type jsonOutcome struct {
	Rule     string         `json:"rule"`
	Status   string         `json:"status"`
	Evidence []jsonEvidence `json:"evidence,omitempty"`
	Reason   string         `json:"reason,omitempty"`
}

type jsonEvidence struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Text      string `json:"text"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Info     int `json:"info"`
}

func writeJSON(w io.Writer, files []*file, opt Options) error {
	lang := opt.lang()
	c := tally(files)
	out := jsonReport{
		Tool:    "appilint",
		Version: opt.Version,
		Files:   []jsonFile{}, // [] rather than null for consumers
		Summary: jsonSummary{Files: len(files), Errors: c.errors, Warnings: c.warnings, Info: c.info},
	}
	for _, f := range files {
		jf := jsonFile{Path: f.path, Note: f.doc.Note, Findings: []jsonFinding{}, Rules: []jsonOutcome{}}
		for _, fd := range f.findings {
			jf.Findings = append(jf.Findings, jsonFinding{
				Rule:       fd.Rule.ID,
				Severity:   fd.Severity.String(),
				Message:    message(fd.Finding, lang),
				Article:    fd.Rule.Article.In(lang),
				Line:       fd.start.Line,
				Column:     fd.start.Column,
				EndLine:    fd.end.Line,
				EndColumn:  fd.end.Column,
				Missing:    fd.Missing,
				Suggestion: fd.Suggestion,
			})
		}
		for _, o := range f.res.Outcomes {
			jo := jsonOutcome{Status: string(o.Status), Reason: o.Reason}
			if o.Rule != nil {
				jo.Rule = o.Rule.ID
			}
			for _, sp := range o.Evidence {
				jo.Evidence = append(jo.Evidence, evidence(f.doc, sp))
			}
			jf.Rules = append(jf.Rules, jo)
		}
		out.Files = append(out.Files, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // keep "<stdin>" and quoted text readable
	return enc.Encode(out)
}

func evidence(doc *model.Document, sp model.Span) jsonEvidence {
	s, e := doc.Range(sp)
	return jsonEvidence{Line: s.Line, Column: s.Column, EndLine: e.Line, EndColumn: e.Column, Text: doc.Slice(sp)}
}
