package rx

import (
	"regexp"
	"regexp/syntax"
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
	// The anchored forms are compiled on the first try: most patterns are
	// never tried in a short run.
	compile   sync.Once
	anchored  *regexp.Regexp
	inContext *regexp.Regexp
}

func newTry(tree *syntax.Regexp, expr string) *anchoredTry {
	t := &anchoredTry{expr: expr, span: maxSpan(tree), behind: looksBehind(tree)}
	if t.span < 0 {
		t.alpha = newAlphabet(tree)
	}
	return t
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

// matchAt reports whether the pattern matches at position at of s.
func (t *anchoredTry) matchAt(s string, at int) bool {
	anchored, from, end := t.window(s, at)
	return anchored.MatchString(s[from:end])
}

// findAt returns the indexes in s of the match at position at (all
// submatches with sub), or nil.
func (t *anchoredTry) findAt(s string, at int, sub bool) []int {
	anchored, from, end := t.window(s, at)
	var loc []int
	if sub {
		loc = anchored.FindStringSubmatchIndex(s[from:end])
	} else {
		loc = anchored.FindStringIndex(s[from:end])
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
