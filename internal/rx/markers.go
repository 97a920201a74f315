package rx

import (
	"regexp/syntax"
	"unicode/utf8"
)

// markerLoop matches a pattern of the form ^W*(?:A1|…|An)+ or
// ^W*(?:A1|…|An) without captures: a run of list markers at the start of a
// line (・, (1), 第3条). Go's backtracker tries every alternative at every
// step of such a pattern; here only the alternatives whose first rune is
// the one at hand are tried, each walked rune by rune when it is a class
// sequence (classSeq), else a small program.
//
// The answer is the same: W* takes every leading rune of W, since no
// alternative starts with one (so giving some back cannot help); then each
// step takes the first alternative that matches, with the match it prefers,
// because whatever follows a step (another step, or the end of the
// pattern) accepts anything; the steps go on while one matches.
type markerLoop struct {
	space  []rune // W's ranges; nil when the pattern has no W*
	alts   []markerAlt
	repeat bool // (…)+ rather than a single step
}

type markerAlt struct {
	lead []rune   // the runes a match of the alternative starts with
	seq  classSeq // the alternative as a class sequence, when it is one
	try  *anchoredTry
}

// newMarkerLoop returns the loop of tree, or nil when tree is not of the
// form (or an alternative could match the empty string, test a position's
// neighbours, or start with a rune of W).
func newMarkerLoop(tree *syntax.Regexp) *markerLoop {
	if tree.Op != syntax.OpConcat || len(tree.Sub) < 2 || len(tree.Sub) > 3 || tree.Sub[0].Op != syntax.OpBeginText {
		return nil
	}
	l := &markerLoop{}
	parts := tree.Sub[1:]
	if len(parts) == 2 {
		star := parts[0]
		if star.Op != syntax.OpStar || star.Flags&syntax.NonGreedy != 0 || star.Sub[0].Op != syntax.OpCharClass {
			return nil
		}
		l.space = star.Sub[0].Rune
		parts = parts[1:]
	}
	body := parts[0]
	if body.Op == syntax.OpPlus {
		if body.Flags&syntax.NonGreedy != 0 {
			return nil
		}
		l.repeat, body = true, body.Sub[0]
	}
	alts := []*syntax.Regexp{body}
	if body.Op == syntax.OpAlternate {
		alts = body.Sub
	}
	for _, a := range alts {
		lead, nullable := leadOf(a)
		if nullable || looksBehind(a) || looksAhead(a) || hasOp(a, syntax.OpBeginText, syntax.OpCapture) {
			return nil
		}
		lead = mergeRanges(lead)
		for i := 0; i+1 < len(l.space); i += 2 {
			if rangesMeet(lead, l.space[i], l.space[i+1]) {
				return nil
			}
		}
		alt := markerAlt{lead: lead, seq: newClassSeq(a)}
		if alt.seq == nil {
			alt.try = newTry(a, a.String(), analyze(a).query(), startLiterals(a))
		}
		l.alts = append(l.alts, alt)
	}
	return l
}

// match returns the end of the match at the start of s, or -1.
func (l *markerLoop) match(s string) int {
	pos := 0
	for pos < len(s) {
		r, n := utf8.DecodeRuneInString(s[pos:])
		if !inRanges(r, l.space) {
			break
		}
		pos += n
	}
	steps := 0
	for pos < len(s) {
		next := l.step(s, pos)
		if next < 0 {
			break
		}
		pos, steps = next, steps+1
		if !l.repeat {
			break
		}
	}
	if steps == 0 {
		return -1
	}
	return pos
}

// step returns the end of the first alternative that matches at pos, or -1.
func (l *markerLoop) step(s string, pos int) int {
	r, _ := utf8.DecodeRuneInString(s[pos:])
	for i := range l.alts {
		a := &l.alts[i]
		if !inRanges(r, a.lead) {
			continue
		}
		if a.seq != nil {
			if end := a.seq.match(s, pos); end >= 0 {
				return end
			}
			continue
		}
		if loc := a.try.findAt(s, pos, false, nil); loc != nil {
			return loc[1]
		}
	}
	return -1
}

// rangesMeet reports whether the sorted, merged ranges hold a rune of [lo, hi].
func rangesMeet(ranges []rune, lo, hi rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= hi && lo <= ranges[i+1] {
			return true
		}
	}
	return false
}
