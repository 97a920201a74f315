// Package scan runs appilint over many policies (files, directories,
// globs and URL lists) on all cores and streams one Record per document.
package scan

import (
	"time"
)

// Record is one line of results.jsonl: everything known about one input.
// It is the contract between the scanner and the reports (matrix.csv,
// report.html) and the unit of sharding: JSONL in, JSONL out.
type Record struct {
	// ID is stable for an input across runs (a hash of Source) and keys --resume.
	ID      string `json:"id"`
	Company string `json:"company,omitempty"` // from the URL list's name column, else derived from the operator name or host
	Source  string `json:"source"`            // the path or URL as given
	// FinalURL is the URL after redirects (URLs only).
	FinalURL string `json:"final_url,omitempty"`
	Status   string `json:"status"`          // "ok" or "error"
	Error    string `json:"error,omitempty"` // the reason, for Status "error"
	Encoding string `json:"encoding,omitempty"`
	Operator string `json:"operator,omitempty"` // the operator's name as the policy states it
	// Rules holds every enabled rule's outcome (the coverage matrix row).
	Rules    []RuleStatus `json:"rules,omitempty"`
	Findings []Finding    `json:"findings,omitempty"`
	// Score is the share of applicable rules (status ok or violation) that are ok, 0..1.
	Score      float64   `json:"score"`
	CheckedAt  time.Time `json:"checked_at"`
	DurationMS int64     `json:"duration_ms"`
}

// RuleStatus is one rule's outcome for the document.
type RuleStatus struct {
	Rule     string     `json:"rule"`
	Status   string     `json:"status"` // ok, violation or na
	Severity string     `json:"severity"`
	Evidence []Evidence `json:"evidence,omitempty"` // for ok: the text that satisfies it
}

// Evidence is a quoted span of the document.
type Evidence struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Text   string `json:"text"`
}

// Finding is one reported problem.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Article  string `json:"article"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Missing  bool   `json:"missing,omitempty"`
	Evidence string `json:"evidence,omitempty"` // the text at the finding (for missing items: the anchor)
}
