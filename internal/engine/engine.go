// Package engine runs declared rules over a parsed document and its facts
// and collects their findings and per-rule outcomes.
package engine

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Severity of a rule or finding.
type Severity int

// Severities, in increasing order.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info", "note":
		return Info, nil
	}
	return Info, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Text is a message in Japanese and English.
type Text struct {
	JA, EN string
}

// In returns the text in the language ("ja" or "en"); Japanese by default.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.JA
}

// Rule is one checkable requirement, declared as a value: its code and its
// documentation live together so that `rules`, docs and SARIF cannot drift.
type Rule struct {
	ID       string
	Severity Severity
	// Article cites the legal basis, e.g. "法32条1項1号".
	Article Text
	Title   Text
	// Doc explains the requirement: what is present, what is missing.
	Doc Text
	// Conditional rules apply only when the policy first says something (the trigger).
	Conditional bool
	// Trigger describes the trigger of a conditional rule.
	Trigger Text
	// Missing is the message of a finding that the item is absent.
	Missing Text
	// Fix is the wording to add when the item is absent, with 【…】 for facts
	// only the author knows.
	Fix Text
	// Good and Bad are short compliant and non-compliant examples.
	Good, Bad string
	Run       func(*Pass)
}

// Status is a rule's outcome for one document.
type Status string

// Outcome statuses.
const (
	StatusOK        Status = "ok"
	StatusViolation Status = "violation"
	StatusNA        Status = "na"
)

// Finding is one reported problem.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Span     model.Span
	// Missing is true when the finding is about absent text; Span is then the
	// anchor (the section where the item belongs, else the document start).
	Missing bool
	Message Text
	// Suggestion is text to add or write instead (Japanese), may be empty.
	Suggestion string
}

// Outcome is a rule's status for one document with its evidence.
type Outcome struct {
	Rule     *Rule
	Status   Status
	Evidence []model.Span // for ok: the text that satisfies the rule
	Reason   string       // for na: why the rule does not apply
}

// Config holds settings that rules read.
type Config struct {
	// MinorsAge is the age line for appi/minors (default 15).
	MinorsAge int
	// AsOf is the date that date-dependent rules compare against.
	AsOf time.Time
}

// DefaultConfig returns the settings the catalog defines as defaults.
func DefaultConfig() Config {
	return Config{MinorsAge: 15, AsOf: time.Now()}
}

// Pass is what a rule's Run function sees for one document.
type Pass struct {
	Doc    *model.Document
	Facts  *facts.Facts
	Config Config
	Rule   *Rule

	outcome  Outcome
	findings []Finding
	memo     map[any]any // shared by the rules of one document run
}

// Memo returns the value stored under key for this document, computing it
// with compute the first time. Rules of one family use it to share an
// analysis that only they need (a key of their own type avoids clashes);
// analyses that several families need belong in facts.
func (p *Pass) Memo(key any, compute func() any) any {
	if v, ok := p.memo[key]; ok {
		return v
	}
	v := compute()
	p.memo[key] = v
	return v
}

// OK records that the rule is satisfied, with the evidence spans.
func (p *Pass) OK(evidence ...model.Span) {
	if p.outcome.Status == "" {
		p.outcome.Status = StatusOK
	}
	p.outcome.Evidence = append(p.outcome.Evidence, evidence...)
}

// NA records that a conditional rule's trigger is absent.
func (p *Pass) NA(reason string) {
	if p.outcome.Status == "" {
		p.outcome.Status = StatusNA
		p.outcome.Reason = reason
	}
}

// Missing reports that the required item is absent, anchored at a span
// (the section where it belongs; a zero span means the document start).
func (p *Pass) Missing(anchor model.Span) {
	p.MissingWith(anchor, p.Rule.Missing)
}

// MissingWith is Missing with a specific message.
func (p *Pass) MissingWith(anchor model.Span, msg Text) {
	p.outcome.Status = StatusViolation
	p.findings = append(p.findings, Finding{
		Rule: p.Rule, Severity: p.Rule.Severity, Span: anchor, Missing: true,
		Message: msg, Suggestion: p.Rule.Fix.JA,
	})
}

// Report reports a problem at present text.
func (p *Pass) Report(at model.Span, msg Text, suggestion string) {
	p.outcome.Status = StatusViolation
	p.findings = append(p.findings, Finding{
		Rule: p.Rule, Severity: p.Rule.Severity, Span: at, Message: msg, Suggestion: suggestion,
	})
}

// Result is everything the engine found in one document.
type Result struct {
	Doc      *model.Document
	Findings []Finding
	Outcomes []Outcome
}

// Run applies the rules to a document. Facts are computed once and shared.
func Run(doc *model.Document, rules []*Rule, cfg Config) *Result {
	defer rx.Release(doc.Text) // the patterns' cache of this document's sentences
	f := facts.Compute(doc)
	res := &Result{Doc: doc}
	memo := map[any]any{}
	for _, r := range rules {
		p := &Pass{Doc: doc, Facts: f, Config: cfg, Rule: r, memo: memo}
		r.Run(p)
		if p.outcome.Status == "" {
			p.outcome.Status = StatusOK
		}
		p.outcome.Rule = r
		res.Outcomes = append(res.Outcomes, p.outcome)
		res.Findings = append(res.Findings, p.findings...)
	}
	sort.SliceStable(res.Findings, func(i, j int) bool {
		a, b := res.Findings[i], res.Findings[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Rule.ID < b.Rule.ID
	})
	return res
}
