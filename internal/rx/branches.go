package rx

import (
	"regexp/syntax"
	"strings"
)

// branchTry is one alternative of a pattern written as an alternation,
// with the literals its matches start with. At a position, leftmost-first
// matching takes the first alternative that matches there, and only those
// whose start literals occur there can: trying them alone, each a small
// program, is much cheaper than trying the whole alternation, which Go
// runs on its slower matcher when the program is large.
type branchTry struct {
	starts []string
	try    *anchoredTry
}

// branchTries returns the alternatives of expr when it is an alternation
// at its top level whose every alternative has start literals; nil
// otherwise.
func branchTries(expr string) []branchTry {
	parts := splitTopLevel(expr)
	if len(parts) < 2 {
		return nil
	}
	out := make([]branchTry, len(parts))
	for i, part := range parts {
		tree, err := syntax.Parse(part, syntax.Perl)
		if err != nil {
			return nil
		}
		tree = tree.Simplify()
		starts := startLiterals(tree)
		if starts == nil {
			return nil
		}
		out[i] = branchTry{starts: prefixFree(starts), try: newTry(tree, part, analyze(tree).query(), starts)}
	}
	return out
}

// startsAt reports whether one of the branch's start literals occurs at s[at:].
func (b *branchTry) startsAt(s string, at int) bool {
	for _, lit := range b.starts {
		if strings.HasPrefix(s[at:], lit) {
			return true
		}
	}
	return false
}

// splitTopLevel splits expr at the | that are outside groups and classes.
// It returns nil when the text is not simply such an alternation: a flag
// group like (?i) at the top level would apply to the alternatives after
// it, and \Q quotes to its \E.
func splitTopLevel(expr string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; c {
		case '\\':
			if i+1 < len(expr) && expr[i+1] == 'Q' {
				return nil
			}
			i++ // the escaped character (a multi-byte one is skipped byte by byte below)
		case '[':
			end := classEnd(expr, i)
			if end < 0 {
				return nil
			}
			i = end
		case '(':
			if depth == 0 && unscopedFlags(expr[i:]) {
				// (?i) at the top level would apply to the alternatives after it.
				return nil
			}
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, expr[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil
	}
	return append(parts, expr[start:])
}

// unscopedFlags reports whether expr opens with a flag group that sets
// flags for the rest of the enclosing group, (?i) or (?-s), rather than
// for its own content, (?i:…).
func unscopedFlags(expr string) bool {
	if !strings.HasPrefix(expr, "(?") || strings.HasPrefix(expr, "(?P<") || strings.HasPrefix(expr, "(?<") {
		return false
	}
	for i := 2; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == ':':
			return false
		case c == ')':
			return true
		case !strings.ContainsRune("imsU-", rune(c)):
			return true // not a flag group Go accepts: take no risk
		}
	}
	return true
}

// classEnd returns the index of the ] that closes the class opening at i,
// or -1. A ] right after [ or [^ is a member, as are escaped characters and
// the brackets of [:alpha:].
func classEnd(expr string, i int) int {
	j := i + 1
	if j < len(expr) && expr[j] == '^' {
		j++
	}
	if j < len(expr) && expr[j] == ']' {
		j++
	}
	for ; j < len(expr); j++ {
		switch expr[j] {
		case '\\':
			j++
		case '[':
			if strings.HasPrefix(expr[j:], "[:") {
				if k := strings.Index(expr[j+2:], ":]"); k >= 0 {
					j += 2 + k + 1
				}
			}
		case ']':
			return j
		}
	}
	return -1
}
