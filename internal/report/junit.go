package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/appilint/appilint/internal/engine"
)

// JUnit XML in the shape GitLab (artifacts:reports:junit) and Jenkins
// (junit step) read: a <testsuite> per document and a <testcase> per rule,
// so that the test report lists every requirement checked, not only the
// violated ones. A rule with findings has one <failure> listing them all.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"` // always 0: JUnit errors are crashes, not findings
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string `xml:"name,attr"`
	Classname string `xml:"classname,attr"`
	// File lets GitLab link the test case to the document.
	File    string        `xml:"file,attr,omitempty"`
	Failure *junitFailure `xml:"failure"`
	Skipped *junitSkipped `xml:"skipped"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",innerxml"` // escaped by xmlText
}

type junitSkipped struct {
	Message string `xml:"message,attr,omitempty"`
}

// Why a violated rule has no findings left: the caller dropped them
// (inline suppression, config ignore or baseline).
var junitAccepted = map[string]string{
	"ja": "指摘はすべて抑止またはベースラインにより除外されています",
	"en": "all findings are suppressed or accepted by the baseline",
}

func writeJUnit(w io.Writer, files []*file, opt Options) error {
	lang := opt.lang()
	out := junitSuites{Name: "appilint"}
	for _, f := range files {
		s := junitSuiteOf(f, lang)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Skipped += s.Skipped
		out.Suites = append(out.Suites, s)
	}
	return writeXML(w, out)
}

func junitSuiteOf(f *file, lang string) junitSuite {
	s := junitSuite{Name: f.path}
	filePath := f.path
	if filePath == stdinPath {
		filePath = ""
	}

	// The rules in order: the outcomes first (the rule order), then any
	// rule that has findings but no outcome, such as
	// appilint/unused-suppression, in the order of its first finding.
	var rules []*engine.Rule
	outcome := map[string]engine.Outcome{}
	for _, o := range f.res.Outcomes {
		if o.Rule == nil {
			continue
		}
		if _, dup := outcome[o.Rule.ID]; !dup {
			outcome[o.Rule.ID] = o
			rules = append(rules, o.Rule)
		}
	}
	byRule := map[string][]located{}
	for _, fd := range f.findings {
		if _, ok := outcome[fd.Rule.ID]; !ok && byRule[fd.Rule.ID] == nil {
			rules = append(rules, fd.Rule)
		}
		byRule[fd.Rule.ID] = append(byRule[fd.Rule.ID], fd)
	}

	for _, r := range rules {
		c := junitCase{Name: r.ID, Classname: f.path, File: filePath}
		o, hasOutcome := outcome[r.ID]
		switch fds := byRule[r.ID]; {
		case len(fds) > 0:
			// The findings decide, not the outcome: they are what the gate
			// fails on once suppressions and the baseline are applied.
			c.Failure = junitFailureOf(f, r, fds, lang)
			s.Failures++
		case hasOutcome && o.Status == engine.StatusNA:
			c.Skipped = &junitSkipped{Message: o.Reason}
			s.Skipped++
		case hasOutcome && o.Status == engine.StatusViolation:
			c.Skipped = &junitSkipped{Message: junitAccepted[lang]}
			s.Skipped++
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	return s
}

// junitFailureOf lists a rule's findings, one "path:line:col: message"
// line each; the failure's type is the most severe of them.
func junitFailureOf(f *file, r *engine.Rule, fds []located, lang string) *junitFailure {
	worst := fds[0].Severity
	var body strings.Builder
	for _, fd := range fds {
		worst = max(worst, fd.Severity)
		fmt.Fprintf(&body, "%s:%d:%d: %s\n", f.path, fd.start.Line, fd.start.Column, messageWithArticle(fd.Finding, lang))
	}
	msg := r.Title.In(lang)
	if msg == "" {
		msg = message(fds[0].Finding, lang)
	}
	if a := r.Article.In(lang); a != "" {
		msg += " (" + a + ")"
	}
	return &junitFailure{Message: msg, Type: worst.String(), Body: xmlText(body.String())}
}

// xmlText escapes s as XML character data but keeps newlines literal
// (xml.EscapeText writes them as &#xA;) so the raw report stays readable.
// A "&#xA;" already in s is escaped to "&amp;#xA;", so only the escaper's
// own sequences are turned back.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails to write
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}
