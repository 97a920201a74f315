package rx

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// leadSplit serves a pattern that opens with a long alternation (a list of
// countries, of staff titles) followed by more: at a position, only the
// alternatives whose start literals occur there can match, and in
// leftmost-first matching the others would fail anyway, so the try runs
// the program of those few (compiled on first need) instead of all of
// them, which Go runs on its slower matcher when the program is large.
type leadSplit struct {
	alts   []string       // the text of each opening alternative
	starts [][]string     // the start literals of each
	byRune map[rune][]int // the alternatives whose start literals begin with a rune
	rest   string         // the text of what follows the alternation
	mu     sync.Mutex     // guards progs
	progs  map[string]*regexp.Regexp
}

// minSplit is the number of opening alternatives from which a split pays.
const minSplit = 8

// newLeadSplit returns the split of a pattern whose text opens with a
// non-capturing group of alternatives followed by more, or nil when the
// alternatives are few or one lacks start literals, when a quantifier
// applies to the group, or when the pattern has captures (the split would
// renumber them). It works on the text, as branchTries does: printing
// parsed trees back is far too slow for large classes.
func newLeadSplit(tree *syntax.Regexp, expr string) *leadSplit {
	if !strings.HasPrefix(expr, "(?:") || hasOp(tree, syntax.OpCapture) {
		return nil
	}
	end := groupEnd(expr)
	if end < 0 || end+1 >= len(expr) || strings.ContainsRune("*+?{", rune(expr[end+1])) {
		return nil
	}
	parts := splitTopLevel(expr[len("(?:"):end])
	if len(parts) < minSplit {
		return nil
	}
	sp := &leadSplit{byRune: map[rune][]int{}, progs: map[string]*regexp.Regexp{}, rest: expr[end+1:]}
	for i, part := range parts {
		t, err := syntax.Parse(part, syntax.Perl)
		if err != nil {
			return nil
		}
		starts := startLiterals(t.Simplify())
		if starts == nil {
			return nil
		}
		sp.alts = append(sp.alts, "(?:"+part+")")
		sp.starts = append(sp.starts, starts)
		for _, st := range starts {
			r, _ := utf8.DecodeRuneInString(st)
			if ids := sp.byRune[r]; len(ids) == 0 || ids[len(ids)-1] != i {
				sp.byRune[r] = append(ids, i)
			}
		}
	}
	return sp
}

// groupEnd returns the index of the ) that closes the group opening expr,
// or -1.
func groupEnd(expr string) int {
	depth := 0
	for i := 0; i < len(expr); i++ {
		switch expr[i] {
		case '\\':
			if i+1 < len(expr) && expr[i+1] == 'Q' {
				return -1
			}
			i++
		case '[':
			if i = classEnd(expr, i); i < 0 {
				return -1
			}
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// at returns the anchored program of the alternatives that can start at
// s[at:], or nil when none can.
func (sp *leadSplit) at(s string, at int) *regexp.Regexp {
	r, _ := utf8.DecodeRuneInString(s[at:])
	var key []byte
	var chosen []string
	for _, i := range sp.byRune[r] {
		for _, st := range sp.starts[i] {
			if strings.HasPrefix(s[at:], st) {
				key = utf8.AppendRune(key, rune(i))
				chosen = append(chosen, sp.alts[i])
				break
			}
		}
	}
	if chosen == nil {
		return nil
	}
	sp.mu.Lock()
	defer sp.mu.Unlock()
	prog := sp.progs[string(key)]
	if prog == nil {
		// The pieces come from a parsed pattern: they compile.
		prog = regexp.MustCompile(`^(?:(?:` + strings.Join(chosen, "|") + `)` + sp.rest + `)`)
		sp.progs[string(key)] = prog
	}
	return prog
}
