package rx

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// anchoredTry matches a pattern at one given position of a text.
type anchoredTry struct {
	expr string
	// span bounds the bytes a match covers (-1: unbounded), so a try reads
	// only that much: Go's backtracker costs in proportion to the input it
	// is given, even when it fails at the first rune.
	span int
	// behind: the pattern has word boundaries or line anchors, so a try
	// also sees the rune before its position (inContext).
	behind bool
	// alpha, for an unbounded span, is the alphabet of the matches when
	// small: a try reads up to the first rune outside it.
	alpha *alphabet
	// needs are literal sets one literal of each of which every match
	// contains: a window without one is not tried (the matcher may take
	// tens of microseconds over a window that a substring search rejects).
	needs []*litSet
	// split, for a pattern that opens with a long alternation, tries only
	// the alternatives that can start at the position (leadSplit).
	split *leadSplit
	// The anchored forms are compiled on the first try: most patterns are
	// never tried in a short run.
	compile   sync.Once
	anchored  *regexp.Regexp
	inContext *regexp.Regexp
}

// newTry returns the try of a pattern, given its tree, text, prefilter and
// start literals.
func newTry(tree *syntax.Regexp, expr string, pre query, starts []string) *anchoredTry {
	t := &anchoredTry{expr: expr, span: maxSpan(tree), behind: looksBehind(tree), needs: needsOf(pre, starts)}
	if !t.behind {
		t.split = newLeadSplit(tree, expr)
	}
	if t.span < 0 {
		t.alpha = newAlphabet(tree)
	}
	return t
}

// needsOf returns the literal sets one literal of each of which lies in
// every match of a pattern with prefilter q: the conjuncts of q made of
// exact literals, without those a start literal holds (present wherever a
// try starts); the smallest sets first.
func needsOf(q query, starts []string) []*litSet {
	conj := []query{q}
	if q.op == opAnd {
		conj = q.sub
	}
	var out []*litSet
	for _, c := range conj {
		lits := exactLiterals(c)
		if lits == nil || heldByStart(lits, starts) {
			continue
		}
		out = append(out, newLitSet(lits))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].lits) < len(out[j].lits) })
	return out
}

// exactLiterals returns the literals of a condition that is one exact
// literal or an OR of them; nil otherwise.
func exactLiterals(q query) []string {
	switch q.op {
	case opLit:
		if !q.fold {
			return []string{q.lit}
		}
	case opOr:
		var lits []string
		for _, c := range q.sub {
			if c.op != opLit || c.fold {
				return nil
			}
			lits = append(lits, c.lit)
		}
		return lits
	}
	return nil
}

// heldByStart reports whether a start literal contains one of lits.
func heldByStart(lits, starts []string) bool {
	for _, st := range starts {
		for _, l := range lits {
			if strings.Contains(st, l) {
				return true
			}
		}
	}
	return false
}

// mayMatchIn reports whether s[from:end] holds a literal of each of the
// try's needs; p, the probe of s or nil, skips literals absent from s.
func (t *anchoredTry) mayMatchIn(s string, from, end int, p *probe) bool {
	w := s[from:end]
	for _, need := range t.needs {
		found := false
		for i, lit := range need.lits {
			if (p == nil || p.has(&need.masks[i])) && containsLit(w, lit) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// prepare returns the program a try at position at runs and the part of s
// it reads, or nil when no match can start there: the window lacks a
// literal every match needs, or no opening alternative starts there.
func (t *anchoredTry) prepare(s string, at int, p *probe) (prog *regexp.Regexp, from, end int) {
	prog, from, end = t.window(s, at)
	if !t.mayMatchIn(s, at, end, p) {
		return nil, 0, 0
	}
	if t.split != nil {
		prog = t.split.at(s, at)
	}
	return prog, from, end
}

// window returns the anchored form a try at position at uses and the part
// of s it reads.
func (t *anchoredTry) window(s string, at int) (anchored *regexp.Regexp, from, end int) {
	t.compile.Do(func() {
		// expr compiled, so these do: a prefix of ^ and one rune adds no error.
		t.anchored = regexp.MustCompile(`^(?:` + t.expr + `)`)
		if t.behind {
			t.inContext = regexp.MustCompile(`^(?s:.)(?:` + t.expr + `)`)
		}
	})
	end = len(s)
	switch {
	case t.span >= 0 && at+t.span < end:
		end = at + t.span // no match reads further
	case t.alpha != nil:
		end = t.alpha.end(s, at)
	}
	if t.inContext != nil && at > 0 {
		_, n := utf8.DecodeLastRuneInString(s[:at])
		return t.inContext, at - n, end
	}
	return t.anchored, at, end
}

// matchAt reports whether the pattern matches at position at of s, whose
// probe is p (or nil).
func (t *anchoredTry) matchAt(s string, at int, p *probe) bool {
	prog, from, end := t.prepare(s, at, p)
	return prog != nil && prog.MatchString(s[from:end])
}

// findAt returns the indexes in s of the match at position at (all
// submatches with sub), or nil; p is the probe of s or nil.
func (t *anchoredTry) findAt(s string, at int, sub bool, p *probe) []int {
	prog, from, end := t.prepare(s, at, p)
	if prog == nil {
		return nil
	}
	var loc []int
	if sub {
		loc = prog.FindStringSubmatchIndex(s[from:end])
	} else {
		loc = prog.FindStringIndex(s[from:end])
	}
	if loc == nil {
		return nil
	}
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += from
		}
	}
	loc[0] = at // behind a context rune, the whole match includes it
	return loc
}
