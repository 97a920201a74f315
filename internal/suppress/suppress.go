// Package suppress reads inline suppression comments from Markdown and HTML
// sources and decides which findings they silence:
//
//	<!-- appilint-disable-next-line appi/fee -- 手数料は別ページに記載 -->
//	<!-- appilint-disable appi/minors, appi/fee -- reason -->  …  <!-- appilint-enable -->
//
// A directive without rule IDs applies to every rule. A disable without a
// matching enable runs to the end of the file. Directives that silence
// nothing are reported, like nolintlint does, so stale ones get removed.
package suppress

import (
	"regexp"
	"strings"
)

// Directive is one suppression comment.
type Directive struct {
	Line     int      // 1-based line of the comment
	Rules    []string // empty = all rules
	Reason   string
	NextLine bool // disable-next-line (else a disable … enable block)
	From, To int  // lines it covers, inclusive (To = 0: end of file)
	Used     bool
}

// Covers reports whether the directive silences rule at line.
func (d *Directive) Covers(rule string, line int) bool {
	if line < d.From || d.To > 0 && line > d.To {
		return false
	}
	if len(d.Rules) == 0 {
		return true
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

var commentPattern = regexp.MustCompile(`<!--\s*appilint-(disable-next-line|disable|enable)\b([\s\S]*?)-->`)

// Parse finds the directives in the original text of a Markdown or HTML file.
func Parse(orig string) []*Directive {
	lines := lineStarts(orig)
	lineOf := func(off int) int {
		lo, hi := 0, len(lines)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if lines[mid] <= off {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo + 1
	}
	var out []*Directive
	var open []*Directive // disable blocks not yet closed
	for _, m := range commentPattern.FindAllStringSubmatchIndex(orig, -1) {
		kind := orig[m[2]:m[3]]
		body := orig[m[4]:m[5]]
		line := lineOf(m[0])
		endLine := lineOf(m[1] - 1)
		rules, reason := parseBody(body)
		switch kind {
		case "disable-next-line":
			next := nextContentLine(orig, lines, endLine)
			out = append(out, &Directive{Line: line, Rules: rules, Reason: reason, NextLine: true, From: next, To: next})
		case "disable":
			d := &Directive{Line: line, Rules: rules, Reason: reason, From: line}
			out = append(out, d)
			open = append(open, d)
		case "enable":
			// An enable closes the open blocks it names (all, when it names none).
			var still []*Directive
			for _, d := range open {
				if len(rules) == 0 || overlaps(d.Rules, rules) {
					d.To = line
				} else {
					still = append(still, d)
				}
			}
			open = still
		}
	}
	return out
}

func parseBody(body string) ([]string, string) {
	reason := ""
	if i := strings.Index(body, "--"); i >= 0 {
		reason = strings.TrimSpace(body[i+2:])
		body = body[:i]
	}
	rules := strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	return rules, reason
}

func overlaps(a, b []string) bool {
	if len(a) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func lineStarts(s string) []int {
	out := []int{0}
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}

// nextContentLine is the first non-blank line after line (1-based).
func nextContentLine(s string, starts []int, line int) int {
	for l := line + 1; l <= len(starts); l++ {
		end := len(s)
		if l < len(starts) {
			end = starts[l]
		}
		if strings.TrimSpace(s[starts[l-1]:end]) != "" {
			return l
		}
	}
	return line + 1
}

// Filter keeps the items that no directive covers and marks the directives
// used. key returns an item's rule ID and its 1-based start line.
func Filter[T any](items []T, ds []*Directive, key func(T) (string, int)) []T {
	var out []T
	for _, it := range items {
		rule, line := key(it)
		silenced := false
		for _, d := range ds {
			if d.Covers(rule, line) {
				d.Used = true
				silenced = true
			}
		}
		if !silenced {
			out = append(out, it)
		}
	}
	return out
}
