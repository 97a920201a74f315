package rx

import "sync"

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
	nextAt []int32 // per literal: its first occurrence at or after the last search; -1 none; -2 not searched
}

// scanBuf holds the per-literal state of a scan of up to 64 literals on
// the caller's stack. Larger sets (countries, services) take theirs from
// scanPool: allocating it on every call was a fifth of the bytes the rules
// allocate.
type scanBuf [64]int32

var scanPool = sync.Pool{New: func() any { return new([]int32) }}

// scan starts a scan of s (shorter than 2 GiB, as positions are int32).
// The state it took from the pool, if any, is returned too, for
// releaseScan when the scan is over. (It is kept out of litScan: escape
// analysis does not tell fields apart, and a litScan holding what goes to
// the pool would move buf to the heap.)
func (ls *litSet) scan(s string, p *probe, buf *scanBuf) (litScan, *[]int32) {
	sc := litScan{set: ls, s: s}
	var pooled *[]int32
	if n := len(ls.lits); n <= len(buf) {
		sc.nextAt = buf[:n]
	} else {
		pooled = scanPool.Get().(*[]int32)
		if cap(*pooled) < n {
			*pooled = make([]int32, n)
		}
		sc.nextAt = (*pooled)[:n]
	}
	for i := range sc.nextAt {
		sc.nextAt[i] = -2
		if p != nil && !p.has(&ls.masks[i]) {
			sc.nextAt[i] = -1
		}
	}
	return sc, pooled
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
		if int(pos) < from { // not searched yet, or passed over
			pos = -1
			if from <= len(sc.s) {
				if j := indexLit(sc.s[from:], lit); j >= 0 {
					pos = int32(from + j)
				}
			}
			sc.nextAt[i] = pos
			if pos < 0 {
				continue
			}
		}
		if at < 0 || int(pos) < at {
			at, which = int(pos), i
		}
	}
	return at, which
}

// releaseScan returns a scan's pooled state (nil: it had none).
func releaseScan(pooled *[]int32) {
	if pooled != nil {
		scanPool.Put(pooled)
	}
}
