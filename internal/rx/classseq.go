package rx

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"
)

// classSeq matches an alternative of a marker loop that is a sequence of
// character classes, each repeated greedily between min and max times:
// \(\s*\d{1,2}\s*\)\s* or 第\s*\d{1,3}\s*条. Each step of a marker loop
// used to run Go's matcher on a few bytes, at some 300 ns a call; this
// walks the runes once.
//
// Taking each class's runes greedily gives the match the backtracker
// prefers, provided a class repeated a varying number of times shares no
// rune with any class that may come right after it (those up to the first
// that must match a rune): giving a rune back could then never let a later
// class take it, so no other choice can succeed where the greedy one
// fails. newClassSeq refuses sequences without that property.
type classSeq []seqItem

type seqItem struct {
	ranges   []rune // sorted, merged [lo, hi] pairs
	min, max int    // max < 0: unbounded
}

// newClassSeq returns the sequence of a simplified, capture-free
// alternative, or nil when it is not of the form.
func newClassSeq(re *syntax.Regexp) classSeq {
	var seq classSeq
	if !appendItems(&seq, re) {
		return nil
	}
	if len(seq) == 0 || seq[0].min == 0 {
		return nil // the loop needs a step that takes a rune
	}
	for i, it := range seq {
		if it.min == it.max {
			continue // a fixed count leaves no choice to get wrong
		}
		for _, next := range seq[i+1:] {
			if rangesShare(it.ranges, next.ranges) {
				return nil
			}
			if next.min > 0 {
				break
			}
		}
	}
	return seq
}

// appendItem adds it to seq, merged with the last item when both are of
// one class: Simplify writes \d{1,3} as \d(?:\d\d?)?, one item \d{1,3}
// again, as greedy as the nested form.
func appendItem(seq *classSeq, it seqItem) {
	if n := len(*seq); n > 0 && slices.Equal((*seq)[n-1].ranges, it.ranges) {
		last := &(*seq)[n-1]
		last.min += it.min
		if last.max < 0 || it.max < 0 {
			last.max = -1
		} else {
			last.max += it.max
		}
		return
	}
	*seq = append(*seq, it)
}

// appendItems adds the items of re to seq, reporting false for a part that
// is not a greedy repetition of one class or literal rune.
func appendItems(seq *classSeq, re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !appendItems(seq, sub) {
				return false
			}
		}
		return true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return false
		}
		for _, r := range re.Rune {
			appendItem(seq, seqItem{ranges: []rune{r, r}, min: 1, max: 1})
		}
		return true
	case syntax.OpCharClass:
		appendItem(seq, seqItem{ranges: mergeRanges(re.Rune), min: 1, max: 1})
		return true
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if re.Flags&syntax.NonGreedy != 0 {
			return false
		}
		var one classSeq
		// The repeated part must be one class taking at least one rune and
		// at most some: repeats of it then cover every count between the
		// least and the most (not so for (?:xx){1,2}, which takes 2 or 4).
		if !appendItems(&one, re.Sub[0]) || len(one) != 1 || one[0].min != 1 {
			return false
		}
		it := one[0]
		switch re.Op {
		case syntax.OpStar:
			it.min, it.max = 0, -1
		case syntax.OpPlus:
			it.max = -1
		case syntax.OpQuest:
			it.min = 0
		default:
			if re.Max < 0 || it.max < 0 {
				it.min, it.max = re.Min*it.min, -1
			} else {
				it.min, it.max = re.Min*it.min, re.Max*it.max
			}
		}
		appendItem(seq, it)
		return true
	}
	return false
}

// rangesShare reports whether two sorted, merged range lists hold a common rune.
func rangesShare(a, b []rune) bool {
	for i := 0; i+1 < len(b); i += 2 {
		if rangesMeet(a, b[i], b[i+1]) {
			return true
		}
	}
	return false
}

// match returns the end of the sequence's match at pos of s, or -1. Runes
// are decoded as Go's matcher decodes them (an invalid byte is U+FFFD).
func (q classSeq) match(s string, pos int) int {
	for _, it := range q {
		n := 0
		for (it.max < 0 || n < it.max) && pos < len(s) {
			r, w := utf8.DecodeRuneInString(s[pos:])
			if !inRanges(r, it.ranges) {
				break
			}
			pos += w
			n++
		}
		if n < it.min {
			return -1
		}
	}
	return pos
}
