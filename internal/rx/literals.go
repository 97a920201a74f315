package rx

import "strings"

// litSet is a list of non-empty literals with their signature masks.
type litSet struct {
	lits  []string
	masks []mask
}

func newLitSet(lits []string) *litSet {
	ls := &litSet{lits: lits, masks: make([]mask, len(lits))}
	for i, l := range lits {
		ls.masks[i] = maskOf(l)
	}
	return ls
}

// litScan finds occurrences of a litSet's literals in s, in order. Each
// literal's next occurrence is remembered, so s is searched about once per
// literal however many occurrences are asked for; a literal the probe (when
// there is one) proves absent is never searched.
type litScan struct {
	set    *litSet
	s      string
	nextAt []int // per literal: its first occurrence at or after the last search; -1 none; -2 not searched
}

// scan starts a scan of s; buf, when long enough, holds the per-literal
// state (the caller's stack array, so a scan allocates nothing).
func (ls *litSet) scan(s string, p *probe, buf []int) litScan {
	sc := litScan{set: ls, s: s, nextAt: buf}
	if len(ls.lits) <= len(buf) {
		sc.nextAt = buf[:len(ls.lits)]
	} else {
		sc.nextAt = make([]int, len(ls.lits))
	}
	for i := range sc.nextAt {
		sc.nextAt[i] = -2
		if p != nil && !p.has(&ls.masks[i]) {
			sc.nextAt[i] = -1
		}
	}
	return sc
}

// next returns the earliest occurrence at or after from of any literal,
// and which literal; at the same position the first in the list wins (the
// alternative leftmost-first matching prefers). at is -1 when there is none.
func (sc *litScan) next(from int) (at, which int) {
	at, which = -1, -1
	for i, lit := range sc.set.lits {
		pos := sc.nextAt[i]
		if pos == -1 {
			continue
		}
		if pos < from { // not searched yet, or passed over
			pos = -1
			if from <= len(sc.s) {
				if j := strings.Index(sc.s[from:], lit); j >= 0 {
					pos = from + j
				}
			}
			sc.nextAt[i] = pos
			if pos < 0 {
				continue
			}
		}
		if at < 0 || pos < at {
			at, which = pos, i
		}
	}
	return at, which
}
