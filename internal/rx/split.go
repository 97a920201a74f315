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

// newLeadSplit returns the split of tree, or nil when it does not open
// with a long alternation whose alternatives all have start literals, or
// when it has captures (the split would renumber them).
func newLeadSplit(tree *syntax.Regexp) *leadSplit {
	if tree.Op != syntax.OpConcat || len(tree.Sub) < 2 || tree.Sub[0].Op != syntax.OpAlternate ||
		len(tree.Sub[0].Sub) < minSplit || hasCapture(tree) {
		return nil
	}
	sp := &leadSplit{byRune: map[rune][]int{}, progs: map[string]*regexp.Regexp{}}
	for i, a := range tree.Sub[0].Sub {
		starts := startLiterals(a)
		if starts == nil {
			return nil
		}
		sp.alts = append(sp.alts, "(?:"+a.String()+")")
		sp.starts = append(sp.starts, starts)
		for _, st := range starts {
			r, _ := utf8.DecodeRuneInString(st)
			if ids := sp.byRune[r]; len(ids) == 0 || ids[len(ids)-1] != i {
				sp.byRune[r] = append(ids, i)
			}
		}
	}
	var rest strings.Builder
	for _, p := range tree.Sub[1:] {
		// Each part grouped: String does not parenthesize an alternation.
		rest.WriteString("(?:" + p.String() + ")")
	}
	sp.rest = rest.String()
	return sp
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
