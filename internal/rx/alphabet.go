package rx

import (
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// alphabet is the runes a pattern's matches can be made of, when that is a
// small set. A match that starts at a position ends at or before the first
// rune outside the set, so the matcher is given the text only up to there:
// Go's backtracker costs in proportion to the input it is given, and a
// list-marker pattern anchored at the text's start (^\s*(?:・|\(\d+\))+)
// would otherwise be charged for the whole sentence after the marker.
type alphabet struct {
	ascii  [utf8.RuneSelf]bool
	ranges []rune // sorted, merged; the runes from utf8.RuneSelf up
}

// maxAlphabet bounds the runes of an alphabet worth scanning for: a pattern
// that can read most kana or ideographs would rarely stop early.
const maxAlphabet = 4096

// newAlphabet returns the alphabet of re, or nil when it is large or when
// re looks past the end of its match (an end anchor or a word boundary
// tests the rune after, which a shortened text would change).
func newAlphabet(re *syntax.Regexp) *alphabet {
	if looksAhead(re) {
		return nil
	}
	ranges := mergeRanges(alphabetOf(re))
	size := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		size += int(ranges[i+1]-ranges[i]) + 1
		if size > maxAlphabet {
			return nil
		}
	}
	a := &alphabet{}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo, hi := ranges[i], ranges[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			a.ascii[r] = true
		}
		if hi >= utf8.RuneSelf {
			a.ranges = append(a.ranges, max(lo, utf8.RuneSelf), hi)
		}
	}
	return a
}

// alphabetOf returns the runes re can consume, as unmerged ranges.
func alphabetOf(re *syntax.Regexp) []rune {
	switch re.Op {
	case syntax.OpLiteral:
		var out []rune
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase == 0 {
				out = append(out, r, r)
				continue
			}
			for _, f := range caseOrbit(r) {
				out = append(out, f, f)
			}
		}
		return out
	case syntax.OpCharClass:
		return re.Rune
	case syntax.OpAnyCharNotNL:
		return []rune{0, '\n' - 1, '\n' + 1, unicode.MaxRune}
	case syntax.OpAnyChar:
		return []rune{0, unicode.MaxRune}
	}
	var out []rune
	for _, sub := range re.Sub {
		out = append(out, alphabetOf(sub)...)
	}
	return out
}

// looksAhead reports whether re tests the rune after a position.
func looksAhead(re *syntax.Regexp) bool {
	return hasOp(re, syntax.OpEndLine, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary)
}

// end returns the position of the first rune of s at or after from that is
// not in the alphabet (len(s) when there is none). Runes are decoded as
// the matcher decodes them: an invalid byte is utf8.RuneError, one byte wide.
func (a *alphabet) end(s string, from int) int {
	for i := from; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !a.ascii[c] {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inRanges(r, a.ranges) {
			return i
		}
		i += n
	}
	return len(s)
}

// anchoredAtStart reports whether every match of re starts at the start of
// the text (^ or \A without (?m)).
func anchoredAtStart(re *syntax.Regexp) bool {
	prog, err := syntax.Compile(re)
	return err == nil && prog.StartCond()&syntax.EmptyBeginText != 0
}
